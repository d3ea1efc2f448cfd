import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Progress of a running job, beside pg-boss's own job table (which has no place for it). Its
 * `heartbeatAt` is how a job left behind by a crashed process is found and run again.
 */
export const jobProgress = pgTable('job_progress', {
  jobId: uuid('job_id').primaryKey(),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});
