import { and, asc, gt, inArray, sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';
import { domainEvents, EVENTS_CHANNEL, type DomainEventRow } from './events.tables';

/** What a subscriber hears: a committed event, or that some may have been missed (refetch). */
export type BusMessage = { kind: 'event'; event: DomainEventRow } | { kind: 'reset' };
export type BusListener = (message: BusMessage) => void;

export interface EventBus {
  /** Hears every committed event of every process from now on; returns the unsubscribe. */
  subscribe(listener: BusListener): () => void;
  /** Events after `afterId` in id order, narrowed by `where`, at most `limit`. */
  readAfter(afterId: bigint, where: SQL, limit: number): Promise<DomainEventRow[]>;
  /** The newest event id (0 when there is none): where a client restarts after a reset. */
  newestId(): Promise<bigint>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Waits between attempts to listen again after the connection dropped (ms). */
  reconnectDelays?: readonly number[];
}

const RECONNECT_DELAYS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * One LISTEN per process, fanned out to every SSE connection of that process. NOTIFY carries only
 * the event id; the row is read by that id — not "everything after the last id", since identity
 * values are taken at insert and transactions commit in any order, so a smaller id can commit
 * after a larger one. Ids that arrive together are read in one query, and none while nobody
 * listens.
 */
export async function createEventBus(database: Database, options: EventBusOptions): Promise<EventBus> {
  const { db } = database;
  const listeners = new Set<BusListener>();
  const pending = new Set<bigint>();
  let flushing: Promise<void> | null = null;
  let closed = false;

  const deliver = (message: BusMessage) => {
    for (const listener of listeners) listener(message);
  };

  async function flush(): Promise<void> {
    while (pending.size > 0 && !closed) {
      const ids = [...pending].slice(0, 500);
      for (const id of ids) pending.delete(id);
      try {
        const rows = await db
          .select()
          .from(domainEvents)
          .where(inArray(domainEvents.id, ids))
          .orderBy(asc(domainEvents.id));
        for (const event of rows) deliver({ kind: 'event', event });
      } catch (error) {
        // The events are in the table; clients that reconnect or refetch will see them.
        options.log.error({ err: error }, 'reading notified domain events failed');
        deliver({ kind: 'reset' });
      }
    }
  }

  function notified(payload: string | undefined): void {
    if (closed || listeners.size === 0 || !payload || !/^\d+$/.test(payload)) return;
    pending.add(BigInt(payload));
    flushing ??= Promise.resolve()
      .then(flush)
      .finally(() => (flushing = null));
  }

  const stopListening =
    database.kind === 'postgres'
      ? await listenOnPostgres(database, options, notified, () => deliver({ kind: 'reset' }))
      : await listenOnPglite(database, notified);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readAfter(afterId, where, limit) {
      return db
        .select()
        .from(domainEvents)
        .where(and(gt(domainEvents.id, afterId), where))
        .orderBy(asc(domainEvents.id))
        .limit(limit);
    },
    async newestId() {
      const [row] = await db.select({ id: sql<string | null>`max(${domainEvents.id})` }).from(domainEvents);
      return BigInt(row?.id ?? 0);
    },
    async close() {
      closed = true;
      listeners.clear();
      await stopListening();
      await flushing;
    },
  };
}

/** PGlite is in this process: its own listen() hears what its single connection commits. */
async function listenOnPglite(database: Database, notified: (payload: string) => void) {
  const unlisten = await database.pglite!.listen(EVENTS_CHANNEL, notified);
  return async () => {
    // Closing the database first (tests do) leaves nothing to unlisten.
    if (!database.pglite!.closed) await unlisten();
  };
}

/**
 * A pg.Client of its own, outside the pool: a LISTEN lives on one session for as long as the
 * process runs. When the connection drops (a restart, a failover), it is opened again, and
 * subscribers are told to refetch, since notifications sent meanwhile are lost.
 */
async function listenOnPostgres(
  database: Database,
  options: EventBusOptions,
  notified: (payload: string | undefined) => void,
  missed: () => void,
): Promise<() => Promise<void>> {
  const delays = options.reconnectDelays ?? RECONNECT_DELAYS;
  const connectionString = database.pool!.options.connectionString;
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let ready: Promise<void> = Promise.resolve();

  const connect = async () => {
    const next = new pg.Client({ connectionString });
    client = next;
    let lost = false;
    const onLost = (reason: string) => {
      if (lost || stopped) return;
      lost = true;
      options.log.warn(`event listener connection lost (${reason}); listening again`);
      next.end().catch(() => undefined);
      retry();
    };
    next.on('error', (error) => onLost(error.message));
    next.on('end', () => onLost('ended'));
    next.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL) notified(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${EVENTS_CHANNEL}`);
      if (attempt > 0) {
        options.log.info('event listener connected again');
        missed();
      }
      attempt = 0;
    } catch (error) {
      onLost((error as Error).message);
    }
  };
  const retry = () => {
    if (stopped) return;
    const delay = delays[Math.min(attempt, delays.length - 1)]!;
    attempt++;
    timer = setTimeout(() => {
      timer = null;
      ready = connect();
    }, delay);
  };
  // The first attempt is awaited, so that what commits after start-up is heard; a failure is
  // retried in the background like a drop (the server still serves everything else).
  ready = connect();
  await ready;

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await ready;
    await client?.end().catch(() => undefined);
  };
}
