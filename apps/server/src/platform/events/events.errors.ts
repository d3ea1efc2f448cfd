import type { CodesOf } from '../errors/error-codes';
import type { ErrorCatalog } from '../errors/error-catalog';

export const EVENTS_ERRORS = {
  EVENTS_TOO_MANY_STREAMS: {
    status: 429,
    'zh-CN': '您打开的实时更新连接过多，请关闭一些页面后再试',
    en: 'Too many live-update connections are open for your account; close some tabs and try again',
  },
} satisfies ErrorCatalog;

declare module '../errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof EVENTS_ERRORS> {}
}
