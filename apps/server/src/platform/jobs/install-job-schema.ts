import PgBoss from 'pg-boss';
import type { Database } from '../db/database';
import { databaseExecutor } from './sql-executor';
import { JOB_SCHEMA } from './job-schema';

/**
 * Creates or upgrades pg-boss's schema as part of migrating, so that a server starts (and a test
 * database is copied) with it in place; pg-boss serialises concurrent installs with its own lock.
 */
export async function installJobSchema(database: Database): Promise<void> {
  const boss = new PgBoss({
    db: databaseExecutor(database),
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: true,
  });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}
