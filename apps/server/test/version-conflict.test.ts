import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '@yiyang/domain';
import { COMMUNITY_A1, createTestApp, DISTRICT, type TestContext } from './test-app';

/**
 * No lost updates, for every editable record: two edits made from the same read — the second
 * answers 409 VERSION_CONFLICT with the record as it is now, and changes nothing.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('official', 'civil_affairs', DISTRICT);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PATCH' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.call('official', { method, url, payload });
const idNumber = (first17: string) => first17 + checkCharacter(first17);

interface Case {
  record: string;
  /** Creates the record; returns the edit's URL and method, and where to read it back. */
  setup(): Promise<{ method: 'PATCH' | 'PUT'; url: string; read: () => Promise<unknown> }>;
  /** The version the record is read at before any edit. */
  version: number;
  /** An edit setting the field to `value`, sent at `version`. */
  body(value: string, version: number): object;
  /** The edited field as the record shows it. */
  field(record: unknown): unknown;
  values: [string, string];
  /** Where the record shows its version, if not in `version`. */
  versionField?: string;
}

const provider = (seq: string) => t.createProvider(COMMUNITY_A1, `服务中心${seq}`);

const cases: Case[] = [
  {
    record: 'elder',
    version: 1,
    values: ['胜利路1号', '胜利路2号'],
    async setup() {
      const res = await call('POST', '/api/v1/elders', {
        idNumber: idNumber('15010219400101201'),
        name: '王秀英',
        hukouRegionCode: DISTRICT,
        regionCode: COMMUNITY_A1,
        address: '胜利路0号',
        livingArrangement: 'alone',
      });
      const url = `/api/v1/elders/${res.json().id}`;
      return { method: 'PATCH', url, read: async () => (await call('GET', url)).json() };
    },
    body: (address, version) => ({ address, version }),
    field: (r) => (r as { address: string }).address,
  },
  {
    record: 'user',
    version: 1,
    values: ['张三', '李四'],
    async setup() {
      const id = await t.createUser('edited-user', 'community_worker', COMMUNITY_A1);
      const url = `/api/v1/users/${id}`;
      return { method: 'PATCH', url, read: async () => (await call('GET', url)).json() };
    },
    body: (displayName, version) => ({ displayName, version }),
    field: (r) => (r as { displayName: string }).displayName,
  },
  {
    record: 'provider',
    version: 1,
    values: ['08:00-18:00', '09:00-17:00'],
    async setup() {
      const url = `/api/v1/providers/${await provider('1')}`;
      return { method: 'PATCH', url, read: async () => (await call('GET', url)).json() };
    },
    body: (openingHours, version) => ({ openingHours, version }),
    field: (r) => (r as { openingHours: string }).openingHours,
  },
  {
    record: 'staff member',
    version: 1,
    values: ['王丽', '王莉'],
    async setup() {
      const providerId = await provider('2');
      const res = await call('POST', `/api/v1/providers/${providerId}/staff`, {
        name: '王力',
        idNumber: idNumber('15010219800101002'),
        role: 'caregiver',
        employedFrom: '2024-03-01',
      });
      const staffId = res.json().id;
      return {
        method: 'PATCH',
        url: `/api/v1/providers/${providerId}/staff/${staffId}`,
        read: async () =>
          (await call('GET', `/api/v1/providers/${providerId}/staff`))
            .json()
            .find((s: { id: string }) => s.id === staffId),
      };
    },
    body: (name, version) => ({ name, version }),
    field: (r) => (r as { name: string }).name,
  },
  {
    record: 'assessment agency',
    version: 1,
    values: ['光明路1号', '光明路2号'],
    async setup() {
      const res = await call('POST', '/api/v1/assessment-agencies', {
        name: '新城区评估中心',
        creditCode: '91350100M000100Y43',
        regionCode: DISTRICT,
      });
      const url = `/api/v1/assessment-agencies/${res.json().id}`;
      return { method: 'PATCH', url, read: async () => (await call('GET', url)).json() };
    },
    body: (address, version) => ({ address, version }),
    field: (r) => (r as { address: string }).address,
  },
  {
    record: 'assessor',
    version: 1,
    values: ['高级评估员', '中级评估员'],
    async setup() {
      const agency = await call('POST', '/api/v1/assessment-agencies', {
        name: '回民区评估中心',
        creditCode: '91110000600037341L',
        regionCode: DISTRICT,
      });
      const agencyId = agency.json().id;
      const userId = await t.createUser('edited-assessor', 'assessor', DISTRICT);
      await call('POST', `/api/v1/assessment-agencies/${agencyId}/assessors`, {
        userId,
        qualification: '评估员',
        certificateNo: 'PG-001',
      });
      return {
        method: 'PATCH',
        url: `/api/v1/assessment-agencies/${agencyId}/assessors/${userId}`,
        read: async () =>
          (await call('GET', `/api/v1/assessment-agencies/${agencyId}/assessors`))
            .json()
            .find((a: { userId: string }) => a.userId === userId),
      };
    },
    body: (qualification, version) => ({ qualification, version }),
    field: (r) => (r as { qualification: string }).qualification,
  },
  {
    record: 'reference price (not set before: version 0)',
    version: 0,
    values: ['1200', '1500'],
    async setup() {
      return {
        method: 'PUT',
        url: `/api/v1/service-reference-prices/${DISTRICT}/meal_lunch`,
        read: async () =>
          (await call('GET', `/api/v1/service-items?regionCode=${DISTRICT}`))
            .json()
            .find((i: { code: string }) => i.code === 'meal_lunch'),
      };
    },
    body: (price, version) => ({ priceFen: Number(price), version }),
    field: (r) => String((r as { referencePriceFen: number }).referencePriceFen),
    versionField: 'referencePriceVersion',
  },
  {
    record: 'provider service price',
    version: 0,
    values: ['1000', '1100'],
    async setup() {
      const providerId = await provider('3');
      return {
        method: 'PUT',
        url: `/api/v1/providers/${providerId}/services/meal_lunch`,
        read: async () => (await call('GET', `/api/v1/providers/${providerId}/services`)).json()[0],
      };
    },
    body: (price, version) => ({ priceFen: Number(price), version }),
    field: (r) => String((r as { priceFen: number }).priceFen),
  },
  {
    record: 'region setting',
    version: 0,
    values: ['6', '9'],
    async setup() {
      return {
        method: 'PUT',
        url: `/api/v1/region-settings/${DISTRICT}/survival.intervalMonths`,
        read: async () =>
          (await call('GET', `/api/v1/region-settings/${DISTRICT}`))
            .json()
            .settings.find((s: { key: string }) => s.key === 'survival.intervalMonths'),
      };
    },
    body: (value, version) => ({ value: Number(value), version }),
    field: (r) => String((r as { value: number }).value),
  },
];

describe.each(cases)('$record', (c) => {
  it('a second edit from the same read is refused with the current values, and changes nothing', async () => {
    const { method, url, read } = await c.setup();
    const first = await call(method, url, c.body(c.values[0], c.version));
    expect(first.statusCode).toBe(200);

    const second = await t.call('official', {
      method,
      url,
      payload: c.body(c.values[1], c.version),
      headers: { 'accept-language': 'en' },
    });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.message).toBe('Someone else changed this record; check the current values and save again');
    expect(c.field(error.details.current)).toBe(c.values[0]);
    const versionField = c.versionField ?? 'version';
    expect(error.details.current).toMatchObject({ [versionField]: c.version + 1 });

    const now = await read();
    expect(c.field(now)).toBe(c.values[0]);
    expect(now).toMatchObject({ [versionField]: c.version + 1 });

    // Made from the current version, the edit goes through.
    const again = await call(method, url, c.body(c.values[1], c.version + 1));
    expect(again.statusCode).toBe(200);
    expect(c.field(await read())).toBe(c.values[1]);
  });
});

it('an edit without the version it was read at is refused as invalid', async () => {
  const id = await t.createUser('no-version', 'community_worker', COMMUNITY_A1);
  const res = await call('PATCH', `/api/v1/users/${id}`, { displayName: '无版本' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.details[0].field).toBe('body.version');
});
