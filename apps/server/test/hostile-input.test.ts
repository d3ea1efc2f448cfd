import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { checkCharacter, creditCodeCheckCharacter, hasPermission, type Permission } from '@yiyang/domain';
import { routeAccess } from '../src/platform/auth/access-control';
import { CITY, COMMUNITY_A1, createTestApp, STREET_A, type TestContext } from './test-app';
import {
  HOSTILE_CURSORS,
  hostileValues,
  INTERNALS,
  leaves,
  operationsOf,
  sample,
  withLeaf,
  type Fixtures,
  type Operation,
} from './openapi-walk';

/**
 * Walks every operation of the OpenAPI document with the inputs that once answered 500: no
 * answer may be a 500 or carry SQL or a stack, and text that can never be valid (NUL, control
 * characters, invisible names, impossible dates) is refused by validation naming the field.
 */
let t: TestContext;
/** The document's operations, with whether the route is public and who calls it signed in. */
let ops: (Operation & { public: boolean; caller: string })[];
const fixtures: Fixtures = {};
const ADMIN = 'walker-admin';
/** Holds every permission the administrator lacks, so that each route gets past its check. */
const OFFICIAL = 'walker-official';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser(ADMIN, 'admin', CITY);
  await t.createUser(OFFICIAL, 'civil_affairs', CITY);
  fixtures.userId = await t.createUser('walker-target', 'community_worker', STREET_A);
  fixtures.providerId = await t.createProvider(STREET_A);
  const first17 = '15010219450312123';
  const elder = await t.call(OFFICIAL, {
    method: 'POST',
    url: '/api/v1/elders',
    payload: {
      idNumber: first17 + checkCharacter(first17),
      name: '王秀兰',
      hukouRegionCode: STREET_A,
      regionCode: COMMUNITY_A1,
      address: '新华大街1号',
      livingArrangement: 'alone',
    },
  });
  expect(elder.statusCode).toBe(201);
  fixtures.elderId = elder.json().id;
  const staffId17 = '15010219800101456';
  const staff = await t.call(OFFICIAL, {
    method: 'POST',
    url: `/api/v1/providers/${fixtures.providerId}/staff`,
    payload: {
      name: '李护理',
      idNumber: staffId17 + checkCharacter(staffId17),
      role: 'caregiver',
      employedFrom: '2024-01-01',
    },
  });
  expect(staff.statusCode).toBe(201);
  fixtures.staffId = staff.json().id;
  const credit17 = '91150100MA0000001';
  const agency = await t.call(OFFICIAL, {
    method: 'POST',
    url: '/api/v1/assessment-agencies',
    payload: {
      name: '评估机构',
      creditCode: credit17 + creditCodeCheckCharacter(credit17),
      regionCode: STREET_A,
    },
  });
  expect(agency.statusCode).toBe(201);
  fixtures.agencyId = agency.json().id;
  const items = await t.call(OFFICIAL, { method: 'GET', url: '/api/v1/service-items' });
  fixtures.itemCode = items.json()[0]?.code ?? 'x';
  fixtures.code = STREET_A;

  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const access = new Map(t.app.routeTable().map((r) => [`${r.method} ${r.url}`, routeAccess(r)]));
  ops = operationsOf(doc).map((op) => {
    const declared = access.get(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);
    const caller =
      declared === 'public' || declared === 'session' || hasPermission('admin', declared as Permission)
        ? ADMIN
        : OFFICIAL;
    return { ...op, public: declared === 'public', caller };
  });
});
afterAll(() => t.close());

/** The id a path parameter gets: the fixture the route is about, or a random one. */
function pathValue(op: Operation, name: string): string {
  if (name === 'id') {
    if (op.path.startsWith('/api/v1/elders/')) return fixtures.elderId!;
    if (op.path.includes('providers/')) return fixtures.providerId!;
    if (op.path.startsWith('/api/v1/assessment-agencies/')) return fixtures.agencyId!;
    if (op.path.startsWith('/api/v1/users/')) return fixtures.userId!;
  }
  const param = op.parameters.find((p) => p.name === name && p.in === 'path')!;
  return String(sample(param.schema, name, fixtures));
}

interface Probe {
  as: string | null;
  op: Operation;
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

async function send(probe: Probe): Promise<LightMyRequestResponse> {
  const { op } = probe;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(probe.path?.[name] ?? pathValue(op, name)),
  );
  const query = new URLSearchParams(probe.query ?? {}).toString();
  const payload = probe.rawBody ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body));
  return t.call(probe.as, {
    method: op.method as 'GET',
    url: query ? `${url}?${query}` : url,
    headers: payload === undefined ? {} : { 'content-type': 'application/json' },
    payload,
  });
}

/** Everything one operation gets: per field, one hostile value at a time over a plausible rest. */
function probesFor(op: Operation, as: string | null) {
  const probes: { probe: Probe; label: string; field?: string; refused: boolean }[] = [];
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  for (const param of queryParams) {
    const values = hostileValues(param.schema, param.name, sample(param.schema, param.name, fixtures)).map(
      (h) => ({ ...h, value: String(h.value) }),
    );
    if (param.schema.type === 'integer' || param.schema.type === 'number')
      values.push(
        { label: 'huge', value: '1e400', refused: true },
        { label: 'negative', value: '-99999999999999999999', refused: true },
      );
    if (param.name === 'cursor')
      for (const cursor of HOSTILE_CURSORS) values.push({ label: 'cursor', value: cursor, refused: false });
    for (const h of values)
      probes.push({
        probe: { as, op, query: { [param.name]: h.value } },
        label: `query ${param.name}: ${h.label}`,
        field: `querystring.${param.name}`,
        refused: h.refused,
      });
  }
  for (const param of op.parameters.filter((p) => p.in === 'path'))
    for (const value of ['a\u0000b', '\u0007', '0000-01-01', '99999999999999999999'])
      probes.push({
        probe: { as, op, path: { [param.name]: value } },
        label: `path ${param.name}: ${JSON.stringify(value)}`,
        refused: false,
      });
  if (op.body) {
    const plausible = sample(op.body, '', fixtures);
    for (const leaf of leaves(op.body, plausible)) {
      const key = String(leaf.path[leaf.path.length - 1] ?? '');
      const current = leaf.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], plausible);
      for (const h of hostileValues(leaf.schema, key, current))
        probes.push({
          probe: { as, op, body: withLeaf(plausible, leaf.path, h.value) },
          label: `body ${leaf.path.join('.')}: ${h.label}`,
          field: ['body', ...leaf.path].join('.'),
          refused: h.refused,
        });
    }
    probes.push({ probe: { as, op, rawBody: '{"a": ' }, label: 'malformed JSON', refused: false });
    probes.push({
      probe: { as, op, rawBody: '{"\u0000": "\u0000"}' },
      label: 'NUL key',
      refused: false,
    });
  }
  return probes;
}

/** Downloads (workbooks, PDF) are binary; only JSON and text answers are searched for internals. */
const isText = (res: LightMyRequestResponse) => /json|text/.test(String(res.headers['content-type'] ?? ''));

/** Codes of the error handler's safety nets: a probe that gets one slipped past validation. */
const SAFETY_NETS = ['REQUEST_VALUE_UNUSABLE', 'REQUEST_INVALID', 'INTERNAL_ERROR'];

// The event stream never ends, so inject() would wait for ever; its one query field is probed in
// live-updates.test.ts.
const SKIP = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/events/stream']);

/** Signed in (each route as a user who may call it, the administrator where it may) or not. */
async function walk(signedIn: boolean) {
  const failures: string[] = [];
  let sent = 0;
  for (const op of ops) {
    if (SKIP.has(`${op.method} ${op.path}`)) continue;
    const as = signedIn ? op.caller : null;
    // Anonymous callers are turned away before validation, except on public routes.
    const validated = as !== null || op.public;
    for (const { probe, label, field, refused } of probesFor(op, as)) {
      const where = `${as ?? 'anonymous'} ${op.method} ${op.path} ${label}`;
      sent++;
      // A download that fails half-way is cut off: the client sees a broken response.
      const res = await send(probe).catch((error: Error) => error);
      if (res instanceof Error) {
        failures.push(`${where} → ${res.message}`);
        continue;
      }
      if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (isText(res) && INTERNALS.test(res.body))
        failures.push(`${where} → internals in ${res.body.slice(0, 200)}`);
      else if (isText(res) && SAFETY_NETS.includes(res.json()?.error?.code))
        failures.push(`${where} → validation let it through to ${res.body.slice(0, 200)}`);
      else if (validated && refused) {
        const error = isText(res) ? res.json().error : undefined;
        const named =
          Array.isArray(error?.details) && error.details.some((d: { field: string }) => d.field === field);
        if (res.statusCode !== 400 || error?.code !== 'VALIDATION_FAILED' || !named)
          failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
  }
  return { failures, sent };
}

describe('hostile input on every route of the OpenAPI document', () => {
  it('a signed-in caller gets no 500 and text that can never be valid is refused per field', async () => {
    const { failures, sent } = await walk(true);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 60_000);

  it('an anonymous caller gets no 500 either, on public routes refused per field', async () => {
    const { failures } = await walk(false);
    expect(failures).toEqual([]);
  }, 30_000);
});

describe('sign-in and the public directory with NUL', () => {
  it('refuses a NUL in the username or password with field details', async () => {
    for (const payload of [
      { username: 'admin\u0000', password: 'x' },
      { username: 'admin', password: 'pass\u0000word' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload,
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0]).toMatchObject({
        code: 'custom',
        message: 'Control characters (such as NUL) are not allowed',
      });
    }
  });

  it('refuses a NUL in the anonymous provider search, in the caller’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/providers?q=%E5%85%BB%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'querystring.q', message: '不能包含控制字符（如 NUL）' }],
    });
  });
});

describe('requests the OpenAPI walk cannot describe', () => {
  const multipart = (filename: string, content: string) => {
    const boundary = '----walk';
    return {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  };

  /** Waits for a background import to end, so that nothing runs when the database closes. */
  async function finished(jobId: string) {
    for (let i = 0; i < 200; i++) {
      const job = await t.call(OFFICIAL, { method: 'GET', url: `/api/v1/elders/imports/${jobId}` });
      if (job.json().status !== 'running') return job.json();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  }

  it('answers JSON nested thousands deep with a 400', async () => {
    const res = await t.call(OFFICIAL, {
      method: 'POST',
      url: '/api/v1/elders',
      headers: { 'content-type': 'application/json' },
      payload: '['.repeat(10_000) + ']'.repeat(10_000),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a URL that is not valid percent-encoding with the usual envelope, not echoing it', async () => {
    const res = await t.call(OFFICIAL, { method: 'GET', url: '/api/v1/elders/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'REQUEST_INVALID', message: '请求无法处理' } });
  });

  it('answers a multipart upload without a boundary as not a file', async () => {
    const res = await t.call(OFFICIAL, {
      method: 'POST',
      url: '/api/v1/elders/imports',
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'abc',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ELDER_IMPORT_FILE_TYPE');
  });

  it('drops control characters from an uploaded file’s name instead of failing on it', async () => {
    const csv = '身份证号,姓名,户籍地区划代码,居住社区区划代码,详细地址,居住情况\r\n';
    const res = await t.call(OFFICIAL, {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart(
        '名单\u0000\u0007.csv',
        csv + `150102194503121234,张三,${STREET_A},${COMMUNITY_A1},地址,独居`,
      ),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().filename).toBe('名单.csv');
    await finished(res.json().id);
  });

  it('reports control characters and invisible names in imported cells as row errors', async () => {
    const id = (seq: number) => {
      const first17 = `150102194001017${String(seq).padStart(2, '0')}`;
      return first17 + checkCharacter(first17);
    };
    const row = (seq: number, name: string, contact: string, notes: string) =>
      [
        id(seq),
        name,
        STREET_A,
        COMMUNITY_A1,
        '地址',
        '独居',
        contact,
        contact ? '儿子' : '',
        contact ? '13900001111' : '',
        notes,
      ].join(',');
    const csv = [
      '身份证号,姓名,户籍地区划代码,居住社区区划代码,详细地址,居住情况,联系人姓名,联系人关系,联系人电话,备注',
      row(1, '王\u0000秀兰', '', ''),
      row(2, '李秀英', 'ab\u202ecd', ''),
      row(3, '\u200b\u200d', '', ''),
      row(4, '赵桂兰', '', '备注\u0000'),
    ].join('\r\n');
    const res = await t.call(OFFICIAL, {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart('hostile.csv', csv),
    });
    expect(res.statusCode).toBe(202);
    const job = await finished(res.json().id);
    expect(job).toMatchObject({ status: 'done', imported: 0, failed: 4, failure: null });
    expect(job.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
      '2 姓名',
      '3 联系人姓名',
      '4 姓名',
      '5 备注',
    ]);
  });
});
