import type { DomainEventType } from '@yiyang/domain';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/platform/db/database';
import { emitEvent, type DomainEvent } from '../src/platform/events/emit-event';
import {
  CITY,
  COMMUNITY_A1,
  createTestApp,
  onPostgres,
  STREET_A,
  TEST_CIPHER,
  type TestContext,
} from './test-app';
import { dataOf, openEventStream, type EventStreamClient } from './event-stream';

const COMMUNITY_B1 = '150102002001';
const OPTIONS = { heartbeatMs: 50, sessionCheckMs: 50 };

let t: TestContext;
let base: string;
const open: EventStreamClient[] = [];

async function start(events = OPTIONS) {
  t = await createTestApp({ liveUpdates: events });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  await start();
});
afterEach(async () => {
  for (const client of open.splice(0)) client.close();
  await t.close();
});

async function stream(username: string, headers: Record<string, string> = {}, query = '') {
  const cookie = await t.login(username);
  const client = await openEventStream(`${base}/api/v1/events/stream${query}`, { cookie, ...headers });
  open.push(client);
  return client;
}

const emit = (event: DomainEvent) => t.database.db.transaction((tx) => emitEvent(tx, event));
const elderEvent = (regionCode: string | null, entityId: string): DomainEvent => ({
  type: 'elder.updated',
  entity: 'elder',
  entityId,
  regionCode,
  payload: { fields: ['address'] },
});
const received = (client: EventStreamClient) => dataOf(client).map((e) => e.entityId);
const arrived = (client: EventStreamClient, entityId: string) => () =>
  dataOf(client).some((e) => e.entityId === entityId);

describe('GET /api/v1/events/stream', () => {
  it('asks for a session', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/v1/events/stream' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a lastEventId that is not an event id, naming the field', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const res = await t.call('street.a', { method: 'GET', url: '/api/v1/events/stream?lastEventId=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('querystring.lastEventId');
  });

  it('sends a street official the events of their street and never those of another street', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const client = await stream('street.a');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toMatch(/^text\/event-stream/);

    await emit(elderEvent(COMMUNITY_B1, 'other-street'));
    await emit(elderEvent(null, 'no-region'));
    const id = await emit(elderEvent(COMMUNITY_A1, 'own-street'));
    await client.until(arrived(client, 'own-street'));

    // Delivered in commit order: had the earlier ones been sent, they would have come first.
    expect(received(client)).toEqual(['own-street']);
    const [event] = client.events;
    expect(event!.id).toBe(id.toString());
    expect(event!.event).toBe('message');
    expect(JSON.parse(event!.data)).toEqual({
      type: 'elder.updated',
      entity: 'elder',
      entityId: 'own-street',
      regionCode: COMMUNITY_A1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: { fields: ['address'] },
    });
  });

  it('sends events without a region to city-level officials only', async () => {
    await t.createUser('city', 'civil_affairs', CITY);
    const client = await stream('city');
    await emit(elderEvent(null, 'no-region'));
    await client.until(arrived(client, 'no-region'));
  });

  it('sends only events the user may read, and no event of an unknown kind', async () => {
    await t.createUser('operator', 'operator', STREET_A); // elders and providers, no assessments
    const client = await stream('operator');
    await emit({
      type: 'assessment.submitted',
      entity: 'assessment',
      regionCode: COMMUNITY_A1,
      entityId: 'a',
    });
    // A kind nobody declared (cast past the type that would refuse it) reaches nobody.
    await emit({
      type: 'payroll.paid' as DomainEventType,
      entity: 'payroll',
      regionCode: COMMUNITY_A1,
      entityId: 'b',
    });
    await emit(elderEvent(COMMUNITY_A1, 'c'));
    await client.until(arrived(client, 'c'));
    expect(received(client)).toEqual(['c']);
  });

  it("sends a provider manager their own provider's events only", async () => {
    const own = await t.createProvider(COMMUNITY_A1);
    const other = await t.createProvider(COMMUNITY_A1);
    await t.createUser('manager', 'provider_manager', COMMUNITY_A1, own);
    const client = await stream('manager');
    const providerEvent = (providerId: string, entityId: string): DomainEvent => ({
      type: 'provider.graded',
      entity: 'provider',
      entityId,
      regionCode: COMMUNITY_A1,
      providerId,
    });
    await emit(providerEvent(other, 'other-provider'));
    await emit({ ...providerEvent(own, 'region-only'), providerId: null });
    await emit(providerEvent(own, 'own-provider'));
    await client.until(arrived(client, 'own-provider'));
    expect(received(client)).toEqual(['own-provider']);
  });

  it('sends the missed events in order on resume with Last-Event-ID, or with ?lastEventId=', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const seen = await emit(elderEvent(COMMUNITY_A1, 'seen'));
    await emit(elderEvent(COMMUNITY_A1, 'missed-1'));
    await emit(elderEvent(COMMUNITY_B1, 'other-street'));
    await emit(elderEvent(COMMUNITY_A1, 'missed-2'));

    const byHeader = await stream('street.a', { 'last-event-id': seen.toString() });
    await byHeader.until((c) => c.events.length >= 2);
    await emit(elderEvent(COMMUNITY_A1, 'live'));
    await byHeader.until(arrived(byHeader, 'live'));
    expect(received(byHeader)).toEqual(['missed-1', 'missed-2', 'live']);
    const ids = byHeader.events.map((e) => BigInt(e.id!));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);

    const byQuery = await stream('street.a', {}, `?lastEventId=${seen}`);
    await byQuery.until(arrived(byQuery, 'live'));
    expect(received(byQuery)).toEqual(['missed-1', 'missed-2', 'live']);
  });

  it('tells a client that missed more than the replay bound to refetch', async () => {
    await t.close();
    await start({ ...OPTIONS, replayLimit: 2 } as typeof OPTIONS);
    await t.createUser('street.a', 'community_worker', STREET_A);
    const seen = await emit(elderEvent(COMMUNITY_A1, 'seen'));
    for (const n of [1, 2, 3]) await emit(elderEvent(COMMUNITY_A1, `missed-${n}`));
    const client = await stream('street.a', { 'last-event-id': seen.toString() });
    await client.until((c) => c.events.some((e) => e.event === 'reset'));
    expect(received(client)).toEqual([]);
    // It resumes from the newest event, not from the one it had.
    expect(client.events[0]!.id).toBe((seen + 3n).toString());
  });

  it('sends a retry hint and heartbeats', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const client = await stream('street.a');
    await client.until((c) => c.comments.filter((comment) => comment === 'ping').length >= 2);
    expect(client.retry).toBeGreaterThan(0);
  });

  it('ends the stream when the session ends', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const client = await stream('street.a');
    const cookie = await t.login('street.a');
    const again = await openEventStream(`${base}/api/v1/events/stream`, { cookie });
    open.push(again);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBeLessThan(300);
    await again.ended;
    // The other session of the same user still streams.
    await emit(elderEvent(COMMUNITY_A1, 'after-logout'));
    await client.until(arrived(client, 'after-logout'));
  });

  it('refuses more streams than the per-user cap, with a stable code', async () => {
    await t.close();
    await start({ ...OPTIONS, maxPerUser: 2 } as typeof OPTIONS);
    await t.createUser('street.a', 'community_worker', STREET_A);
    await stream('street.a');
    await stream('street.a');
    const third = await stream('street.a');
    expect(third.status).toBe(429);
  });

  it('drops a client that does not read once its unsent data passes the bound', async () => {
    await t.close();
    await start({ ...OPTIONS, maxPerUser: 1, maxBufferedBytes: 64 * 1024 } as typeof OPTIONS);
    await t.createUser('city', 'civil_affairs', CITY);
    const cookie = await t.login('city');
    const { port } = t.app.server.address() as AddressInfo;
    // A raw socket that sends its request and never reads a byte of the answer.
    const socket = net.connect(port, '127.0.0.1');
    socket.write(`GET /api/v1/events/stream HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n\r\n`);
    socket.pause();
    await expect.poll(async () => (await stream('city')).status).toBe(429);

    const big = { padding: 'x'.repeat(32 * 1024) };
    let freed = false;
    // Enough to fill the kernel's buffers on both ends and then the bound (tens of MB at most).
    for (let round = 0; round < 200 && !freed; round++) {
      for (let n = 0; n < 10; n++) await emit({ ...elderEvent(COMMUNITY_A1, 'big'), payload: big });
      const probe = await stream('city');
      freed = probe.status === 200;
    }
    socket.destroy();
    expect(freed).toBe(true);
  });

  it('ends open streams when the server closes', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const client = await stream('street.a');
    await t.app.close();
    await client.ended;
  });
});

describe.runIf(onPostgres())('live updates across server instances on one PostgreSQL database', () => {
  it('listens again when its connection is cut, and tells streams to refetch what they missed', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const client = await stream('street.a');
    await t.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen yiyang_events%'`,
    );
    await client.until((c) => c.events.some((e) => e.event === 'reset'));
    await emit(elderEvent(COMMUNITY_A1, 'after-reconnect'));
    await client.until(arrived(client, 'after-reconnect'));
  });

  it('an event committed through one instance reaches a stream on another, within its scope', async () => {
    await t.createUser('street.a', 'community_worker', STREET_A);
    const cookie = await t.login('street.a');
    // A second instance: its own pool and its own LISTEN connection, as another process has.
    const database = await openDatabase({
      kind: 'postgres',
      url: t.database.pool!.options.connectionString!,
    });
    const other = await buildApp({
      database,
      cipher: TEST_CIPHER,
      broker: 'off',
      version: 'test',
      runJobs: false,
    });
    try {
      await other.listen({ port: 0, host: '127.0.0.1' });
      const port = (other.server.address() as AddressInfo).port;
      const client = await openEventStream(`http://127.0.0.1:${port}/api/v1/events/stream`, { cookie });
      open.push(client);
      await emit(elderEvent(COMMUNITY_B1, 'other-street'));
      await emit(elderEvent(COMMUNITY_A1, 'own-street'));
      await client.until(arrived(client, 'own-street'), 60_000);
      expect(received(client)).toEqual(['own-street']);
    } finally {
      await other.close();
      await database.close();
    }
  });
});
