import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Database } from './database';
import { createTestDatabase, onPostgres } from '../../../test/test-app';

describe.runIf(onPostgres())('a lost PostgreSQL connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('does not end the process when the server ends an idle connection, and the next query works', async () => {
    await queryRows(database.db, sql`select 1`);
    expect(database.pool!.idleCount).toBeGreaterThan(0);
    const [{ name }] = (await queryRows<{ name: string }>(
      database.db,
      sql`select current_database() as name`,
    )) as [{ name: string }];
    const killer = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await killer.connect();
    await killer.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    await killer.end();
    // Before the pool heard 'error', the idle connection's end was an uncaught exception here.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [{ one }] = (await queryRows<{ one: number }>(database.db, sql`select 1 as one`)) as [
      { one: number },
    ];
    expect(one).toBe(1);
  });
});
