import { z } from 'zod';
import { isoDateTime } from './common';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

/** One background job on the 后台任务 page. */
export const backgroundJob = z.object({
  id: z.uuid(),
  /** What the job does, in the caller's language. */
  label: z.string(),
  state: z.enum(JOB_STATES),
  /** Attempts made after the first, and how many are allowed. */
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  /** Why the last attempt failed, in the caller's language. */
  failure: z.string().nullable(),
  /** Progress the job reported, when it reports any. */
  done: z.number().int().nullable(),
  total: z.number().int().nullable(),
});
export type BackgroundJobDto = z.infer<typeof backgroundJob>;

export const listJobsQuery = z.object({ state: z.enum(JOB_STATES).optional() }).strict();
export const listJobsResponse = z.object({ items: z.array(backgroundJob) });
