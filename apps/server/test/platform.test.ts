import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { registerAccessControl, routeAccess } from '../src/platform/auth/access-control';
import { createTestApp, type TestContext } from './test-app';
import { CITY, STREET_A } from './demo-regions';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health and OpenAPI', () => {
  it('reports the database and broker in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      broker: 'off',
      version: 'test',
    });
  });

  it('sends security headers with every answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users', '/api/v1/auth/login', '/api/v1/audit']),
    );
    expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.required).toContain(
      'regionCode',
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});

describe('route access declarations', () => {
  it('every registered route declares a permission or public', () => {
    const routes: { method: string; url: string; access: string | null }[] = [];
    for (const route of t.app.routeTable())
      routes.push({ method: route.method, url: route.url, access: routeAccess(route) });
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => r.access === null);
    expect(undeclared).toEqual([]);
    // Nothing under /api/v1 is public except what is meant to be.
    const publicApi = routes
      .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/v1') && r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicApi.sort()).toEqual([
      'GET /api/v1/public/providers',
      'GET /api/v1/public/providers/:id',
      'GET /api/v1/regions',
      'GET /api/v1/regions/:code',
      'GET /api/v1/regions/tree',
      'POST /api/v1/auth/login',
    ]);
  });

  it('refuses to boot with a route that declares neither', async () => {
    const app = Fastify();
    registerAccessControl(app, async () => null);
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(
      /declares neither a permission nor public/,
    );
    expect(() =>
      app.get('/api/v1/declared', { config: { permission: 'users:read' } }, async () => 'x'),
    ).not.toThrow();
  });
});

describe('errors', () => {
  it('answers malformed JSON with a coded 400 and no internals', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST_MALFORMED');
    expect(res.body).not.toMatch(/at .*\.js|SyntaxError|stack/);
  });

  it('localises validation details by Accept-Language, zh-CN by default', async () => {
    const payload = { username: 'a', password: 'x', extra: 1 };
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数有误' });
    expect(zh.json().error.details).toEqual([
      { field: 'body', code: 'unrecognized_keys', message: expect.stringContaining('未知') },
    ]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('The request has invalid fields');
    expect(en.json().error.details[0].message).toContain('Unrecognized key');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found' } });
  });
});

describe('audit log storage', () => {
  it('refuses UPDATE and DELETE even to the application', async () => {
    await t.login('nobody-yet').catch(() => undefined);
    await t.database.db.execute(sql`insert into audit_log (action, entity) values ('test.event', 'test')`);
    await expect(t.database.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('shows entries of no region (CLI, schedules) to city-level readers only', async () => {
    await t.createUser('audit.city', 'civil_affairs', CITY);
    await t.createUser('audit.street', 'civil_affairs', STREET_A);
    await t.database.db.execute(
      sql`insert into audit_log (action, entity, actor_username) values ('user.create', 'user', 'cli')`,
    );
    const read = async (as: string) =>
      (await t.call(as, { method: 'GET', url: '/api/v1/audit?actor=cli' })).json().items as unknown[];
    expect(await read('audit.city')).toHaveLength(1);
    expect(await read('audit.street')).toHaveLength(0);
  });
});
