import type { AuditActor } from '../audit/audit-writer';
import { writeAudit } from '../audit/audit-writer';
import type { Db } from '../db/database';
import type { JobRunner, JobSummary } from './job-runner';

export type JobAction = 'retry' | 'cancel';

/**
 * Retries or cancels a job for a person (the 后台任务 page or `yiyang jobs`), and records who did
 * it: both ways in go through here so that neither forgets the audit entry.
 */
export async function manageJob(
  jobs: JobRunner,
  db: Db,
  actor: AuditActor,
  action: JobAction,
  id: string,
  /** The region of the person acting: the audit log shows an entry to readers whose scope holds it. */
  regionCode: string | null,
): Promise<JobSummary> {
  await jobs[action](id);
  const job = (await jobs.get(id))!;
  await writeAudit(db, actor, {
    action: `job.${action}`,
    entity: 'job',
    entityId: id,
    regionCode,
    after: { job: job.name, state: job.state },
  });
  return job;
}
