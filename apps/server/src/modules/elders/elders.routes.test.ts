import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { checkCharacter } from '@yiyang/domain';
import {
  COMMUNITY_A1,
  createTestApp,
  DISTRICT,
  STREET_A,
  STREET_B,
  type TestContext,
} from '../../../test/test-app';

const COMMUNITY_B1 = '150102002001';
/** A valid identity number registered in 新城区 for a birth date and sequence. */
const idNumber = (birth: string, seq: number) => {
  const first17 = `150102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker-a', 'community_worker', COMMUNITY_A1);
  await t.createUser('worker-b', 'community_worker', COMMUNITY_B1);
  await t.createUser('official-a', 'civil_affairs', STREET_A);
  await t.createUser('district', 'civil_affairs', DISTRICT);
});
afterAll(() => t.close());

const elderBody = (overrides: object = {}) => ({
  idNumber: idNumber('19450312', 123),
  name: '王秀兰',
  phone: '13812345678',
  hukouRegionCode: DISTRICT,
  regionCode: COMMUNITY_A1,
  address: '新华大街1号3单元201',
  livingArrangement: 'alone',
  categories: ['dibao', 'living_alone'],
  contacts: [{ name: '王强', relation: '儿子', phone: '13900001111', guardian: true }],
  ...overrides,
});
const create = (as: string, overrides: object = {}, headers: Record<string, string> = {}) =>
  t.call(as, { method: 'POST', url: '/api/v1/elders', payload: elderBody(overrides), headers });

/**
 * The elder a test builds on, registered by worker-a unless an earlier test did so already: each
 * test then runs alone as well as after the others.
 */
async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
  const number = (overrides.idNumber as string | undefined) ?? idNumber('19450312', 123);
  const found = (await t.call('district', { method: 'GET', url: `/api/v1/elders?q=${number}` })).json().items;
  return found[0]?.id ?? (await create('worker-a', overrides)).json().id;
}
/** 王秀兰, whom the first test registers. */
const wangXiulan = () => registered();
/** The disabled 46-year-old, registered explicitly under age. */
const underAge = () =>
  registered({
    idNumber: idNumber('19800101', 456),
    allowUnderAge: true,
    categories: ['disabled_cert'],
    disabilityGrade: 2,
  });

describe('registering an elder', () => {
  let id: string;

  it('derives birth date, age and sex from the identity number and masks personal data', async () => {
    const res = await create('worker-a');
    expect(res.statusCode).toBe(201);
    const e = res.json();
    id = e.id;
    expect(e).toMatchObject({
      idNumber: '1501**********' + idNumber('19450312', 123).slice(-4),
      birthDate: '1945-03-12',
      sex: 'male',
      phone: '138****5678',
      regionName: expect.any(String),
      categories: ['dibao', 'living_alone'],
      version: 1,
    });
    expect(e.age).toBeGreaterThanOrEqual(81);
    expect(e.contacts[0].phone).toBe('139****1111');
    expect(res.body).not.toContain('13812345678');
  });

  it('stores the identity number only encrypted', async () => {
    await wangXiulan();
    const result = (await t.database.db.execute(sql`select * from elders`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    expect(JSON.stringify(result.rows)).not.toContain(idNumber('19450312', 123));
    expect(JSON.stringify(result.rows)).not.toContain('13812345678');
  });

  it.each([
    ['15010219450312123', 'length'],
    ['15010219450312A23X', 'characters'],
    [
      idNumber('19450312', 123).slice(0, 17) + (idNumber('19450312', 123).endsWith('1') ? '2' : '1'),
      'check_character',
    ],
    ['15010219450230123' + checkCharacter('15010219450230123'), 'birth_date'],
  ])('rejects %s (%s) with a localised reason and writes nothing', async (bad, reason) => {
    const res = await create('worker-a', { idNumber: bad }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ELDER_ID_NUMBER_INVALID', details: { reason } });
    expect(res.json().error.message).toMatch(/^Invalid identity number: /);
  });

  it('refuses someone under 60 unless the caller says so explicitly', async () => {
    const young = idNumber('19800101', 456);
    const res = await create('worker-a', { idNumber: young });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ELDER_UNDER_AGE');
    const allowed = await create('worker-a', {
      idNumber: young,
      allowUnderAge: true,
      categories: ['disabled_cert'],
      disabilityGrade: 2,
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('rejects a duplicate, naming the community only to a caller who can see it', async () => {
    await wangXiulan();
    const mine = await create('official-a');
    expect(mine.statusCode).toBe(409);
    expect(mine.json().error).toMatchObject({
      code: 'ELDER_DUPLICATE',
      details: { regionCode: COMMUNITY_A1 },
    });
    const other = await create('worker-b', { regionCode: COMMUNITY_B1 });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.details).toBeUndefined();
    // A 15-digit old number of the same person is the same person.
    const old = await create('worker-a', { idNumber: '150102450312123' });
    expect(old.json().error.code).toBe('ELDER_DUPLICATE');
  });

  it('refuses a residence outside the caller’s scope or above community level, creating nothing', async () => {
    const outside = await create('worker-a', {
      idNumber: idNumber('19400101', 11),
      regionCode: COMMUNITY_B1,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('SCOPE_REGION_FORBIDDEN');
    const street = await create('official-a', { idNumber: idNumber('19400101', 11), regionCode: STREET_A });
    expect(street.json().error.code).toBe('ELDER_REGION_NOT_COMMUNITY');
    const list = await t.call('district', {
      method: 'GET',
      url: `/api/v1/elders?q=${idNumber('19400101', 11)}`,
    });
    expect(list.json().items).toEqual([]);
  });

  it('keeps the disability grade with the certificate category only', async () => {
    const res = await create('worker-a', {
      idNumber: idNumber('19400101', 13),
      categories: ['disabled_cert'],
    });
    expect(res.json().error.code).toBe('ELDER_DISABILITY_GRADE_MISMATCH');
  });

  it('reveals clear values only to pii:reveal, and audits every reveal', async () => {
    id = await wangXiulan();
    const denied = await t.call('worker-a', { method: 'POST', url: `/api/v1/elders/${id}/reveal` });
    expect(denied.statusCode).toBe(403);
    const res = await t.call('official-a', { method: 'POST', url: `/api/v1/elders/${id}/reveal` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      idNumber: idNumber('19450312', 123),
      phone: '13812345678',
      contacts: [{ name: '王强', phone: '13900001111' }],
    });
    const audit = await t.call('official-a', {
      method: 'GET',
      url: `/api/v1/audit?action=pii.reveal&entityId=${id}`,
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({
      actorUsername: 'official-a',
      entity: 'elder',
      regionCode: COMMUNITY_A1,
    });
  });

  it('changes direct fields with a new version in the history, and sends money-moving fields to approval', async () => {
    id = await wangXiulan();
    const res = await t.call('worker-a', {
      method: 'PATCH',
      url: `/api/v1/elders/${id}`,
      payload: { version: 1, address: '新华大街2号', phone: '13700002222' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ address: '新华大街2号', phone: '137****2222', version: 2 });
    const history = await t.call('worker-a', { method: 'GET', url: `/api/v1/elders/${id}/history` });
    const [latest, first] = history.json().items;
    expect(latest).toMatchObject({
      version: 2,
      changedBy: 'worker-a',
      before: { address: '新华大街1号3单元201' },
      after: { address: '新华大街2号', phoneMasked: '137****2222' },
    });
    expect(JSON.stringify(latest)).not.toContain('13700002222');
    // Neither ciphertexts, blind indexes nor internal ids reach a reader of the history.
    expect(JSON.stringify(history.json())).not.toMatch(/"v1:|Enc"|Index"|_enc"|_index"|"id"/);
    expect(first.version).toBe(1);

    const categories = await t.call('worker-a', {
      method: 'PATCH',
      url: `/api/v1/elders/${id}`,
      payload: { version: 2, categories: ['tekun'] },
    });
    expect(categories.statusCode).toBe(409);
    expect(categories.json().error).toMatchObject({
      code: 'ELDER_FIELD_NEEDS_APPROVAL',
      details: { fields: ['categories'] },
    });
  });
});

describe('elder lists and scope', () => {
  beforeAll(async () => {
    await wangXiulan();
    await underAge();
    await create('worker-b', {
      idNumber: idNumber('19300101', 22),
      name: '李桂芳',
      regionCode: COMMUNITY_B1,
      categories: ['tekun'],
      livingArrangement: 'with_children',
    });
  });

  it('isolates two streets: lists and single records', async () => {
    const a = await t.call('official-a', { method: 'GET', url: '/api/v1/elders' });
    expect(a.json().items.every((e: { regionCode: string }) => e.regionCode.startsWith('150102001'))).toBe(
      true,
    );
    const bId = (await t.call('worker-b', { method: 'GET', url: '/api/v1/elders' })).json().items[0].id;
    expect((await t.call('official-a', { method: 'GET', url: `/api/v1/elders/${bId}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.call('official-a', { method: 'POST', url: `/api/v1/elders/${bId}/reveal` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.call('worker-a', {
          method: 'PATCH',
          url: `/api/v1/elders/${bId}`,
          payload: { version: 1, notes: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('pages through the list with a keyset cursor, each record once, across communities', async () => {
    const all = (await t.call('district', { method: 'GET', url: '/api/v1/elders?limit=200' }))
      .json()
      .items.map((e: { id: string }) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('district', {
        method: 'GET',
        url: `/api/v1/elders?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      });
      paged.push(...res.json().items.map((e: { id: string }) => e.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    const bad = await t.call('district', { method: 'GET', url: '/api/v1/elders?cursor=abc' });
    expect(bad.json().error.code).toBe('PAGINATION_CURSOR_INVALID');
  });

  it('filters by category, age, living arrangement and name or identity number', async () => {
    const get = async (query: string) =>
      (await t.call('district', { method: 'GET', url: `/api/v1/elders?${query}` }))
        .json()
        .items.map((e: { name: string }) => e.name);
    expect(await get('category=tekun')).toEqual(['李桂芳']);
    expect(await get('ageMin=90')).toEqual(['李桂芳']);
    expect((await get('ageMax=70')).length).toBe(1);
    expect(await get('livingArrangement=with_children')).toEqual(['李桂芳']);
    expect(await get(`q=${encodeURIComponent('桂芳')}`)).toEqual(['李桂芳']);
    expect(await get(`q=${idNumber('19300101', 22)}`)).toEqual(['李桂芳']);
    expect(await get(`regionCode=${STREET_B}`)).toEqual(['李桂芳']);
  });
});
