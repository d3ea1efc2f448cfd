import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { VALIDATION_MESSAGES } from '@yiyang/contracts';
import type { Locale } from '../i18n/locale';

const zodLocales: Record<Locale, (issue: $ZodIssue) => string | undefined> = {
  'zh-CN': (issue) => messageText(z.locales.zhCN().localeError(issue as never)),
  en: (issue) => messageText(z.locales.en().localeError(issue as never)),
};

function messageText(result: unknown): string | undefined {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return undefined;
}

export interface FieldError {
  /** Where the problem is: the request part and the path inside it, e.g. `body.regionCode`. */
  field: string;
  code: string;
  message: string;
}

export function localiseIssues(issues: $ZodIssue[], context: string, locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const custom = VALIDATION_MESSAGES[issue.message];
    const message = custom ? custom[locale] : (zodLocales[locale](issue) ?? issue.message);
    const field = [context, ...issue.path.map(String)].join('.');
    return { field, code: issue.code, message };
  });
}
