import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CITY, COMMUNITY_A1, createTestApp, STREET_A, type TestContext } from '../../../test/test-app';
import { goodRow, importFile, xlsx } from '../../../test/elder-import-files';
import { IDEMPOTENCY_CLEANUP_JOB, idempotencyCleanupJob } from '../idempotency/idempotency-cleanup.job';
import { createJobRunner, type JobRunner } from './job-runner';

let t: TestContext;
/** A second runner on the same database that only enqueues, as another server process would. */
let other: JobRunner;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('admin', 'admin', CITY);
  await t.createUser('street', 'civil_affairs', STREET_A);
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  other = createJobRunner(t.database, { log: { info: () => undefined, error: () => undefined } });
  other.register([idempotencyCleanupJob(t.database.db)]);
  await other.start();
});
afterAll(async () => {
  await other.stop();
  await t.close();
});

interface Job {
  id: string;
  label: string;
  state: string;
  done: number | null;
  total: number | null;
  failure: string | null;
}

const list = async (query = '') =>
  (await t.call('admin', { method: 'GET', url: `/api/v1/jobs${query}` })).json().items as Job[];

let seq = 40;
/** A finished elder import of two new elders, as the admin sees it on the 后台任务 page. */
async function finishedImport(): Promise<Job> {
  const before = new Set((await list()).map((j) => j.id));
  const done = await importFile(t, 'worker', await xlsx([goodRow(++seq), goodRow(++seq)]), '台账.xlsx');
  expect(done.json()).toMatchObject({ status: 'done', imported: 2 });
  return (await list()).find((j) => !before.has(j.id))!;
}

/** A clean-up waiting for tomorrow, which no worker takes during the test: still cancellable. */
async function waitingJob(): Promise<string> {
  return t.database.db.transaction(async (tx) => {
    const id = (await other.enqueue(IDEMPOTENCY_CLEANUP_JOB, {}, { tx }))!;
    await tx.execute(sql`update pgboss.job set start_after = now() + interval '1 day' where id = ${id}`);
    return id;
  });
}

const post = (id: string, action: 'retry' | 'cancel', as = 'admin', language = 'zh-CN') =>
  t.call(as, {
    method: 'POST',
    url: `/api/v1/jobs/${id}/${action}`,
    headers: { 'accept-language': language },
  });

describe('后台任务', () => {
  it('shows the administrator an elder import with its label and progress, newest first', async () => {
    const job = await finishedImport();
    expect(job).toMatchObject({
      label: '导入老年人信息',
      state: 'completed',
      done: 2,
      total: 2,
      failure: null,
    });
    const waiting = await waitingJob();
    const all = await list();
    expect(all[0]!.id).toBe(waiting);
    expect(all.map((j) => j.id)).toContain(job.id);
    const english = await t.call('admin', {
      method: 'GET',
      url: '/api/v1/jobs?state=completed',
      headers: { 'accept-language': 'en' },
    });
    const items = english.json().items as Job[];
    expect(items.every((j) => j.state === 'completed')).toBe(true);
    expect(items.find((j) => j.id === job.id)!.label).toBe('Elder import');
  });

  it('is for administrators only', async () => {
    expect((await t.call('street', { method: 'GET', url: '/api/v1/jobs' })).statusCode).toBe(403);
    const job = await finishedImport();
    expect((await post(job.id, 'retry', 'street')).statusCode).toBe(403);
    expect((await post(job.id, 'cancel', 'worker')).statusCode).toBe(403);
  });

  it('refuses to cancel or rerun a finished job, and knows no unknown one, in the caller’s language', async () => {
    const job = await finishedImport();
    const cancel = await post(job.id, 'cancel');
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error).toEqual({ code: 'JOB_NOT_CANCELLABLE', message: '该任务已结束，无法取消' });
    const english = await post(job.id, 'cancel', 'admin', 'en');
    expect(english.json().error.message).toBe('The job has ended and cannot be cancelled');
    const retry = await post(job.id, 'retry');
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.code).toBe('JOB_NOT_RETRYABLE');
    expect(retry.json().error.message).toBe('只有失败或已取消的任务可以重试');
    const unknown = await post('00000000-0000-4000-8000-000000000000', 'retry');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'JOB_NOT_FOUND', message: '未找到该后台任务' });
    expect((await list()).find((j) => j.id === job.id)!.state).toBe('completed');
  });

  it('cancels a waiting job and runs it again, each recorded in the audit log', async () => {
    const id = await waitingJob();
    const cancel = await post(id, 'cancel');
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ id, state: 'cancelled', label: '清理过期的幂等键' });
    expect((await list('?state=cancelled')).map((j) => j.id)).toContain(id);

    const retry = await post(id, 'retry');
    expect(retry.statusCode).toBe(200);
    expect(retry.json().state).not.toBe('cancelled');

    const audit = await t.call('admin', { method: 'GET', url: `/api/v1/audit?entity=job` });
    const entries = (
      audit.json().items as { action: string; entityId: string; actorUsername: string; after: unknown }[]
    ).filter((e) => e.entityId === id);
    expect(entries.map((e) => e.action).sort()).toEqual(['job.cancel', 'job.retry']);
    expect(entries.every((e) => e.actorUsername === 'admin')).toBe(true);
    expect(entries.find((e) => e.action === 'job.cancel')!.after).toEqual({
      job: IDEMPOTENCY_CLEANUP_JOB,
      state: 'cancelled',
    });
  });
});

describe('retrying a cancelled import', () => {
  it('ends failed with the import’s reason, not as done having done nothing', async () => {
    const job = await finishedImport();
    // As a cancel halfway leaves them: the import failed as cancelled, its file gone, the job cancelled.
    await t.database.db.execute(
      sql`update elder_import_jobs set status = 'failed', failure = 'ELDER_IMPORT_CANCELLED', file = null
           where job_id = ${job.id}`,
    );
    await t.database.db.execute(sql`update pgboss.job set state = 'cancelled' where id = ${job.id}`);
    expect((await post(job.id, 'retry')).statusCode).toBe(200);
    let after: Job | undefined;
    for (let waited = 0; waited < 20_000; waited += 100) {
      after = (await list()).find((j) => j.id === job.id);
      if (after && !['created', 'retry', 'active'].includes(after.state)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after).toMatchObject({ state: 'failed', failure: '导入已被取消，已导入的行保留' });
  });
});
