import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a second holder with a clear error, and admits one after release', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yiyang-lock-'));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by another Yiyang process/);
    await release();
    const again = await lockDataDir(dir);
    await again();
  });
});
