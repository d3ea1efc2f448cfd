import type { JobRunner, JobState, JobSummary } from '../platform/jobs/job-runner';
import { errorMessage, isRegisteredError } from '../platform/errors/error-catalog';
import { shanghaiDateTime } from '../platform/time/shanghai-date';

/** The words the 后台任务 page uses for each state, so an operator reads the same on both. */
const STATE_ZH: Record<JobState, string> = {
  created: '排队中',
  retry: '重试等待',
  active: '运行中',
  completed: '已完成',
  cancelled: '已取消',
  failed: '失败（已停止重试）',
};

/** One job as a line of `yiyang jobs`: id, label, state, progress, when it was created (Shanghai). */
export function jobLine(jobs: JobRunner, job: JobSummary): string {
  const progress = job.total !== null ? `${job.done ?? 0}/${job.total}` : '—';
  const failure = job.failure
    ? `  ${errorMessage(isRegisteredError(job.failure) ? job.failure : 'JOB_FAILED', 'zh-CN')}`
    : '';
  return (
    [
      job.id,
      jobs.labelOf(job.name)?.['zh-CN'] ?? job.name,
      `${STATE_ZH[job.state]} (${job.state})`,
      progress,
      shanghaiDateTime(job.createdAt),
    ].join('  ') + failure
  );
}
