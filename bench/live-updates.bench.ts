/**
 * Live updates (issue 10): events from their transaction to an SSE client — a city official's
 * GET /api/v1/events/stream on a listening server — as events/s (a burst emitted back to back)
 * and latency p50/p99 (one at a time, from the start of the emitting transaction to the parsed
 * event), on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL. The baseline is a bare
 * LISTEN/NOTIFY round trip between two connections measured in the same run (on PostgreSQL when
 * there is one, else PGlite's own listen/notify): what the stream adds is the read of the row by
 * id, the filtering and the HTTP write.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createPiiCipher } from '../apps/server/src/platform/crypto/pii-cipher';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash';
import { openDatabase, type Database } from '../apps/server/src/platform/db/database';
import { runMigrations } from '../apps/server/src/platform/db/migrate';
import { seedDemoRegions } from '../apps/server/src/demo/seed-demo';
import { emitEvent } from '../apps/server/src/platform/events/emit-event';
import { openEventStream } from '../apps/server/test/event-stream';
import { benchDatabase, percentile } from './support/bench-database';
import { report } from './support/report';

const LATENCY_ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 200);
const BURST = Number(process.env.BENCH_LIVE_BURST ?? 1_000);
/** Emitters at once in the burst, as several requests commit together (PGlite queues them). */
const EMITTERS = 8;
const cipher = createPiiCipher('yiyang-bench-master-secret-32-bytes');

interface Figures {
  rate: number;
  p50: number;
  p99: number;
  /** p50 of `send` alone (the emitting transaction), to tell it from the delivery. */
  sendP50: number;
}

/** Latency one at a time, then a burst: `send(i)` causes message i, `received()` counts arrivals. */
async function measure(
  send: (i: number) => Promise<unknown>,
  arrived: (count: number) => Promise<void>,
): Promise<Figures> {
  const samples: number[] = [];
  const sends: number[] = [];
  let sent = 0;
  for (let i = 0; i < LATENCY_ROUNDS + 20; i++) {
    const t0 = performance.now();
    await send(sent++);
    const t1 = performance.now();
    await arrived(sent);
    if (i < 20) continue; // the first ones warm up
    samples.push(performance.now() - t0);
    sends.push(t1 - t0);
  }
  const t0 = performance.now();
  const target = sent + BURST;
  await Promise.all(
    Array.from({ length: EMITTERS }, async () => {
      while (sent < target) await send(sent++);
    }),
  );
  const emitted = performance.now();
  await arrived(target);
  const seconds = (performance.now() - t0) / 1000;
  console.error(
    `#   burst: all ${BURST} sent after ${((emitted - t0) / 1000).toFixed(2)} s, all received after ${seconds.toFixed(2)} s`,
  );
  return {
    rate: BURST / seconds,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    sendP50: percentile(sends, 50),
  };
}

async function viaStream(database: Database): Promise<Figures> {
  const hash = await hashPassword('Bench-pass-2026');
  await database.db.execute(
    sql`insert into users (username, display_name, role, region_code, password_hash) values ('city', '市民政', 'civil_affairs', '150100000000', ${hash})`,
  );
  const app = await buildApp({ database, cipher, broker: 'off', version: 'bench', runJobs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'city', password: 'Bench-pass-2026' },
    });
    const cookie = `yiyang_session=${login.cookies[0]!.value}`;
    const client = await openEventStream(`${base}/api/v1/events/stream`, { cookie });
    if (client.status !== 200) throw new Error(`stream: ${client.status}`);
    return await measure(
      (i) =>
        database.db.transaction((tx) =>
          emitEvent(tx, {
            type: 'elder.updated',
            entity: 'elder',
            entityId: String(i),
            regionCode: '150102001001',
            payload: { fields: ['address'] },
          }),
        ),
      (count) => client.until((c) => c.events.length >= count, 60_000),
    ).finally(() => client.close());
  } finally {
    await app.close();
  }
}

/** Counts notifications on `channel` and resolves waits for a count. */
function counter() {
  let count = 0;
  const waits = new Set<{ n: number; resolve: () => void }>();
  return {
    hear() {
      count++;
      for (const wait of waits) {
        if (count < wait.n) continue;
        waits.delete(wait);
        wait.resolve();
      }
    },
    until: (n: number) =>
      count >= n ? Promise.resolve() : new Promise<void>((resolve) => waits.add({ n, resolve })),
  };
}

async function bareOnPostgres(url: string): Promise<Figures> {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Pool({ connectionString: url, max: EMITTERS });
  await listener.connect();
  const heard = counter();
  listener.on('notification', () => heard.hear());
  await listener.query('listen bench_bare');
  try {
    return await measure(
      (i) => sender.query(`select pg_notify('bench_bare', $1)`, [String(i)]),
      (n) => heard.until(n),
    );
  } finally {
    await listener.end();
    await sender.end();
  }
}

async function bareOnPglite(database: Database): Promise<Figures> {
  const heard = counter();
  const unlisten = await database.pglite!.listen('bench_bare', () => heard.hear());
  try {
    return await measure(
      (i) => database.db.execute(sql`select pg_notify('bench_bare', ${String(i)})`),
      (n) => heard.until(n),
    );
  } finally {
    await unlisten();
  }
}

const pglite = await openDatabase({ kind: 'pglite-memory' });
await runMigrations(pglite);
await seedDemoRegions(pglite);
const postgresUrl = process.env.BENCH_DATABASE_URL;
const postgres = postgresUrl ? await benchDatabase() : null;
try {
  const bare = postgres
    ? await bareOnPostgres(postgres.pool!.options.connectionString!)
    : await bareOnPglite(pglite);
  const bareOn = postgres ? 'postgres' : 'pglite';
  console.error(
    `# bare LISTEN/NOTIFY on ${bareOn}: ${bare.rate.toFixed(0)}/s, p50 ${bare.p50.toFixed(2)} ms, p99 ${bare.p99.toFixed(2)} ms`,
  );

  for (const [kind, database] of [
    ['pglite', pglite],
    ['postgres', postgres],
  ] as const) {
    if (!database) continue;
    const live = await viaStream(database);
    console.error(
      `# ${kind}: emitting transaction alone p50 ${live.sendP50.toFixed(2)} ms of the ${live.p50.toFixed(2)} ms to the client`,
    );
    report(`live.${kind}.rate`, live.rate, 'events/s', bare.rate);
    report(`live.${kind}.p50`, live.p50, 'ms', bare.p50);
    report(`live.${kind}.p99`, live.p99, 'ms', bare.p99);
  }
} finally {
  await pglite.close();
  await postgres?.close();
}
