import type { AuditActor } from '../../platform/audit/audit-writer';
import type { Db } from '../../platform/db/database';
import { emitEvent } from '../../platform/events/emit-event';
import type { ElderRow } from './elders.tables';

/**
 * The domain events an elder record raises, written in the transaction of the change and its
 * audit entry. They carry the elder's current region (decision 0007) and what a listener needs
 * to decide to look — which fields changed, region codes, dates — never a name, identity number,
 * phone or any field's personal value.
 */
export async function emitElderCreated(tx: Db, actor: AuditActor, elder: ElderRow): Promise<void> {
  await emitEvent(tx, {
    type: 'elder.created',
    entity: 'elder',
    entityId: elder.id,
    regionCode: elder.regionCode,
    actorId: actor.actorId,
    payload: { version: elder.version },
  });
}

/** elder.updated; elder.moved when the residence region changed; elder.deceased when the status became deceased. */
export async function emitElderChanged(
  tx: Db,
  actor: AuditActor,
  before: Pick<ElderRow, 'regionCode' | 'status'>,
  after: ElderRow,
  fields: readonly string[],
): Promise<void> {
  const common = {
    entity: 'elder',
    entityId: after.id,
    regionCode: after.regionCode,
    actorId: actor.actorId,
  };
  await emitEvent(tx, {
    ...common,
    type: 'elder.updated',
    payload: { fields: [...fields].sort(), version: after.version },
  });
  if (after.regionCode !== before.regionCode)
    await emitEvent(tx, {
      ...common,
      type: 'elder.moved',
      payload: { fromRegionCode: before.regionCode, toRegionCode: after.regionCode, version: after.version },
    });
  if (after.status === 'deceased' && before.status !== 'deceased')
    await emitEvent(tx, {
      ...common,
      type: 'elder.deceased',
      payload: { statusDate: after.statusDate, version: after.version },
    });
}

/** change_request.created / .decided for an elder's maker-checker request. */
export async function emitElderChangeRequest(
  tx: Db,
  actor: AuditActor,
  type: 'change_request.created' | 'change_request.decided',
  request: {
    id: string;
    elderId: string;
    regionCode: string;
    fields: readonly string[];
    decision?: 'approved' | 'rejected';
  },
): Promise<void> {
  await emitEvent(tx, {
    type,
    entity: 'elder_change_request',
    entityId: request.id,
    regionCode: request.regionCode,
    actorId: actor.actorId,
    payload: {
      elderId: request.elderId,
      fields: request.fields,
      ...(request.decision ? { decision: request.decision } : {}),
    },
  });
}
