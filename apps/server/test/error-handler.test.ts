import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database';
import { registerErrorHandler } from '../src/platform/errors/error-handler';
import { publicErrorMessage } from '../src/platform/errors/public-error';
import { AppError } from '../src/platform/errors/app-error';
import { createTestDatabase } from './test-app';

/**
 * The one error handler on errors the database raises: the caller gets a code and a message
 * in their language, never the query, its parameters or the driver's words.
 */
let database: Database;
let app: FastifyInstance;
const failing: Record<string, () => Promise<unknown>> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  Object.assign(failing, {
    '/broken-query': () => db.execute(sql`select secret_column from no_such_table where id = ${'elder-1'}`),
    '/bad-integer': () => db.execute(sql`select ${'12abc'}::int as n`),
    '/nul-in-text': () => db.execute(sql`select ${'王\u0000秀兰'}::text as name`),
    '/year-zero': () => db.execute(sql`select ${'0000-01-01'}::date as d`),
    '/client-error': () =>
      Promise.reject(Object.assign(new Error('Unexpected end of form at byte 42'), { statusCode: 400 })),
  });
  app = Fastify();
  registerErrorHandler(app);
  for (const [url, run] of Object.entries(failing)) app.get(url, async () => run());
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const LEAKS =
  /select|no_such_table|secret_column|elder-1|12abc|invalid input|syntax|Failed query|\bat .*:\d+|stack/i;

describe('database errors through the error handler', () => {
  it('answers a failing query with a generic localised 500, without SQL or parameters', async () => {
    const zh = await app.inject({ method: 'GET', url: '/broken-query' });
    expect(zh.statusCode).toBe(500);
    expect(zh.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后再试' } });
    const en = await app.inject({
      method: 'GET',
      url: '/broken-query',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('Internal server error; try again later');
    expect(zh.body + en.body).not.toMatch(LEAKS);
  });

  it('answers a value the database cannot take with a 400 that does not repeat it', async () => {
    for (const url of ['/bad-integer', '/nul-in-text', '/year-zero']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toEqual({
        code: 'REQUEST_VALUE_UNUSABLE',
        message: 'A value in the request is out of range or malformed',
      });
      expect(res.body).not.toMatch(LEAKS);
    }
  });

  it('keeps a client error it has no code for a 400, in its own words', async () => {
    const res = await app.inject({ method: 'GET', url: '/client-error' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'REQUEST_INVALID', message: '请求无法处理' });
  });
});

describe('messages stored for users to read later', () => {
  it('are the catalog message, never the error’s own text', async () => {
    const error = await failing['/broken-query']!().catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/no_such_table/);
    expect(publicErrorMessage(error, 'en')).toBe('Internal server error; try again later');
    const dataError = await failing['/nul-in-text']!().catch((e: unknown) => e);
    expect(publicErrorMessage(dataError, 'zh-CN')).toBe('请求中有无法处理的值（超出范围或格式不对）');
    expect(publicErrorMessage(new AppError('NOT_FOUND'), 'en')).toBe('Not found');
  });
});
