/**
 * A signed-in request on PGlite while an import job runs: p99 of GET /api/v1/auth/me during a
 * BENCH_IMPORT_ROWS-row import (default 100,000; target ≤ 250 ms), beside the same request on
 * the idle server measured in the same run. The import's chunks yield to waiting requests.
 */
import autocannon from 'autocannon';
import { largeCsv } from '../apps/server/test/elder-import-files';
import { report } from './support/report';
import { startChildServer } from './support/child-server';

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const duration = Number(process.env.BENCH_SECONDS ?? 8);

const server = await startChildServer<{ port: number; cookie: string }>('support/serve-import-app.ts');
const base = `http://127.0.0.1:${server.info.port}`;
const headers = { cookie: server.info.cookie };
const me = async () => {
  const result = await autocannon({ url: `${base}/api/v1/auth/me`, connections: 4, duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
};
await autocannon({ url: `${base}/api/v1/auth/me`, connections: 4, duration: 1, headers }); // warm-up
const idle = await me();

const form = new FormData();
form.append('file', new Blob([largeCsv(rows, '压测')]), 'bench.csv');
const started = await fetch(`${base}/api/v1/elders/imports`, { method: 'POST', body: form, headers });
if (started.status !== 202) throw new Error(`import: ${started.status} ${await started.text()}`);
const job = (await started.json()) as { id: string };
const during = await me();
const progress = (await (await fetch(`${base}/api/v1/elders/imports/${job.id}`, { headers })).json()) as {
  processed: number;
  status: string;
};
await server.stop();
console.error(
  `# the import had processed ${progress.processed} of ${rows} rows (${progress.status}) when measuring ended`,
);
if (progress.processed === 0) throw new Error('the import did not run while measuring');

report('jobs.auth_me_during_import.pglite.p99', during.latency.p99, 'ms', idle.latency.p99);
report(
  'jobs.auth_me_during_import.pglite.throughput',
  during.requests.average,
  'req/s',
  idle.requests.average,
);
