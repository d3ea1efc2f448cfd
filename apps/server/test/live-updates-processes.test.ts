import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database';
import { runMigrations } from '../src/platform/db/migrate';
import { seedDemoRegions } from '../src/demo/seed-demo';
import { emitEvent } from '../src/platform/events/emit-event';
import { createRegionsService } from '../src/modules/regions/index';
import { createUsersService } from '../src/modules/users/index';
import { endSessionsOf } from '../src/modules/auth/index';
import { systemActor } from '../src/platform/audit/audit-writer';
import { COMMUNITY_A1, createFreshPostgres, onPostgres, STREET_A, TEST_PASSWORD } from './test-app';
import { dataOf, openEventStream } from './event-stream';
import { spawnServer, type SpawnedServer } from './server-processes';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * Two server processes on one PostgreSQL database, as a deployment behind a load balancer runs:
 * what commits through one reaches the streams that the other holds (each LISTENs on its own).
 */
describe.runIf(onPostgres())('live updates across server processes', () => {
  it('an event committed beside process A reaches a street official streaming from process B, and no other street’s', async () => {
    const fresh = await createFreshPostgres();
    cleanups.push(fresh.drop);
    const database = await openDatabase({ kind: 'postgres', url: fresh.url });
    cleanups.push(() => database.close());
    await runMigrations(database);
    await seedDemoRegions(database);
    const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
    await users.create('system', systemActor('test'), {
      username: 'street.a',
      displayName: 'street.a',
      role: 'community_worker',
      regionCode: STREET_A,
      providerId: null,
      password: TEST_PASSWORD,
    });

    const start = async (): Promise<SpawnedServer> => {
      const server = await spawnServer({
        DATABASE_URL: fresh.url,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'yiyang-live-')),
        YIYANG_SECRET: 'yiyang-test-master-secret-32-bytes!',
        LOG_LEVEL: 'warn',
      });
      cleanups.push(server.kill);
      return server;
    };
    const [a, b] = await Promise.all([start(), start()]);

    // Signed in through A (sessions live in the database), streaming from B.
    const login = await fetch(`http://127.0.0.1:${a.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'street.a', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const client = await openEventStream(`http://127.0.0.1:${b.port}/api/v1/events/stream`, { cookie });
    cleanups.push(async () => client.close());
    expect(client.status).toBe(200);

    const emit = (regionCode: string, entityId: string) =>
      database.db.transaction((tx) =>
        emitEvent(tx, { type: 'elder.updated', entity: 'elder', entityId, regionCode }),
      );
    await emit('150102002001', 'other-street');
    await emit(COMMUNITY_A1, 'own-street');
    await client.until(() => dataOf(client).some((e) => e.entityId === 'own-street'), 60_000);
    expect(dataOf(client).map((e) => e.entityId)).toEqual(['own-street']);

    // An open stream does not hold up a stop: SIGTERM ends it and the process.
    const exited = new Promise((resolve) => b.npm.once('exit', resolve));
    b.npm.kill('SIGTERM');
    await client.ended;
    await exited;
    expect(b.output()).toMatch(/SIGTERM: stopping/);
    expect(b.output()).not.toMatch(/closing .* failed|still stopping/);
  }, 300_000);
});
