import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/errors/app-error';
import { COLUMNS, SHEET_NAME, type ColumnKey } from './elder-sheet';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500_000;

export interface RawRow {
  /** 1-based row number in the file, as officials see it in Excel. */
  row: number;
  values: Partial<Record<ColumnKey, string>>;
}

function headerMap(headers: string[]): Map<number, ColumnKey> {
  const map = new Map<number, ColumnKey>();
  headers.forEach((h, i) => {
    const column = COLUMNS.find((c) => c.header === h.trim());
    if (column) map.set(i, column.key);
  });
  const missing = COLUMNS.filter((c) => c.required && ![...map.values()].includes(c.key)).map(
    (c) => c.header,
  );
  if (missing.length)
    throw new AppError('ELDER_IMPORT_HEADERS_MISSING', { headers: missing.join('、') }, { headers: missing });
  return map;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

function toRaw(row: number, cells: string[], map: Map<number, ColumnKey>): RawRow | null {
  const values: RawRow['values'] = {};
  let any = false;
  for (const [index, key] of map) {
    const text = (cells[index] ?? '').trim();
    if (text) {
      values[key] = text;
      any = true;
    }
  }
  return any ? { row, values } : null;
}

function tooMany(): AppError {
  return new AppError('ELDER_IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS }, { max: IMPORT_MAX_ROWS });
}

/** Streams the template sheet of an .xlsx file, so a large file is never held as a workbook model. */
async function* xlsxRows(buffer: Buffer): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  let count = 0;
  try {
    for await (const sheet of reader) {
      if ((sheet as unknown as { name: string }).name !== SHEET_NAME) continue;
      found = true;
      let map: Map<number, ColumnKey> | null = null;
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!map) {
          map = headerMap(values);
          continue;
        }
        const raw = toRaw(row.number, values, map);
        if (!raw) continue;
        if (++count > IMPORT_MAX_ROWS) throw tooMany();
        yield raw;
      }
      if (!map)
        throw new AppError('ELDER_IMPORT_HEADERS_MISSING', {
          headers: COLUMNS.filter((c) => c.required)
            .map((c) => c.header)
            .join('、'),
        });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ELDER_IMPORT_UNREADABLE');
  }
  if (!found) throw new AppError('ELDER_IMPORT_SHEET_MISSING', { sheet: SHEET_NAME }, { sheet: SHEET_NAME });
}

/** CSV in UTF-8 (with or without BOM) or GB18030, as Excel on Chinese Windows saves it. */
async function* csvRows(buffer: Buffer): AsyncGenerator<RawRow> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  const parser = Readable.from([text.replace(/^\uFEFF/, '')]).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true }),
  );
  let map: Map<number, ColumnKey> | null = null;
  let line = 1;
  let count = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!map) {
        map = headerMap(cells);
        continue;
      }
      const raw = toRaw(++line, cells, map);
      if (!raw) continue;
      if (++count > IMPORT_MAX_ROWS) throw tooMany();
      yield raw;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ELDER_IMPORT_UNREADABLE');
  } finally {
    parser.destroy();
  }
  if (!map) headerMap([]);
}

/**
 * Every non-empty data row of an import file, read as a stream: a file of the wrong kind, shape
 * or size throws an AppError as soon as that is known. Reading twice gives the same rows.
 */
export function importRows(buffer: Buffer, filename: string): AsyncGenerator<RawRow> {
  if (buffer.length > IMPORT_MAX_BYTES) throw new AppError('ELDER_IMPORT_FILE_TOO_LARGE');
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return xlsxRows(buffer);
  if (lower.endsWith('.csv')) return csvRows(buffer);
  throw new AppError('ELDER_IMPORT_FILE_TYPE');
}

/** Reads the whole file without keeping its rows: refuses a bad file, else counts its data rows. */
export async function countImportRows(buffer: Buffer, filename: string): Promise<number> {
  let count = 0;
  for await (const _row of importRows(buffer, filename)) count++;
  return count;
}
