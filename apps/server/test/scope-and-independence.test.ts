import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { checkCharacter } from '@yiyang/domain';
import { buildApp } from '../src/app';
import { queryRows } from '../src/platform/db/database';
import {
  CITY,
  COMMUNITY_A1,
  createTestApp,
  DISTRICT,
  STREET_A,
  STREET_B,
  TEST_CIPHER,
  TEST_PASSWORD,
  type TestContext,
} from './test-app';
import { given } from './given';

/**
 * Issue 9, items 1, 3, 4, 5, 6, 7 and 10: authority follows an object's current region,
 * decisions are independent of the preparer, provider accounts are managed where the provider
 * is, assessors read only their work, the audit log hides what a reader may not read, and
 * sessions and passwords hold.
 */
let t: TestContext;
const COMMUNITY_B1 = '150102002001';
const OTHER_DISTRICT = '150103000000';
let seq = 0;

const post = (as: string | null, url: string, payload: object = {}) =>
  t.call(as, { method: 'POST', url, payload });
const get = (as: string | null, url: string) => t.call(as, { method: 'GET', url });
const patch = (as: string, url: string, payload: object) => t.call(as, { method: 'PATCH', url, payload });

const newElder = (regionCode = COMMUNITY_A1) =>
  given.elder(t, { by: 'district', regionCode, name: `测试老人${++seq}` });

/** A move as any path makes it: scope is derived from the elder's row at read time. */
const moveElder = (id: string, regionCode: string) =>
  t.database.db.execute(sql`update elders set region_code = ${regionCode} where id = ${id}`);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('city', 'civil_affairs', CITY);
  await t.createUser('district', 'civil_affairs', DISTRICT);
  await t.createUser('other-district', 'civil_affairs', OTHER_DISTRICT);
  await t.createUser('street-a', 'civil_affairs', STREET_A);
  await t.createUser('street-b', 'civil_affairs', STREET_B);
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('admin', 'admin', CITY);
});
afterAll(() => t.close());

describe('scope follows the object’s current region', () => {
  it('after an elder moves, only the new street reads and decides its change request and assessments', async () => {
    const elderId = await newElder();
    const asked = await post('worker', `/api/v1/elders/${elderId}/change-requests`, {
      changes: { categories: ['empty_nest'] },
      reason: '子女外出务工',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id;
    const [agency] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into assessment_agencies (name, credit_code, region_code)
        values ('迁移测试评估中心', '91150100MA0000001X', ${DISTRICT}) returning id`,
    );
    const assessorId = await t.createUser('move-assessor', 'assessor', DISTRICT);
    const [assessment] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into assessments
        (elder_id, agency_id, reason, assessor1_id, assessor2_id, created_by)
        values (${elderId}, ${agency!.id}, 'first', ${assessorId}, ${assessorId}, 'district') returning id`,
    );
    expect((await get('street-a', `/api/v1/assessments/${assessment!.id}`)).statusCode).toBe(200);

    await moveElder(elderId, COMMUNITY_B1);

    const oldInbox = await get('street-a', '/api/v1/elder-change-requests?status=pending');
    expect(oldInbox.json().items.map((r: { id: string }) => r.id)).not.toContain(requestId);
    expect((await post('street-a', `/api/v1/elder-change-requests/${requestId}/approve`)).statusCode).toBe(
      404,
    );
    expect((await get('street-a', `/api/v1/assessments/${assessment!.id}`)).statusCode).toBe(404);

    const newInbox = await get('street-b', '/api/v1/elder-change-requests?status=pending');
    const mine = newInbox.json().items.find((r: { id: string }) => r.id === requestId);
    expect(mine).toMatchObject({ regionCode: COMMUNITY_B1 });
    const read = await get('street-b', `/api/v1/assessments/${assessment!.id}`);
    expect(read.json()).toMatchObject({ regionCode: COMMUNITY_B1 });
    const approved = await post('street-b', `/api/v1/elder-change-requests/${requestId}/approve`);
    expect([approved.statusCode, approved.json().status]).toEqual([200, 'approved']);
  });

  it('after a provider moves district, only the new district sees its certificate alerts and decides its request', async () => {
    const providerId = await t.createProvider('150102001000', '迁移测试颐养院');
    await t.createUser('move-manager', 'provider_manager', DISTRICT, providerId);
    const staff = await post('district', `/api/v1/providers/${providerId}/staff`, {
      name: '李护理',
      idNumber: '15010219850101' + '123' + checkCharacter('15010219850101123'),
      role: 'caregiver',
      employedFrom: '2024-01-01',
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const cert = await post(
      'district',
      `/api/v1/providers/${providerId}/staff/${staff.json().id}/certificates`,
      {
        kind: 'health',
        number: 'JK-2026-001',
        issuedOn: '2025-12-01',
        expiresOn: soon,
      },
    );
    expect(cert.statusCode, cert.body).toBe(201);
    const asked = await post('move-manager', `/api/v1/providers/${providerId}/change-requests`, {
      changes: { grade: 3, gradedOn: '2026-10-01', gradeBody: '呼和浩特市民政局' },
      reason: '年度评定',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const alertsOf = async (as: string) =>
      (await get(as, '/api/v1/staff-certificates/alerts'))
        .json()
        .map((a: { providerId: string }) => a.providerId);
    expect(await alertsOf('district')).toContain(providerId);

    await t.database.db.execute(
      sql`update providers set region_code = '150103001000' where id = ${providerId}`,
    );

    expect(await alertsOf('district')).not.toContain(providerId);
    expect(await alertsOf('other-district')).toContain(providerId);
    const requestUrl = `/api/v1/provider-change-requests/${asked.json().id}/approve`;
    expect((await post('district', requestUrl)).statusCode).toBe(404);
    const approved = await post('other-district', requestUrl);
    expect([approved.statusCode, approved.json().status]).toEqual([200, 'approved']);
  });
});

describe('the decider is independent of the preparer', () => {
  async function signInFirstTime(username: string, password: string) {
    const login = await post(null, '/api/v1/auth/login', { username, password });
    const cookie = `yiyang_session=${login.cookies.find((c) => c.name === 'yiyang_session')!.value}`;
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: password, newPassword: TEST_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(200);
  }

  it('refuses an account the requester created, or whose password the requester set', async () => {
    const elderId = await newElder();
    const asked = await post('street-a', `/api/v1/elders/${elderId}/change-requests`, {
      changes: { categories: ['living_alone'] },
      reason: '配偶去世',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approveUrl = `/api/v1/elder-change-requests/${asked.json().id}/approve`;

    const created = await post('street-a', '/api/v1/users', {
      username: 'puppet',
      displayName: '傀儡账号',
      role: 'civil_affairs',
      regionCode: STREET_A,
      password: 'Stand-in-pass-2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    await signInFirstTime('puppet', 'Stand-in-pass-2026');
    const byPuppet = await post('puppet', approveUrl);
    expect([byPuppet.statusCode, byPuppet.json().error.code]).toEqual([403, 'DECIDER_NOT_INDEPENDENT']);

    const colleagueId = await t.createUser('colleague', 'civil_affairs', STREET_A);
    const reset = await post('street-a', `/api/v1/users/${colleagueId}/password`, {
      newPassword: 'Reset-pass-2026',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    await signInFirstTime('colleague', 'Reset-pass-2026');
    const byColleague = await post('colleague', approveUrl);
    expect(byColleague.json().error.code).toBe('DECIDER_NOT_INDEPENDENT');

    const pending = await get('street-a', `/api/v1/elder-change-requests?elderId=${elderId}`);
    expect(pending.json().items[0].status).toBe('pending');
    const independent = await post('district', approveUrl);
    expect([independent.statusCode, independent.json().status]).toEqual([200, 'approved']);
  });

  it('tells each reader of either change-request flow whether they may decide, as deciding would answer', async () => {
    const elderId = await newElder();
    const asked = await post('street-a', `/api/v1/elders/${elderId}/change-requests`, {
      changes: { categories: ['empty_nest'] },
      reason: '子女外出务工',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const created = await post('street-a', '/api/v1/users', {
      username: 'deputy',
      displayName: '代办账号',
      role: 'civil_affairs',
      regionCode: STREET_A,
      password: 'Stand-in-pass-2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    await signInFirstTime('deputy', 'Stand-in-pass-2026');
    const elderConflict = async (as: string) =>
      (await get(as, `/api/v1/elder-change-requests?elderId=${elderId}`)).json().items[0].callerConflict;
    expect(await elderConflict('street-a')).toBe('self');
    expect(await elderConflict('deputy')).toBe('created_by_preparer');
    expect(await elderConflict('district')).toBeNull();
    const elderUrl = `/api/v1/elder-change-requests/${asked.json().id}/approve`;
    expect((await post('street-a', elderUrl)).json().error.code).toBe('ELDER_CHANGE_SELF_APPROVAL');
    expect((await post('deputy', elderUrl)).json().error.code).toBe('DECIDER_NOT_INDEPENDENT');

    const providerId = await t.createProvider('150102001000', '独立审核测试站');
    await t.createUser('filing-manager', 'provider_manager', DISTRICT, providerId);
    const filed = await post('filing-manager', `/api/v1/providers/${providerId}/change-requests`, {
      changes: { grade: 2, gradedOn: '2026-10-01', gradeBody: '呼和浩特市民政局' },
      reason: '年度评定',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().callerConflict).toBe('self');
    const providerConflict = async (as: string) =>
      (await get(as, `/api/v1/provider-change-requests?providerId=${providerId}`))
        .json()
        .items.find((r: { id: string }) => r.id === filed.json().id).callerConflict;
    expect(await providerConflict('district')).toBeNull();
    expect(await providerConflict('filing-manager')).toBe('self');
    const approved = await post('district', `/api/v1/provider-change-requests/${filed.json().id}/approve`);
    expect([approved.statusCode, approved.json().callerConflict]).toEqual([200, null]);
  });
});

describe('provider accounts', () => {
  it('must lie in a region containing their provider, and are managed in the provider’s scope', async () => {
    const providerId = await t.createProvider('150102001000', '账号测试服务站');
    const outside = await post('city', '/api/v1/users', {
      username: 'far-manager',
      displayName: '外区经理',
      role: 'provider_manager',
      regionCode: OTHER_DISTRICT,
      providerId,
      password: 'Manager-pass-2026',
    });
    expect([outside.statusCode, outside.json().error.code]).toEqual([400, 'USER_PROVIDER_OUTSIDE_REGION']);

    // An account left from before the rule, naming another district than its provider's.
    const managerId = await t.createUser('old-manager', 'provider_manager', DISTRICT, providerId);
    await t.database.db.execute(
      sql`update users set region_code = ${OTHER_DISTRICT} where id = ${managerId}`,
    );
    const byOtherDistrict = await post('other-district', `/api/v1/users/${managerId}/password`, {
      newPassword: 'Hijack-pass-2026',
    });
    expect(byOtherDistrict.statusCode).toBe(404);
    const listed = await get('other-district', '/api/v1/users?role=provider_manager');
    expect(listed.json().items.map((u: { id: string }) => u.id)).not.toContain(managerId);
    expect((await get('district', `/api/v1/users/${managerId}`)).statusCode).toBe(200);
  });

  it('a provider manager changes registration facts only by request', async () => {
    const providerId = await t.createProvider('150102001000', '登记测试颐养院');
    await t.createUser('reg-manager', 'provider_manager', DISTRICT, providerId);
    const version = (await get('reg-manager', `/api/v1/providers/${providerId}`)).json().version;
    for (const change of [
      { name: '改名颐养院' },
      { kind: 'institution' },
      { ownership: 'private_forprofit' },
      { legalRepresentative: '张三' },
      { address: '新地址1号' },
    ]) {
      const direct = await patch('reg-manager', `/api/v1/providers/${providerId}`, { version, ...change });
      expect([direct.statusCode, direct.json().error.code]).toEqual([409, 'PROVIDER_FIELD_NEEDS_APPROVAL']);
    }
    const named = await t.call('reg-manager', {
      method: 'PATCH',
      url: `/api/v1/providers/${providerId}`,
      payload: { version, name: '改名颐养院', legalRepresentative: '张三' },
    });
    expect(named.json().error.message).toContain('机构名称、法定代表人');
    const phone = await patch('reg-manager', `/api/v1/providers/${providerId}`, {
      version,
      // A form sends the unchanged registration facts too: those are not changes.
      name: '登记测试颐养院',
      kind: 'home_service',
      openingHours: '8:00-18:00',
    });
    expect(phone.statusCode, phone.body).toBe(200);

    const asked = await post('reg-manager', `/api/v1/providers/${providerId}/change-requests`, {
      changes: { name: '改名颐养院', legalRepresentative: '张三' },
      reason: '更名',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await post('district', `/api/v1/provider-change-requests/${asked.json().id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (await get('district', `/api/v1/providers/${providerId}`)).json();
    expect(after).toMatchObject({ name: '改名颐养院', legalRepresentative: '张三' });
  });
});

describe('assessors read only what their work needs', () => {
  it('sees the elders of the agency’s area and only the tasks they are on', async () => {
    const inArea = await newElder(COMMUNITY_A1);
    const [agency] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into assessment_agencies (name, credit_code, region_code)
        values ('街道评估站', '91150100MA0000002X', ${STREET_A}) returning id`,
    );
    const outside = await newElder(COMMUNITY_B1);
    const assessorId = await t.createUser('scoped-assessor', 'assessor', CITY);
    const otherId = await t.createUser('other-assessor', 'assessor', CITY);
    await t.database.db.execute(sql`insert into assessors (user_id, agency_id, qualification, certificate_no)
      values (${assessorId}, ${agency!.id}, '评估师', 'PG-1'), (${otherId}, ${agency!.id}, '评估师', 'PG-2')`);
    expect((await get('scoped-assessor', `/api/v1/elders/${inArea}`)).statusCode).toBe(200);
    expect((await get('scoped-assessor', `/api/v1/elders/${outside}`)).statusCode).toBe(404);
    const listed = await get('scoped-assessor', '/api/v1/elders?limit=200');
    expect(
      listed.json().items.every((e: { regionCode: string }) => e.regionCode.startsWith('150102001')),
    ).toBe(true);

    const [task] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into assessments
        (elder_id, agency_id, reason, assessor1_id, assessor2_id, created_by)
        values (${inArea}, ${agency!.id}, 'first', ${otherId}, ${otherId}, 'district') returning id`,
    );
    expect((await get('other-assessor', `/api/v1/assessments/${task!.id}`)).statusCode).toBe(200);
    expect((await get('scoped-assessor', `/api/v1/assessments/${task!.id}`)).statusCode).toBe(404);
    const tasks = await get('scoped-assessor', '/api/v1/assessments');
    expect(tasks.json().items).toEqual([]);

    await t.createUser('jobless-assessor', 'assessor', DISTRICT);
    expect((await get('jobless-assessor', `/api/v1/elders/${inArea}`)).statusCode).toBe(403);
  });
});

describe('the audit log shows personal data only to those who may read it', () => {
  it('hides elder before/after values from an admin without elders:read', async () => {
    const elderId = await newElder();
    const byAdmin = await get('admin', `/api/v1/audit?entity=elder&entityId=${elderId}`);
    expect(byAdmin.statusCode).toBe(200);
    const entry = byAdmin.json().items[0];
    expect(entry).toMatchObject({ action: 'elder.create', before: null, after: null, detailsHidden: true });
    expect(byAdmin.body).not.toContain('测试老人');
    expect(byAdmin.body).not.toContain('光明路');

    const byOfficial = await get('district', `/api/v1/audit?entity=elder&entityId=${elderId}`);
    expect(byOfficial.json().items[0]).toMatchObject({ detailsHidden: false });
    expect(byOfficial.body).toContain('光明路');
  });
});

describe('sessions and passwords', () => {
  it('a disabled account’s sessions end, and re-enabling it revives no old cookie', async () => {
    const id = await t.createUser('to-disable', 'community_worker', COMMUNITY_A1);
    const cookie = await t.login('to-disable');
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    expect(
      (await patch('district', `/api/v1/users/${id}`, { status: 'disabled', version: 1 })).statusCode,
    ).toBe(200);
    expect(
      (await patch('district', `/api/v1/users/${id}`, { status: 'active', version: 2 })).statusCode,
    ).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });

  it('throttles and audits wrong current passwords, and refuses an unchanged one', async () => {
    const id = await t.createUser('guessed', 'community_worker', COMMUNITY_A1);
    const cookie = await t.login('guessed');
    const change = (currentPassword: string, newPassword = 'Another-pass-2026') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword },
      });
    const same = await change(TEST_PASSWORD, TEST_PASSWORD);
    expect([same.statusCode, same.json().error.code]).toEqual([400, 'AUTH_PASSWORD_UNCHANGED']);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await change(`Wrong-guess-${i}-2026`)).json().error.code);
    expect(codes).toEqual([...Array(4).fill('AUTH_PASSWORD_WRONG'), 'AUTH_ACCOUNT_LOCKED']);
    // Locked: even the right password does not change it now.
    expect((await change(TEST_PASSWORD)).json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    const audit = await get('district', `/api/v1/audit?action=auth.password_change_failed&entityId=${id}`);
    expect(audit.json().items).toHaveLength(5);
  });

  it('sends HSTS only when cookies are marked secure (behind HTTPS)', async () => {
    const plain = await get(null, '/api/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await buildApp({
      database: t.database,
      cipher: TEST_CIPHER,
      broker: 'off',
      version: 'test',
      cookieSecure: true,
    });
    const res = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    await secure.close();
  });

  it('trusts X-Forwarded-For for the configured number of proxy hops only', async () => {
    const id = await t.createUser('proxied', 'community_worker', COMMUNITY_A1);
    const behind = await buildApp({
      database: t.database,
      cipher: TEST_CIPHER,
      broker: 'off',
      version: 'test',
      trustProxy: 1,
    });
    const login = (app: typeof behind) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' },
        payload: { username: 'proxied', password: TEST_PASSWORD },
      });
    await login(behind);
    await login(t.app);
    await behind.close();
    const entries = (await get('district', `/api/v1/audit?action=auth.login&entityId=${id}`)).json().items;
    expect(entries.map((e: { ip: string }) => e.ip).sort()).toEqual(['127.0.0.1', '198.51.100.7']);
  });
});
