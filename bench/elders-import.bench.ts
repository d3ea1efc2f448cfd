/**
 * Import of a 100,000-row .xlsx with validation (issue 3), against a raw multi-row insert of
 * the same elders (encryption included) in the same run; and the memory it took.
 * BENCH_IMPORT_ROWS sets the size; BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../apps/server/src/platform/db/database';
import { createPiiCipher } from '../apps/server/src/platform/crypto/pii-cipher';
import { systemActor } from '../apps/server/src/platform/audit/audit-writer';
import { shanghaiDate } from '../apps/server/src/platform/time/shanghai-date';
import { createElderGenerator } from '../apps/server/src/demo/synthetic-elders';
import { importToEnd, insertEldersBatch } from '../apps/server/src/modules/elders/index';
import {
  CATEGORY_LABELS,
  COLUMNS,
  LIVING_LABELS,
  SHEET_NAME,
} from '../apps/server/src/modules/elders/elder-sheet';
import { report } from './support/report';
import { benchDatabase } from './support/bench-database';

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const database = await benchDatabase();
const cipher = createPiiCipher('yiyang-bench-master-secret-32-bytes');
const communities = await queryRows<{ code: string; name: string }>(
  database.db,
  sql`select code, name from regions where level = 'community' and code like '150102%'`,
);

// The file, as an official would fill in the template (streamed, so the bench itself stays small).
const people = Array.from({ length: rows }, createElderGenerator(77, communities, shanghaiDate()));
const file = path.join(mkdtempSync(path.join(tmpdir(), 'yiyang-bench-')), 'import.xlsx');
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
  filename: file,
  useSharedStrings: false,
  useStyles: false,
});
const sheet = writer.addWorksheet(SHEET_NAME);
sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
for (const p of people) {
  sheet
    .addRow({
      ...p,
      livingArrangement: LIVING_LABELS[p.livingArrangement],
      categories: p.categories.map((c) => CATEGORY_LABELS[c]).join('、'),
      disabilityGrade: p.disabilityGrade ?? undefined,
      contactName: p.contacts[0]?.name,
      contactRelation: p.contacts[0]?.relation,
      contactPhone: p.contacts[0]?.phone,
    })
    .commit();
}
await writer.commit();
const buffer = readFileSync(file);
console.error(`# ${rows} rows, ${(buffer.length / 1e6).toFixed(1)} MB`);

// Baseline: the same elders inserted directly, then removed.
let started = performance.now();
for (let i = 0; i < people.length; i += 2000)
  await insertEldersBatch(database.db, cipher, people.slice(i, i + 2000), 'bench');
const baseline = (performance.now() - started) / 1000;
await database.db.execute(sql`delete from elder_versions`);
await database.db.execute(sql`delete from elders`);

// Live memory is what the import keeps, read after a full collection at every tenth of the file
// (run.ts starts benchmarks with --expose-gc); peak RSS also counts garbage not yet collected.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const heapBefore = process.memoryUsage().heapUsed;
let liveGrowth = 0;
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
let nextSample = 0;
const onProgress = (done: number) => {
  if (done < nextSample) return;
  nextSample += rows / 10;
  gc();
  liveGrowth = Math.max(liveGrowth, process.memoryUsage().heapUsed - heapBefore);
};
started = performance.now();
const { job: result } = await importToEnd(
  database,
  cipher,
  {
    importer: { username: 'bench', regionCode: '150102000000' },
    actor: systemActor('bench'),
    file: { buffer, filename: 'import.xlsx' },
    locale: 'zh-CN',
  },
  { log: { info: () => undefined, error: (details) => console.error(details) }, onProgress },
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
if (result.imported !== rows)
  throw new Error(`imported ${result.imported} of ${rows}: ${JSON.stringify(result.errors.slice(0, 3))}`);
report(`elders.import_xlsx_${rows}.${database.kind}.seconds`, seconds, 's', baseline);
report(
  `elders.import_xlsx_${rows}.${database.kind}.live_heap_growth`,
  liveGrowth / 1e6,
  'MB',
  buffer.length / 1e6,
);
report(
  `elders.import_xlsx_${rows}.${database.kind}.peak_rss_growth`,
  (peak - rssBefore) / 1e6,
  'MB',
  buffer.length / 1e6,
);
await database.close();
