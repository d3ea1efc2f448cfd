import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../errors/app-error';
import type { Db } from './database';

/**
 * Optimistic concurrency, the one mechanism for every editable record: an edit names the version
 * it was read at, the write happens only if the row is still at that version (and moves it on by
 * one), and otherwise the caller gets 409 VERSION_CONFLICT with the record as it is now.
 */
type Versioned = PgTable & { version: PgColumn };

/** The row moved on since it was read. Raised inside a transaction; see {@link versionedWrite}. */
export class StaleVersion extends Error {
  constructor() {
    super('stale version');
    this.name = 'StaleVersion';
  }
}

export function assertVersion(row: { version: number }, expectedVersion: number): void {
  if (row.version !== expectedVersion) throw new StaleVersion();
}

/** `update … set …, version = version + 1 where <where> and version = <expected>`; the new row. */
export async function updateWithVersion<T extends Versioned>(
  tx: Db,
  table: T,
  where: SQL | undefined,
  expectedVersion: number,
  values: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning()) as T['$inferSelect'][];
  if (!rows[0]) throw new StaleVersion();
  return rows[0];
}

/**
 * For records set with PUT at a natural key (a region's price or setting): version 0 means "read
 * as not set here", so the row is inserted unless someone set it meanwhile; otherwise updated.
 */
export async function putWithVersion<T extends Versioned>(
  tx: Db,
  table: T,
  key: SQL,
  expectedVersion: number,
  insert: PgInsertValue<T>,
  update: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  if (expectedVersion > 0) return updateWithVersion(tx, table, key, expectedVersion, update);
  const rows = (await tx
    .insert(table)
    .values(insert)
    .onConflictDoNothing()
    .returning()) as T['$inferSelect'][];
  if (!rows[0]) throw new StaleVersion();
  return rows[0];
}

/**
 * Runs a write (its transaction inside); a stale version becomes 409 VERSION_CONFLICT whose
 * `details.current` is the record as the API shows it. The current values are read after the
 * transaction has rolled back: PGlite has one connection, and the reader may use the outer one.
 */
export async function versionedWrite<R>(
  write: () => Promise<R>,
  current: () => Promise<unknown>,
): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    throw new AppError('VERSION_CONFLICT', {}, { current: await current() });
  }
}
