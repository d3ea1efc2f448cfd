import { Command, Option } from 'commander';
import { ROLES, normalizeRegionCode } from '@yiyang/domain';
import { ConfigError, loadConfig } from '../config';
import { DataDirInUseError } from '../platform/db/data-dir-lock';
import type { Database } from '../platform/db/database';
import { openConfiguredDatabase } from '../platform/runtime/open-configured-database';
import { AppError } from '../platform/errors/app-error';
import { errorMessage } from '../platform/errors/error-catalog';
import { systemActor } from '../platform/audit/audit-writer';
import { createRegionsService } from '../modules/regions/index';
import { createUsersService } from '../modules/users/index';
import { endSessionsOf } from '../modules/auth/index';
import { seedDemo } from '../demo/seed-demo';
import { formatDemoAccounts, saveDemoAccounts } from '../demo/demo-accounts-file';
import { readSecret } from './read-secret';
import { progressBar } from './progress';
import { createPiiCipher } from '../platform/crypto/pii-cipher';
import { loadMasterSecret } from '../platform/crypto/master-secret';
import { seedSyntheticElders } from '../demo/seed-elders';
import { seedDemoAssessments } from '../demo/seed-assessments';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importToEnd } from '../modules/elders/index';
import { moduleEventHandlers, registerAllJobs } from '../modules/index';
import { createJobRunner, type JobState } from '../platform/jobs/job-runner';
import { manageJob, type JobAction } from '../platform/jobs/manage-job';
import { JOB_STATES } from '@yiyang/contracts';
import { jobLine } from './job-lines';
import { createEventDispatch } from '../platform/events/event-dispatch';

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} ${value}: give a whole number`);
  return n;
}

/** Opens the configured database (the data-directory lock included), runs `work`, closes. */
async function withDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

function regionOption(value: string): string {
  const code = normalizeRegionCode(value);
  if (!code)
    throw new Error(`--region ${value}: give a 12-digit region code or its prefix (1501, 150102, 150102001)`);
  return code;
}

const program = new Command('yiyang')
  .description('Yiyang 颐养 command line. Uses DATA_DIR / DATABASE_URL like the server.')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations (the server also does this at start)')
  .action(() => withDatabase(async () => console.log('Database is up to date.')));

program
  .command('demo')
  .description('seed the demo city (regions of Hohhot, one account per role) and synthetic elders')
  .option('--password <password>', 'one password for every demo account (default: random ones)')
  .option('--elders <n>', 'how many synthetic elders to add', (v) => positiveInt(v, '--elders'), 20_000)
  .option(
    '--seed <n>',
    'seed of the generator: the same seed gives the same people',
    (v) => positiveInt(v, '--seed'),
    2019,
  )
  .action((options: { password?: string; elders: number; seed: number }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const cipher = createPiiCipher(loadMasterSecret(config.secret, config.dataDir).secret);
      const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
      if ((await users.count()) === 0) {
        const accounts = await seedDemo(database, { password: options.password, cipher, elders: 0 });
        saveDemoAccounts(config.dataDir, accounts);
        console.log(`Demo city seeded. Accounts:\n${formatDemoAccounts(accounts)}`);
      } else if (options.password) {
        throw new Error(
          'The database already has user accounts: --password applies only to a new demo city.',
        );
      }
      const started = Date.now();
      const bar = progressBar('elders', options.elders);
      const added = await seedSyntheticElders(database, cipher, {
        count: options.elders,
        seed: options.seed,
        onProgress: (n) => bar.update(n),
      });
      bar.stop();
      console.log(`Added ${added} synthetic elders in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      const assessed = await seedDemoAssessments(database, { seed: options.seed });
      console.log(`Added ${assessed} approved demo assessments.`);
    }),
  );

program
  .command('import')
  .description('import records from a file')
  .command('elders <file>')
  .description(
    "import elders from an .xlsx (the first sheet with the template's headers) or .csv file; already registered identity numbers are skipped",
  )
  .requiredOption(
    '--region <code>',
    'the scope to import into: rows must be in communities below it',
    regionOption,
  )
  .option('--errors <file>', 'where to write the workbook of rows not imported', 'import-errors.xlsx')
  .action((file: string, o: { region: string; errors: string }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const cipher = createPiiCipher(loadMasterSecret(config.secret, config.dataDir).secret);
      const importer = { username: 'cli', regionCode: o.region };
      let bar: ReturnType<typeof progressBar> | null = null;
      const started = Date.now();
      // The operator's terminal is this process's log: an unexpected failure is told in full here.
      const { service, job: report } = await importToEnd(
        database,
        cipher,
        {
          importer,
          actor: systemActor('cli'),
          file: { buffer: readFileSync(file), filename: basename(file) },
          locale: 'zh-CN',
        },
        {
          log: { info: () => undefined, error: (details) => console.error(details) },
          onProgress: (done, total) => {
            bar ??= progressBar('rows', total);
            bar.update(done);
          },
        },
      );
      (bar as ReturnType<typeof progressBar> | null)?.stop();
      if (report.failure) console.error(report.failure);
      console.log(
        `${report.total} rows: ${report.imported} imported, ${report.skipped} already registered, ${report.failed} not imported (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      if (report.hasErrorWorkbook) {
        writeFileSync(o.errors, await service.errorWorkbook(importer, systemActor('cli'), report.id));
        console.log(`Rows not imported, with reasons: ${o.errors}`);
      }
    }),
  );

program
  .command('events')
  .description('domain events kept in the outbox')
  .command('replay')
  .description(
    'deliver again, to one handler, the events it hears from an id on (those it has handled are skipped); the server runs the deliveries',
  )
  .requiredOption('--handler <name>', 'the event handler, e.g. elders.on-deceased')
  .requiredOption('--since <id>', 'the first event id to deliver', (v) => BigInt(positiveInt(v, '--since')))
  .action((o: { handler: string; since: bigint }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const cipher = createPiiCipher(loadMasterSecret(config.secret, config.dataDir).secret);
      const log = { info: () => undefined, error: (details: object) => console.error(details) };
      // Enqueues only: the deliveries run in the server, as every other handler job.
      const jobs = createJobRunner(database, { log, work: false });
      const runtime = { database, cipher, jobs };
      registerAllJobs(runtime);
      const dispatch = createEventDispatch(database, jobs, { log });
      dispatch.register(moduleEventHandlers(runtime));
      if (!dispatch.handlerNames().includes(o.handler))
        throw new Error(
          `No event handler ${o.handler}. Handlers: ${dispatch.handlerNames().join(', ') || '(none)'}.`,
        );
      await jobs.start();
      try {
        const queued = await dispatch.replay(o.handler, o.since);
        console.log(`${queued} events queued for ${o.handler}; the server delivers them.`);
      } finally {
        await jobs.stop();
      }
    }),
  );

const user = program.command('user').description('manage user accounts');

user
  .command('add')
  .description('create a user account (the first administrator, for instance)')
  .requiredOption('--username <username>', '3–32 lower-case letters, digits, . _ -')
  .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
  .requiredOption(
    '--region <code>',
    'region code of the scope: 1501, 150102, 150102001 or 12 digits',
    regionOption,
  )
  .option('--password <password>', 'initial password (asked for when omitted)')
  .option('--name <displayName>', 'name shown in the UI (default: the username)')
  .option('--provider <id>', 'provider id, for provider_manager and caregiver')
  .action(
    (o: {
      username: string;
      role: (typeof ROLES)[number];
      region: string;
      password?: string;
      name?: string;
      provider?: string;
    }) =>
      withDatabase(async (database) => {
        const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
        const password = o.password ?? (await readSecret('Password: '));
        const created = await users.create('system', systemActor('cli'), {
          username: o.username.trim().toLowerCase(),
          displayName: o.name ?? o.username,
          role: o.role,
          regionCode: o.region,
          providerId: o.provider ?? null,
          password,
        });
        console.log(
          `Created ${created.username} (${created.role}, ${created.regionName} ${created.regionCode}).`,
        );
      }),
  );

user
  .command('passwd')
  .description('set a user’s password and lift any sign-in lock')
  .requiredOption('--username <username>', 'the account')
  .option('--password <password>', 'new password (asked for when omitted)')
  .action((o: { username: string; password?: string }) =>
    withDatabase(async (database) => {
      const users = createUsersService(database.db, createRegionsService(database.db), endSessionsOf);
      const found = await users.findByUsername(o.username);
      if (!found) throw new Error(`No user ${o.username}.`);
      const password = o.password ?? (await readSecret('New password: '));
      await users.resetPassword('system', systemActor('cli'), found.id, password);
      console.log(`Password of ${found.username} changed; their other sessions have ended.`);
    }),
  );

/**
 * Opens the database and a job runner that knows every job the server runs (it manages them; it
 * runs none: the server does), runs `work`, stops the runner.
 */
function withJobs(work: (jobs: ReturnType<typeof createJobRunner>, database: Database) => Promise<void>) {
  return withDatabase(async (database) => {
    const config = loadConfig();
    const cipher = createPiiCipher(loadMasterSecret(config.secret, config.dataDir).secret);
    const jobs = createJobRunner(database, {
      log: { info: () => undefined, error: (details) => console.error(details) },
      work: false,
    });
    registerAllJobs({ database, cipher, jobs });
    await jobs.start();
    try {
      await work(jobs, database);
    } finally {
      await jobs.stop();
    }
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const jobsCommand = program.command('jobs').description('background jobs (what the 后台任务 page shows)');

jobsCommand
  .command('list')
  .description('list jobs, newest first: id, what it does, state, progress, created (Asia/Shanghai)')
  .addOption(new Option('--state <state>', 'only jobs in this state').choices(JOB_STATES))
  .action((o: { state?: JobState }) =>
    withJobs(async (jobs) => {
      const list = await jobs.list({ state: o.state });
      if (list.length === 0) console.log('没有后台任务 / No background jobs.');
      for (const job of list) console.log(jobLine(jobs, job));
    }),
  );

for (const [action, description] of [
  ['retry', 'run a failed or cancelled job again'],
  ['cancel', 'cancel a job that is waiting or running'],
] as const satisfies readonly (readonly [JobAction, string])[])
  jobsCommand
    .command(`${action} <id>`)
    .description(description)
    .action((id: string) =>
      withJobs(async (jobs, database) => {
        // Not an id at all: no such job, rather than the database's complaint about the syntax.
        if (!UUID.test(id)) throw new AppError('JOB_NOT_FOUND');
        console.log(jobLine(jobs, await manageJob(jobs, database.db, systemActor('cli'), action, id, null)));
      }),
    );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(
      `${error.code}: ${errorMessage(error.code, 'zh-CN', error.params)} / ${errorMessage(error.code, 'en', error.params)}`,
    );
  } else if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof Error) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
