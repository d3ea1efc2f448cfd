import type { ErrorCode } from './error-codes';

/**
 * The one error type of the application. `code` is a stable, namespaced identifier registered in
 * an error catalog (which gives the HTTP status and the localised message); `params` fill the
 * message; `details` go to the client as they are, so they must never hold internals.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
