/**
 * HTTP throughput and latency of GET /api/health, of the signed-in GET /api/v1/auth/me, and of an
 * authenticated, region-scoped list
 * (GET /api/v1/users as a district official over 5,000 accounts), each against a bare Fastify
 * route measured in the same run. Set BENCH_DATABASE_URL to run the app on PostgreSQL.
 */
import autocannon from 'autocannon';
import { report } from './support/report';
import { startChildServer } from './support/child-server';

const duration = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 10;

async function measure(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections, duration: 1, headers }); // warm-up
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const bare = await startChildServer<{ port: number }>('support/serve-bare.ts');
const baseline = await measure(`http://127.0.0.1:${bare.info.port}/ping`);
await bare.stop();

const app = await startChildServer<{ port: number; cookie: string; database: string }>(
  'support/serve-app.ts',
);
const db = app.info.database;
const health = await measure(`http://127.0.0.1:${app.info.port}/api/health`);
const me = await measure(`http://127.0.0.1:${app.info.port}/api/v1/auth/me`, { cookie: app.info.cookie });
const list = await measure(`http://127.0.0.1:${app.info.port}/api/v1/users?limit=50`, {
  cookie: app.info.cookie,
});
await app.stop();

report(`http.health.${db}.throughput`, health.rps, 'req/s', baseline.rps);
report(`http.health.${db}.p99`, health.p99, 'ms', baseline.p99);
report(`http.auth_me.${db}.throughput`, me.rps, 'req/s', baseline.rps);
report(`http.auth_me.${db}.p99`, me.p99, 'ms', baseline.p99);
report(`http.users_list_scoped.${db}.throughput`, list.rps, 'req/s', baseline.rps);
report(`http.users_list_scoped.${db}.p99`, list.p99, 'ms', baseline.p99);
