import type { Db } from '../db/database';

/** What a running job can tell and ask: its progress (a heartbeat too), and whether to stop. */
export interface JobContext {
  jobId: string;
  /** No retry follows if this attempt fails: the job's own record should say it failed. */
  finalAttempt: boolean;
  /** Records done/total for the 后台任务 page; in `tx`, with the work it counts. */
  progress(done: number, total: number, tx?: Db): Promise<void>;
  /**
   * Lets waiting requests run, then throws JobInterrupted if the job was cancelled or the process
   * is stopping: a long job calls it between chunks, so that requests stay fast while it runs and
   * it ends at a chunk boundary, from which a later run resumes.
   */
  checkpoint(): Promise<void>;
}

export interface JobDefinition<T extends object = object> {
  /** Queue name, `module.job` (letters, digits, dots and dashes). */
  name: string;
  /** Shown on the 后台任务 page. */
  label: { 'zh-CN': string; en: string };
  /**
   * Does the work. An AppError fails the job at once (it would fail again); any other error is
   * logged and retried. Must be idempotent: an attempt may be cut short at any point and rerun.
   */
  handle(data: T, ctx: JobContext): Promise<void>;
  /** Attempts after the first (default 3), `retryDelaySeconds` apart, doubling each time. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * How long one attempt may run before it counts as failed (default 15 min). A job that reports
   * progress is also taken back from a crashed process once its heartbeat is 2 minutes old.
   */
  expireInSeconds?: number;
  /**
   * Jobs one worker takes in one fetch and runs one after another (default 1): for many short
   * jobs (event deliveries), where a fetch per job would cost more than the job.
   */
  batchSize?: number;
}

export interface ScheduleDefinition {
  /** The job to enqueue; one schedule per job. */
  job: string;
  /** Cron expression (five fields), evaluated in Asia/Shanghai. */
  cron: string;
  data?: object;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Thrown by `checkpoint()`: the job stops at a safe point and is not counted as a failure. */
export class JobInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'stopping' | 'superseded') {
    super(`job ${reason}`);
  }
}

/**
 * Lets timers, sockets and (on PGlite) queued queries run before the job goes on: CPU work that
 * only awaits promises would otherwise keep every request waiting until it ends.
 */
export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
