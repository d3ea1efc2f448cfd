import { PassThrough, type Writable } from 'node:stream';
import { and, count, desc, eq, ne, getTableColumns, gt, gte, or, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone, type RegionLevel } from '@yiyang/domain';
import { withoutControlCharacters } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { errorMessage, isRegisteredError } from '../../platform/errors/error-catalog';
import { inScope, oneInScope } from '../../platform/auth/scope';
import { systemActor, writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitEvent } from '../../platform/events/emit-event';
import {
  defineJob,
  JobInterrupted,
  yieldToRequests,
  type JobContext,
} from '../../platform/jobs/job-definition';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';
import type { Locale } from '../../platform/i18n/locale';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import { countImportRows, importRows, type RawRow } from './elder-import-read';
import { validateRow, type RowError } from './elder-import-validate';
import { encryptElders, insertEncryptedElders, type NewElder } from './elders-bulk-insert';
import {
  CATEGORY_LABELS,
  COLUMNS,
  LIVING_LABELS,
  safeCell,
  sheetColumns,
  SHEET_NAME,
  STATUS_LABELS,
  type ColumnKey,
} from './elder-sheet';
import { elderImportJobs, elders, type ElderImportJobRow } from './elders.tables';

/** Rows per transaction: on PGlite a request waits for the one running (500 rows ≈ 0.1 s). */
const CHUNK = 500;
/** Reading and checking rows is CPU work: requests get their turn this often within a chunk. */
const YIELD_EVERY = 100;
const FILE_PIECE = 1024 * 1024;
/** The report keeps this many errors. */
const REPORTED_ERRORS = 1000;
/**
 * The error workbook lists this many rows and counts the rest: a file of half a million bad rows
 * should be fixed at its cause, and the workbook is kept in the database.
 */
const LISTED_ROWS = 10_000;

/** Who imports: their scope decides which communities rows may go to. */
export interface Importer {
  username: string;
  regionCode: string;
}

const MASKED = new Set<ColumnKey>(['idNumber', 'phone', 'contactPhone']);

function cellOf(key: ColumnKey, text: string | undefined) {
  if (text === undefined) return null;
  const printable = withoutControlCharacters(text);
  if (!MASKED.has(key)) return safeCell(printable);
  return key === 'idNumber' ? maskIdNumber(printable) : maskPhone(printable);
}

/**
 * The rows not imported, each with its reasons, written as they come through exceljs's streaming
 * writer: memory holds the compressed workbook, never the rows. Identity numbers and phones are
 * masked (decision 0003); the original row number leads back to the file.
 */
function errorWorkbookWriter(locale: Locale) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = [
    { header: locale === 'en' ? 'Row' : '原行号', key: 'row', width: 8 },
    ...sheetColumns(),
    { header: locale === 'en' ? 'Reason' : '错误原因', key: 'reason', width: 50 },
  ];
  let rows = 0;
  return {
    add(raw: RawRow, errors: RowError[]) {
      if (++rows > LISTED_ROWS) return;
      const values: Record<string, unknown> = {
        row: raw.row,
        reason: errors.map((e) => `${e.field}：${e.message}`).join('；'),
      };
      for (const c of COLUMNS) values[c.key] = cellOf(c.key, raw.values[c.key]);
      sheet.addRow(values).commit();
    },
    async finish(): Promise<Buffer> {
      if (rows > LISTED_ROWS)
        sheet
          .addRow({
            reason: errorMessage('ELDER_IMPORT_MORE_ROWS', locale, {
              listed: LISTED_ROWS,
              more: rows - LISTED_ROWS,
            }),
          })
          .commit();
      await workbook.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/** The background job that runs an import (elders module's job, declared in its index). */
export const ELDER_IMPORT_JOB = 'elders.import';

export function createElderImportService(
  db: Db,
  cipher: PiiCipher,
  jobs: Pick<JobRunner, 'enqueue' | 'wake'>,
) {
  async function update(id: string, values: Partial<ElderImportJobRow>, tx: Db = db) {
    await tx.update(elderImportJobs).set(values).where(eq(elderImportJobs.id, id));
  }

  /**
   * What a report needs: never the file or the workbook, which can be megabytes and would be
   * read (and, on PGlite, decoded) on every poll of a running import.
   */
  const reportColumns = (() => {
    const { file: _file, errorWorkbook: _workbook, ...columns } = getTableColumns(elderImportJobs);
    return { ...columns, hasErrorWorkbook: sql<boolean>`${elderImportJobs.errorWorkbook} is not null` };
  })();
  type ReportRow = Omit<ElderImportJobRow, 'file' | 'errorWorkbook'> & { hasErrorWorkbook: boolean };

  /**
   * The stored file in pieces of a megabyte: one read of a large file would hold PGlite's only
   * connection (and the event loop, decoding it) for a second or more.
   */
  async function readStoredFile(id: string): Promise<Buffer | null> {
    const [stored] = await queryRows<{ size: number | null }>(
      db,
      sql`select octet_length(file) as size from elder_import_jobs where id = ${id}`,
    );
    if (stored?.size == null) return null;
    const pieces: Buffer[] = [];
    for (let from = 1; from <= stored.size; from += FILE_PIECE) {
      const [piece] = await queryRows<{ bytes: Uint8Array }>(
        db,
        sql`select substring(file from ${from}::int for ${FILE_PIECE}::int) as bytes from elder_import_jobs where id = ${id}`,
      );
      pieces.push(Buffer.from(piece!.bytes));
      await yieldToRequests();
    }
    return cipher.decryptBytes(Buffer.concat(pieces));
  }

  /**
   * Streams the file and validates and inserts it chunk by chunk, each chunk's rows and the
   * import's counts one short transaction. A rerun after a crash reads the file again from the
   * start: the rows before the committed count are only validated again (which rebuilds the
   * duplicate check, the error list and the error workbook exactly), never inserted again.
   */
  async function run(importId: string, ctx: JobContext) {
    const [job] = await db
      .select(reportColumns)
      .from(elderImportJobs)
      .where(eq(elderImportJobs.id, importId));
    // Run again after it ended (a retry of a cancelled or failed job): its file is gone, so the
    // job fails with the import's own reason rather than reading as done.
    if (job?.status === 'failed') {
      const failure = job.failure ?? '';
      throw new AppError(isRegisteredError(failure) ? failure : 'ELDER_IMPORT_FAILED');
    }
    if (!job || job.status !== 'running') return;
    const file = await readStoredFile(importId);
    if (!file) return;
    const locale = job.locale;
    const actor = job.actor ?? systemActor(job.createdBy);
    const regionRows = await queryRows<{ code: string; level: RegionLevel }>(
      db,
      sql`select code, level from regions`,
    );
    const rules = {
      today: shanghaiDate(),
      locale,
      scopeCode: job.regionCode,
      regions: new Map(regionRows.map((r) => [r.code, r.level])),
      seen: new Map<string, number>(),
    };
    const errors: RowError[] = [];
    let workbook: ReturnType<typeof errorWorkbookWriter> | null = null;
    const committed = job.processed;
    let { imported, skipped } = job;
    let failed = 0;
    let processed = 0;
    let flushedAt = committed;
    let good: NewElder[] = [];
    const flush = async () => {
      // Encrypted before the transaction: on PGlite a transaction holds the only connection.
      const batch = encryptElders(cipher, good);
      const added = await db.transaction(async (tx) => {
        // Compare-and-set on the count: an attempt that another one overtook stops here.
        const advanced = await tx
          .update(elderImportJobs)
          .set({ processed, failed })
          .where(
            and(
              eq(elderImportJobs.id, importId),
              eq(elderImportJobs.processed, flushedAt),
              eq(elderImportJobs.status, 'running'),
            ),
          )
          .returning({ id: elderImportJobs.id });
        if (!advanced.length) throw new JobInterrupted('superseded');
        const n = await insertEncryptedElders(tx, batch, job.createdBy);
        await update(importId, { imported: imported + n, skipped: skipped + good.length - n }, tx);
        await ctx.progress(processed, job.total, tx);
        return n;
      });
      imported += added;
      skipped += good.length - added;
      flushedAt = processed;
      good = [];
      await ctx.checkpoint();
    };
    try {
      for await (const raw of importRows(file, job.filename)) {
        const result = validateRow(raw, rules);
        const replayed = processed < committed;
        if ('elder' in result) {
          if (!replayed) good.push(result.elder);
        } else {
          failed++;
          errors.push(...result.errors.slice(0, REPORTED_ERRORS - errors.length));
          (workbook ??= errorWorkbookWriter(locale)).add(raw, result.errors);
        }
        if (++processed % CHUNK === 0 && processed > committed) await flush();
        else if (processed % YIELD_EVERY === 0) await yieldToRequests();
      }
      if (processed > flushedAt || processed === 0) await flush();
    } catch (error) {
      if (error instanceof JobInterrupted && error.reason === 'cancelled')
        await finish(importId, { status: 'failed', failure: 'ELDER_IMPORT_CANCELLED' });
      else if (error instanceof AppError) await finish(importId, { status: 'failed', failure: error.code });
      else if (!(error instanceof JobInterrupted) && ctx.finalAttempt)
        await finish(importId, { status: 'failed', failure: 'ELDER_IMPORT_FAILED' });
      throw error;
    }
    const errorWorkbook = workbook ? await workbook.finish() : null;
    // Done and audited together: a job never reads as finished without its audit entry.
    await db.transaction(async (tx) => {
      await finish(importId, { status: 'done', errors, errorWorkbook }, tx);
      await writeAudit(tx, actor, {
        action: 'elder.import',
        entity: 'elder_import',
        entityId: importId,
        regionCode: job.regionCode,
        after: { rows: processed, imported, skipped, failed },
      });
      // One event for the whole import: its elders are not announced one by one.
      await emitEvent(tx, {
        type: 'elder.import_finished',
        entity: 'elder_import',
        entityId: importId,
        regionCode: job.regionCode,
        actorId: actor.actorId,
        payload: { rows: processed, imported, skipped, failed },
      });
    });
  }

  /** The end of an import: its file is no longer needed. */
  async function finish(id: string, values: Partial<ElderImportJobRow>, tx: Db = db) {
    await update(id, { ...values, file: null, finishedAt: new Date() }, tx);
  }

  const toDto = (j: ReportRow, locale: Locale) => ({
    id: j.id,
    filename: j.filename,
    status: j.status,
    total: j.total,
    processed: j.processed,
    imported: j.imported,
    skipped: j.skipped,
    failed: j.failed,
    errors: j.errors,
    hasErrorWorkbook: j.hasErrorWorkbook,
    // The column holds a code; a job from before codes held a raw error text, shown as a failure.
    failure: j.failure
      ? errorMessage(isRegisteredError(j.failure) ? j.failure : 'ELDER_IMPORT_FAILED', locale)
      : null,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  });

  return {
    /** The job handler (elders module definition). */
    job: defineJob<{ importId: string }>({
      name: ELDER_IMPORT_JOB,
      label: { 'zh-CN': '导入老年人信息', en: 'Elder import' },
      // A million rows take minutes; a crashed process's attempt is taken back by its heartbeat.
      expireInSeconds: 4 * 3600,
      handle: ({ importId }, ctx) => run(importId, ctx),
    }),

    /**
     * Reads the whole file once first, keeping nothing but the count — a file of the wrong kind,
     * sheet, headers or size is refused before anything is written — then stores it with the
     * import and its background job in one transaction.
     */
    async start(
      importer: Importer,
      actor: AuditActor,
      file: { buffer: Buffer; filename: string },
      locale: Locale,
    ) {
      const total = await countImportRows(file.buffer, file.filename);
      const job = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(elderImportJobs)
          .values({
            regionCode: importer.regionCode,
            createdBy: importer.username,
            filename: file.filename.slice(0, 200),
            total,
            // Encrypted like every other piece of personal data at rest (decision 0003).
            file: cipher.encryptBytes(file.buffer),
            actor,
            locale,
          })
          .returning(reportColumns);
        const jobId = await jobs.enqueue(ELDER_IMPORT_JOB, { importId: created!.id }, { tx });
        await update(created!.id, { jobId }, tx);
        return created!;
      });
      jobs.wake(ELDER_IMPORT_JOB);
      return toDto(job, locale);
    },

    async get(importer: Importer, id: string, locale: Locale) {
      const job = await oneInScope(
        db.select(reportColumns).from(elderImportJobs).where(eq(elderImportJobs.id, id)),
        importer,
        'ELDER_IMPORT_NOT_FOUND',
      );
      return toDto(job, locale);
    },

    /** The error workbook, audited before it is handed out. */
    async errorWorkbook(importer: Importer, actor: AuditActor, id: string): Promise<Buffer> {
      const job = await oneInScope(
        db.select().from(elderImportJobs).where(eq(elderImportJobs.id, id)),
        importer,
        'ELDER_IMPORT_NOT_FOUND',
      );
      if (!job.errorWorkbook) throw new AppError('ELDER_IMPORT_NOT_FOUND');
      await writeAudit(db, actor, {
        action: 'elder.import_errors_download',
        entity: 'elder_import',
        entityId: job.id,
        regionCode: job.regionCode,
        after: { failed: job.failed },
      });
      return job.errorWorkbook;
    },

    async recent(importer: Importer, locale: Locale) {
      const rows = await db
        .select(reportColumns)
        .from(elderImportJobs)
        .where(inScope(elderImportJobs.regionCode, importer))
        .orderBy(desc(elderImportJobs.createdAt))
        .limit(20);
      return rows.map((row) => toDto(row, locale));
    },

    /**
     * The importer's own imports, among those `recent` shows, that ended since `since` with rows
     * refused or the whole file stopped: the error workbook waits to be fixed and sent again.
     */
    async countUnresolved(importer: Importer, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(elderImportJobs)
        .where(
          and(
            inScope(elderImportJobs.regionCode, importer),
            eq(elderImportJobs.createdBy, importer.username),
            gte(elderImportJobs.finishedAt, since),
            or(
              // Cancelled by someone on purpose: nothing waits to be fixed.
              and(
                eq(elderImportJobs.status, 'failed'),
                ne(elderImportJobs.failure, 'ELDER_IMPORT_CANCELLED'),
              ),
              gt(elderImportJobs.failed, 0),
            ),
          ),
        );
      return row?.n ?? 0;
    },

    /** The empty template with a sheet of the allowed values. */
    async template(): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(SHEET_NAME);
      sheet.columns = sheetColumns();
      sheet.getRow(1).font = { bold: true };
      const help = workbook.addWorksheet('填写说明');
      help.columns = [
        { header: '列', width: 18 },
        { header: '说明', width: 80 },
      ];
      help.addRows([
        ['身份证号', '18位公民身份号码（旧15位号码自动转换）；年满60周岁'],
        [
          '身份证号 / 电话',
          '这几列已设为“文本”格式，请勿改为“常规”或“数值”：Excel 会把长号码改成科学计数并丢掉末几位，这样的行不会导入',
        ],
        [
          '户籍地区划代码 / 居住社区区划代码',
          '12位统计用区划代码或其前缀，如 150102；居住地须到社区/村一级，且在您的管辖范围内',
        ],
        ['居住情况', Object.values(LIVING_LABELS).join('、')],
        ['人员类别', `可填多个，用顿号分隔：${Object.values(CATEGORY_LABELS).join('、')}`],
        ['残疾等级', '持残疾证的填1–4级'],
        ['重复导入', '已登记的身份证号会跳过，不会重复导入'],
      ]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}

export type ElderImportService = ReturnType<typeof createElderImportService>;

/** The export: every elder of a filtered list, masked unless asked in clear by a pii:reveal holder. */
export async function exportElders(
  db: Db,
  cipher: PiiCipher,
  where: SQL | undefined,
  clear: boolean,
  stream: Writable,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = [
    ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    { header: '状态', key: 'status', width: 8 },
  ];
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const conditions: (SQL | undefined)[] = [where];
    if (after) conditions.push(gt(elders.id, after));
    const batch = await db
      .select()
      .from(elders)
      .where(and(...conditions))
      .orderBy(elders.id)
      .limit(2000);
    for (const e of batch) {
      const contact = e.contacts[0];
      sheet
        .addRow({
          idNumber: clear ? cipher.decrypt(e.idNumberEnc) : e.idNumberMasked,
          name: safeCell(e.name),
          phone: clear ? (e.phoneEnc ? cipher.decrypt(e.phoneEnc) : null) : e.phoneMasked,
          hukouRegionCode: e.hukouRegionCode,
          regionCode: e.regionCode,
          address: safeCell(e.address),
          lat: e.lat,
          lng: e.lng,
          livingArrangement: LIVING_LABELS[e.livingArrangement],
          categories: e.categories.map((c) => CATEGORY_LABELS[c]).join('、'),
          disabilityGrade: e.disabilityGrade,
          contactName: safeCell(contact?.name),
          contactRelation: safeCell(contact?.relation),
          contactPhone: contact ? (clear ? cipher.decrypt(contact.phoneEnc) : contact.phoneMasked) : null,
          notes: safeCell(e.notes),
          status: STATUS_LABELS[e.status],
        })
        .commit();
    }
    count += batch.length;
    if (batch.length < 2000) break;
    after = batch[batch.length - 1]!.id;
  }
  await workbook.commit();
  return count;
}
