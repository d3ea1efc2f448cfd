import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticElders } from '../../demo/seed-elders';
import { CITY, COMMUNITY_A1, createTestApp, TEST_CIPHER, type TestContext } from '../../../test/test-app';

/** Issue 9 item 2: a clear export is audited before its first byte, and only by a deliberate POST. */
let t: TestContext;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('city', 'civil_affairs', CITY);
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await seedSyntheticElders(t.database, TEST_CIPHER, { count: 3000, seed: 9 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const auditOf = async (action: string) =>
  (await t.call('city', { method: 'GET', url: `/api/v1/audit?action=${action}` })).json().items as {
    after: { count?: number };
  }[];

describe('clear export', () => {
  it('is on the audit log before the first byte leaves, even when the client aborts', async () => {
    const cookie = await t.login('city');
    const firstChunk = await new Promise<Buffer>((resolve, reject) => {
      const req = httpRequest(`${base}/api/v1/elders/export-clear`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
      });
      req.on('response', (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk);
        });
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end('{}');
    });
    expect(firstChunk.length).toBeGreaterThan(0);
    const started = await auditOf('elders.export_clear');
    expect(started).toHaveLength(1);
    expect(started[0]!.after).toEqual({ filters: {} });
  });

  it('cannot be started by a link: GET refuses clear, and a role without pii:reveal is refused', async () => {
    const linked = await t.call('city', { method: 'GET', url: '/api/v1/elders/export?clear=true' });
    expect([linked.statusCode, linked.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const masked = await t.call('city', {
      method: 'GET',
      url: '/api/v1/elders/export?regionCode=150102000000',
    });
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['cache-control']).toBe('no-store');
    const byWorker = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/elders/export-clear',
      payload: {},
    });
    expect(byWorker.statusCode).toBe(403);
  });
});
