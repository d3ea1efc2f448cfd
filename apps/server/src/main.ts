import type { HealthResponse } from '@yiyang/contracts';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { DataDirInUseError } from './platform/db/data-dir-lock';
import { openConfiguredDatabase } from './platform/runtime/open-configured-database';
import { appVersion, webDistDir } from './platform/runtime/paths';
import { startConfiguredBroker } from './platform/mqtt/start-broker';
import { createUsersService } from './modules/users/index';
import { endSessionsOf } from './modules/auth/index';
import { createRegionsService } from './modules/regions/index';
import { seedDemo } from './demo/seed-demo';
import { formatDemoAccounts, loadDemoAccounts, saveDemoAccounts } from './demo/demo-accounts-file';
import type { Database } from './platform/db/database';
import { createPiiCipher, type PiiCipher } from './platform/crypto/pii-cipher';
import { loadMasterSecret } from './platform/crypto/master-secret';

/** Longer than a request may take, shorter than the 10 s a service manager waits before SIGKILL. */
const STOP_TIMEOUT_MS = 8_000;

/** Demo mode on an empty database seeds the demo city; every start shows its accounts. */
async function prepareDemo(config: Config, database: Database, cipher: PiiCipher): Promise<string> {
  const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
  if (!config.demo) {
    if ((await users.count()) === 0) {
      return 'No user accounts yet. Create the first administrator:\n  npm run cli -- user add --username admin --password <password> --role admin --region 150100';
    }
    return '';
  }
  if ((await users.count()) === 0) {
    console.log(
      `[yiyang] seeding the demo city with ${config.demoElders.toLocaleString('en')} synthetic elders …`,
    );
    const accounts = await seedDemo(database, {
      password: config.demoPassword,
      cipher,
      elders: config.demoElders,
    });
    saveDemoAccounts(config.dataDir, accounts);
    return `Demo city seeded (呼和浩特市, ${config.demoElders.toLocaleString('en')} synthetic elders). Demo accounts:\n${formatDemoAccounts(accounts)}`;
  }
  const saved = loadDemoAccounts(config.dataDir);
  return saved ? `Demo accounts:\n${formatDemoAccounts(saved)}` : '';
}

async function main() {
  const config = loadConfig();
  const log = (msg: string) => console.log(`[yiyang] ${msg}`);
  const database = await openConfiguredDatabase(config);
  const master = loadMasterSecret(config.secret, config.dataDir);
  const cipher = createPiiCipher(master.secret);
  if (master.source === 'generated') {
    log(
      `generated the key for personal data in ${config.dataDir}/secret.key: back it up; without it the encrypted data is lost`,
    );
  }
  if (master.source !== 'env' && config.database.kind === 'postgres') {
    log(
      'YIYANG_SECRET is not set: the key file in DATA_DIR is used; every server process must share the same key',
    );
  }
  const demoNote = await prepareDemo(config, database, cipher);
  const broker = await startConfiguredBroker(config.broker, log);
  const app = await buildApp({
    database,
    cipher,
    broker: broker.kind satisfies HealthResponse['broker'],
    mqtt: broker.port ?? undefined,
    version: appVersion(),
    sessionHours: config.sessionHours,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    webDist: webDistDir(),
    pdfFont: config.pdfFont,
    // Written synchronously (pino's own stream buffers), so that the banner below is not cut
    // in two by Fastify's "listening" lines.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, stream: process.stdout },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where =
    config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL';
  console.log(
    [
      '',
      `  Yiyang 颐养 ${appVersion()} is running`,
      `  Web UI and API: http://localhost:${port}/   API docs: http://localhost:${port}/api/docs`,
      `  Public directory of providers: http://localhost:${port}/directory`,
      `  Database: ${where}; ${broker.describe}`,
      demoNote && `\n${demoNote}`,
      '  Stop with Ctrl+C (or SIGTERM).',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    // A connection that does not end (a stuck request) must not keep the process alive; the
    // data-directory lock is also released on this exit (proper-lockfile's exit hook).
    setTimeout(() => {
      console.error(`[yiyang] still stopping after ${STOP_TIMEOUT_MS / 1000} s: exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    let code = 0;
    for (const [what, close] of [
      ['the HTTP server', () => app.close()],
      ['the MQTT broker', broker.close],
      ['the database', database.close],
    ] as const) {
      try {
        await close();
      } catch (error) {
        code = 1;
        console.error(`[yiyang] closing ${what} failed:`, error);
      }
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`[yiyang] ${error.message}`);
  } else {
    console.error('[yiyang] failed to start:', error);
  }
  process.exit(1);
});
