import { mkdirSync } from 'node:fs';
import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Yiyang process (a running server or CLI command).\n` +
        'PGlite allows one process at a time: stop the other process, or set DATA_DIR to another directory.',
    );
  }
}

/**
 * PGlite is single-process: two processes on one data directory corrupt it. The lock is a
 * directory beside the data that the holder keeps fresh; a crashed holder's lock goes stale.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/yiyang.lock`,
      stale: 10_000,
      update: 2_000,
      retries: 0,
      realpath: false,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirInUseError(dataDir);
    throw error;
  }
}
