import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database';
import { migrationsFolder, runMigrations } from '../src/platform/db/migrate';
import { seedDemoRegions } from '../src/demo/seed-demo';
import { hohhotDemoRegions } from '../src/modules/regions/index';

/**
 * Migrating and seeding the region tree is the same work for every test file, so a run does it
 * once (global-setup.ts) into a template and each file starts from a copy: a PGlite data-dir
 * tarball that the file loads, or a PostgreSQL database that the file clones with
 * `CREATE DATABASE … TEMPLATE`.
 */
export type TestTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; database: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: TestTemplate;
  }
}

export interface BuiltTemplate {
  template: TestTemplate;
  /** What the template was built from (templateKey): a watch run rebuilds it when that changes. */
  key: string;
  remove(): Promise<void>;
}

/**
 * What a template's content follows: every file of the migrations folder (a new or edited
 * migration changes it), the demo region tree, and the PGlite version whose dump format it is.
 */
export async function templateKey(): Promise<string> {
  const root = migrationsFolder();
  const hash = createHash('sha256');
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(root, file)));
  hash.update(JSON.stringify(hohhotDemoRegions())).update(pgliteVersion());
  return hash.digest('hex').slice(0, 16);
}

function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function migrateAndSeed(database: Database): Promise<void> {
  await runMigrations(database);
  await seedDemoRegions(database);
}

/** Beside Vite's cache: each checkout has its own, and a later run reuses what an earlier one built. */
const PGLITE_CACHE = path.resolve(import.meta.dirname, '../../../node_modules/.cache/yiyang-test-template');
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A migrated, region-seeded PGlite dumped to a tarball named by its key, built only when no
 * earlier run left one, so that most runs (of one test file, say) skip building it. Written under
 * a temporary name and renamed, so that two runs building at once never read half a file.
 */
export async function buildPgliteTemplate(): Promise<BuiltTemplate> {
  const key = await templateKey();
  const file = path.join(PGLITE_CACHE, `pglite-${key}.tar`);
  if (!existsSync(file)) {
    await mkdir(PGLITE_CACHE, { recursive: true });
    const database = await openDatabase({ kind: 'pglite-memory' });
    try {
      await migrateAndSeed(database);
      // Uncompressed: every file loads it, and a gunzip per file costs more than the bytes.
      const tarball = await database.pglite!.dumpDataDir('none');
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
      await rename(partial, file);
    } finally {
      await database.close();
    }
  }
  // Templates of other keys (older migrations, another branch checked out) go after a day.
  for (const other of await readdir(PGLITE_CACHE)) {
    const otherPath = path.join(PGLITE_CACHE, other);
    if (otherPath !== file && Date.now() - (await stat(otherPath)).mtimeMs > DAY_MS)
      await rm(otherPath, { force: true });
  }
  // Kept for the next run, which finds it by its key.
  return { template: { kind: 'pglite', file }, key, remove: async () => undefined };
}

const TEMPLATE_PREFIX = 'yiyang_tpl_';
/** A template left behind by a run that was killed is dropped by a later run after this long. */
const STALE_AFTER_MS = DAY_MS / 2;

async function withAdmin<T>(adminUrl: string, use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A migrated, region-seeded template database on the server at `adminUrl`, dropped at the end of
 * the run. Its name is this run's own (key, start time, random), so runs from other checkouts on
 * the same server never share, rebuild or drop each other's template; the start time lets a
 * later run drop one that a killed run left behind.
 */
export async function buildPostgresTemplate(adminUrl: string): Promise<BuiltTemplate> {
  const key = await templateKey();
  const name = `${TEMPLATE_PREFIX}${key.slice(0, 8)}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const drop = async (target: string) => {
    await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${target} with (force)`));
  };
  await withAdmin(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like '${TEMPLATE_PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const started = parseInt(datname.split('_')[3] ?? '', 36);
      if (Number.isFinite(started) && Date.now() - started > STALE_AFTER_MS)
        await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.query(`create database ${name}`);
  });
  try {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl(adminUrl, name) });
    try {
      await migrateAndSeed(database);
    } finally {
      // CREATE DATABASE … TEMPLATE refuses a template that anyone is connected to.
      await database.close();
    }
    await withAdmin(adminUrl, (admin) => admin.query(`alter database ${name} with allow_connections false`));
  } catch (error) {
    await drop(name);
    throw error;
  }
  return { template: { kind: 'postgres', database: name }, key, remove: () => drop(name) };
}

/** A private copy of a PGlite template, in memory. */
export async function openPgliteCopy(template: { file: string }): Promise<Database> {
  const tarball = new Blob([await readFile(template.file)]);
  const database = await openDatabase({ kind: 'pglite-memory', loadDataDir: tarball });
  // A no-op, unless a migration was added while a watch run kept its template.
  await runMigrations(database);
  return database;
}

/** The template this run built, or null outside a Vitest run that has global-setup.ts. */
export async function providedTemplate(): Promise<TestTemplate | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  return inject('testTemplate') ?? null;
}
