import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database';
import { queryRows } from '../db/database';
import { AppError } from '../errors/app-error';
import { databaseExecutor, transactionExecutor } from './sql-executor';
import {
  JobInterrupted,
  yieldToRequests,
  type JobContext,
  type JobDefinition,
  type ScheduleDefinition,
} from './job-definition';
import { jobProgress } from './jobs.tables';

import { JOB_SCHEMA } from './job-schema';
/** A job that reports progress and has not done so for this long was left by a crashed process. */
const STALLED_AFTER_SECONDS = 120;
/** An arbitrary constant, as the migrations' lock is: serialises queue and schedule set-up. */
const QUEUE_SETUP_LOCK_KEY = 4_242_003;

export interface JobLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  log: JobLog;
  /** Run workers and schedules (a server); false only enqueues and manages (a CLI command). */
  work?: boolean;
  /** Only these queues get workers (the CLI runs its own import, nothing else). */
  queues?: string[];
  pollingIntervalSeconds?: number;
  /** Overrides every job's retry limit (the test suite's 0: a failure is final at once). */
  retryLimit?: number;
  /** On PostgreSQL, when a silent job counts as left by a crashed process (default 120 s). */
  stalledAfterSeconds?: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobSummary {
  id: string;
  name: string;
  state: JobState;
  retryCount: number;
  retryLimit: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The error code a failed attempt ended with. */
  failure: string | null;
  done: number | null;
  total: number | null;
}

/**
 * Durable jobs and cron schedules on pg-boss (decision 0013), in the platform's own database on
 * PGlite and PostgreSQL alike. pg-boss claims jobs with SKIP LOCKED, so several server processes
 * on one PostgreSQL share the work without running a job twice; it retries with exponential
 * backoff and leaves a job `failed` (the dead-letter state) once its retries are spent.
 */
export function createJobRunner(database: Database, options: JobRunnerOptions) {
  const { db } = database;
  const definitions = new Map<string, JobDefinition<object>>();
  const schedules: ScheduleDefinition[] = [];
  const boss = new PgBoss({
    db: databaseExecutor(database),
    schema: JOB_SCHEMA,
    supervise: options.work ?? false,
    schedule: options.work ?? false,
    migrate: true,
    // Finished jobs stay on the 后台任务 page for a week, then go to pg-boss's archive.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    archiveFailedAfterSeconds: 30 * 24 * 3600,
    deleteAfterDays: 90,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  const workers = new Map<string, string>();
  let stopping = false;
  let reclaimTimer: NodeJS.Timeout | undefined;
  const stalledAfter = options.stalledAfterSeconds ?? STALLED_AFTER_SECONDS;

  function definition(name: string): JobDefinition<object> {
    const found = definitions.get(name);
    if (!found) throw new Error(`unknown job ${name}`);
    return found;
  }

  async function find(id: string): Promise<{ name: string; state: JobState } | undefined> {
    const [row] = await queryRows<{ name: string; state: JobState }>(
      db,
      sql`select name, state from pgboss.job where id = ${id}`,
    );
    return row;
  }

  /** A job of this runner's queues, for retrying or cancelling by hand. */
  async function managed(id: string): Promise<{ name: string; state: JobState }> {
    const row = await find(id);
    if (!row || !definitions.has(row.name)) throw new AppError('JOB_NOT_FOUND');
    return row;
  }

  async function run(def: JobDefinition<object>, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    const ctx: JobContext = {
      jobId: job.id,
      finalAttempt: job.retryCount >= job.retryLimit,
      async progress(done, total, tx: Db = db) {
        await tx
          .insert(jobProgress)
          .values({ jobId: job.id, done, total })
          .onConflictDoUpdate({
            target: jobProgress.jobId,
            set: { done, total, heartbeatAt: sql`now()` },
          });
      },
      async checkpoint() {
        await yieldToRequests();
        if (stopping) throw new JobInterrupted('stopping');
        if ((await find(job.id))?.state === 'cancelled') throw new JobInterrupted('cancelled');
      },
    };
    try {
      await def.handle(job.data, ctx);
    } catch (error) {
      if (error instanceof JobInterrupted) {
        // Stopping: back in the queue at once, without spending a retry; the next process (or
        // this one, restarted) resumes it. Cancelled: pg-boss already holds it as cancelled.
        // Superseded: another attempt (after this one was taken for stalled) carries on.
        if (error.reason === 'stopping')
          await db.execute(
            sql`update pgboss.job set state = 'retry', start_after = now() where id = ${job.id} and state = 'active'`,
          );
        return;
      }
      // A coded refusal (a file that cannot be read, a record gone) will not get better by
      // waiting: the job fails now, without spending its retries.
      if (error instanceof AppError) {
        await db.execute(sql`update pgboss.job set retry_limit = retry_count where id = ${job.id}`);
        throw new Error(error.code);
      }
      options.log.error({ err: error, jobId: job.id, job: def.name }, 'job failed');
      throw new Error('JOB_FAILED');
    }
  }

  /** Jobs a crashed process left `active`: all of them on PGlite (one process), stalled ones on PostgreSQL. */
  async function reclaim(all: boolean) {
    const rows = await queryRows<{ id: string }>(
      db,
      all
        ? sql`update pgboss.job set state = 'retry', start_after = now() where state = 'active' returning id`
        : sql`update pgboss.job j set state = 'retry', start_after = now()
                from job_progress p
               where p.job_id = j.id and j.state = 'active'
                 and p.heartbeat_at < now() - make_interval(secs => ${stalledAfter})
               returning j.id`,
    );
    if (rows.length)
      options.log.info({ jobs: rows.map((r) => r.id) }, 'resumed jobs left by a stopped process');
  }

  /**
   * Two processes starting together on one PostgreSQL would create the same queues (tables and
   * partitions) at once and deadlock: they take turns, on a lock held by a connection of its own.
   */
  async function serialisedAcrossProcesses(work: () => Promise<void>) {
    if (database.kind !== 'postgres') return work();
    const client = await database.pool!.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [QUEUE_SETUP_LOCK_KEY]);
      await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }

  async function ensureQueues() {
    for (const def of definitions.values()) {
      const queue = {
        name: def.name,
        retryLimit: options.retryLimit ?? def.retryLimit ?? 3,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      };
      if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, queue);
      else await boss.createQueue(def.name, queue);
    }
  }

  async function ensureSchedules() {
    const declared = new Set(schedules.map((s) => s.job));
    for (const existing of await boss.getSchedules())
      if (!declared.has(existing.name)) await boss.unschedule(existing.name);
    for (const schedule of schedules) {
      try {
        definition(schedule.job);
        await boss.schedule(schedule.job, schedule.cron, schedule.data ?? {}, { tz: 'Asia/Shanghai' });
      } catch (error) {
        // One bad expression must not keep the server from starting, nor the other schedules.
        options.log.error(
          { code: 'JOB_SCHEDULE_INVALID', job: schedule.job, cron: schedule.cron, err: error },
          'schedule not set',
        );
      }
    }
  }

  return {
    /** What the modules declare; before start(). */
    register(jobs: readonly JobDefinition<never>[], declaredSchedules: readonly ScheduleDefinition[] = []) {
      for (const job of jobs) definitions.set(job.name, job as unknown as JobDefinition<object>);
      schedules.push(...declaredSchedules);
    },

    async start() {
      await boss.start();
      await serialisedAcrossProcesses(ensureQueues);
      if (!options.work) return;
      if (database.kind === 'pglite') await reclaim(true);
      else
        reclaimTimer = setInterval(
          () => void reclaim(false).catch(() => undefined),
          (stalledAfter * 1000) / 2,
        );
      await serialisedAcrossProcesses(ensureSchedules);
      for (const def of definitions.values()) {
        if (options.queues && !options.queues.includes(def.name)) continue;
        const id = await boss.work<object>(
          def.name,
          {
            batchSize: def.batchSize ?? 1,
            includeMetadata: true,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          },
          async (batch) => {
            try {
              if (batch.length === 1) await run(def, batch[0]!);
              else
                // One after another, each failing on its own: pg-boss then completes those still active.
                for (const job of batch)
                  await run(def, job).catch((error: Error) => boss.fail(def.name, job.id, error));
            } finally {
              // pg-boss waits a polling interval after every fetch unless notified: a worker that
              // found a job looks for the next one at once, so a burst (events) is not one per interval.
              const id = workers.get(def.name);
              if (id) boss.notifyWorker(id);
            }
          },
        );
        workers.set(def.name, id);
      }
    },

    async stop() {
      stopping = true;
      clearInterval(reclaimTimer);
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },

    /** Enqueues `name`; with `tx`, committed or rolled back with the change that asks for it. */
    async enqueue(name: string, data: object, enqueueOptions: { tx?: Db; singletonKey?: string } = {}) {
      definition(name);
      const id = await boss.send(name, data, {
        ...(enqueueOptions.tx ? { db: transactionExecutor(enqueueOptions.tx) } : {}),
        ...(enqueueOptions.singletonKey ? { singletonKey: enqueueOptions.singletonKey } : {}),
      });
      return id;
    },

    /** Enqueues one job per item in one statement, in `tx` (the event dispatcher's fan-out). */
    async enqueueMany(jobs: readonly { name: string; data: object }[], enqueueOptions: { tx: Db }) {
      if (!jobs.length) return;
      for (const job of jobs) definition(job.name);
      await boss.insert(
        jobs.map((job) => ({ name: job.name, data: job.data })),
        { db: transactionExecutor(enqueueOptions.tx) },
      );
    },

    /** Asks this process's worker of `name` to look for work now (after the enqueuing commit). */
    wake(name: string) {
      const id = workers.get(name);
      if (id) boss.notifyWorker(id);
    },

    async list(filter: { state?: JobState; id?: string; limit?: number } = {}): Promise<JobSummary[]> {
      const rows = await queryRows<{
        id: string;
        name: string;
        state: JobState;
        retry_count: number;
        retry_limit: number;
        created_on: Date;
        started_on: Date | null;
        completed_on: Date | null;
        failure: string | null;
        done: number | null;
        total: number | null;
      }>(
        db,
        sql`select j.id, j.name, j.state, j.retry_count, j.retry_limit, j.created_on, j.started_on,
                   j.completed_on, case when j.state in ('failed', 'retry') then j.output->>'message' end as failure,
                   p.done, p.total
              from pgboss.job j left join job_progress p on p.job_id = j.id
             where j.name not like '\\_\\_pgboss%' ${filter.state ? sql`and j.state = ${filter.state}` : sql``}
                   ${filter.id ? sql`and j.id = ${filter.id}` : sql``}
             order by j.created_on desc
             limit ${filter.limit ?? 100}`,
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        state: r.state,
        retryCount: r.retry_count,
        retryLimit: r.retry_limit,
        createdAt: new Date(r.created_on),
        startedAt: r.started_on ? new Date(r.started_on) : null,
        finishedAt: r.completed_on ? new Date(r.completed_on) : null,
        failure: r.failure,
        done: r.done,
        total: r.total,
      }));
    },

    async get(id: string): Promise<JobSummary | null> {
      return (await this.list({ id, limit: 1 }))[0] ?? null;
    },

    /** Runs a failed or cancelled job again, from where its own resume logic takes it. */
    async retry(id: string) {
      const row = await managed(id);
      if (row.state === 'failed') await boss.retry(row.name, id);
      else if (row.state === 'cancelled') await boss.resume(row.name, id);
      else throw new AppError('JOB_NOT_RETRYABLE');
      this.wake(row.name);
    },

    async cancel(id: string) {
      const row = await managed(id);
      if (!['created', 'retry', 'active'].includes(row.state)) throw new AppError('JOB_NOT_CANCELLABLE');
      await boss.cancel(row.name, id);
    },

    labelOf(name: string) {
      return definitions.get(name)?.label ?? null;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
