import type pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { queryRows } from '../db/database';
import type { JobLog, JobRunner } from '../jobs/job-runner';
import { eventHandlerJob, handlerQueue, type EventDeliveryData, type EventHandler } from './event-handlers';
import { EVENTS_CHANNEL } from './events.tables';

/** Events handed to queues per transaction: bounds one dispatch's locks and memory. */
const BATCH = 500;

export interface EventDispatchOptions {
  log: JobLog;
  /** Look for undispatched events this often even without a notification (a lost listener). */
  pollSeconds?: number;
}

/**
 * The outbox's dispatcher (decision 0017). emitEvent leaves each event in `undispatched_events`
 * with the change that raised it; this hands every such event to the queue of each handler that
 * hears its type and removes the marker, in one transaction, so an event is neither lost (a stop
 * between the change's commit and the dispatch leaves the marker for the next start) nor queued
 * twice. It runs on the NOTIFY that emitEvent sends, at start, and every `pollSeconds`; several
 * processes on one PostgreSQL share the markers with SKIP LOCKED.
 */
export function createEventDispatch(database: Database, jobs: JobRunner, options: EventDispatchOptions) {
  const { db } = database;
  const handlers = new Map<string, EventHandler>();
  const byType = new Map<string, EventHandler[]>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let stopListening: (() => Promise<void>) | undefined;

  /** Dispatches one batch; returns how many events it took. */
  async function dispatchBatch(): Promise<number> {
    const queues = new Set<string>();
    const taken = await db.transaction(async (tx) => {
      const events = await queryRows<{ id: string; type: string }>(
        tx,
        sql`delete from undispatched_events u using domain_events e
             where u.event_id = e.id
               and u.event_id in (select event_id from undispatched_events order by event_id
                                   limit ${BATCH} for update skip locked)
         returning e.id::text as id, e.type`,
      );
      const deliveries = events.flatMap((event) =>
        (byType.get(event.type) ?? []).map((handler) => {
          queues.add(handlerQueue(handler.name));
          return {
            name: handlerQueue(handler.name),
            data: { eventId: event.id } satisfies EventDeliveryData,
          };
        }),
      );
      await jobs.enqueueMany(deliveries, { tx });
      return events.length;
    });
    for (const queue of queues) jobs.wake(queue);
    return taken;
  }

  async function dispatchAll(): Promise<void> {
    while ((await dispatchBatch()) === BATCH && !stopped);
  }

  /** Runs a dispatch now, or once more after the one in progress (a notification during it). */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await dispatchAll();
        } catch (error) {
          // The markers stay; the next notification or poll tries again.
          options.log.error({ err: error }, 'event dispatch failed');
        }
      } while (again && !stopped);
      running = null;
    })();
  }

  async function listen(): Promise<() => Promise<void>> {
    // The callback may run inside the query that carries the notification: dispatch after it.
    const onNotification = () => setImmediate(wake);
    if (database.kind === 'pglite') return database.pglite!.listen(EVENTS_CHANNEL, onNotification);
    const client: pg.PoolClient = await database.pool!.connect();
    client.on('notification', onNotification);
    // A lost listening connection leaves the poll to find new events.
    client.on('error', (error) => options.log.error({ err: error }, 'event listener connection lost'));
    await client.query(`listen ${EVENTS_CHANNEL}`);
    return async () => {
      client.removeListener('notification', onNotification);
      await client.query(`unlisten ${EVENTS_CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }

  return {
    /** The modules' handlers: each gets its queue (a background job) on the runner. Before start(). */
    register(declared: readonly EventHandler[]) {
      for (const handler of declared) {
        if (handlers.has(handler.name)) throw new Error(`event handler ${handler.name} declared twice`);
        handlers.set(handler.name, handler);
        for (const type of handler.events) byType.set(type, [...(byType.get(type) ?? []), handler]);
        jobs.register([eventHandlerJob(db, handler) as never]);
      }
    },

    /** After the runner's start(): listens, dispatches what a stopped process left, then polls. */
    async start() {
      stopListening = await listen();
      wake();
      await running;
      pollTimer = setInterval(wake, (options.pollSeconds ?? 10) * 1000);
    },

    async stop() {
      stopped = true;
      clearInterval(pollTimer);
      await running;
      await stopListening?.();
    },

    /** Dispatches every undispatched event now (tests, benches; the CLI has no listener). */
    dispatchPending: dispatchAll,

    /**
     * Queues every event from `sinceId` on that `handlerName` hears and has not handled yet, for
     * it to handle again (a handler added later, or one whose jobs failed for good). Safe to
     * repeat: a delivery already recorded is skipped. Returns how many it queued.
     */
    async replay(handlerName: string, sinceId: bigint): Promise<number> {
      const handler = handlers.get(handlerName);
      if (!handler) return -1;
      const types = sql.join(
        handler.events.map((type) => sql`${type}`),
        sql`, `,
      );
      let after = sinceId - 1n;
      let total = 0;
      for (;;) {
        const ids = await queryRows<{ id: string }>(
          db,
          sql`select e.id::text as id from domain_events e
               where e.id > ${after} and e.type in (${types})
                 and not exists (select 1 from event_deliveries d
                                  where d.handler = ${handler.name} and d.event_id = e.id)
               order by e.id limit ${BATCH}`,
        );
        if (!ids.length) break;
        await db.transaction((tx) =>
          jobs.enqueueMany(
            ids.map((row) => ({ name: handlerQueue(handler.name), data: { eventId: row.id } })),
            { tx },
          ),
        );
        total += ids.length;
        after = BigInt(ids[ids.length - 1]!.id);
      }
      jobs.wake(handlerQueue(handler.name));
      return total;
    },

    handlerNames: () => [...handlers.keys()],
  };
}

export type EventDispatch = ReturnType<typeof createEventDispatch>;
