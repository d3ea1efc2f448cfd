import type { $ZodIssue } from 'zod/v4/core';
import { issueText } from '@yiyang/contracts';
import type { Locale } from '../i18n/locale';

export interface FieldError {
  /** Where the problem is: the request part and the path inside it, e.g. `body.regionCode`. */
  field: string;
  code: string;
  message: string;
}

export function localiseIssues(issues: $ZodIssue[], context: string, locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const field = [context, ...issue.path.map(String)].join('.');
    return { field, code: issue.code, message: issueText(issue, locale) };
  });
}
