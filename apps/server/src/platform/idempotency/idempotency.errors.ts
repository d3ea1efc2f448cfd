import type { CodesOf } from '../errors/error-codes';
import type { ErrorCatalog } from '../errors/error-catalog';

export const IDEMPOTENCY_ERRORS = {
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    'zh-CN': 'Idempotency-Key 请求头无效：须为 1 至 100 个可打印的 ASCII 字符',
    en: 'The Idempotency-Key header must be 1 to 100 printable ASCII characters',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该 Idempotency-Key 已用于另一个内容不同的请求，请为新的提交使用新的键',
    en: 'This Idempotency-Key was already used for a different request; use a new key for a new submission',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    status: 409,
    'zh-CN': '同一提交仍在处理中，请稍后再试',
    en: 'The same submission is still being processed; try again shortly',
  },
} satisfies ErrorCatalog;

declare module '../errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof IDEMPOTENCY_ERRORS> {}
}
