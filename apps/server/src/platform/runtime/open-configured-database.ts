import type { Config } from '../../config';
import { lockDataDir } from '../db/data-dir-lock';
import { openDatabase, type Database } from '../db/database';
import { runMigrations } from '../db/migrate';

/**
 * Opens the configured database for a server or CLI process: takes the data-directory lock
 * for PGlite first, then applies pending migrations. Closing releases the lock.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const unlock = config.database.kind === 'pglite' ? await lockDataDir(config.dataDir) : null;
  try {
    const database = await openDatabase(config.database);
    await runMigrations(database);
    return {
      ...database,
      close: async () => {
        await database.close();
        await unlock?.();
      },
    };
  } catch (error) {
    await unlock?.();
    throw error;
  }
}
