import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { defineJob, type JobContext, type JobDefinition } from '../jobs/job-definition';
import { eventDeliveries } from './event-deliveries.tables';
import { domainEvents, type DomainEventRow } from './events.tables';

/**
 * What a module does when something happens, declared in its definition (`eventHandlers`).
 * Delivery is at least once; the platform makes the effect happen once by recording the
 * delivery in the transaction it hands to `handle`.
 */
export interface EventHandler {
  /** `module.handler` (letters, digits, dots and dashes): its queue on the 后台任务 page, and what replay names. */
  name: string;
  /** The event types it hears, e.g. `['elder.deceased']`. */
  events: readonly string[];
  label?: { 'zh-CN': string; en: string };
  /**
   * Does the handler's writes in `tx` only (the delivery record is in it too: a throw rolls both
   * back and the delivery is retried, with backoff). An AppError fails it at once.
   */
  handle(event: DomainEventRow, tx: Db, ctx: JobContext): Promise<void>;
  /** Attempts after the first (default 5), `retryDelaySeconds` (default 5) apart, doubling each time. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export function defineEventHandler(handler: EventHandler): EventHandler {
  return handler;
}

/** One queue per handler, so that one handler failing holds up none of the others. */
export const handlerQueue = (handlerName: string) => `event.${handlerName}`;

export interface EventDeliveryData {
  /** The event id as a string (job data is JSON; ids are bigint). */
  eventId: string;
}

/** The background job that delivers one event to `handler`. */
export function eventHandlerJob(db: Db, handler: EventHandler): JobDefinition<EventDeliveryData> {
  return defineJob<EventDeliveryData>({
    name: handlerQueue(handler.name),
    label: handler.label ?? { 'zh-CN': `事件处理：${handler.name}`, en: `Event handler ${handler.name}` },
    retryLimit: handler.retryLimit ?? 5,
    retryDelaySeconds: handler.retryDelaySeconds ?? 5,
    batchSize: 20,
    async handle(data, ctx) {
      const eventId = BigInt(data.eventId);
      await db.transaction(async (tx) => {
        // Waits for a concurrent delivery of the same event to end: if it committed, this one
        // conflicts and does nothing; if it rolled back, this one carries on.
        const [fresh] = await tx
          .insert(eventDeliveries)
          .values({ handler: handler.name, eventId })
          .onConflictDoNothing()
          .returning({ eventId: eventDeliveries.eventId });
        if (!fresh) return;
        const [event] = await tx.select().from(domainEvents).where(eq(domainEvents.id, eventId));
        await handler.handle(event!, tx, ctx);
      });
    },
  });
}
