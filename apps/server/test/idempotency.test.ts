import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database';
import { registerAccessControl } from '../src/platform/auth/access-control';
import type { SessionUser } from '../src/platform/auth/session-user';
import { registerErrorHandler } from '../src/platform/errors/error-handler';
import { registerIdempotency } from '../src/platform/idempotency/idempotency-hooks';
import {
  claimIdempotencyKey,
  purgeExpiredIdempotencyKeys,
} from '../src/platform/idempotency/idempotency-store';
import { elders } from '../src/modules/elders/elders.tables';
import {
  COMMUNITY_A1,
  createTestApp,
  createTestDatabase,
  DISTRICT,
  STREET_A,
  type TestContext,
} from './test-app';
import { multipart, xlsx, goodRow } from './elder-import-files';
import { given } from './given';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('idem-a', 'civil_affairs', STREET_A);
  await t.createUser('idem-b', 'civil_affairs', STREET_A);
});
afterAll(() => t.close());

let serial = 0;
const elderBody = (name = `幂等${++serial}`) => ({
  idNumber: given.idNumber(),
  name,
  hukouRegionCode: DISTRICT,
  regionCode: COMMUNITY_A1,
  address: '光明路8号',
  livingArrangement: 'alone',
});
const createElder = (as: string, key: string | undefined, payload: object, language = 'zh-CN') =>
  t.call(as, {
    method: 'POST',
    url: '/api/v1/elders',
    payload,
    headers: { 'accept-language': language, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });
const eldersNamed = async (name: string) =>
  (await t.database.db.select({ id: elders.id }).from(elders).where(eq(elders.name, name))).length;

describe('Idempotency-Key on elder create', () => {
  it('a retry with the same key and body gets the first answer and registers one elder', async () => {
    const body = elderBody();
    const first = await createElder('idem-a', 'retry-1', body);
    expect(first.statusCode).toBe(201);
    // The same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await createElder('idem-a', 'retry-1', reordered);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['content-type']).toMatch(/application\/json/);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await eldersNamed(body.name)).toBe(1);
  });

  it('the same key with another body is refused with a code, in the caller’s language', async () => {
    const first = await createElder('idem-a', 'reused-1', elderBody());
    expect(first.statusCode).toBe(201);
    const other = elderBody();
    const res = await createElder('idem-a', 'reused-1', other, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(res.json().error.message).toMatch(/already used for a different request/);
    expect(await eldersNamed(other.name)).toBe(0);
  });

  it('keys belong to their user: another user may use the same key', async () => {
    const mine = await createElder('idem-a', 'shared-key', elderBody());
    const theirs = await createElder('idem-b', 'shared-key', elderBody());
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('a key that is not 1–100 printable ASCII characters is refused with a code', async () => {
    for (const key of ['', 'x'.repeat(101), 'clé']) {
      const body = elderBody();
      const res = await createElder('idem-a', key, body);
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(await eldersNamed(body.name)).toBe(0);
    }
    expect((await createElder('idem-a', 'x'.repeat(100), elderBody())).statusCode).toBe(201);
  });

  it('a request without a key runs each time, as before', async () => {
    const body = elderBody();
    expect((await createElder('idem-a', undefined, body)).statusCode).toBe(201);
    expect((await createElder('idem-a', undefined, { ...body, idNumber: given.idNumber() })).statusCode).toBe(
      201,
    );
    expect(await eldersNamed(body.name)).toBe(2);
  });

  it('keys are purged after 24 hours, and the key may then be used again', async () => {
    expect((await createElder('idem-a', 'purged-1', elderBody())).statusCode).toBe(201);
    expect(await purgeExpiredIdempotencyKeys(t.database.db, new Date())).toBe(0);
    expect((await createElder('idem-a', 'purged-1', elderBody())).statusCode).toBe(422);

    const dayLater = new Date(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    expect(await purgeExpiredIdempotencyKeys(t.database.db, dayLater)).toBeGreaterThanOrEqual(1);
    const later = elderBody();
    expect((await createElder('idem-a', 'purged-1', later)).statusCode).toBe(201);
    expect(await eldersNamed(later.name)).toBe(1);
  });

  it('a failed request (500) keeps nothing: the retry with the same key runs again', async () => {
    const body = elderBody();
    const undo = await t.refuseWrites('elders', 'true');
    const failed = await createElder('idem-a', 'after-500', body);
    await undo();
    expect(failed.statusCode).toBe(500);
    const retry = await createElder('idem-a', 'after-500', body);
    expect(retry.statusCode).toBe(201);
    expect(await eldersNamed(body.name)).toBe(1);
  });

  it('two requests sent together with one key register one elder', async () => {
    const body = elderBody();
    const answers = await Promise.all([
      createElder('idem-a', 'together', body),
      createElder('idem-a', 'together', body),
    ]);
    expect(await eldersNamed(body.name)).toBe(1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // The other is either the replayed answer or told that the first is still running.
    for (const a of answers.filter((x) => x.statusCode !== 201))
      expect(a.json().error.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
  });
});

describe('Idempotency-Key on the other elder POSTs', () => {
  it('the API document names the header on the routes that take it, and only there', async () => {
    const doc = (await t.call(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const takesKey = (path: string, method: string) =>
      (doc.paths[path][method].parameters ?? []).some(
        (p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key',
      );
    expect(takesKey('/api/v1/elders', 'post')).toBe(true);
    expect(takesKey('/api/v1/elders/imports', 'post')).toBe(true);
    expect(takesKey('/api/v1/elders/{id}/change-requests', 'post')).toBe(true);
    expect(takesKey('/api/v1/elders/{id}', 'patch')).toBe(false);
  });

  it('an import retried with the same file (another filename, another boundary) starts one job', async () => {
    const file = await xlsx([goodRow(71)]);
    const upload = (key: string, buffer: Buffer, filename: string) => {
      const { payload, headers } = multipart(buffer, filename);
      return t.call('idem-a', {
        method: 'POST',
        url: '/api/v1/elders/imports',
        payload,
        headers: { ...headers, 'idempotency-key': key },
      });
    };
    const first = await upload('import-1', file, 'a.xlsx');
    expect(first.statusCode).toBe(202);
    const again = await upload('import-1', file, 'b.xlsx');
    expect(again.statusCode).toBe(202);
    expect(again.json().id).toBe(first.json().id);
    const recent = await t.call('idem-a', { method: 'GET', url: '/api/v1/elders/imports' });
    expect(recent.json().items.filter((j: { id: string }) => j.id === first.json().id)).toHaveLength(1);
    expect(recent.json().items).toHaveLength(1);

    const other = await upload('import-1', await xlsx([goodRow(72)]), 'a.xlsx');
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Let the job end before the database closes.
    while (
      (await t.call('idem-a', { method: 'GET', url: `/api/v1/elders/imports/${first.json().id}` })).json()
        .status === 'running'
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('a change request retried with the same key is raised once', async () => {
    const elderId = (await createElder('idem-a', undefined, elderBody())).json().id as string;
    const raise = () =>
      t.call('idem-a', {
        method: 'POST',
        url: `/api/v1/elders/${elderId}/change-requests`,
        payload: { changes: { categories: ['low_income'] }, reason: '低保证明已核验' },
        headers: { 'idempotency-key': 'change-1' },
      });
    const first = await raise();
    expect(first.statusCode).toBe(201);
    const again = await raise();
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const pending = await t.call('idem-a', {
      method: 'GET',
      url: `/api/v1/elder-change-requests?status=pending&elderId=${elderId}`,
    });
    expect(pending.json().items.filter((r: { elderId: string }) => r.elderId === elderId)).toHaveLength(1);
  });
});

/** A route whose handler waits until the test lets it go, to hold a key "in progress". */
describe('Idempotency-Key while the first request runs', () => {
  let database: Database;
  let app: FastifyInstance;
  let runs = 0;
  let entered: () => void = () => undefined;
  let release: () => void = () => undefined;
  let failNext = false;
  const user = { id: '00000000-0000-4000-8000-000000000001', permissions: [] } as unknown as SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = Fastify();
    registerErrorHandler(app);
    registerAccessControl(app, async () => user);
    registerIdempotency(app, database.db);
    app.post('/api/slow', { config: { permission: 'session', idempotent: true } }, async () => {
      runs += 1;
      if (failNext) {
        failNext = false;
        throw new Error('the handler broke');
      }
      entered();
      await new Promise<void>((resolve) => (release = resolve));
      return { run: runs };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const post = (key: string) =>
    app.inject({ method: 'POST', url: '/api/slow', payload: { a: 1 }, headers: { 'idempotency-key': key } });

  it('a second request with the key is told the first is still running; the handler runs once', async () => {
    runs = 0;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const first = post('slow-1');
    await inHandler;
    const second = await post('slow-1');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    release();
    expect((await first).json()).toEqual({ run: 1 });
    const third = post('slow-1');
    expect((await third).json()).toEqual({ run: 1 });
    expect(runs).toBe(1);
  });

  it('a handler that throws keeps nothing: the retry runs the handler again', async () => {
    runs = 0;
    failNext = true;
    expect((await post('broken-1')).statusCode).toBe(500);
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const retry = post('broken-1');
    await inHandler;
    release();
    expect((await retry).json()).toEqual({ run: 2 });
  });

  it('a claim left unanswered by a stopped process is taken over after 10 minutes, not after a day', async () => {
    const at = new Date('2026-03-01T08:00:00Z');
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
    expect((await claimIdempotencyKey(database.db, user.id, 'crashed', 'f1', at)).kind).toBe('claimed');
    expect((await claimIdempotencyKey(database.db, user.id, 'crashed', 'f1', later(9))).kind).toBe(
      'in-progress',
    );
    expect((await claimIdempotencyKey(database.db, user.id, 'crashed', 'f1', later(11))).kind).toBe(
      'claimed',
    );
    // Taken over, the claim is a running request again.
    expect((await claimIdempotencyKey(database.db, user.id, 'crashed', 'f1', later(12))).kind).toBe(
      'in-progress',
    );
  });
});
