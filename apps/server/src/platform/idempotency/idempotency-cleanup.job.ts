import type { Db } from '../db/database';
import { defineJob, type ScheduleDefinition } from '../jobs/job-definition';
import { purgeExpiredIdempotencyKeys } from './idempotency-store';

export const IDEMPOTENCY_CLEANUP_JOB = 'platform.idempotency-cleanup';

/** Keys past their 24 hours, nightly: an expired key already counts as unused, this frees the rows. */
export function idempotencyCleanupJob(db: Db) {
  return defineJob({
    name: IDEMPOTENCY_CLEANUP_JOB,
    label: { 'zh-CN': '清理过期的幂等键', en: 'Clean up expired idempotency keys' },
    async handle(_data, ctx) {
      const purged = await purgeExpiredIdempotencyKeys(db, new Date());
      await ctx.progress(purged, purged);
    },
  });
}

export const IDEMPOTENCY_SCHEDULES: ScheduleDefinition[] = [
  { job: IDEMPOTENCY_CLEANUP_JOB, cron: '40 3 * * *' },
];
