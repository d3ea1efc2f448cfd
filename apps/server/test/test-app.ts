import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Role } from '@yiyang/domain';
import { buildApp, type AppDeps } from '../src/app';
import { openDatabase, type Database } from '../src/platform/db/database';
import { runMigrations } from '../src/platform/db/migrate';
import { seedDemoRegions } from '../src/demo/seed-demo';
import { createPiiCipher } from '../src/platform/crypto/pii-cipher';
import { systemActor } from '../src/platform/audit/audit-writer';
import { createRegionsService } from '../src/modules/regions/index';
import { createUsersService } from '../src/modules/users/index';
import { endSessionsOf } from '../src/modules/auth/index';
import { providers } from '../src/modules/providers/providers.tables';
import { given } from './given';
import { databaseUrl, openPgliteCopy, providedTemplate } from './template-database';

export const onPostgres = () => process.env.TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

/**
 * A new database on the server at TEST_DATABASE_URL, empty or a copy of `template`: its URL and
 * how to drop it.
 */
export async function createFreshPostgres(
  options: { template?: string } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `yiyang_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${options.template ? ` template ${options.template}` : ''}`);
  await admin.end();
  return {
    url: databaseUrl(url, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or — when the suite runs with
 * TEST_DB=postgres — a new database on the server at TEST_DATABASE_URL, dropped afterwards.
 * With `regions`, it also holds the demo region tree; it is then a copy of the run's template
 * (template-database.ts) when there is one, which saves migrating and seeding per file.
 */
export async function createTestDatabase(options: { regions?: boolean } = {}): Promise<Database> {
  const template = options.regions ? await providedTemplate() : null;
  if (!onPostgres()) {
    if (template?.kind === 'pglite') return openPgliteCopy(template);
    const database = await openDatabase({ kind: 'pglite-memory' });
    await prepare(database, options);
    return database;
  }
  const fresh = await createFreshPostgres({
    template: template?.kind === 'postgres' ? template.database : undefined,
  });
  const database = await openDatabase({ kind: 'postgres', url: fresh.url });
  // On a copy of the template, a no-op unless a migration was added while a watch run kept it.
  if (template?.kind === 'postgres') await runMigrations(database);
  else await prepare(database, options);
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

async function prepare(database: Database, options: { regions?: boolean }): Promise<void> {
  await runMigrations(database);
  if (options.regions) await seedDemoRegions(database);
}

export const TEST_PASSWORD = 'Test-password-2026';
export const TEST_CIPHER = createPiiCipher('yiyang-test-master-secret-32-bytes!');

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
  /** Creates an active user (password TEST_PASSWORD, no forced change) and returns its id. */
  createUser(username: string, role: Role, regionCode: string, providerId?: string): Promise<string>;
  /** A provider row in `regionCode` (for provider accounts), bypassing the API; returns its id. */
  createProvider(regionCode: string, name?: string): Promise<string>;
  /** Signs in and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  /** inject() with the session cookie of `as` and JSON body. */
  call(as: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /**
   * Makes the database refuse the rows of `table` matching `when` (SQL over NEW), as a full disk
   * or a lost connection would, to see what a write that fails halfway leaves behind. Returns
   * the undo.
   */
  refuseWrites(table: string, when: string, on?: 'insert' | 'update'): Promise<() => Promise<void>>;
}

/** The app on a fresh database with the demo region tree (no demo accounts); `deps` overrides. */
export async function createTestApp(deps: Partial<AppDeps> = {}): Promise<TestContext> {
  const database = await createTestDatabase({ regions: true });
  // TEST_LOG=error shows what the server logs (the cause behind a 500, for instance).
  const logger = process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false;
  const app = await buildApp({
    database,
    cipher: TEST_CIPHER,
    broker: 'off',
    version: 'test',
    logger,
    jobRetryLimit: 0,
    ...deps,
  });
  const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
  const cookies = new Map<string, string>();

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'yiyang_session');
    const header = `yiyang_session=${cookie!.value}`;
    cookies.set(username, header);
    return header;
  }

  return {
    app,
    database,
    login,
    async close() {
      await app.close();
      await database.close();
    },
    async createUser(username, role, regionCode, providerId) {
      const created = await users.create('system', systemActor('test'), {
        username,
        displayName: username,
        role,
        regionCode,
        providerId: providerId ?? null,
        password: TEST_PASSWORD,
      });
      return created.id;
    },
    async createProvider(regionCode, name = '测试服务机构') {
      const [row] = await database.db
        .insert(providers)
        .values({
          name,
          kind: 'home_service',
          ownership: 'private_nonprofit',
          creditCode: given.creditCode(),
          legalRepresentative: '测试',
          regionCode,
          address: '测试地址',
        })
        .returning({ id: providers.id });
      return row!.id;
    },
    async refuseWrites(table, when, on = 'insert') {
      const name = `refuse_${randomBytes(4).toString('hex')}`;
      const run = (text: string) => database.db.execute(sql.raw(text));
      await run(`create function ${name}() returns trigger language plpgsql as $$
        begin if ${when} then raise exception 'refused by the test'; end if; return new; end $$`);
      await run(`create trigger ${name} before ${on} on ${table} for each row execute function ${name}()`);
      return async () => {
        await run(`drop trigger ${name} on ${table}`);
        await run(`drop function ${name}()`);
      };
    },
    async call(as, options) {
      const cookie = as === null ? undefined : (cookies.get(as) ?? (await login(as)));
      return app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...options.headers } });
    },
  };
}

export { CITY, COMMUNITY_A1, DISTRICT, STREET_A, STREET_B } from './demo-regions';
