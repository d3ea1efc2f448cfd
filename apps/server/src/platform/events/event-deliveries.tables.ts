import { bigint, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';
import { domainEvents } from './events.tables';

/**
 * Events committed but not yet handed to their handlers' queues. emitEvent writes the row with
 * the event; the dispatcher deletes it in the transaction that enqueues the handler jobs, so a
 * process that stops between the two leaves it here for the next dispatcher (decision 0017).
 */
export const undispatchedEvents = pgTable('undispatched_events', {
  eventId: bigint('event_id', { mode: 'bigint' })
    .primaryKey()
    .references(() => domainEvents.id),
});

/**
 * Which handler has handled which event, written in the handler's own transaction: a redelivery
 * (a retry after a crash, a replay) finds the row and does nothing, so a handler's effect happens once.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    handler: varchar('handler', { length: 100 }).notNull(),
    eventId: bigint('event_id', { mode: 'bigint' })
      .notNull()
      .references(() => domainEvents.id),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.handler, t.eventId] })],
);
