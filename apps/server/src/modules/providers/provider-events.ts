import type { AuditActor } from '../../platform/audit/audit-writer';
import type { Db } from '../../platform/db/database';
import { emitEvent } from '../../platform/events/emit-event';

/**
 * The domain events of providers, written with the change and its audit entry: the provider's
 * current region and its id (provider roles hear their own), no names of people.
 */
export async function emitProviderEvent(
  tx: Db,
  actor: AuditActor,
  type: 'provider.created' | 'provider.graded',
  provider: { id: string; regionCode: string; kind: string; grade: number | null; version: number },
  extra: Record<string, unknown> = {},
): Promise<void> {
  await emitEvent(tx, {
    type,
    entity: 'provider',
    entityId: provider.id,
    regionCode: provider.regionCode,
    providerId: provider.id,
    actorId: actor.actorId,
    payload: { kind: provider.kind, grade: provider.grade, version: provider.version, ...extra },
  });
}

/**
 * provider_change.created / .decided for a provider's filing or grade request: a kind of its own,
 * heard with providers:read (elder change requests are change_request.*, heard with elders:read).
 */
export async function emitProviderChangeRequest(
  tx: Db,
  actor: AuditActor,
  type: 'provider_change.created' | 'provider_change.decided',
  request: {
    id: string;
    providerId: string;
    regionCode: string;
    fields: readonly string[];
    decision?: 'approved' | 'rejected';
  },
): Promise<void> {
  await emitEvent(tx, {
    type,
    entity: 'provider_change_request',
    entityId: request.id,
    regionCode: request.regionCode,
    providerId: request.providerId,
    actorId: actor.actorId,
    payload: {
      providerId: request.providerId,
      fields: request.fields,
      ...(request.decision ? { decision: request.decision } : {}),
    },
  });
}
