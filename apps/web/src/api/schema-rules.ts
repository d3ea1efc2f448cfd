import type { FormRule } from 'antd';
import type { z } from 'zod';
import { issueText } from '@yiyang/contracts';
import i18n from '../i18n';

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The Ant Design rules of a form field from the field's schema in the endpoint's body, so the form
 * checks what the server checks, with the server's words (decision 0019): `required` unless the
 * schema accepts nothing there (or `required` says otherwise, for a rule the schema cannot know,
 * such as a provider for a provider's role), then the schema itself. What the server still refuses
 * comes back as 400 details and goes onto the fields through `fieldErrors`.
 */
export function schemaRules<S extends z.ZodObject>(
  schema: S,
  field: keyof S['shape'] & string,
  options: { required?: boolean } = {},
): FormRule[] {
  const fieldSchema = schema.shape[field] as z.ZodType;
  const required = options.required ?? !fieldSchema.safeParse(undefined).success;
  return [
    { required },
    {
      validator: async (_rule, value: unknown) => {
        if (isEmpty(value)) return;
        const result = fieldSchema.safeParse(value);
        if (result.success) return;
        const locale = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
        throw new Error(issueText(result.error.issues[0]!, locale));
      },
    },
  ];
}
