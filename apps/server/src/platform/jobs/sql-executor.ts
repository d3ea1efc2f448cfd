import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database, Db } from '../db/database';

/**
 * pg-boss talks to the database through `executeSql(text, values)`. The process-wide executor
 * uses the driver directly (PGlite's `exec` for pg-boss's multi-statement schema scripts); the
 * one for a transaction goes through Drizzle's `tx`, so that a job enqueued by a use case is
 * committed, or rolled back, with the change that asked for it.
 */
export function databaseExecutor(database: Database): PgBoss.Db {
  if (database.kind === 'postgres')
    return { executeSql: async (text, values) => database.pool!.query(text, values) };
  const pglite = database.pglite!;
  return {
    async executeSql(text, values) {
      if (values?.length) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export function transactionExecutor(tx: Db): PgBoss.Db {
  return {
    async executeSql(text, values) {
      return (await tx.execute(withParameters(text, values ?? []))) as unknown as { rows: unknown[] };
    },
  };
}

/** `select $1, $2` with its values as a Drizzle SQL object, the values bound, never inlined. */
export function withParameters(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    // Unset optional values must still bind (as NULL), or the placeholder would vanish.
    chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks, sql.raw(''));
}
