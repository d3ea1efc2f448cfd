import type { Locale } from '../i18n/locale';
import type { ErrorCode } from './error-codes';

export interface ErrorDefinition {
  status: number;
  'zh-CN': string;
  en: string;
}
export type ErrorCatalog = Record<string, ErrorDefinition>;

/** Codes every module may use; modules add their own catalogs through registerErrors. */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '请求参数有误', en: 'The request has invalid fields' },
  REQUEST_MALFORMED: {
    status: 400,
    'zh-CN': '请求体不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  REQUEST_INVALID: { status: 400, 'zh-CN': '请求无法处理', en: 'The request could not be processed' },
  REQUEST_VALUE_UNUSABLE: {
    status: 400,
    'zh-CN': '请求中有无法处理的值（超出范围或格式不对）',
    en: 'A value in the request is out of range or malformed',
  },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    'zh-CN': '不支持的内容类型',
    en: 'Unsupported content type',
  },
  REQUEST_TOO_LARGE: { status: 413, 'zh-CN': '请求体过大', en: 'The request body is too large' },
  PAGINATION_CURSOR_INVALID: { status: 400, 'zh-CN': '分页游标无效', en: 'The page cursor is invalid' },
  AUTH_REQUIRED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先修改初始密码',
    en: 'Change your initial password first',
  },
  AUTH_FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限', en: 'You may not do this' },
  SCOPE_REGION_FORBIDDEN: {
    status: 403,
    'zh-CN': '该行政区划不在您的管辖范围内',
    en: 'That region is outside your scope',
  },
  DECIDER_NOT_INDEPENDENT: {
    status: 403,
    'zh-CN': '您的账号由申请人创建或由其设置过密码，不能审批其提交的事项，请由其他人员审批',
    en: 'Your account was created by the requester, or its password was set by them: someone else must decide',
  },
  NOT_FOUND: { status: 404, 'zh-CN': '未找到', en: 'Not found' },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  CONFLICT: {
    status: 409,
    'zh-CN': '数据已被修改，请刷新后重试',
    en: 'The data changed; reload and try again',
  },
  VERSION_CONFLICT: {
    status: 409,
    'zh-CN': '该记录已被他人修改，请查看最新内容后再保存',
    en: 'Someone else changed this record; check the current values and save again',
  },
  INTERNAL_ERROR: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后再试',
    en: 'Internal server error; try again later',
  },
} satisfies ErrorCatalog;

const registry = new Map<string, ErrorDefinition>(Object.entries(PLATFORM_ERRORS));

export function registerErrors(catalog: ErrorCatalog): void {
  for (const [code, definition] of Object.entries(catalog)) {
    const existing = registry.get(code);
    if (existing && existing !== definition) throw new Error(`error code registered twice: ${code}`);
    registry.set(code, definition);
  }
}

export function errorDefinition(code: string): ErrorDefinition {
  return registry.get(code) ?? PLATFORM_ERRORS.INTERNAL_ERROR;
}

export function isRegisteredError(code: string): code is ErrorCode {
  return registry.has(code);
}

/** A parameter that is itself text in both languages, such as the reason of a rejection. */
export type LocalisedText = Record<Locale, string>;
const isLocalised = (v: unknown): v is LocalisedText =>
  typeof v === 'object' && v !== null && 'zh-CN' in v && 'en' in v;

/** Fills `{name}` placeholders from params, picking the caller's language for localised ones. */
export function errorMessage(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  return errorDefinition(code)[locale].replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in params)) return `{${key}}`;
    const value = params[key];
    return isLocalised(value) ? value[locale] : String(value);
  });
}
