import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { given } from '../../../test/given';
import {
  COMMUNITY_A1,
  createTestApp,
  CITY,
  DISTRICT,
  STREET_A,
  STREET_B,
  TEST_PASSWORD,
  type TestContext,
} from '../../../test/test-app';

let t: TestContext;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  ids.admin = await t.createUser('admin', 'admin', CITY);
  ids.district = await t.createUser('district', 'civil_affairs', DISTRICT);
  ids.streetA = await t.createUser('street-a', 'civil_affairs', STREET_A);
  ids.streetB = await t.createUser('street-b', 'civil_affairs', STREET_B);
  ids.workerA = await t.createUser('worker-a', 'community_worker', COMMUNITY_A1);
  ids.carer = await t.createUser('carer', 'caregiver', STREET_A, await t.createProvider(STREET_A));
});
afterAll(() => t.close());

const newUser = (overrides: object = {}) => ({
  username: 'new.worker',
  displayName: '新社工',
  role: 'community_worker',
  regionCode: COMMUNITY_A1,
  password: 'Initial-pass-2026',
  ...overrides,
});

describe('scope isolation between two streets', () => {
  it('lists only the users of the caller’s own street', async () => {
    const res = await t.call('street-a', { method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual(['carer', 'street-a', 'worker-a']);
  });

  it('answers 404 for a user of another street or of the district above', async () => {
    for (const id of [ids.streetB, ids.district, ids.admin]) {
      const res = await t.call('street-a', { method: 'GET', url: `/api/v1/users/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('USER_NOT_FOUND');
    }
  });

  it('cannot change a user of another street or of the district above', async () => {
    for (const id of [ids.streetB, ids.district]) {
      const patch = await t.call('street-a', {
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        payload: { version: 1, displayName: 'x' },
      });
      expect(patch.statusCode).toBe(404);
      const reset = await t.call('street-a', {
        method: 'POST',
        url: `/api/v1/users/${id}/password`,
        payload: { newPassword: 'Hijack-pass-2026' },
      });
      expect(reset.statusCode).toBe(404);
    }
    const unchanged = await t.call('district', { method: 'GET', url: `/api/v1/users/${ids.streetB}` });
    expect(unchanged.json().displayName).toBe('street-b');
  });

  it('lets the district see both streets', async () => {
    const res = await t.call('district', { method: 'GET', url: '/api/v1/users?limit=200' });
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['street-a', 'street-b', 'worker-a', 'district']));
    expect(names).not.toContain('admin');
  });

  it('cannot create a user outside or above the caller’s scope', async () => {
    for (const regionCode of [STREET_B, DISTRICT]) {
      const res = await t.call('street-a', {
        method: 'POST',
        url: '/api/v1/users',
        payload: newUser({ regionCode }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('SCOPE_REGION_FORBIDDEN');
    }
    const res = await t.call('street-a', { method: 'GET', url: '/api/v1/users?q=new.worker' });
    expect(res.json().items).toEqual([]);
  });

  it('cannot move a user of its street out of its scope', async () => {
    const res = await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.workerA}`,
      payload: { version: 1, regionCode: STREET_B },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SCOPE_REGION_FORBIDDEN');
  });
});

describe('creating and managing users', () => {
  it('an official creates a user in scope, who must change the password at first sign-in', async () => {
    const res = await t.call('street-a', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'New.Worker' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'new.worker',
      role: 'community_worker',
      regionCode: COMMUNITY_A1,
      mustChangePassword: true,
      status: 'active',
    });
    expect(res.body).not.toContain('password');
    const session = await t.login('new.worker', 'Initial-pass-2026');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: session } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a taken username with 409 and nothing written twice', async () => {
    const res = await t.call('street-a', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'worker-a' }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USER_USERNAME_TAKEN');
  });

  it('lets nobody but an admin grant admin', async () => {
    const res = await t.call('district', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'sneaky', role: 'admin' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('USER_ROLE_NOT_GRANTABLE');
    const promote = await t.call('district', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.streetB}`,
      payload: { version: 1, role: 'admin' },
    });
    expect(promote.json().error.code).toBe('USER_ROLE_NOT_GRANTABLE');
    const byAdmin = await t.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'admin2', role: 'admin', regionCode: CITY }),
    });
    expect(byAdmin.statusCode).toBe(201);
  });

  it('requires a provider for provider roles and refuses one for others', async () => {
    const without = await t.call('street-a', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'carer2', role: 'caregiver', regionCode: STREET_A }),
    });
    expect(without.json().error.code).toBe('USER_PROVIDER_REQUIRED');
    const extra = await t.call('street-a', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'worker2', providerId: randomUUID() }),
    });
    expect(extra.json().error.code).toBe('USER_PROVIDER_NOT_ALLOWED');
  });

  it('does not let an official change their own role, region or status', async () => {
    const res = await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.streetA}`,
      payload: { version: 1, status: 'disabled' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('USER_SELF_CHANGE_FORBIDDEN');
  });

  it('disabling a user ends their sessions at once', async () => {
    const session = await t.login('worker-a');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } }))
        .statusCode,
    ).toBe(200);
    const res = await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.workerA}`,
      payload: { version: 1, status: 'disabled' },
    });
    expect(res.json().status).toBe('disabled');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session } }))
        .statusCode,
    ).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'worker-a', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it('answers 403 to a role without the permission', async () => {
    const res = await t.call('carer', { method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_FORBIDDEN');
  });

  it('pages through the list with a keyset cursor', async () => {
    const first = await t.call('admin', { method: 'GET', url: '/api/v1/users?limit=3' });
    const page1 = first.json();
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await t.call('admin', {
      method: 'GET',
      url: `/api/v1/users?limit=3&cursor=${page1.nextCursor}`,
    });
    const names2 = second.json().items.map((u: { username: string }) => u.username);
    expect(names2[0] > page1.items[2].username).toBe(true);
    const bad = await t.call('admin', { method: 'GET', url: '/api/v1/users?cursor=not-a-cursor' });
    expect(bad.json().error.code).toBe('PAGINATION_CURSOR_INVALID');
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown field', { evil: true }, 'body', 'unrecognized_keys'],
    ['a wrong type', { displayName: 42 }, 'body.displayName', 'invalid_type'],
    ['a too-long string', { displayName: '长'.repeat(51) }, 'body.displayName', 'too_big'],
    ['a region code of the wrong shape', { regionCode: '1501' }, 'body.regionCode', 'invalid_format'],
    ['an unknown role', { role: 'superuser' }, 'body.role', 'invalid_value'],
  ])('rejects %s with field details', async (_name, override, field, code) => {
    const res = await t.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'badinput', ...override }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('explains a region code in the caller’s language', async () => {
    const en = await t.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ regionCode: 'abc' }),
      headers: { 'accept-language': 'en-GB' },
    });
    expect(en.json().error.details[0].message).toBe('A region code has 12 digits and a valid level');
    const zh = await t.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ regionCode: 'abc' }),
    });
    expect(zh.json().error.details[0].message).toBe('行政区划代码须为12位数字，且层级正确');
  });

  it('rejects a region that does not exist', async () => {
    const res = await t.call('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: newUser({ username: 'ghost', regionCode: '150102099000' }),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('REGION_NOT_FOUND');
  });
});

describe('audit of user changes, by scope', () => {
  it('records who changed what, without password hashes, and shows it only within scope', async () => {
    await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.carer}`,
      payload: { version: 1, displayName: '护理员小王' },
    });
    await t.call('street-b', {
      method: 'PATCH',
      url: `/api/v1/users/${ids.streetB}`,
      payload: { version: 1, displayName: '街道B' },
    });

    const mine = await t.call('street-a', { method: 'GET', url: '/api/v1/audit?action=user.update' });
    expect(mine.statusCode).toBe(200);
    const entry = mine.json().items.find((e: { entityId: string }) => e.entityId === ids.carer);
    expect(entry).toMatchObject({ actorUsername: 'street-a', entity: 'user', regionCode: STREET_A });
    expect(entry.before.displayName).toBe('carer');
    expect(entry.after.displayName).toBe('护理员小王');
    expect(JSON.stringify(mine.json())).not.toMatch(/passwordHash|scrypt\$/);
    expect(mine.json().items.every((e: { regionCode: string }) => e.regionCode.startsWith('150102001'))).toBe(
      true,
    );

    const districtView = await t.call('district', { method: 'GET', url: '/api/v1/audit?action=user.update' });
    const regions = districtView.json().items.map((e: { regionCode: string }) => e.regionCode);
    expect(regions).toEqual(expect.arrayContaining([STREET_A, STREET_B]));

    const outside = await t.call('street-a', { method: 'GET', url: `/api/v1/audit?regionCode=${DISTRICT}` });
    expect(outside.statusCode).toBe(403);
    const noRight = await t.call('carer', { method: 'GET', url: '/api/v1/audit' });
    expect(noRight.statusCode).toBe(403);
  });
});

describe('a caregiver account and its staff record', () => {
  const create = (as: string, overrides: object) =>
    t.call(as, { method: 'POST', url: '/api/v1/users', payload: newUser(overrides) });

  it('names its staff record, chosen by name, and the caregiver’s session carries it', async () => {
    const provider = await t.createProvider(STREET_A, '护理站甲');
    const staffId = await given.staff(t, provider, { by: 'street-a', name: '田秀英' });
    const choices = await t.call('street-a', {
      method: 'GET',
      url: `/api/v1/users/staff-choices?providerId=${provider}`,
    });
    expect(choices.json()).toEqual([{ id: staffId, name: '田秀英' }]);

    const created = await create('street-a', {
      username: 'carer.tian',
      role: 'caregiver',
      regionCode: STREET_A,
      providerId: provider,
      staffId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().staffId).toBe(staffId);
    const cookie = await t.login('carer.tian', 'Initial-pass-2026');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ role: 'caregiver', providerId: provider, staffId });

    // One account per staff record.
    const again = await create('street-a', {
      username: 'carer.tian2',
      role: 'caregiver',
      regionCode: STREET_A,
      providerId: provider,
      staffId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USER_STAFF_TAKEN');
  });

  it('refuses a staff record of another provider, with a code and a message in the caller’s language', async () => {
    const mine = await t.createProvider(STREET_A, '护理站乙');
    const other = await t.createProvider(STREET_A, '护理站丙');
    const otherStaff = await given.staff(t, other, { by: 'street-a' });
    const refused = await t.call('street-a', {
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': 'en' },
      payload: newUser({
        username: 'carer.other',
        role: 'caregiver',
        regionCode: STREET_A,
        providerId: mine,
        staffId: otherStaff,
      }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'USER_STAFF_OTHER_PROVIDER',
      message: "The staff record belongs to another provider than the account's",
    });

    const account = (
      await create('street-a', {
        username: 'carer.yi',
        role: 'caregiver',
        regionCode: STREET_A,
        providerId: mine,
      })
    ).json();
    expect(account.staffId).toBeNull();
    const patched = await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${account.id}`,
      payload: { version: account.version, staffId: otherStaff },
    });
    expect(patched.json().error.code).toBe('USER_STAFF_OTHER_PROVIDER');
    const linked = await t.call('street-a', {
      method: 'PATCH',
      url: `/api/v1/users/${account.id}`,
      payload: { version: account.version, staffId: await given.staff(t, mine, { by: 'street-a' }) },
    });
    expect(linked.statusCode).toBe(200);
  });

  it('links only caregiver accounts, and offers only the staff of providers in scope', async () => {
    const provider = await t.createProvider(STREET_A, '护理站丁');
    const staffId = await given.staff(t, provider, { by: 'street-a' });
    const manager = await create('street-a', {
      username: 'manager.ding',
      role: 'provider_manager',
      regionCode: STREET_A,
      providerId: provider,
      staffId,
    });
    expect(manager.json().error.code).toBe('USER_STAFF_NOT_ALLOWED');
    const outside = await t.call('street-b', {
      method: 'GET',
      url: `/api/v1/users/staff-choices?providerId=${provider}`,
    });
    expect(outside.json().error.code).toBe('USER_PROVIDER_NOT_FOUND');
  });
});
