import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkCharacter, shiftDays } from '@yiyang/domain';
import { COLUMNS, SHEET_NAME } from '../src/modules/elders/elder-sheet';
import { COMMUNITY_A1, type TestContext } from './test-app';

/** Files for the elder import tests, built in memory. */

export const idNumber = (birth: string, seq: number) => {
  const first17 = `150102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};

export type Row = Partial<Record<(typeof COLUMNS)[number]['key'], unknown>>;
export const goodRow = (seq: number, extra: Row = {}): Row => ({
  idNumber: idNumber('19480101', seq),
  name: `导入${seq}`,
  hukouRegionCode: '150102',
  regionCode: COMMUNITY_A1,
  address: '昭君路1号',
  livingArrangement: '独居',
  categories: '低保、独居',
  ...extra,
});

export async function xlsx(
  rows: Row[],
  options: { sheetName?: string; headers?: string[]; above?: (sheet: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? SHEET_NAME);
  options.above?.(sheet);
  const headers = options.headers ?? COLUMNS.map((c) => c.header);
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The workbook with `count` more rows appended to its first sheet as raw XML (`row` gives each). */
export function appendSheetRows(buffer: Buffer, count: number, row: (r: number) => string): Buffer {
  const files = unzipSync(buffer);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[path]!);
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const rows: string[] = [];
  for (let r = last + 1; r <= last + count; r++) rows.push(row(r));
  files[path] = strToU8(xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
  return Buffer.from(zipSync(files, { level: 9 }));
}

export function multipart(buffer: Buffer, filename: string) {
  const boundary = '----yiyang' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file and, once accepted, polls the job until it ends. */
export async function importFile(t: TestContext, as: string, buffer: Buffer, filename: string) {
  const res = await t.call(as, {
    method: 'POST',
    url: '/api/v1/elders/imports',
    ...multipart(buffer, filename),
  });
  if (res.statusCode !== 202) return res;
  for (;;) {
    const job = await t.call(as, { method: 'GET', url: `/api/v1/elders/imports/${res.json().id}` });
    if (job.json().status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function readSheet(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const sheet = workbook.getWorksheet(SHEET_NAME)!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

/**
 * A CSV of `rows` distinct people in COMMUNITY_A1, named `${prefix}${n}`, for imports of a
 * realistic size (the resume test, the import bench): a birth day per thousand, a sequence
 * number within it.
 */
export function largeCsv(rows: number, prefix: string): Buffer {
  const lines = [COLUMNS.map((c) => c.header).join(',')];
  for (let i = 0; i < rows; i++) {
    const birth = shiftDays('1930-01-01', Math.floor(i / 1000)).replaceAll('-', '');
    const first17 = `150102${birth}${String(i % 1000).padStart(3, '0')}`;
    const values: Record<string, string> = {
      idNumber: first17 + checkCharacter(first17),
      name: `${prefix}${i}`,
      hukouRegionCode: '150102',
      regionCode: COMMUNITY_A1,
      address: '昭君路1号',
      livingArrangement: '独居',
      categories: '独居',
    };
    lines.push(COLUMNS.map((c) => values[c.key] ?? '').join(','));
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
