import type { $ZodIssue } from 'zod/v4/core';
import { en, zhCN } from 'zod/locales';

/** Texts for the custom `validation.*` keys that contract schemas use as messages. */
export const VALIDATION_MESSAGES: Record<string, { 'zh-CN': string; en: string }> = {
  'validation.regionCode': {
    'zh-CN': '行政区划代码须为12位数字，且层级正确',
    en: 'A region code has 12 digits and a valid level',
  },
  'validation.username': {
    'zh-CN': '用户名为3–32位小写字母、数字或 . _ -，以字母或数字开头',
    en: 'A username has 3–32 lower-case letters, digits or . _ -, starting with a letter or digit',
  },
  'validation.phone': {
    'zh-CN': '电话号码应为11位手机号或带区号的固定电话',
    en: 'A phone number is an 11-digit mobile number or a landline with its area code',
  },
  'validation.deathDate': {
    'zh-CN': '结果为已故时须填写死亡日期，否则不填',
    en: 'A death date goes with the result deceased, and only with it',
  },
  'validation.emptyUpdate': { 'zh-CN': '没有要修改的字段', en: 'Nothing to change' },
  'validation.controlCharacter': {
    'zh-CN': '不能包含控制字符（如 NUL）',
    en: 'Control characters (such as NUL) are not allowed',
  },
  'validation.invisibleText': {
    'zh-CN': '内容不能只有空白或不可见字符',
    en: 'Only blank or invisible characters were given',
  },
  'validation.nameCharacters': {
    'zh-CN': '名称须为一行，且不能包含文字方向控制字符',
    en: 'A name is one line, without text-direction control characters',
  },
  'validation.dateRange': {
    'zh-CN': '日期须在1900年至2199年之间',
    en: 'A date lies between the years 1900 and 2199',
  },
};

const zodLocales = { 'zh-CN': zhCN(), en: en() };
type IssueLocale = keyof typeof zodLocales;

/**
 * The text of one validation issue in `locale`: ours for a `validation.*` key, zod's own
 * otherwise. The server answers with it and the web app's forms show it, so both say the same.
 */
export function issueText(issue: $ZodIssue, locale: IssueLocale): string {
  const custom = VALIDATION_MESSAGES[issue.message];
  if (custom) return custom[locale];
  const result: unknown = zodLocales[locale].localeError(issue as never);
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return issue.message;
}
