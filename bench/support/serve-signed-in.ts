import { buildApp } from '../../apps/server/src/app';
import type { Database } from '../../apps/server/src/platform/db/database';
import { createPiiCipher } from '../../apps/server/src/platform/crypto/pii-cipher';

/**
 * The application on `database`, listening on a free port, signed in as `username`: prints the
 * JSON line startChildServer waits for ({ port, cookie, database }) and stops on SIGTERM.
 */
export async function serveSignedIn(
  database: Database,
  username: string,
  password: string,
  afterClose: () => Promise<unknown> = async () => undefined,
): Promise<void> {
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
    payload: { username, password },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'yiyang_session');
  const address = app.server.address();
  console.log(
    JSON.stringify({
      port: typeof address === 'object' && address ? address.port : 0,
      cookie: `yiyang_session=${cookie?.value}`,
      database: database.kind,
    }),
  );
  process.on('SIGTERM', async () => {
    await app.close();
    await database.close();
    await afterClose();
    process.exit(0);
  });
}
