import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Shared by the tests that start real server processes (`npm start` from the sources). */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface SpawnedServer {
  npm: ChildProcess;
  port: number;
  output: () => string;
  /** SIGKILLs whatever it started that still runs, even what lost its parent. */
  kill: () => Promise<void>;
}

/** `npm start` with `env` over the test's own; resolves once /api/health answers. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    detached: true, // its own process group, as a terminal gives a command
    env: { ...process.env, YIYANG_FROM_SOURCE: '1', PORT: '0', MQTT_PORT: '0', YIYANG_DEMO: '0', ...env },
  });
  const seen = new Set<number>([npm.pid!]);
  const remember = setInterval(() => descendants(npm.pid!).forEach((pid) => seen.add(pid)), 500);
  const kill = async () => {
    clearInterval(remember);
    for (const pid of seen) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  };
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    // Tens of seconds from the sources on a busy machine; two starting at once take longer.
    const port = await until(
      () => Number(/Web UI and API: http:\/\/localhost:(\d+)\//.exec(output)?.[1]),
      120_000,
    );
    await until(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 10_000);
    return { npm, port, output: () => output, kill };
  } catch (error) {
    await kill();
    throw new Error(`server did not start: ${(error as Error).message}\n${output}`);
  }
}

/** The processes below `pid`, from /proc (the test suite runs on Linux). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length > 0;) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/** State, parent, … of a process (the fields after its name in /proc/PID/stat), or none if gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** A zombie has ended; only its parent (perhaps an init that does not reap) has not noticed. */
export const isAlive = (pid: number) => !['Z', 'X', undefined].includes(statFields(pid)?.[0]);

export async function until<T>(probe: () => T | Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
