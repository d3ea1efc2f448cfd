import { z } from 'zod';
import { isRegionCode } from '@yiyang/domain';
import { isCleanName, isEmptyOrVisible } from './text-rules';

/**
 * Custom validation messages are i18n keys (`validation.*`); the server and the web app both
 * translate them. Anything else comes from zod's own zh-CN / en locales.
 */
export const regionCode = z
  .string()
  .regex(/^\d{12}$/, { error: 'validation.regionCode' })
  .refine(isRegionCode, { error: 'validation.regionCode' });

/**
 * The years a date on this platform falls in. Year 0 or 9999 is a typing error, and PostgreSQL
 * refuses year 0 outright; the format checks already refuse days like 2026-02-30. The message
 * `validation.dateRange` names these years.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;
const inDateYears = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};
/** A date or date-time format (also a cursor's) limited to DATE_YEARS. */
export const withinDateYears = <T extends z.ZodType<string>>(schema: T): T =>
  schema.refine(inDateYears, { error: 'validation.dateRange' });

export const isoDateTime = withinDateYears(z.iso.datetime({ offset: true }));
export const isoDate = withinDateYears(z.iso.date());

/**
 * Text a person types into a field: trimmed, at most `max` characters, and — unless empty —
 * with something that shows (a string of zero-width spaces is not an address). Control
 * characters are refused for every string by the server's validator, whatever the schema.
 */
export const text = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).refine(isEmptyOrVisible, { error: 'validation.invisibleText' });

/** The name of a person or an organisation: text on one line without bidi controls. */
export const nameText = (max: number, min = 1) =>
  text(max, min).refine(isCleanName, { error: 'validation.nameCharacters' });

/** A mobile (11 digits) or a landline with its area code. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: 'validation.phone' });

export const errorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

export const PAGE_LIMIT_MAX = 200;
export const pageQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const idParams = z.strictObject({ id: z.uuid() });

export const okResponse = z.object({ ok: z.literal(true) });

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  broker: z.enum(['embedded', 'external', 'off']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/**
 * Every editable record carries a version and an edit sends the one it was read at; a stale edit
 * answers 409 VERSION_CONFLICT with `details.current`, the record as it is now.
 */
export const VERSION_CONFLICT = 'VERSION_CONFLICT';
/** A version is a PostgreSQL integer: anything larger could never match and would not fit. */
const VERSION_MAX = 2_147_483_647;
export const recordVersion = z.number().int().min(1).max(VERSION_MAX);
/** For a value set with PUT at a key (a region's price or setting): 0 when read as not set there. */
export const keyedVersion = z.number().int().min(0).max(VERSION_MAX);

/** An update body: any of the fields, at least one, and the version they were read at. */
export function editBody<S extends z.ZodRawShape>(fields: S) {
  return z
    .strictObject(fields)
    .partial()
    .extend({ version: recordVersion })
    .refine((b) => Object.keys(b).length > 1, { error: 'validation.emptyUpdate' });
}
