// Builds the web app and the server bundle when their sources are newer than the output, so a
// second `npm start` does not rebuild what has not changed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const outputTime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const packages = Math.max(
  newest(path.join(root, 'packages/domain/src')),
  newest(path.join(root, 'packages/contracts/src')),
);

const targets = [
  {
    name: '@yiyang/web',
    output: path.join(root, 'apps/web/dist/index.html'),
    sources: Math.max(
      packages,
      newest(path.join(root, 'apps/web/src')),
      outputTime(path.join(root, 'apps/web/index.html')),
    ),
  },
  {
    name: '@yiyang/server',
    output: path.join(root, 'apps/server/dist/main.js'),
    sources: Math.max(packages, newest(path.join(root, 'apps/server/src'))),
  },
];

export function ensureBuilt() {
  for (const target of targets) {
    if (outputTime(target.output) >= target.sources) continue;
    console.log(`[yiyang] building ${target.name} …`);
    const result = spawnSync('npm', ['run', 'build', '--silent', '-w', target.name], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
