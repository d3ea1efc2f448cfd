import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../db/database';
import { AppError } from '../errors/app-error';
import { createFreshPostgres, createTestDatabase, onPostgres } from '../../../test/test-app';
import { runMigrations } from '../db/migrate';
import { defineJob, type JobDefinition, type ScheduleDefinition } from './job-definition';
import { createJobRunner, type JobRunner, type JobState } from './job-runner';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const logged: { details: object; message: string }[] = [];
const log = {
  info: () => undefined,
  error: (details: object, message: string) => void logged.push({ details, message }),
};
const runners: JobRunner[] = [];

async function runner(
  jobs: JobDefinition<never>[],
  schedules: ScheduleDefinition[] = [],
  on: Database = database,
): Promise<JobRunner> {
  const started = createJobRunner(on, { log, work: true, pollingIntervalSeconds: 0.5 });
  started.register(jobs, schedules);
  await started.start();
  runners.push(started);
  return started;
}
afterAll(async () => {
  for (const r of runners) await r.stop();
});

async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const value = await probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`not within a minute: ${what}`);
}

const stateOf = async (jobs: JobRunner, id: string, state: JobState) =>
  until(async () => (await jobs.get(id))?.state === state && (await jobs.get(id))!, `${id} ${state}`);

describe('background jobs', () => {
  it('retries a throwing handler with backoff, then leaves it failed with its code, logged, server alive', async () => {
    let attempts = 0;
    const jobs = await runner([
      defineJob({
        name: 'test.flaky',
        label: { 'zh-CN': '测试', en: 'Test' },
        retryLimit: 2,
        retryDelaySeconds: 1,
        async handle() {
          attempts++;
          throw new Error('disk on fire: select * from secrets');
        },
      }),
    ]);
    const id = (await jobs.enqueue('test.flaky', {}))!;
    jobs.wake('test.flaky');
    const failed = await stateOf(jobs, id, 'failed');
    expect(attempts).toBe(3);
    expect(failed.retryCount).toBe(2);
    // What a reader of the job sees is a code, never the error text.
    expect(failed.failure).toBe('JOB_FAILED');
    expect(logged.some((l) => l.message === 'job failed')).toBe(true);
    // A failed job can be run again by hand.
    await jobs.retry(id);
    await until(async () => attempts === 4, 'the manual retry ran');
  });

  it('fails at once, without retries, on a coded refusal', async () => {
    let attempts = 0;
    const jobs = await runner([
      defineJob({
        name: 'test.refused',
        label: { 'zh-CN': '测试', en: 'Test' },
        retryLimit: 3,
        async handle() {
          attempts++;
          throw new AppError('NOT_FOUND');
        },
      }),
    ]);
    const id = (await jobs.enqueue('test.refused', {}))!;
    jobs.wake('test.refused');
    const failed = await stateOf(jobs, id, 'failed');
    expect(attempts).toBe(1);
    expect(failed.failure).toBe('NOT_FOUND');
  });

  it('stops a cancelled job at its next checkpoint and refuses to cancel a finished one', async () => {
    let chunks = 0;
    const jobs = await runner([
      defineJob({
        name: 'test.long',
        label: { 'zh-CN': '测试', en: 'Test' },
        async handle(_data, ctx) {
          for (;;) {
            chunks++;
            await ctx.progress(chunks, 1000);
            await sleep(50);
            await ctx.checkpoint();
          }
        },
      }),
    ]);
    const id = (await jobs.enqueue('test.long', {}))!;
    jobs.wake('test.long');
    await until(async () => (await jobs.get(id))?.done, 'progress reported');
    await jobs.cancel(id);
    const seen = chunks;
    await sleep(500);
    expect(chunks - seen).toBeLessThanOrEqual(1);
    expect((await jobs.get(id))!.state).toBe('cancelled');
    await expect(jobs.cancel(id)).rejects.toMatchObject({ code: 'JOB_NOT_CANCELLABLE' });
    await expect(jobs.retry('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'JOB_NOT_FOUND',
    });
  });

  it('logs a schedule that does not parse with a code and still sets the others', async () => {
    const job = (name: string) =>
      defineJob({ name, label: { 'zh-CN': '测试', en: 'Test' }, handle: async () => undefined });
    await runner(
      [job('test.bad-cron'), job('test.good-cron')],
      [
        { job: 'test.bad-cron', cron: 'every full moon' },
        { job: 'test.good-cron', cron: '15 2 * * *' },
      ],
    );
    expect(logged).toContainEqual({
      details: expect.objectContaining({ code: 'JOB_SCHEDULE_INVALID', job: 'test.bad-cron' }),
      message: 'schedule not set',
    });
    const schedules = await queryRows<{ name: string; cron: string; timezone: string }>(
      database.db,
      sql`select name, cron, timezone from pgboss.schedule order by name`,
    );
    expect(schedules).toContainEqual({
      name: 'test.good-cron',
      cron: '15 2 * * *',
      timezone: 'Asia/Shanghai',
    });
    expect(schedules.map((s) => s.name)).not.toContain('test.bad-cron');
  });
});

describe.runIf(onPostgres())('two server processes on one PostgreSQL', () => {
  it('share the work without running a job twice', async () => {
    const fresh = await createFreshPostgres();
    const processA = await openDatabase({ kind: 'postgres', url: fresh.url });
    const processB = await openDatabase({ kind: 'postgres', url: fresh.url });
    try {
      await runMigrations(processA);
      await processA.db.execute(sql`create table job_effects (job text, run int, worker text)`);
      const shared = (worker: string) =>
        defineJob<{ n: number }>({
          name: 'test.shared',
          label: { 'zh-CN': '测试', en: 'Test' },
          async handle({ n }, ctx) {
            await processA.db.execute(sql`insert into job_effects values (${ctx.jobId}, ${n}, ${worker})`);
            await sleep(100);
          },
        });
      // Started together, as two servers of a deployment are: setting up the same queues at once.
      const [a, b] = await Promise.all([
        runner([shared('a')], [], processA),
        runner([shared('b')], [], processB),
      ]);
      for (let n = 0; n < 30; n++) await a.enqueue('test.shared', { n });
      const effects = await until(async () => {
        const rows = await queryRows<{ job: string; worker: string }>(
          processA.db,
          sql`select job, worker from job_effects`,
        );
        return rows.length >= 30 && rows;
      }, '30 jobs ran');
      await sleep(1000);
      const all = await queryRows<{ job: string }>(processA.db, sql`select job from job_effects`);
      expect(all).toHaveLength(30);
      expect(new Set(all.map((r) => r.job)).size).toBe(30);
      expect(new Set(effects.map((r) => r.worker))).toEqual(new Set(['a', 'b']));
      await a.stop();
      await b.stop();
      runners.splice(runners.indexOf(a), 1);
      runners.splice(runners.indexOf(b), 1);
    } finally {
      await processA.close();
      await processB.close();
      await fresh.drop();
    }
  });
});
