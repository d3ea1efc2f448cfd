/**
 * The synthetic city generator and the filtered, scoped elder list (issue 3).
 * - generator: elders/s of `seedSyntheticElders` (valid ids, encryption, versions) against a raw
 *   `insert … select generate_series` of plain rows of the same table in the same run;
 * - list: p95 of the first page of GET /api/v1/elders (region prefix + category + age range, as a
 *   district official) against the same filter as one raw SQL statement;
 * - assessments (issue 4), with levels on a third of the elders: "level ≥ moderate in a district"
 *   against counting the district, the level statistics and the expiring due list against raw SQL.
 * BENCH_ELDERS (default 1,000,000) sets the volume; BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createPiiCipher } from '../apps/server/src/platform/crypto/pii-cipher';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash';
import { seedSyntheticElders } from '../apps/server/src/demo/seed-elders';
import { report } from './support/report';
import { benchDatabase, percentile } from './support/bench-database';

const count = Number(process.env.BENCH_ELDERS ?? 1_000_000);
const database = await benchDatabase();
const db = database.db;
const kind = database.kind;
const cipher = createPiiCipher('yiyang-bench-master-secret-32-bytes');

// Baseline: plain rows straight from SQL, then removed again.
const rawCount = Math.min(count, 200_000);
let started = performance.now();
await db.execute(sql`insert into elders (id_number_enc, id_number_index, id_number_masked, name, sex, birth_date, hukou_region_code, region_code, address, living_arrangement)
  select 'x', md5(n::text) || md5((n + 1)::text), 'x', 'x', 'male', date '1950-01-01', '150102000000', '150102001001', 'x', 'alone'
  from generate_series(1, ${rawCount}) n`);
const rawRate = rawCount / ((performance.now() - started) / 1000);
await db.execute(sql`delete from elders`);

started = performance.now();
let lastLog = 0;
await seedSyntheticElders(database, cipher, {
  count,
  onProgress: (done) => {
    if (done - lastLog >= count / 10) {
      lastLog = done;
      console.error(`# generated ${done}/${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
await db.execute(sql`analyze`);
report(`elders.generator.${kind}.rate`, count / seconds, 'elders/s', rawRate);
console.error(`# generator: ${count} elders in ${seconds.toFixed(1)} s on ${kind}`);

const hash = await hashPassword('Bench-pass-2026');
await db.execute(
  sql`insert into users (username, display_name, role, region_code, password_hash) values ('district', '区民政', 'civil_affairs', '150102000000', ${hash})`,
);
const app = await buildApp({ database, cipher, broker: 'off', version: 'bench' });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'district', password: 'Bench-pass-2026' },
});
const cookie = `yiyang_session=${login.cookies[0]!.value}`;

const streets = [
  '150102001000',
  '150102002000',
  '150102003000',
  '150102004000',
  '150102005000',
  '150102006000',
  '150102007000',
  '150102008000',
];
const categories = ['dibao', 'empty_nest', 'living_alone', 'disabled_cert'];
const rounds = 200;
const api: number[] = [];
const raw: number[] = [];
for (let i = 0; i < rounds + 20; i++) {
  const street = streets[i % streets.length]!;
  const category = categories[i % categories.length]!;
  let t0 = performance.now();
  const res = await app.inject({
    url: `/api/v1/elders?regionCode=${street}&category=${category}&ageMin=70&ageMax=89&limit=50`,
    headers: { cookie },
  });
  const apiMs = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
  t0 = performance.now();
  await db.execute(sql`select * from elders where region_code like ${street.slice(0, 9) + '%'} and region_code like '150102%'
    and categories @> array[${category}]::text[] and birth_date <= (current_date - interval '70 years') and birth_date > (current_date - interval '90 years')
    order by region_code using ~<~, id limit 51`);
  const rawMs = performance.now() - t0;
  if (i >= 20) {
    api.push(apiMs);
    raw.push(rawMs);
  }
}
report(`elders.list_filtered.${kind}.p95`, percentile(api, 95), 'ms', percentile(raw, 95));
report(`elders.list_filtered.${kind}.p50`, percentile(api, 50), 'ms', percentile(raw, 50));

// Levels for a third of the elders, as approved assessments leave them (issue 4's statistics hook).
started = performance.now();
await db.execute(sql`update elders set current_level = get_byte(decode(md5(id::text), 'hex'), 1) % 5,
    level_assessed_on = current_date - 100,
    level_valid_until = current_date + get_byte(decode(md5(id::text), 'hex'), 2) % 200
  where get_byte(decode(md5(id::text), 'hex'), 0) % 3 = 0`);
// As autovacuum leaves a table after a bulk change: statistics and the visibility map that
// index-only scans need.
await db.execute(sql`vacuum analyze elders`);
console.error(`# levels set in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** p95 of `work` over `rounds` runs after 5 warm-up runs. */
async function p95(rounds: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds + 5; i++) {
    const t0 = performance.now();
    await work();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return percentile(samples, 95);
}
const district = sql`region_code like '150102%'`;
const plan = await db.execute(
  sql`explain select count(*) from elders where ${district} and current_level >= 2`,
);
console.error(
  `# level ≥ moderate in a district:\n#   ${(plan as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n#   ')}`,
);
report(
  `assessments.count_moderate_plus_district.${kind}.p95`,
  await p95(50, () => db.execute(sql`select count(*) from elders where ${district} and current_level >= 2`)),
  'ms',
  await p95(50, () => db.execute(sql`select count(*) from elders where ${district}`)),
);
const inject = (url: string) => async () => {
  const res = await app.inject({ url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
};
report(
  `assessments.level_stats_district.${kind}.p95`,
  await p95(30, inject('/api/v1/assessments/level-stats?regionCode=150102000000')),
  'ms',
  await p95(30, () =>
    db.execute(sql`select substr(region_code, 1, 9), current_level, count(*) from elders
      where ${district} and status = 'active' group by 1, 2`),
  ),
);
report(
  `assessments.due_expiring_30d.${kind}.p95`,
  await p95(50, inject('/api/v1/assessments/due?kind=expiring&days=30&limit=50')),
  'ms',
  await p95(50, () =>
    db.execute(sql`select * from elders where ${district} and status = 'active'
      and level_valid_until between current_date and current_date + 30 order by level_valid_until, id limit 51`),
  ),
);
await app.close();
await database.close();
