// The application on a fresh database with the demo regions and a realistic number of staff
// accounts (BENCH_USERS, default 5,000), signed in as a district official.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../apps/server/src/platform/db/database';
import { runMigrations } from '../../apps/server/src/platform/db/migrate';
import { hashPassword } from '../../apps/server/src/platform/auth/password-hash';
import { seedDemoRegions } from '../../apps/server/src/demo/seed-demo';
import { createFreshPostgres } from '../../apps/server/test/test-app';
import { serveSignedIn } from './serve-signed-in';

const usersWanted = Number(process.env.BENCH_USERS ?? 5000);
const pgUrl = process.env.BENCH_DATABASE_URL;
// Fresh database per run on the server at BENCH_DATABASE_URL.
if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
const fresh = pgUrl ? await createFreshPostgres() : null;
const database = await openDatabase(fresh ? { kind: 'postgres', url: fresh.url } : { kind: 'pglite-memory' });
await runMigrations(database);
await seedDemoRegions(database);

const password = 'Bench-pass-2026';
const hash = await hashPassword(password);
// Spread accounts over every community of the demo city, set-based.
await database.db.execute(sql`
  insert into users (username, display_name, role, region_code, password_hash)
  select 'staff' || n, '员工' || n, 'community_worker', c.code, ${hash}
  from generate_series(1, ${usersWanted}) n
  join lateral (select code from regions where level = 'community' order by code offset (n % 576) limit 1) c on true`);
await database.db.execute(sql`
  insert into users (username, display_name, role, region_code, password_hash)
  values ('district', '区民政', 'civil_affairs', '150102000000', ${hash})`);

// A live database has planner statistics (autovacuum); a freshly seeded one must be analysed.
await database.db.execute(sql`analyze`);

await serveSignedIn(database, 'district', password, async () => fresh?.drop());
