import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { auditLog } from './audit.tables';

/** Who did it and from where: taken from the request, or given by the CLI. */
export interface AuditActor {
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

export function actorFromRequest(request: FastifyRequest): AuditActor {
  return {
    actorId: request.user?.id ?? null,
    actorUsername: request.user?.username ?? null,
    actorRole: request.user?.role ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
    requestId: request.id,
  };
}

export function systemActor(name: string): AuditActor {
  return { actorId: null, actorUsername: name, actorRole: null, ip: null, userAgent: null, requestId: null };
}

/** Write inside the same transaction as the change it records, so neither exists without the other. */
export async function writeAudit(db: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    ...actor,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    regionCode: event.regionCode ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
