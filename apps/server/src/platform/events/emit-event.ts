import type { DomainEventType } from '@yiyang/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { domainEvents, EVENTS_CHANNEL } from './events.tables';
import { undispatchedEvents } from './event-deliveries.tables';

export interface DomainEvent {
  type: DomainEventType;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  providerId?: string | null;
  payload?: Record<string, unknown>;
  actorId?: string | null;
}

/**
 * Writes `event` in `tx` — the same transaction as the change and its audit entry — and asks
 * PostgreSQL to notify listeners when it commits (NOTIFY inside a transaction is delivered at
 * commit, and never if it rolls back). It is also marked undispatched in `tx`, so that the
 * dispatcher hands it to its handlers even if this process stops right after the commit
 * (decision 0017). Returns the event's id.
 */
export async function emitEvent(tx: Db, event: DomainEvent): Promise<bigint> {
  const [row] = await tx
    .insert(domainEvents)
    .values({
      type: event.type,
      entity: event.entity,
      entityId: event.entityId ?? null,
      regionCode: event.regionCode ?? null,
      providerId: event.providerId ?? null,
      payload: event.payload ?? {},
      actorId: event.actorId ?? null,
    })
    .returning({ id: domainEvents.id });
  await tx.insert(undispatchedEvents).values({ eventId: row!.id });
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${row!.id.toString()})`);
  return row!.id;
}
