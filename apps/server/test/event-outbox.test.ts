import type { DomainEventType } from '@yiyang/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database';
import { queryRows } from '../src/platform/db/database';
import { createJobRunner, type JobRunner } from '../src/platform/jobs/job-runner';
import { emitEvent } from '../src/platform/events/emit-event';
import { createEventDispatch, type EventDispatch } from '../src/platform/events/event-dispatch';
import { defineEventHandler, handlerQueue, type EventHandler } from '../src/platform/events/event-handlers';
import { COMMUNITY_A1, createTestApp, createTestDatabase } from './test-app';
import { given } from './given';

const quiet = { info: () => undefined, error: () => undefined };
let database: Database;
let serial = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(
    sql`create table handler_effects (handler text not null, event_id bigint not null)`,
  );
});
afterAll(() => database.close());

/** A handler that records what it handled, in its delivery's transaction. */
function recording(name: string, events: string[], extra: Partial<EventHandler> = {}): EventHandler {
  return defineEventHandler({
    name,
    events,
    async handle(event, tx) {
      await tx.execute(sql`insert into handler_effects values (${name}, ${event.id})`);
    },
    ...extra,
  });
}

async function effects(handler: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    database.db,
    sql`select event_id::text as id from handler_effects where handler = ${handler} order by event_id`,
  );
  return rows.map((r) => r.id);
}

async function emit(type: string): Promise<string> {
  const id = await database.db.transaction((tx) =>
    // Types of the tests' own, cast past the list of real ones: no module handler hears them.
    emitEvent(tx, {
      type: type as DomainEventType,
      entity: 'test',
      entityId: 'x',
      regionCode: '150102000000',
    }),
  );
  return id.toString();
}

/** A server process: a job runner with workers and the dispatcher, with `handlers`. */
async function startProcess(handlers: EventHandler[], start = true) {
  const jobs: JobRunner = createJobRunner(database, { log: quiet, work: true, pollingIntervalSeconds: 0.5 });
  const dispatch: EventDispatch = createEventDispatch(database, jobs, { log: quiet, pollSeconds: 1 });
  dispatch.register(handlers);
  if (start) {
    await jobs.start();
    await dispatch.start();
  }
  return {
    jobs,
    dispatch,
    async stop() {
      await dispatch.stop();
      await jobs.stop();
    },
  };
}

const waitUntil = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

describe('the transactional outbox', () => {
  it('delivers an event committed while no process was dispatching (a stop between commit and dispatch)', async () => {
    const type = `test.crash_${++serial}`;
    const id = await emit(type);
    const server = await startProcess([recording('test.after-crash', [type])]);
    try {
      await waitUntil(async () => expect(await effects('test.after-crash')).toEqual([id]));
    } finally {
      await server.stop();
    }
  });

  it('writes no event when the change rolls back', async () => {
    const type = `test.rolled_back_${++serial}`;
    await database.db
      .transaction(async (tx) => {
        await emitEvent(tx, { type: type as DomainEventType, entity: 'test' });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    const rows = await queryRows(database.db, sql`select 1 from domain_events where type = ${type}`);
    expect(rows).toEqual([]);
  });

  it('retries a failing handler, and the other handlers of the event still run', async () => {
    const type = `test.retry_${++serial}`;
    let attempts = 0;
    const flaky = recording('test.flaky', [type], {
      retryLimit: 3,
      retryDelaySeconds: 1,
      async handle(event, tx) {
        attempts++;
        await tx.execute(sql`insert into handler_effects values ('test.flaky', ${event.id})`);
        // Its write above rolls back with the throw: the effect must not count twice.
        if (attempts === 1) throw new Error('the first attempt fails');
      },
    });
    const broken = recording('test.broken', [type], {
      retryLimit: 0,
      async handle() {
        throw new Error('always fails');
      },
    });
    const server = await startProcess([flaky, broken, recording('test.steady', [type])]);
    try {
      const id = await emit(type);
      await waitUntil(async () => {
        expect(await effects('test.steady')).toEqual([id]);
        expect(await effects('test.flaky')).toEqual([id]);
        const failed = await server.jobs.list({ state: 'failed' });
        expect(failed.map((j) => j.name)).toContain(handlerQueue('test.broken'));
      });
      expect(attempts).toBe(2);
    } finally {
      await server.stop();
    }
  });

  it('fails one delivery of a batch on its own: the handler’s other events are handled', async () => {
    const type = `test.batch_${++serial}`;
    const ids = [await emit(type), await emit(type), await emit(type)];
    const picky = recording('test.picky', [type], {
      retryLimit: 0,
      async handle(event, tx) {
        if (event.id.toString() === ids[1]) throw new Error('this one fails');
        await tx.execute(sql`insert into handler_effects values ('test.picky', ${event.id})`);
      },
    });
    // Queued before the workers start, so that one fetch takes all three.
    const server = await startProcess([picky], false);
    try {
      await server.jobs.start();
      await server.dispatch.dispatchPending();
      await server.dispatch.start();
      await waitUntil(async () => {
        expect(await effects('test.picky')).toEqual([ids[0], ids[2]]);
        const failed = await server.jobs.list({ state: 'failed' });
        expect(failed.filter((j) => j.name === handlerQueue('test.picky'))).toHaveLength(1);
      });
    } finally {
      await server.stop();
    }
  });

  it('has a duplicate delivery take effect once', async () => {
    const type = `test.duplicate_${++serial}`;
    const id = await emit(type);
    const server = await startProcess([recording('test.once', [type])], false);
    try {
      await server.jobs.start();
      // The dispatch queues one delivery; a second of the same event, as after a crash that lost
      // the first's completion, is queued beside it.
      await server.dispatch.dispatchPending();
      await server.jobs.enqueue(handlerQueue('test.once'), { eventId: id });
      await server.dispatch.start();
      await waitUntil(async () => {
        const done = await server.jobs.list({ state: 'completed' });
        expect(done.filter((j) => j.name === handlerQueue('test.once'))).toHaveLength(2);
      });
      expect(await effects('test.once')).toEqual([id]);
    } finally {
      await server.stop();
    }
  });

  it('replays the events since an id to a handler, once however often asked', async () => {
    const type = `test.replay_${++serial}`;
    // Dispatched while no handler heard them.
    const before = await startProcess([]);
    const ids = [await emit(type), await emit(type), await emit(type)];
    await before.dispatch.dispatchPending();
    await before.stop();

    const server = await startProcess([recording('test.late', [type])]);
    try {
      expect(await server.dispatch.replay('test.late', BigInt(ids[1]!))).toBe(2);
      await waitUntil(async () => expect(await effects('test.late')).toEqual(ids.slice(1)));
      expect(await server.dispatch.replay('test.late', BigInt(ids[0]!))).toBe(1);
      await waitUntil(async () => expect(await effects('test.late')).toEqual(ids));
      expect(await server.dispatch.replay('test.late', BigInt(ids[0]!))).toBe(0);
    } finally {
      await server.stop();
    }
  });
});

describe('handlers in the server', () => {
  it('hear the events of an API call after it commits', async () => {
    const heard: { type: string; regionCode: string | null }[] = [];
    const t = await createTestApp({
      eventHandlers: [
        defineEventHandler({
          name: 'test.listener',
          events: ['elder.created'],
          async handle(event) {
            heard.push({ type: event.type, regionCode: event.regionCode });
          },
        }),
      ],
    });
    try {
      await t.app.ready();
      await given.elder(t);
      await waitUntil(async () =>
        expect(heard).toEqual([{ type: 'elder.created', regionCode: COMMUNITY_A1 }]),
      );
    } finally {
      await t.close();
    }
  });
});
