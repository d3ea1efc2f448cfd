import { and, desc, eq, gte, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { regionLevel } from '@yiyang/domain';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntry, listAuditQuery, pageOf } from '@yiyang/contracts';
import { assertAssignable, inScope } from '../auth/scope';
import { requireUser } from '../auth/access-control';
import { decodeCursor, pageFrom } from '../http/pagination';
import type { Db } from '../db/database';
import { auditLog } from './audit.tables';
import { mayReadAuditDetails } from './audit-redaction';

/** An identity-column value as the cursor carries it: digits within PostgreSQL's bigint. */
const bigintId = z
  .string()
  .regex(/^\d{1,19}$/)
  .refine((id) => BigInt(id) <= 9_223_372_036_854_775_807n);

/** The audit log reader: newest first, within the caller's region scope. */
export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit log entries in the caller’s scope',
          querystring: listAuditQuery,
          response: { 200: pageOf(auditEntry) },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const q = request.query;
        // Entries of no region (the CLI, schedules, platform settings) belong to the whole
        // deployment: readers at city level or above see them, nobody below.
        const cityWide = ['province', 'city'].includes(regionLevel(user.regionCode));
        const where: (SQL | undefined)[] = [
          cityWide
            ? or(inScope(auditLog.regionCode, user), isNull(auditLog.regionCode))
            : inScope(auditLog.regionCode, user),
        ];
        if (q.regionCode) {
          assertAssignable(q.regionCode, user);
          where.push(inScope(auditLog.regionCode, { regionCode: q.regionCode }));
        }
        if (q.actor) where.push(eq(auditLog.actorUsername, q.actor.toLowerCase()));
        if (q.action) where.push(eq(auditLog.action, q.action));
        if (q.entity) where.push(eq(auditLog.entity, q.entity));
        if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
        if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
        if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
        // The identity column is the insertion order, which is what an audit trail is read in.
        const cursor = decodeCursor(q.cursor, bigintId);
        if (cursor) where.push(lt(auditLog.id, BigInt(cursor)));
        const rows = await db
          .select()
          .from(auditLog)
          .where(and(...where))
          .orderBy(desc(auditLog.id))
          .limit(q.limit + 1);
        const page = pageFrom(rows, q.limit, (r) => r.id.toString());
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => {
            const visible = mayReadAuditDetails(r.entity, user.permissions);
            return {
              ...r,
              id: r.id.toString(),
              at: r.at.toISOString(),
              before: visible ? r.before : null,
              after: visible ? r.after : null,
              detailsHidden: !visible && (r.before != null || r.after != null),
            };
          }),
        };
      },
    );
  };
