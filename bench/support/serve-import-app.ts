// The application on an in-memory PGlite with the demo regions and one street official, who
// both imports and asks who they are while the import runs (jobs.bench.ts).
import { openDatabase } from '../../apps/server/src/platform/db/database';
import { runMigrations } from '../../apps/server/src/platform/db/migrate';
import { seedDemoRegions } from '../../apps/server/src/demo/seed-demo';
import { systemActor } from '../../apps/server/src/platform/audit/audit-writer';
import { createRegionsService } from '../../apps/server/src/modules/regions/index';
import { createUsersService } from '../../apps/server/src/modules/users/index';
import { endSessionsOf } from '../../apps/server/src/modules/auth/index';
import { serveSignedIn } from './serve-signed-in';

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
await serveSignedIn(database, 'street', password);
