import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseConfig } from '../../config';

/** What every module gets: a Drizzle database, or a transaction of one (same interface). */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The node-postgres pool, for what needs one connection of its own (session advisory locks). */
  pool?: pg.Pool;
  /** The PGlite instance, for what only PGlite offers (dumping its data directory). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/** In memory, empty or loaded from a tarball that `dumpDataDir` made (the test suite's template). */
type InMemory = { kind: 'pglite-memory'; loadDataDir?: Blob };

export async function openDatabase(config: DatabaseConfig | InMemory): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection that the server ends (a restart, a DROP … WITH (FORCE), a failover)
    // is an 'error' event on the pool; unheard, it would end the process. The pool replaces the
    // connection, and the next query reports a lasting outage itself.
    pool.on('error', (error) => process.emitWarning(`idle database connection lost: ${error.message}`));
    // Fail at start, with the driver's message, rather than at the first request.
    const client = await pool.connect();
    client.release();
    const db = drizzlePg(pool) as unknown as Db;
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const client =
    config.kind === 'pglite'
      ? await PGlite.create(config.dataDir)
      : await PGlite.create({ loadDataDir: config.loadDataDir });
  const db = drizzlePglite(client) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Runs a raw statement on either driver and returns its rows. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
