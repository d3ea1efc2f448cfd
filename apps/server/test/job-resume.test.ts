import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../src/platform/db/database';
import { runMigrations } from '../src/platform/db/migrate';
import { createPiiCipher } from '../src/platform/crypto/pii-cipher';
import { loadMasterSecret } from '../src/platform/crypto/master-secret';
import { createJobRunner } from '../src/platform/jobs/job-runner';
import { createElderImportService, ELDER_IMPORT_JOB } from '../src/modules/elders/index';
import { elderImportJobs } from '../src/modules/elders/elders.tables';
import { createFreshPostgres, onPostgres } from './test-app';
import { largeCsv } from './elder-import-files';

/**
 * An import killed with SIGKILL halfway — no chance to clean up — is finished by the next process
 * that runs jobs: from the last committed chunk, with no row imported twice.
 */
const cliEntry = path.resolve(import.meta.dirname, '../src/cli/index.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'yiyang-resume-'));
const ROWS = 30_000;
let databaseUrl = '';
let drop: (() => Promise<void>) | undefined;
const env = () => ({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl });

beforeAll(async () => {
  if (onPostgres()) ({ url: databaseUrl, drop } = await createFreshPostgres());
  // The demo region tree (and its accounts), nothing else: the import checks communities against it.
  const demo = spawnSync(process.execPath, ['--import', 'tsx', cliEntry, 'demo', '--elders', '0'], {
    env: env(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(demo.status, demo.stdout + demo.stderr).toBe(0);
}, 150_000);
afterAll(() => drop?.());

async function openSameDatabase(): Promise<Database> {
  const database = databaseUrl
    ? await openDatabase({ kind: 'postgres', url: databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await runMigrations(database);
  return database;
}

describe('an import killed mid-run', () => {
  it('is resumed by the next process from its last chunk, with no row imported twice', async () => {
    const file = path.join(dataDir, 'elders.csv');
    writeFileSync(file, largeCsv(ROWS, '续导'));
    const cli = spawn(
      process.execPath,
      ['--import', 'tsx', cliEntry, 'import', 'elders', file, '--region', '150102'],
      {
        env: env(),
      },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killed = new Promise<void>((resolve, reject) => {
      cli.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The first progress line comes once a tenth of the rows is committed: kill it there.
        if (/rows: \d+\//.test(output) && cli.kill('SIGKILL')) resolve();
      });
      cli.on('exit', () => reject(new Error(`the import ended before it was killed: ${output}`)));
    });
    await killed;
    await new Promise((resolve) => cli.once('exit', resolve));

    const database = await openSameDatabase();
    try {
      const [before] = await database.db.select().from(elderImportJobs);
      expect(before!.status).toBe('running');
      expect(before!.processed).toBeGreaterThan(0);
      expect(before!.processed).toBeLessThan(ROWS);
      // The kept upload is personal data: encrypted at rest like the register.
      expect(before!.file!.includes(Buffer.from('续导0'))).toBe(false);

      const cipher = createPiiCipher(loadMasterSecret(undefined, dataDir).secret);
      const jobs = createJobRunner(database, {
        log: { info: () => undefined, error: (details) => console.error(details) },
        work: true,
        queues: [ELDER_IMPORT_JOB],
        pollingIntervalSeconds: 0.5,
        // PostgreSQL cannot know the other process died: it waits for the heartbeat to go stale.
        stalledAfterSeconds: 2,
      });
      jobs.register([createElderImportService(database.db, cipher, jobs).job]);
      await jobs.start();
      try {
        for (let waited = 0; ; waited += 200) {
          const [job] = await database.db
            .select({ status: elderImportJobs.status })
            .from(elderImportJobs)
            .where(eq(elderImportJobs.id, before!.id));
          if (job!.status !== 'running') break;
          if (waited > 120_000) throw new Error('the import was not resumed');
          await sleep(200);
        }
      } finally {
        await jobs.stop();
      }
      const [after] = await database.db.select().from(elderImportJobs);
      expect(after).toMatchObject({ status: 'done', processed: ROWS, imported: ROWS, skipped: 0, failed: 0 });
      expect(after!.file).toBeNull();
      const [{ count }] = (await queryRows<{ count: number }>(
        database.db,
        sql`select count(*)::int as count from elders where name like '续导%'`,
      )) as [{ count: number }];
      expect(count).toBe(ROWS);
    } finally {
      await database.close();
    }
  }, 240_000);
});
