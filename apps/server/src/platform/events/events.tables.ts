import { bigint, index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The outbox: every domain event, written in the transaction of the change it tells of, and kept
 * for replay. The identity column orders them; it is also the SSE event id (`Last-Event-ID`).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    /** `module.what_happened`, e.g. `elder.created`, `change_request.decided`. */
    type: varchar('type', { length: 64 }).notNull(),
    /** Who may hear of it: a region scope (the owner's current region) and, for provider roles, the provider. */
    regionCode: varchar('region_code', { length: 12 }),
    providerId: uuid('provider_id'),
    entity: varchar('entity', { length: 64 }).notNull(),
    entityId: varchar('entity_id', { length: 64 }),
    /** What handlers and screens need; never personal data (names, identity numbers, phones). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('domain_events_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.id),
    index('domain_events_type_idx').on(t.type, t.id),
    index('domain_events_occurred_idx').on(t.occurredAt),
  ],
);
export type DomainEventRow = typeof domainEvents.$inferSelect;
export const EVENTS_CHANNEL = 'yiyang_events';
