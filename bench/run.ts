/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process and passes through the JSON
 * lines they print, one per figure: {name, value, unit, baseline, ratio}. Human-readable notes go
 * to stderr. Exits non-zero if a benchmark fails.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  console.error(`# ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, file)], {
    stdio: 'inherit',
    cwd: dir,
  });
  if (result.status !== 0) {
    failed++;
    console.error(`# ${file} failed (exit ${result.status})`);
  }
}
process.exit(failed ? 1 : 0);
