import { z } from 'zod';
import { isoDateTime, pageQuery, regionCode } from './common';

export const auditEntry = z.object({
  id: z.string(),
  at: isoDateTime,
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The entry has before/after values the reader may not see (they lack the record's read permission). */
  detailsHidden: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

export const listAuditQuery = pageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  regionCode: regionCode.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
