import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter, shiftDays } from '@yiyang/domain';
import { given } from '../../../test/given';
import { createTestApp, DISTRICT, STREET_A, COMMUNITY_A1, type TestContext } from '../../../test/test-app';
import { shanghaiDate } from '../../platform/time/shanghai-date';

let t: TestContext;
let providerId: string;
let otherId: string;
const OTHER_DISTRICT = '150103000000';
const idNumber = (first17: string) => first17 + checkCharacter(first17);
const STAFF_ID = idNumber('15010219800101002');

const post = (as: string | null, url: string, payload: object) =>
  t.call(as, { method: 'POST', url, payload });
const patch = (as: string, url: string, payload: object) => t.call(as, { method: 'PATCH', url, payload });
const get = (as: string | null, url: string) => t.call(as, { method: 'GET', url });

const station = (over: object = {}) => ({
  name: '幸福社区养老服务站',
  kind: 'community_station' as const,
  ownership: 'public_private' as const,
  creditCode: '91350100M000100Y43',
  legalRepresentative: '刘建华',
  regionCode: COMMUNITY_A1,
  address: '新华大街12号',
  lat: 40.85,
  lng: 111.7,
  bedsTotal: 20,
  bedsNursing: 12,
  bedsOccupied: 15,
  openingHours: '08:00-18:00',
  phone: '0471-6901234',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'civil_affairs', DISTRICT);
  await t.createUser('street', 'civil_affairs', STREET_A);
  await t.createUser('other-district', 'civil_affairs', OTHER_DISTRICT);
  providerId = await given.provider(t, { by: 'district', ...station() });
  otherId = await given.provider(t, {
    by: 'other-district',
    ...station({
      name: '回民区日间照料中心',
      kind: 'day_care' as const,
      creditCode: '91110000600037341L',
      regionCode: '150103001001',
      lat: 40.82,
      lng: 111.6,
    }),
  });
  await t.createUser('manager', 'provider_manager', COMMUNITY_A1, providerId);
});
afterAll(() => t.close());

/*
 * Later tests build on the provider as earlier ones left it. Run alone, a test makes that state
 * itself with these (each a no-op when the earlier test has run).
 */
/** The caregiver 王丽, whom 'adds a caregiver' registers. */
async function caregiverWangLi(): Promise<string> {
  const staff: { id: string; name: string }[] = (
    await get('manager', `/api/v1/providers/${providerId}/staff`)
  ).json();
  return (
    staff.find((s) => s.name === '王丽')?.id ??
    given.staff(t, providerId, {
      by: 'manager',
      name: '王丽',
      idNumber: STAFF_ID,
      phone: '13912345678',
      employedFrom: '2024-03-01',
    })
  );
}
/** Sixteen residents, as the manager's profile edit leaves them. */
async function sixteenResidents() {
  const { version, bedsOccupied } = (await get('manager', `/api/v1/providers/${providerId}`)).json();
  if (bedsOccupied !== 16)
    await patch('manager', `/api/v1/providers/${providerId}`, { version, bedsOccupied: 16 });
}
/** Grade 3, as the district confirmed it. */
async function gradeThree() {
  if ((await get('district', `/api/v1/providers/${providerId}`)).json().grade === 3) return;
  const request = await post('manager', `/api/v1/providers/${providerId}/change-requests`, {
    changes: { grade: 3, gradedOn: '2026-10-01', gradeBody: '呼和浩特市民政局' },
    reason: '通过三级评定',
  });
  await post('district', `/api/v1/provider-change-requests/${request.json().id}/approve`, {});
}

describe('registering providers', () => {
  it.each([
    ['an invalid credit code', { creditCode: '91350100M000100Y44' }, 400, 'PROVIDER_CREDIT_CODE_INVALID'],
    ['a duplicate credit code', { creditCode: '91350100m000100y43' }, 409, 'PROVIDER_DUPLICATE'],
    ['more nursing beds than beds', { bedsNursing: 21 }, 400, 'PROVIDER_BEDS_INCONSISTENT'],
    ['more residents than beds', { bedsOccupied: 21 }, 400, 'PROVIDER_BEDS_INCONSISTENT'],
    ['negative beds', { bedsTotal: -1, bedsNursing: 0, bedsOccupied: 0 }, 400, 'PROVIDER_BEDS_INCONSISTENT'],
    ['grade 6', { grade: 6 }, 400, 'PROVIDER_GRADE_INVALID'],
    ['coordinates in Beijing', { lat: 39.9, lng: 116.4 }, 400, 'PROVIDER_COORDINATES_OUTSIDE'],
  ])('refuses %s, writing nothing', async (_, over, status, code) => {
    const before = (await get('district', '/api/v1/providers')).json().items.length;
    const res = await post(
      'district',
      '/api/v1/providers',
      station({ creditCode: '91110000600037341L', ...over }),
    );
    expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    expect((await get('district', '/api/v1/providers')).json().items).toHaveLength(before);
  });

  it('keeps each district to its own providers, and a manager to their own', async () => {
    expect(
      (await get('district', '/api/v1/providers')).json().items.map((p: { id: string }) => p.id),
    ).toEqual([providerId]);
    expect((await get('district', `/api/v1/providers/${otherId}`)).statusCode).toBe(404);
    expect((await get('other-district', `/api/v1/providers/${providerId}`)).statusCode).toBe(404);
    expect((await get('manager', '/api/v1/providers')).json().items.map((p: { id: string }) => p.id)).toEqual(
      [providerId],
    );
    expect((await get('manager', `/api/v1/providers/${otherId}`)).statusCode).toBe(404);
    expect(
      (await post('manager', '/api/v1/providers', station({ creditCode: '91110000600037341L' }))).statusCode,
    ).toBe(403);
  });

  it('refuses a provider account for a provider that does not exist', async () => {
    const res = await post('district', '/api/v1/users', {
      username: 'ghost.manager',
      displayName: '某经理',
      role: 'provider_manager',
      regionCode: COMMUNITY_A1,
      providerId: '00000000-0000-4000-8000-000000000000',
      password: 'Some-password-2026',
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'USER_PROVIDER_NOT_FOUND']);
  });
});

describe('filing and grade: maker-checker', () => {
  it('a manager edits the profile directly but asks for a grade change, which the district confirms', async () => {
    const profile = await patch('manager', `/api/v1/providers/${providerId}`, {
      version: 1,
      bedsOccupied: 16,
    });
    expect(profile.json()).toMatchObject({ bedsOccupied: 16, bedsAvailable: 4, version: 2 });
    const direct = await patch('manager', `/api/v1/providers/${providerId}`, { version: 2, grade: 3 });
    expect([direct.statusCode, direct.json().error.code]).toEqual([409, 'PROVIDER_FIELD_NEEDS_APPROVAL']);

    const asked = await post('manager', `/api/v1/providers/${providerId}/change-requests`, {
      changes: {
        grade: 3,
        gradedOn: '2026-10-01',
        gradeBody: '呼和浩特市民政局',
        filingStatus: 'filed',
        filedOn: '2026-01-05',
      },
      reason: '通过三级评定并已备案',
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({ status: 'pending', before: { grade: null, filingStatus: 'not_filed' } });
    expect((await get('district', `/api/v1/providers/${providerId}`)).json().grade).toBeNull();
    expect(
      (
        await post('manager', `/api/v1/providers/${providerId}/change-requests`, {
          changes: { grade: 4 },
          reason: 'x',
        })
      ).json().error.code,
    ).toBe('PROVIDER_CHANGE_PENDING');

    expect(
      (await post('manager', `/api/v1/provider-change-requests/${request.id}/approve`, {})).statusCode,
    ).toBe(403);
    const byStreet = await post('street', `/api/v1/provider-change-requests/${request.id}/approve`, {});
    expect(byStreet.json().error.code).toBe('PROVIDER_CHANGE_APPROVER_LEVEL');
    expect(
      (await post('district', `/api/v1/provider-change-requests/${request.id}/reject`, {})).json().error.code,
    ).toBe('PROVIDER_CHANGE_REASON_REQUIRED');
    const approved = await post('district', `/api/v1/provider-change-requests/${request.id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'district' });
    expect((await get('manager', `/api/v1/providers/${providerId}`)).json()).toMatchObject({
      grade: 3,
      filingStatus: 'filed',
      version: 3,
    });
  });

  it('does not approve a request over a change an official made since', async () => {
    const id = await t.createProvider(COMMUNITY_A1, '东风路养老服务站');
    await t.createUser('manager-stale', 'provider_manager', COMMUNITY_A1, id);
    const asked = await post('manager-stale', `/api/v1/providers/${id}/change-requests`, {
      changes: { grade: 2, gradedOn: '2026-10-01' },
      reason: '二级评定',
    });
    expect(asked.statusCode).toBe(201);
    // Closed as well, so that it stays out of the public directory the tests below read.
    const direct = await patch('district', `/api/v1/providers/${id}`, {
      version: 1,
      grade: 4,
      operatingStatus: 'closed',
    });
    expect(direct.statusCode).toBe(200);
    const approved = await post(
      'district',
      `/api/v1/provider-change-requests/${asked.json().id}/approve`,
      {},
    );
    expect([approved.statusCode, approved.json().error.code]).toEqual([409, 'PROVIDER_CHANGE_STALE']);
    expect((await get('district', `/api/v1/providers/${id}`)).json()).toMatchObject({ grade: 4, version: 2 });
  });

  it('checks a requested grade like a direct one', async () => {
    const res = await post('manager', `/api/v1/providers/${providerId}/change-requests`, {
      changes: { grade: 7 },
      reason: '误填',
    });
    expect(res.json().error.code).toBe('PROVIDER_GRADE_INVALID');
  });
});

describe('workforce', () => {
  let staffId: string;

  it('adds a caregiver with an encrypted, masked identity number', async () => {
    const bad = await post('manager', `/api/v1/providers/${providerId}/staff`, {
      name: '王丽',
      idNumber: '150102198001010021',
      role: 'caregiver',
      employedFrom: '2024-03-01',
    });
    expect(bad.json().error.code).toBe('STAFF_ID_NUMBER_INVALID');
    const res = await post('manager', `/api/v1/providers/${providerId}/staff`, {
      name: '王丽',
      idNumber: STAFF_ID,
      phone: '13912345678',
      role: 'caregiver',
      employedFrom: '2024-03-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      idNumber: '1501**********' + STAFF_ID.slice(14),
      phone: '139****5678',
    });
    staffId = res.json().id;
    const again = await post('manager', `/api/v1/providers/${providerId}/staff`, {
      name: '王丽',
      idNumber: STAFF_ID,
      role: 'caregiver',
      employedFrom: '2024-03-01',
    });
    expect(again.json().error.code).toBe('STAFF_DUPLICATE');
  });

  it('keeps certificates with a level only for caregiver skills, and alerts 30 days before expiry', async () => {
    staffId = await caregiverWangLi();
    const today = shanghaiDate();
    const url = `/api/v1/providers/${providerId}/staff/${staffId}/certificates`;
    const noLevel = await post('manager', url, {
      kind: 'caregiver_skill',
      number: 'S-1',
      issuedOn: '2024-05-01',
    });
    expect(noLevel.json().error.code).toBe('STAFF_CERTIFICATE_LEVEL');
    await post('manager', url, { kind: 'caregiver_skill', level: 4, number: 'S-1', issuedOn: '2024-05-01' });
    await post('manager', url, {
      kind: 'health',
      number: 'H-1',
      issuedOn: shiftDays(today, -355),
      expiresOn: shiftDays(today, 10),
    });
    const alerts = (await get('district', '/api/v1/staff-certificates/alerts')).json();
    expect(alerts).toEqual([
      expect.objectContaining({ staffName: '王丽', kind: 'health', number: 'H-1', alert: 'expiring' }),
    ]);
    expect((await get('other-district', '/api/v1/staff-certificates/alerts')).json()).toEqual([]);
  });

  it('computes the provider’s workforce indicators', async () => {
    staffId = await caregiverWangLi();
    await sixteenResidents();
    // Her skill certificate: a second one, when the test above has run, counts the same.
    await post('manager', `/api/v1/providers/${providerId}/staff/${staffId}/certificates`, {
      kind: 'caregiver_skill',
      level: 4,
      number: 'S-1',
      issuedOn: '2024-05-01',
    });
    await post('manager', `/api/v1/providers/${providerId}/staff/${staffId}/trainings`, {
      course: '失能老人照护',
      hours: 12.5,
      trainedOn: shanghaiDate(),
    });
    await post('manager', `/api/v1/providers/${providerId}/staff`, {
      name: '李强',
      idNumber: idNumber('15010219850505003'),
      role: 'caregiver',
      employedFrom: '2025-01-01',
    });
    const indicators = (await get('manager', `/api/v1/providers/${providerId}/indicators`)).json();
    expect(indicators).toEqual({
      residents: 16,
      caregivers: 2,
      caregiversPerResident: 0.125,
      certifiedCaregivers: 1,
      certifiedRate: 0.5,
      trainingHoursPerCaregiver: 6.25,
    });
  });
});

describe('catalogue and the public directory', () => {
  it('prices items against the region’s reference price; unknown items are refused', async () => {
    expect(
      (
        await t.call('district', {
          method: 'PUT',
          url: `/api/v1/service-reference-prices/${DISTRICT}/meal_lunch`,
          payload: { priceFen: 1200, version: 0 },
        })
      ).statusCode,
    ).toBe(200);
    await t.call('manager', {
      method: 'PUT',
      url: `/api/v1/providers/${providerId}/services/meal_lunch`,
      payload: { priceFen: 1000, version: 0 },
    });
    const unknown = await t.call('manager', {
      method: 'PUT',
      url: `/api/v1/providers/${providerId}/services/space_travel`,
      payload: { priceFen: 1, version: 0 },
    });
    expect(unknown.json().error.code).toBe('CATALOGUE_ITEM_UNKNOWN');
    expect((await get('manager', `/api/v1/providers/${providerId}/services`)).json()).toEqual([
      expect.objectContaining({
        itemCode: 'meal_lunch',
        priceFen: 1000,
        referencePriceFen: 1200,
        name: '助餐（午餐）',
      }),
    ]);
  });

  it('shows providers to anyone, with services and beds, and no personal data of staff', async () => {
    await gradeThree();
    await sixteenResidents();
    await caregiverWangLi();
    await t.call('manager', {
      method: 'PUT',
      url: `/api/v1/providers/${providerId}/services/meal_lunch`,
      payload: { priceFen: 1000 },
    });
    const list = await get(null, `/api/v1/public/providers?regionCode=${DISTRICT}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: providerId, name: '幸福社区养老服务站', grade: 3, bedsAvailable: 4 }),
    ]);
    const detail = await get(null, `/api/v1/public/providers/${providerId}`);
    expect(detail.json().services).toEqual([
      { itemCode: 'meal_lunch', name: '助餐（午餐）', unit: 'meal', priceFen: 1000 },
    ]);
    for (const body of [list.body, detail.body]) {
      expect(body).not.toContain(STAFF_ID);
      expect(body).not.toContain(STAFF_ID.slice(14));
      expect(body).not.toContain('13912345678');
      expect(body).not.toContain('5678');
      expect(body).not.toContain('王丽');
      expect(body).not.toContain('刘建华');
      expect(body).not.toMatch(/\d{17}[\dX]/);
    }
  });
});

describe('provider accounts', () => {
  it('can be created only for a provider in the official’s scope', async () => {
    const account = (username: string, provider: string) => ({
      username,
      displayName: '机构管理员',
      role: 'provider_manager',
      regionCode: DISTRICT,
      providerId: provider,
      password: 'Some-password-2026',
    });
    const foreign = await post('district', '/api/v1/users', account('foreign.manager', otherId));
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([400, 'USER_PROVIDER_NOT_FOUND']);
    expect((await post('district', '/api/v1/users', account('own.manager', providerId))).statusCode).toBe(
      201,
    );
  });
});
