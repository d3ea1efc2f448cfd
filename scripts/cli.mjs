// `npm run cli -- <command>`: the yiyang command line, built first when stale.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const child = spawn(
  process.execPath,
  [path.resolve(import.meta.dirname, '../apps/server/dist/cli.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
child.on('exit', (code) => process.exit(code ?? 0));
