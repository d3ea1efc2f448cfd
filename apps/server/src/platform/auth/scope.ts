import type { ErrorCode } from '../errors/error-codes';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isWithinScope, regionPrefix } from '@yiyang/domain';
import { AppError } from '../errors/app-error';

/**
 * What a caller may see, carried by every signed-in request (SessionUser extends it). The region
 * scope is the prefix of `regionCode`; a provider account (provider manager, caregiver) is
 * further held to its own provider, and a caregiver account names its own staff record.
 */
export interface Scope {
  /** 12-digit code of the region the caller works in; its prefix is the region scope. */
  regionCode: string;
  /** The provider a provider account works for; null for everyone else. */
  providerId: string | null;
  /** The staff record of a caregiver account, once linked; null for everyone else. */
  staffId: string | null;
}

type RegionScope = Pick<Scope, 'regionCode'>;
type ProviderScope = Pick<Scope, 'regionCode' | 'providerId'>;

/**
 * Region scope, the platform mechanism every module uses: lists are filtered by the caller's
 * region prefix before anything else, and a single object outside the scope is reported as
 * absent (404), so its existence does not leak.
 */
export function scopePrefix(user: RegionScope): string {
  return regionPrefix(user.regionCode);
}

/** `column LIKE '<prefix>%'`; prefixes are digits only, so nothing needs escaping. */
export function inScope(column: AnyPgColumn | SQL, user: RegionScope): SQL {
  return sql`${column} like ${scopePrefix(user) + '%'}`;
}

export function isInScope(regionCode: string | null | undefined, user: RegionScope): boolean {
  return !!regionCode && isWithinScope(regionCode, user.regionCode);
}

/**
 * For things that serve an area (agencies, purchase lists): visible when inside the caller's
 * scope, or when their area covers the caller's region.
 */
export function overlapsScope(regionCode: string, user: RegionScope): boolean {
  return isWithinScope(regionCode, user.regionCode) || isWithinScope(user.regionCode, regionCode);
}

/** For reads: an object outside the scope answers 404 with the given code. */
export function assertInScope(
  regionCode: string | null | undefined,
  user: RegionScope,
  notFoundCode: ErrorCode = 'NOT_FOUND',
): void {
  if (!isInScope(regionCode, user)) throw new AppError(notFoundCode);
}

/** For writes that place something in a region: outside the scope is a 403. */
export function assertAssignable(regionCode: string, user: RegionScope): void {
  if (!isWithinScope(regionCode, user.regionCode))
    throw new AppError('SCOPE_REGION_FORBIDDEN', {}, { regionCode });
}

/**
 * The single row a lookup found, if it is inside the caller's scope; otherwise the module's
 * not-found error, as if it did not exist. `'system'` (the CLI) sees everything.
 */
export async function oneInScope<T extends { regionCode: string }>(
  rows: Promise<T[]>,
  caller: RegionScope | 'system',
  notFoundCode: ErrorCode,
): Promise<T> {
  const [row] = await rows;
  if (!row) throw new AppError(notFoundCode);
  if (caller !== 'system') assertInScope(row.regionCode, caller, notFoundCode);
  return row;
}

/**
 * The provider rule, in one place: a provider account sees only what belongs to its own provider,
 * wherever that provider lies; everyone else sees what lies in their region scope. For lists:
 * `providerColumn` names the owning provider, `regionColumn` its (current) region.
 */
export function inProviderScope(
  providerColumn: AnyPgColumn,
  regionColumn: AnyPgColumn | SQL,
  scope: ProviderScope,
): SQL {
  return scope.providerId ? eq(providerColumn, scope.providerId) : inScope(regionColumn, scope);
}

/** The same rule for one provider already read. */
export function isProviderInScope(
  provider: { id: string; regionCode: string },
  scope: ProviderScope,
): boolean {
  return scope.providerId ? scope.providerId === provider.id : isInScope(provider.regionCode, scope);
}

/** For reads of one provider's things: outside the scope answers 404 with the given code. */
export function assertProviderInScope<T extends { id: string; regionCode: string }>(
  provider: T | null | undefined,
  scope: ProviderScope,
  notFoundCode: ErrorCode,
): asserts provider is T {
  if (!provider || !isProviderInScope(provider, scope)) throw new AppError(notFoundCode);
}
