import type { ErrorCode } from '../errors/error-codes';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isWithinScope, regionPrefix } from '@yiyang/domain';
import { AppError } from '../errors/app-error';
import type { SessionUser } from './session-user';

/**
 * Region scope, the platform mechanism every module uses: lists are filtered by the caller's
 * region prefix before anything else, and a single object outside the scope is reported as
 * absent (404), so its existence does not leak.
 */
export function scopePrefix(user: Pick<SessionUser, 'regionCode'>): string {
  return regionPrefix(user.regionCode);
}

/** `column LIKE '<prefix>%'`; prefixes are digits only, so nothing needs escaping. */
export function inScope(column: AnyPgColumn | SQL, user: Pick<SessionUser, 'regionCode'>): SQL {
  return sql`${column} like ${scopePrefix(user) + '%'}`;
}

export function isInScope(
  regionCode: string | null | undefined,
  user: Pick<SessionUser, 'regionCode'>,
): boolean {
  return !!regionCode && isWithinScope(regionCode, user.regionCode);
}

/**
 * For things that serve an area (agencies, purchase lists): visible when inside the caller's
 * scope, or when their area covers the caller's region.
 */
export function overlapsScope(regionCode: string, user: Pick<SessionUser, 'regionCode'>): boolean {
  return isWithinScope(regionCode, user.regionCode) || isWithinScope(user.regionCode, regionCode);
}

/** For reads: an object outside the scope answers 404 with the given code. */
export function assertInScope(
  regionCode: string | null | undefined,
  user: Pick<SessionUser, 'regionCode'>,
  notFoundCode: ErrorCode = 'NOT_FOUND',
): void {
  if (!isInScope(regionCode, user)) throw new AppError(notFoundCode);
}

/** For writes that place something in a region: outside the scope is a 403. */
export function assertAssignable(regionCode: string, user: Pick<SessionUser, 'regionCode'>): void {
  if (!isWithinScope(regionCode, user.regionCode))
    throw new AppError('SCOPE_REGION_FORBIDDEN', {}, { regionCode });
}

/**
 * The single row a lookup found, if it is inside the caller's scope; otherwise the module's
 * not-found error, as if it did not exist. `'system'` (the CLI) sees everything.
 */
export async function oneInScope<T extends { regionCode: string }>(
  rows: Promise<T[]>,
  caller: Pick<SessionUser, 'regionCode'> | 'system',
  notFoundCode: ErrorCode,
): Promise<T> {
  const [row] = await rows;
  if (!row) throw new AppError(notFoundCode);
  if (caller !== 'system') assertInScope(row.regionCode, caller, notFoundCode);
  return row;
}
