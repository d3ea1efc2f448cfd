import type { CodesOf } from '../../platform/errors/error-codes';
import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const AUTH_ERRORS = {
  AUTH_INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    'zh-CN': '密码错误次数过多，账号已锁定至 {unlockAt}',
    en: 'Too many wrong passwords: the account is locked until {unlockAt}',
  },
  AUTH_TOO_MANY_ATTEMPTS: {
    status: 429,
    'zh-CN': '该地址登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins from this address; try again in {minutes} minutes',
  },
  AUTH_PASSWORD_WRONG: { status: 400, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  AUTH_PASSWORD_UNCHANGED: {
    status: 400,
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
} satisfies ErrorCatalog;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof AUTH_ERRORS> {}
}
