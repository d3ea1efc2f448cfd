// What a browser downloads to show a page of the built web app: index.html, every script, style
// sheet and asset it references, what those import statically, and the lazily loaded chunk of the
// page's own route with its static imports (Vite preloads those together). Bytes are counted as
// the server sends them: the .br / .gz copy from scripts/precompress.mjs when there is one, else
// the file. The import graph comes from Vite's manifest (`build.manifest` in apps/web/vite.config.ts).
//   node scripts/login-page-weight.mjs [dist dir] [--page login|directory|…] [--json]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The source files a page's route loads lazily (manifest keys, relative to apps/web). */
const PAGES = {
  login: ['src/pages/login/LoginPage.tsx'],
  directory: ['src/pages/directory/DirectoryPage.tsx'],
  home: ['src/components/AppLayout.tsx', 'src/pages/home/HomePage.tsx'],
};

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const json = args.includes('--json') && args.splice(args.indexOf('--json'), 1).length > 0;
const pageName = flag('--page') ?? 'login';
const dist = path.resolve(args[0] ?? 'apps/web/dist');
if (!PAGES[pageName]) throw new Error(`unknown page ${pageName}; known: ${Object.keys(PAGES).join(', ')}`);

const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) throw new Error(`${manifestPath} missing: build with build.manifest: true`);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const files = new Set(['index.html']);
const visited = new Set();
/** A manifest chunk, what it imports statically, and its style sheets and assets. */
function include(key) {
  if (visited.has(key)) return;
  visited.add(key);
  const chunk = manifest[key];
  files.add(chunk.file);
  for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  for (const imported of chunk.imports ?? []) include(imported);
}

// What index.html references: its entry, plus anything else Vite put in it (preloads, styles).
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
for (const [, ref] of html.matchAll(/(?:src|href)="\/?([^"]+)"/g)) {
  if (existsSync(path.join(dist, ref))) files.add(ref);
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) include(key);
const bundled = [];
for (const source of PAGES[pageName]) {
  if (manifest[source]) include(source);
  else bundled.push(source); // not a chunk of its own: it is inside an eagerly loaded chunk
}

const sizeOf = (file) => (existsSync(file) ? statSync(file).size : undefined);
const rows = [...files].sort().map((file) => {
  const full = path.join(dist, file);
  const identity = sizeOf(full);
  return { file, identity, br: sizeOf(`${full}.br`) ?? identity, gz: sizeOf(`${full}.gz`) ?? identity };
});
const total = rows.reduce(
  (sum, row) => ({ identity: sum.identity + row.identity, br: sum.br + row.br, gz: sum.gz + row.gz }),
  {
    identity: 0,
    br: 0,
    gz: 0,
  },
);

if (json) {
  console.log(JSON.stringify({ page: pageName, files: rows.length, ...total }));
} else {
  const n = (bytes) => bytes.toLocaleString('en').padStart(11);
  console.log(`${'file'.padEnd(48)}${'bytes'.padStart(11)}${'brotli'.padStart(11)}${'gzip'.padStart(11)}`);
  for (const row of rows) console.log(`${row.file.padEnd(48)}${n(row.identity)}${n(row.br)}${n(row.gz)}`);
  console.log(
    `${`${pageName} page: ${rows.length} files`.padEnd(48)}${n(total.identity)}${n(total.br)}${n(total.gz)}`,
  );
  if (bundled.length) console.log(`(inside the eagerly loaded chunks: ${bundled.join(', ')})`);
}
