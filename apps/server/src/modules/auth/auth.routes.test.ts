import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, CITY, STREET_A, TEST_PASSWORD, type TestContext } from '../../../test/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('official', 'civil_affairs', CITY);
  await t.createUser('lockme', 'community_worker', STREET_A);
  await t.createUser('changer', 'civil_affairs', STREET_A);
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and returns the user with scope and permissions', async () => {
    const res = await login('Official', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'yiyang_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json()).toMatchObject({
      username: 'official',
      role: 'civil_affairs',
      regionCode: CITY,
      regionName: '呼和浩特市',
      permissions: expect.arrayContaining(['users:read', 'audit:read']),
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { yiyang_session: cookie.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('official');
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('official', TEST_PASSWORD);
    const token = res.cookies.find((c) => c.name === 'yiyang_session')!.value;
    const rows = (await t.database.db.execute(sql`select token_hash from sessions`)) as unknown as {
      rows: { token_hash: string }[];
    };
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await login('official', 'Wrong-password-1');
    const unknown = await login('nobody', 'Wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks an account after five wrong passwords, with the unlock time, even for the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('lockme', 'Wrong-password-1')).statusCode).toBe(401);
    const fifth = await login('lockme', 'Wrong-password-1', { 'accept-language': 'en' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    const unlockAt = new Date(fifth.json().error.details.unlockAt);
    expect(unlockAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(unlockAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(fifth.json().error.message).toContain('locked until');
    const right = await login('lockme', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('账号已锁定');
  });

  it('requires a session for /me and ends it on logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).json().error.code).toBe(
      'AUTH_REQUIRED',
    );
    const res = await login('official', TEST_PASSWORD);
    const cookies = { yiyang_session: res.cookies.find((c) => c.name === 'yiyang_session')!.value };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies })).statusCode).toBe(
      200,
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies });
    expect(after.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('rejects a weak new password and a wrong current one, then ends the other sessions', async () => {
    const first = await t.login('changer');
    const second = await t.login('changer');
    const change = (cookie: string, body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: body });

    const weak = await change(first, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('USER_PASSWORD_WEAK');
    const wrong = await change(first, {
      currentPassword: 'Not-my-password-1',
      newPassword: 'Brand-new-pass-42',
    });
    expect(wrong.json().error.code).toBe('AUTH_PASSWORD_WRONG');

    const ok = await change(first, { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-42' });
    expect(ok.statusCode).toBe(200);
    const fresh = `yiyang_session=${ok.cookies.find((c) => c.name === 'yiyang_session')!.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: fresh } })).statusCode,
    ).toBe(200);
    expect((await login('changer', 'Brand-new-pass-42')).statusCode).toBe(200);
  });
});

describe('per-address limit', () => {
  it('refuses an address after 20 failed sign-ins in 15 minutes, whatever the username', async () => {
    const ip = { remoteAddress: '10.9.8.7' };
    for (let i = 0; i < 20; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `guess${i}`, password: 'x' },
        ...ip,
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'official', password: TEST_PASSWORD },
      ...ip,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    // Another address is not affected.
    expect((await login('official', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('all or nothing: a step that fails undoes the steps before it', () => {
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

  it('a sign-in whose audit entry cannot be written leaves no session and no sign-in time', async () => {
    const id = await t.createUser('audited-login', 'community_worker', STREET_A);
    const undo = await t.refuseWrites('audit_log', `new.action = 'auth.login'`);
    const res = await login('audited-login', TEST_PASSWORD);
    await undo();
    expect(res.statusCode).toBe(500);
    const user = await t.call('official', { method: 'GET', url: `/api/v1/users/${id}` });
    expect(user.json().lastLoginAt).toBeNull();
  });

  it('wrong passwords whose audit entries cannot be written do not lock the account', async () => {
    await t.createUser('audited-failure', 'community_worker', STREET_A);
    const undo = await t.refuseWrites('audit_log', `new.action = 'auth.login_failed'`);
    for (let i = 0; i < 5; i++)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'audited-failure', password: 'Wrong-password-1' },
        remoteAddress: '10.9.8.6',
      });
    await undo();
    expect((await login('audited-failure', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a sign-out whose audit entry cannot be written leaves the session as it was', async () => {
    await t.createUser('audited-logout', 'community_worker', STREET_A);
    const cookie = await t.login('audited-logout');
    const undo = await t.refuseWrites('audit_log', `new.action = 'auth.logout'`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    await undo();
    expect(res.statusCode).toBe(500);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('a password change whose new session cannot be opened keeps the old password and sessions', async () => {
    const id = await t.createUser('half-changed', 'community_worker', STREET_A);
    const cookie = await t.login('half-changed');
    const undo = await t.refuseWrites('sessions', `new.user_id = '${id}'`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-43' },
    });
    await undo();
    expect(res.statusCode).toBe(500);
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await login('half-changed', TEST_PASSWORD)).statusCode).toBe(200);
  });
});
