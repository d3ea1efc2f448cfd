// `npm start`: build what is stale, then run the server (API, web UI, database, MQTT broker) as
// a child process. SIGINT, SIGTERM and SIGHUP sent to this process are passed on to the server,
// and this process ends with it. package.json runs this script with `exec`: otherwise the shell
// npm runs scripts in sits between npm and this process and dies of a SIGTERM without passing it
// on, which left the server running after `kill <pid of npm start>`.
//
// YIYANG_FROM_SOURCE=1 runs the TypeScript sources through tsx instead of building (the stop
// test uses it; so can anyone trying a change without a build).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { ensureBuilt } from './ensure-built.mjs';

const server = path.resolve(import.meta.dirname, '../apps/server');
const args =
  process.env.YIYANG_FROM_SOURCE === '1'
    ? ['--import', 'tsx', path.join(server, 'src/main.ts')]
    : (ensureBuilt(), [path.join(server, 'dist/main.js')]);

const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
