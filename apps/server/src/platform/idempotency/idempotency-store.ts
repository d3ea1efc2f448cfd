import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { idempotencyKeys } from './idempotency.tables';

/** How long a key and its answer are kept, and so how long a client may retry with it. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A claim still unanswered after this long was left by a process that stopped mid-request (a
 * restart, a crash): the next request with the key takes it over rather than waiting a day.
 * Far longer than any of these requests takes.
 */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Claim =
  | { kind: 'claimed'; createdAt: Date }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in-progress' }
  | { kind: 'reused' };

/**
 * Claims (user, key) for a request with this fingerprint. The insert … on conflict do nothing is
 * the claim: of two requests racing with one key, on one connection or many, exactly one inserts.
 * Statements on the outer `db` only, never a transaction (PGlite has one connection).
 */
export async function claimIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<Claim> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ userId, key, fingerprint, createdAt: now })
    .onConflictDoNothing()
    .returning({ createdAt: idempotencyKeys.createdAt });
  if (inserted[0]) return { kind: 'claimed', createdAt: inserted[0].createdAt };

  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  // Released between our insert and this read: the client may simply try again.
  if (!row) return { kind: 'in-progress' };
  const age = now.getTime() - row.createdAt.getTime();
  const expired = age >= IDEMPOTENCY_KEY_TTL_MS;
  const abandoned = row.responseStatus === null && age >= ABANDONED_AFTER_MS;
  if (expired || abandoned) {
    // Conditional on the row being the one read, so that of two takers only one wins.
    const taken = await db
      .update(idempotencyKeys)
      .set({ fingerprint, createdAt: now, responseStatus: null, responseHeaders: null, responseBody: null })
      .where(
        and(
          eq(idempotencyKeys.userId, userId),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.createdAt, row.createdAt),
        ),
      )
      .returning({ createdAt: idempotencyKeys.createdAt });
    return taken[0] ? { kind: 'claimed', createdAt: taken[0].createdAt } : { kind: 'in-progress' };
  }
  if (row.fingerprint !== fingerprint) return { kind: 'reused' };
  if (row.responseStatus === null) return { kind: 'in-progress' };
  return {
    kind: 'replay',
    answer: { status: row.responseStatus, headers: row.responseHeaders ?? {}, body: row.responseBody ?? '' },
  };
}

const ownClaim = (userId: string, key: string, createdAt: Date) =>
  and(
    eq(idempotencyKeys.userId, userId),
    eq(idempotencyKeys.key, key),
    eq(idempotencyKeys.createdAt, createdAt),
    isNull(idempotencyKeys.responseStatus),
  );

/** Keeps the answer of a claimed request, for its retries to get. */
export async function storeIdempotentAnswer(
  db: Db,
  claim: { userId: string; key: string; createdAt: Date },
  answer: StoredAnswer,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseHeaders: answer.headers, responseBody: answer.body })
    .where(ownClaim(claim.userId, claim.key, claim.createdAt));
}

/** Gives the key back unanswered: the request failed, and a retry must run it again. */
export async function releaseIdempotencyKey(
  db: Db,
  claim: { userId: string; key: string; createdAt: Date },
): Promise<void> {
  await db.delete(idempotencyKeys).where(ownClaim(claim.userId, claim.key, claim.createdAt));
}

/**
 * Deletes keys older than 24 hours at `now`; returns how many. Meant for a nightly job; a key
 * past its 24 hours is treated as unused even before it is purged.
 */
export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
