import type { PLATFORM_ERRORS } from './error-catalog';

/**
 * Every error code the application may throw, as the keys of one interface that each catalog
 * adds its codes to (`declare module … { interface ErrorCodes extends CodesOf<typeof X> {} }`
 * beside the catalog). `new AppError('ELDER_NOT_FUOND')` then fails the typecheck instead of
 * reaching a user as a 500.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodes extends CodesOf<typeof PLATFORM_ERRORS> {}

export type CodesOf<Catalog> = Record<keyof Catalog, true>;
export type ErrorCode = keyof ErrorCodes & string;
