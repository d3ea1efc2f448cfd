import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.mjs';
import { buildApp } from '../src/app';
import type { Database } from '../src/platform/db/database';
import { createTestDatabase, TEST_CIPHER } from './test-app';

/** The web app as the build leaves it (hashed asset, index.html), precompressed by the build step. */
const webDist = mkdtempSync(path.join(tmpdir(), 'yiyang-web-'));
const script = Array.from(
  { length: 2000 },
  (_, i) => `export function item${i}(value) { return { id: ${i}, label: '服务项目 ' + value }; }`,
).join('\n');
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>颐养</title>${'<meta name="x" content="padding">'.repeat(60)}<script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`;

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'assets/index-abc123.js'), script);
  writeFileSync(path.join(webDist, 'assets/tiny-abc123.js'), 'export const x = 1;\n');
  writeFileSync(path.join(webDist, 'index.html'), html);
  await precompress(webDist);
  database = await createTestDatabase();
  app = await buildApp({ database, cipher: TEST_CIPHER, broker: 'off', version: 'test', webDist });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static web assets', () => {
  it('sends a script brotli-compressed to a browser that accepts br', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends it gzip-compressed to a client that accepts only gzip', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    for (const accept of [undefined, 'identity']) {
      const res = await get('/assets/index-abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(script);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('sends a file too small to gain as it is, whatever the browser accepts', async () => {
    const res = await get('/assets/tiny-abc123.js', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export const x = 1;\n');
  });

  it('compresses the page for the root and for a deep link of the browser router', async () => {
    for (const url of ['/', '/directory/providers/some-provider']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(html);
    }
  });
});
