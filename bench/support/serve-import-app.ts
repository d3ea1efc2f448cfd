// The application on an in-memory PGlite with the demo regions and one street official, who
// both imports and asks who they are while the import runs (jobs.bench.ts).
import { buildApp } from '../../apps/server/src/app';
import { openDatabase } from '../../apps/server/src/platform/db/database';
import { runMigrations } from '../../apps/server/src/platform/db/migrate';
import { seedDemoRegions } from '../../apps/server/src/demo/seed-demo';
import { createPiiCipher } from '../../apps/server/src/platform/crypto/pii-cipher';
import { systemActor } from '../../apps/server/src/platform/audit/audit-writer';
import { createRegionsService } from '../../apps/server/src/modules/regions/index';
import { createUsersService } from '../../apps/server/src/modules/users/index';
import { endSessionsOf } from '../../apps/server/src/modules/auth/index';

const database = await openDatabase({ kind: 'pglite-memory' });
await runMigrations(database);
await seedDemoRegions(database);
const password = 'Bench-pass-2026';
await createUsersService(database.db, createRegionsService(database.db), endSessionsOf).create(
  'system',
  systemActor('bench'),
  {
    username: 'street',
    displayName: '街道民政',
    role: 'civil_affairs',
    regionCode: '150102001000',
    providerId: null,
    password,
  },
);
const app = await buildApp({
  database,
  cipher: createPiiCipher('yiyang-bench-master-secret-32-bytes'),
  broker: 'off',
  version: 'bench',
});
await app.listen({ port: 0, host: '127.0.0.1' });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: 'street', password },
});
if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
const cookie = login.cookies.find((c) => c.name === 'yiyang_session');
const address = app.server.address();
console.log(
  JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    cookie: `yiyang_session=${cookie?.value}`,
  }),
);
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
