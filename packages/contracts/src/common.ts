import { z } from 'zod';
import { isRegionCode } from '@yiyang/domain';

/**
 * Custom validation messages are i18n keys (`validation.*`); the server and the web app both
 * translate them. Anything else comes from zod's own zh-CN / en locales.
 */
export const regionCode = z
  .string()
  .regex(/^\d{12}$/, { error: 'validation.regionCode' })
  .refine(isRegionCode, { error: 'validation.regionCode' });

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

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
