import { yieldToRequests } from '../../platform/jobs/job-definition';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/errors/app-error';
import { checkZipExpansion, type ZipInspector, type ZipLimits } from '../../platform/files/zip-expansion';
import { COLUMNS, columnForHeader, type ColumnKey } from './elder-sheet';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 500_000;
/** The header may sit below a title row or two (a merged 标题 line, a date, a unit name). */
const HEADER_SCAN_ROWS = 10;
/**
 * A template row inflates to about 700 bytes (at about 12 : 1), so 500,000 real rows stay far below
 * these; a sheet of millions of blank rows (thousands to one) or a giant shared-string table does not.
 */
const XLSX_LIMITS: ZipLimits = {
  maxTotal: 600 * 2 ** 20,
  maxEntry: { 'xl/sharedStrings.xml': 150 * 2 ** 20 },
  maxRatio: 100,
  ratioFloor: 10 * 2 ** 20,
};

const ROW_TAG = Buffer.from('<row');
/** After `<row`: a space, `>` or `/` — not `<rowBreaks`. */
const ROW_TAG_END = new Set([0x20, 0x3e, 0x2f, 0x09, 0x0a, 0x0d]);

/**
 * Counts the row elements of every worksheet while the zip is checked, so a sheet of millions of
 * (blank) rows is refused before exceljs parses half a million of them.
 */
function rowElementLimit(limits: ImportLimits): ZipInspector {
  const max = limits.maxRows + HEADER_SCAN_ROWS;
  return (name) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return undefined;
    let rows = 0;
    let carry = Buffer.alloc(0);
    const count = (bytes: Buffer, from: number, until: number) => {
      for (
        let at = bytes.indexOf(ROW_TAG, from);
        at !== -1 && at < until;
        at = bytes.indexOf(ROW_TAG, at + 4)
      )
        if (at + 4 < bytes.length && ROW_TAG_END.has(bytes[at + 4]!)) rows++;
    };
    return (chunk) => {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      // A tag cut by the previous chunk's end is counted here, where it can be read whole.
      if (carry.length) count(Buffer.concat([carry, bytes.subarray(0, 5)]), 0, carry.length);
      count(bytes, 0, bytes.length - 4);
      carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4)));
      return rows <= max;
    };
  };
}

export interface ImportLimits {
  /** Rows after the header, blank ones included: they cost as much to read. */
  maxRows: number;
}
const DEFAULT_LIMITS: ImportLimits = { maxRows: IMPORT_MAX_ROWS };

/** What a cell held that its text no longer shows. */
export type CellProblem = { kind: 'numeric' } | { kind: 'excelError'; value: string };

export interface RawRow {
  /** 1-based row number in the file, as officials see it in Excel. */
  row: number;
  values: Partial<Record<ColumnKey, string>>;
  problems: Partial<Record<ColumnKey, CellProblem>>;
}

interface Cell {
  text: string;
  problem?: CellProblem;
}

/**
 * Excel writes a character XML cannot hold as `_xHHHH_` (a line break inside a cell as `_x000D_`,
 * a NUL as `_x0000_`); exceljs leaves the escapes in the text.
 */
const decodeXstring = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

function readCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), problem: { kind: 'numeric' } };
  if (typeof value === 'string') return { text: decodeXstring(value) };
  if (typeof value !== 'object') return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { text: '', problem: { kind: 'excelError', value: String(value.error) } };
  if ('richText' in value) return { text: decodeXstring(value.richText.map((r) => r.text).join('')) };
  if ('formula' in value || 'sharedFormula' in value) {
    // exceljs's streaming reader keeps no error result (#REF!, #DIV/0!): a formula without a
    // usable result is one.
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null || Number.isNaN(result))
      return { text: '', problem: { kind: 'excelError', value: '' } };
    return readCell(result);
  }
  if ('text' in value) return readCell(value.text as ExcelJS.CellValue);
  return { text: '' };
}

type HeaderMap = Map<number, ColumnKey>;

/** Finds the header row among the first rows of a sheet, remembering the closest miss for the error. */
function headerFinder() {
  let closest: { matched: number; missing: string[] } | null = null;
  return {
    match(cells: string[]): HeaderMap | null {
      const map: HeaderMap = new Map();
      cells.forEach((text, i) => {
        const key = columnForHeader(text);
        if (key && ![...map.values()].includes(key)) map.set(i, key);
      });
      const found = new Set(map.values());
      const missing = COLUMNS.filter((c) => c.required && !found.has(c.key)).map((c) => c.header);
      if (!missing.length) return map;
      if (map.size && (!closest || map.size > closest.matched)) closest = { matched: map.size, missing };
      return null;
    },
    missing(): AppError {
      const headers = closest?.missing ?? COLUMNS.filter((c) => c.required).map((c) => c.header);
      return new AppError('ELDER_IMPORT_HEADERS_MISSING', { headers: headers.join('、') }, { headers });
    },
  };
}

function toRaw(row: number, cells: Cell[], map: HeaderMap): RawRow | null {
  const raw: RawRow = { row, values: {}, problems: {} };
  let any = false;
  for (const [index, key] of map) {
    const cell = cells[index];
    if (!cell) continue;
    const text = cell.text.trim();
    if (text) raw.values[key] = text;
    if (cell.problem) raw.problems[key] = cell.problem;
    if (text || cell.problem) any = true;
  }
  return any ? raw : null;
}

function tooMany(limits: ImportLimits): AppError {
  return new AppError('ELDER_IMPORT_TOO_MANY_ROWS', { max: limits.maxRows }, { max: limits.maxRows });
}

/** Counts every row read, blank or not, and refuses past the limit. */
function rowCounter(limits: ImportLimits) {
  let count = 0;
  return () => {
    if (++count > limits.maxRows) throw tooMany(limits);
  };
}

/**
 * Streams the first sheet that has the template's headers, so a large file is never held as a
 * workbook model; a file that would inflate far beyond what its rows need is refused unread.
 */
async function* xlsxRows(buffer: Buffer, limits: ImportLimits): AsyncGenerator<RawRow> {
  const zip = checkZipExpansion(buffer, XLSX_LIMITS, rowElementLimit(limits));
  if (zip === 'unreadable') throw new AppError('ELDER_IMPORT_UNREADABLE');
  if (zip === 'too-large') throw new AppError('ELDER_IMPORT_EXPANDS_TOO_MUCH');
  if (zip === 'refused') throw tooMany(limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const finder = headerFinder();
  const count = rowCounter(limits);
  let map: HeaderMap | null = null;
  try {
    for await (const sheet of reader) {
      // Sheets after the one read are skipped; rows of a sheet without the headers are read to
      // its end (leaving a sheet half read stalls the reader) and count toward the limit.
      if (map) continue;
      let scanned = 0;
      for await (const row of sheet) {
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(readCell);
        if (!map && scanned++ < HEADER_SCAN_ROWS) {
          map = finder.match(cells.map((c) => c.text));
          continue;
        }
        count();
        if (!map) continue;
        const raw = toRaw(row.number, cells, map);
        if (raw) yield raw;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ELDER_IMPORT_UNREADABLE');
  }
  if (!map) throw finder.missing();
}

/** CSV in UTF-8 (with or without BOM) or GB18030, as Excel on Chinese Windows saves it. */
function* slices(text: string, size: number): Generator<string> {
  for (let from = 0; from < text.length; from += size) yield text.slice(from, from + size);
}

async function* csvRows(buffer: Buffer, limits: ImportLimits): AsyncGenerator<RawRow> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  // In slices: the parser turns a whole chunk into records at once, which for one 50 MB chunk
  // would hold the event loop for seconds.
  const parser = Readable.from(slices(text.replace(/^\uFEFF/, ''), 64 * 1024)).pipe(
    parse({ relax_column_count: true, info: true }),
  );
  const finder = headerFinder();
  const count = rowCounter(limits);
  let map: HeaderMap | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      if (!map) {
        map = finder.match(record);
        if (!map && info.records >= HEADER_SCAN_ROWS) break;
        continue;
      }
      count();
      const raw = toRaw(
        info.records,
        record.map((t) => ({ text: t })),
        map,
      );
      if (raw) yield raw;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('ELDER_IMPORT_UNREADABLE');
  } finally {
    parser.destroy();
  }
  if (!map) throw finder.missing();
}

/**
 * Every non-empty data row of an import file, read as a stream: a file of the wrong kind, shape
 * or size throws an AppError as soon as that is known. Reading twice gives the same rows.
 */
export function importRows(
  buffer: Buffer,
  filename: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): AsyncGenerator<RawRow> {
  if (buffer.length > IMPORT_MAX_BYTES) throw new AppError('ELDER_IMPORT_FILE_TOO_LARGE');
  const lower = filename.toLowerCase();
  const reader = lower.endsWith('.xlsx') ? xlsxRows : lower.endsWith('.csv') ? csvRows : null;
  if (!reader) throw new AppError('ELDER_IMPORT_FILE_TYPE');
  if (buffer.length === 0) throw new AppError('ELDER_IMPORT_EMPTY');
  return reader(buffer, limits);
}

/** Reads the whole file without keeping its rows: refuses a bad file, else counts its data rows. */
export async function countImportRows(
  buffer: Buffer,
  filename: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<number> {
  let count = 0;
  // Counting a large file is seconds of CPU: other requests get their turn as it goes.
  for await (const _row of importRows(buffer, filename, limits))
    if (++count % 200 === 0) await yieldToRequests();
  return count;
}
