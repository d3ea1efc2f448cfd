import { openDatabase, type Database } from '../../apps/server/src/platform/db/database';
import { runMigrations } from '../../apps/server/src/platform/db/migrate';
import { seedDemoRegions } from '../../apps/server/src/demo/seed-demo';
import { createFreshPostgres } from '../../apps/server/test/test-app';

/** A fresh migrated database with the demo regions: PostgreSQL at BENCH_DATABASE_URL, else PGlite. */
export async function benchDatabase(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await runMigrations(database);
    await seedDemoRegions(database);
    return database;
  }
  process.env.TEST_DATABASE_URL = url;
  const fresh = await createFreshPostgres();
  const database = await openDatabase({ kind: 'postgres', url: fresh.url });
  await runMigrations(database);
  await seedDemoRegions(database);
  return { ...database, close: async () => (await database.close(), await fresh.drop()) };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
