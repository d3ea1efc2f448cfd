import type { CodesOf } from '../errors/error-codes';
import type { ErrorCatalog } from '../errors/error-catalog';

export const JOB_ERRORS = {
  JOB_NOT_FOUND: { status: 404, 'zh-CN': '未找到该后台任务', en: 'Background job not found' },
  JOB_NOT_RETRYABLE: {
    status: 409,
    'zh-CN': '只有失败或已取消的任务可以重试',
    en: 'Only a failed or cancelled job can be run again',
  },
  JOB_NOT_CANCELLABLE: {
    status: 409,
    'zh-CN': '该任务已结束，无法取消',
    en: 'The job has ended and cannot be cancelled',
  },
  JOB_FAILED: {
    status: 500,
    'zh-CN': '任务执行出错，已记录在服务器日志中',
    en: 'The job failed; the server log has the details',
  },
} satisfies ErrorCatalog;

declare module '../errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof JOB_ERRORS> {}
}
