import type { JobRunner } from '../jobs/job-runner';
import { can, type TodoSource } from './todo-source';

/** Jobs the runner gave up on: the administrator runs them again or cancels them. */
export function failedJobsTodos(jobs: JobRunner): TodoSource {
  return {
    titles: { 'jobs.failed': { 'zh-CN': '失败的后台任务', en: 'Failed background jobs' } },
    async items(user) {
      if (!can(user, 'jobs:manage')) return [];
      // The jobs page lists at most this many too: the count says what the link shows.
      const failed = await jobs.list({ state: 'failed', limit: 100 });
      return [{ kind: 'jobs.failed', count: failed.length, link: '/jobs?state=failed', severity: 'danger' }];
    },
  };
}
