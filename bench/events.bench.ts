import type { DomainEventType } from '@yiyang/domain';
/**
 * The outbox (issue 10): events/s from the commit of the change that raises them to their
 * handler's commit, through the dispatcher and pg-boss, on PGlite and — with BENCH_DATABASE_URL —
 * on PostgreSQL, each beside a bare `pg_notify` → LISTEN round trip on PostgreSQL in the same run
 * (on PGlite alone, beside PGlite's own in-process notification). BENCH_EVENTS (default 300)
 * events, each committed in its own transaction, as requests do.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../apps/server/src/platform/db/database';
import { runMigrations } from '../apps/server/src/platform/db/migrate';
import { createFreshPostgres } from '../apps/server/test/test-app';
import { createJobRunner } from '../apps/server/src/platform/jobs/job-runner';
import { emitEvent } from '../apps/server/src/platform/events/emit-event';
import { createEventDispatch } from '../apps/server/src/platform/events/event-dispatch';
import { defineEventHandler } from '../apps/server/src/platform/events/event-handlers';
import { report } from './support/report';
import { percentile } from './support/bench-database';

const count = Number(process.env.BENCH_EVENTS ?? 300);
const quiet = { info: () => undefined, error: (details: object) => console.error(details) };

async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await runMigrations(database);
    return database;
  }
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const fresh = await createFreshPostgres();
  const database = await openDatabase({ kind: 'postgres', url: fresh.url });
  await runMigrations(database);
  return { ...database, close: async () => (await database.close(), await fresh.drop()) };
}

/** Events/s and the p50 commit → handled latency (ms) through the outbox. */
async function outbox(database: Database) {
  const committed = new Map<bigint, number>();
  const latencies: number[] = [];
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  const jobs = createJobRunner(database, { log: quiet, work: true });
  const dispatch = createEventDispatch(database, jobs, { log: quiet });
  dispatch.register([
    defineEventHandler({
      name: 'bench.counter',
      events: ['bench.happened'],
      async handle(event, tx) {
        await tx.execute(sql`select 1`);
        // After the handler's commit would be exact; its own statement is the last one that matters.
        latencies.push(performance.now() - committed.get(event.id)!);
        if (latencies.length === count) setImmediate(done);
      },
    }),
  ]);
  await jobs.start();
  await dispatch.start();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const id = await database.db.transaction((tx) =>
      emitEvent(tx, {
        type: 'bench.happened' as DomainEventType,
        entity: 'bench',
        entityId: String(i),
        regionCode: '150102001001',
      }),
    );
    committed.set(id, performance.now());
  }
  console.error(
    `# ${database.kind}: ${count} committed in ${(performance.now() - started).toFixed(0)} ms, ${latencies.length} handled by then`,
  );
  await all;
  const seconds = (performance.now() - started) / 1000;
  await dispatch.stop();
  await jobs.stop();
  return { rate: count / seconds, p50: percentile(latencies, 50) };
}

/** Round trips/s of a bare pg_notify in its own transaction to a LISTENing connection (PostgreSQL). */
async function bareNotify(url: string): Promise<number> {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query('listen bench_bare');
  let resolve: () => void = () => undefined;
  listener.on('notification', () => resolve());
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const heard = new Promise<void>((r) => (resolve = r));
    await sender.query(`select pg_notify('bench_bare', '${i}')`);
    await heard;
  }
  const rate = count / ((performance.now() - started) / 1000);
  await Promise.all([listener.end(), sender.end()]);
  return rate;
}

/** The same with PGlite's in-process notification (no network), for the PGlite-only run. */
async function bareNotifyPglite(database: Database): Promise<number> {
  let resolve: () => void = () => undefined;
  const unlisten = await database.pglite!.listen('bench_bare', () => resolve());
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const heard = new Promise<void>((r) => (resolve = r));
    await database.db.execute(sql`select pg_notify('bench_bare', ${String(i)})`);
    await heard;
  }
  await unlisten();
  return count / ((performance.now() - started) / 1000);
}

const url = process.env.BENCH_DATABASE_URL;
let baseline: number;
if (url) {
  const probe = await freshDatabase('postgres');
  baseline = await bareNotify(probe.pool!.options.connectionString!);
  const result = await outbox(probe);
  await probe.close();
  report('events.outbox.postgres.rate', result.rate, 'events/s', baseline);
  report('events.outbox.postgres.p50', result.p50, 'ms', 1000 / baseline);
  console.error(
    `# postgres: outbox ${result.rate.toFixed(0)} events/s (p50 ${result.p50.toFixed(1)} ms), bare NOTIFY ${baseline.toFixed(0)}/s`,
  );
}
const lite = await freshDatabase('pglite');
baseline = url ? baseline! : await bareNotifyPglite(lite);
const result = await outbox(lite);
await lite.close();
report('events.outbox.pglite.rate', result.rate, 'events/s', baseline);
report('events.outbox.pglite.p50', result.p50, 'ms', 1000 / baseline);
console.error(
  `# pglite: outbox ${result.rate.toFixed(0)} events/s (p50 ${result.p50.toFixed(1)} ms), baseline ${baseline.toFixed(0)}/s`,
);
