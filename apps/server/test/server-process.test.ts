import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/platform/db/data-dir-lock';
import { createFreshPostgres, onPostgres } from './test-app';
import { descendants, isAlive, repoRoot, until } from './server-processes';

/**
 * The server as an operator runs it: `npm start` (from the sources, so no build is needed),
 * stopped with a signal to the process they started, the way `kill <pid>` or a service manager
 * does, or with Ctrl+C, which signals the whole process group.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

interface Started {
  npm: ChildProcess;
  port: number;
  dataDir: string;
  output: () => string;
}

// One data directory (or database) for every start in this file: each start after the first
// also proves that the one before released it, and skips creating a database afresh.
const dataDir = mkdtempSync(path.join(tmpdir(), 'yiyang-stop-'));
let databaseUrl = '';

async function startServer(): Promise<Started> {
  if (onPostgres() && !databaseUrl) {
    const fresh = await createFreshPostgres();
    databaseUrl = fresh.url;
    cleanups.push(fresh.drop);
  }
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    detached: true, // its own process group, as a terminal gives a command
    env: {
      ...process.env,
      YIYANG_FROM_SOURCE: '1',
      PORT: '0',
      MQTT_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      YIYANG_DEMO: '0',
      LOG_LEVEL: 'info',
    },
  });
  // Whatever is still running at the end goes, even if it lost its parent (the old defect).
  const seen = new Set<number>([npm.pid!]);
  const remember = setInterval(() => descendants(npm.pid!).forEach((pid) => seen.add(pid)), 500);
  cleanups.push(async () => {
    clearInterval(remember);
    for (const pid of seen) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await until(
    () => Number(/Web UI and API: http:\/\/localhost:(\d+)\//.exec(output)?.[1]),
    60_000,
  );
  await until(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 10_000);
  return { npm, port, dataDir, output: () => output };
}

async function expectStopped(started: Started, send: () => void) {
  const processes = [started.npm.pid!, ...descendants(started.npm.pid!)];
  // npm, the start script and the server at least (tsx may add a process of its own).
  expect(processes.length).toBeGreaterThanOrEqual(3);
  const sent = Date.now();
  send();
  await until(() => processes.every((pid) => !isAlive(pid)), 10_000);
  expect(Date.now() - sent).toBeLessThan(10_000);
  await expect(fetch(`http://127.0.0.1:${started.port}/api/health`)).rejects.toThrow();
  if (!onPostgres()) {
    // The data directory can be opened again at once: the lock was released, not left to go stale.
    const unlock = await lockDataDir(started.dataDir);
    await unlock();
  }
  expect(started.output()).toMatch(/SIG(TERM|INT): stopping/);
  expect(started.output()).not.toMatch(/closing .* failed|still stopping/);
}

/** What an operator reads at start: the banner in one piece, and no health checks at info. */
async function expectReadableOutput(started: Started) {
  for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${started.port}/api/health`);
  await fetch(`http://127.0.0.1:${started.port}/api/no-such-route`);
  await until(() => started.output().includes('/api/no-such-route'), 5_000);
  const lines = started.output().split('\n');
  const banner = lines.slice(
    lines.findIndex((line) => line.includes('is running')),
    lines.findIndex((line) => line.includes('Stop with Ctrl+C')) + 1,
  );
  expect(banner.length).toBeGreaterThan(3);
  expect(banner.filter((line) => line.startsWith('{'))).toEqual([]);
  expect(banner.join('\n')).toContain(`http://localhost:${started.port}/directory`);
  // Other requests are logged at info; health checks only at debug.
  expect(started.output()).toContain('"url":"/api/no-such-route"');
  expect(started.output()).not.toContain('"url":"/api/health"');
}

// Each case starts a server on a fresh data directory: tens of seconds on a busy machine.
const STARTS_WITHIN = 120_000;

describe('the server started with npm start', () => {
  it(
    'prints a readable start, and stops everything within 10 s on SIGTERM to the process that was started',
    async () => {
      const started = await startServer();
      await expectReadableOutput(started);
      await expectStopped(started, () => started.npm.kill('SIGTERM'));
    },
    STARTS_WITHIN + 30_000,
  );

  it.skipIf(onPostgres())(
    'stops everything within 10 s on SIGINT to the process that was started',
    async () => {
      const started = await startServer();
      await expectStopped(started, () => started.npm.kill('SIGINT'));
    },
    STARTS_WITHIN + 30_000,
  );

  it.skipIf(onPostgres())(
    'stops everything within 10 s on Ctrl+C (SIGINT to the whole process group)',
    async () => {
      const started = await startServer();
      await expectStopped(started, () => process.kill(-started.npm.pid!, 'SIGINT'));
    },
    STARTS_WITHIN + 30_000,
  );
});
