import { and, count, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import ExcelJS from 'exceljs';
import { ageOn, OPEN_ASSESSMENT_STATUSES, shiftDays } from '@yiyang/domain';
import type { CreateReassessmentRequestBody, DueElderDto, DueQuery } from '@yiyang/contracts';
import { isoDate, withinDateYears } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, inScope, oneInScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { decodeCursor, pageFrom } from '../../platform/http/pagination';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import type { Locale } from '../../platform/i18n/locale';
import type { RegionsService } from '../regions/index';
import { assertAlive, eldersTable as elders } from '../elders/index';
import { assessmentRequests, assessments } from './assessments.tables';
import { dueSheetColumns } from './assessment-due-sheet';
import { needsAssessmentSql } from './assessment-need';

const openRequest = and(
  eq(assessmentRequests.elderId, elders.id),
  inArray(assessmentRequests.status, ['open', 'scheduled']),
);
const openTask = and(
  eq(assessments.elderId, elders.id),
  inArray(assessments.status, [...OPEN_ASSESSMENT_STATUSES]),
);

/**
 * Each list's order — on the column itself, so that its index gives the order — and its keyset
 * (the column as text in the cursor, typed again for the comparison).
 */
function ordering(kind: DueQuery['kind']) {
  const byColumn = (column: SQL, type: SQL, text: SQL<string>, value: z.ZodType<string>) => ({
    key: text,
    cursor: z.tuple([value, z.uuid()]),
    orderBy: [column, elders.id] as const,
    after: (after: string, id: string) => sql`(${column}, ${elders.id}) > (${after}::${type}, ${id}::uuid)`,
  });
  switch (kind) {
    case 'expiring':
    case 'expired':
      return byColumn(
        sql`${elders.levelValidUntil}`,
        sql`date`,
        sql<string>`${elders.levelValidUntil}::text`,
        isoDate,
      );
    case 'requested':
      return byColumn(
        sql`${assessmentRequests.raisedAt}`,
        sql`timestamptz`,
        sql<string>`to_char(${assessmentRequests.raisedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        withinDateYears(z.iso.datetime({ precision: 6 })),
      );
    case 'never':
      // As the elder list: the (region_code varchar_pattern_ops, id) index in its own order.
      return {
        key: sql<string>`${elders.regionCode}::text`,
        cursor: z.tuple([z.string().regex(/^\d{12}$/), z.uuid()]),
        orderBy: [sql`${elders.regionCode} using ~<~`, elders.id] as const,
        after: (value: string, id: string) =>
          sql`(${elders.regionCode} ~>~ ${value} or (${elders.regionCode} = ${value} and ${elders.id} > ${id}::uuid))`,
      };
  }
}

export function createAssessmentDueService(db: Db, regions: RegionsService) {
  function conditions(caller: SessionUser, q: Omit<DueQuery, 'cursor' | 'limit'>): SQL[] {
    const today = shanghaiDate();
    const where: (SQL | undefined)[] = [inScope(elders.regionCode, caller), eq(elders.status, 'active')];
    if (q.regionCode) {
      assertAssignable(q.regionCode, caller);
      where.push(inScope(elders.regionCode, { regionCode: q.regionCode }));
    }
    if (q.kind === 'expiring')
      where.push(gte(elders.levelValidUntil, today), lte(elders.levelValidUntil, shiftDays(today, q.days)));
    if (q.kind === 'expired') where.push(lt(elders.levelValidUntil, today));
    if (q.kind === 'never') where.push(isNull(elders.currentLevel), needsAssessmentSql());
    if (q.kind === 'requested') where.push(sql`${assessmentRequests.id} is not null`);
    return where.filter((w): w is SQL => !!w);
  }

  function select(kind: DueQuery['kind']) {
    const query = db
      .select({
        elder: {
          id: elders.id,
          name: elders.name,
          idNumber: elders.idNumberMasked,
          birthDate: elders.birthDate,
          regionCode: elders.regionCode,
          categories: elders.categories,
          currentLevel: elders.currentLevel,
          levelAssessedOn: elders.levelAssessedOn,
          levelValidUntil: elders.levelValidUntil,
        },
        request: {
          id: assessmentRequests.id,
          cause: assessmentRequests.cause,
          note: assessmentRequests.note,
          status: assessmentRequests.status,
          raisedBy: assessmentRequests.raisedBy,
          raisedAt: assessmentRequests.raisedAt,
        },
        openAssessmentId: assessments.id,
        key: ordering(kind).key,
      })
      .from(elders);
    const withRequest =
      kind === 'requested'
        ? query.innerJoin(assessmentRequests, openRequest)
        : query.leftJoin(assessmentRequests, openRequest);
    return withRequest.leftJoin(assessments, openTask);
  }

  type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

  async function toDtos(rows: Row[]): Promise<DueElderDto[]> {
    const names = await regions.names(rows.map((r) => r.elder.regionCode));
    const today = shanghaiDate();
    return rows.map((r) => ({
      elderId: r.elder.id,
      name: r.elder.name,
      idNumber: r.elder.idNumber,
      age: ageOn(r.elder.birthDate, today),
      regionCode: r.elder.regionCode,
      regionName: names.get(r.elder.regionCode) ?? r.elder.regionCode,
      categories: r.elder.categories,
      currentLevel: r.elder.currentLevel,
      levelAssessedOn: r.elder.levelAssessedOn,
      levelValidUntil: r.elder.levelValidUntil,
      request: r.request?.id
        ? {
            id: r.request.id,
            cause: r.request.cause!,
            note: r.request.note,
            status: r.request.status!,
            raisedBy: r.request.raisedBy!,
            raisedAt: r.request.raisedAt!.toISOString(),
          }
        : null,
      openAssessmentId: r.openAssessmentId,
    }));
  }

  return {
    async due(caller: SessionUser, q: DueQuery) {
      const where = conditions(caller, q);
      const order = ordering(q.kind);
      const cursor = decodeCursor(q.cursor, order.cursor);
      if (cursor) where.push(order.after(cursor[0], cursor[1]));
      const rows = await select(q.kind)
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.key, r.elder.id]);
      return { items: await toDtos(page.items), nextCursor: page.nextCursor };
    },

    /** How many elders the due list of `kind` holds for the caller (its default window). */
    async countDue(caller: SessionUser, kind: DueQuery['kind'], days = 30): Promise<number> {
      const query = db.select({ n: count() }).from(elders);
      // Only the requested list filters on the request; the others join it for display alone.
      const joined = kind === 'requested' ? query.innerJoin(assessmentRequests, openRequest) : query;
      const [row] = await joined.where(and(...conditions(caller, { kind, days })));
      return row?.n ?? 0;
    },

    /** The whole list as a workbook (台账), masked; the export is audited. */
    async exportDue(
      caller: SessionUser,
      actor: AuditActor,
      q: Omit<DueQuery, 'cursor' | 'limit'>,
      locale: Locale,
    ): Promise<Buffer> {
      const rows = await toDtos(
        await select(q.kind)
          .where(and(...conditions(caller, q)))
          .orderBy(...ordering(q.kind).orderBy)
          .limit(100_000),
      );
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(locale === 'en' ? 'Assessments due' : '待评估名单');
      const columns = dueSheetColumns(locale);
      sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
      await writeAudit(db, actor, {
        action: 'assessment.due_export',
        entity: 'assessment_due',
        entityId: q.kind,
        regionCode: q.regionCode ?? caller.regionCode,
        after: { kind: q.kind, days: q.days, rows: rows.length },
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    /** 即时评估申请: raised from the elder record when the condition changed. */
    async requestReassessment(
      caller: SessionUser,
      actor: AuditActor,
      elderId: string,
      body: CreateReassessmentRequestBody,
    ) {
      const elder = await oneInScope(
        db.select().from(elders).where(eq(elders.id, elderId)),
        caller,
        'ELDER_NOT_FOUND',
      );
      assertAlive(elder);
      try {
        return await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(assessmentRequests)
            .values({
              elderId,
              cause: body.cause,
              note: body.note ?? null,
              raisedBy: caller.username,
            })
            .returning();
          await writeAudit(tx, actor, {
            action: 'assessment.request',
            entity: 'assessment_request',
            entityId: created!.id,
            regionCode: elder.regionCode,
            after: created,
          });
          return {
            id: created!.id,
            cause: created!.cause,
            note: created!.note,
            status: created!.status,
            raisedBy: created!.raisedBy,
            raisedAt: created!.raisedAt.toISOString(),
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ASSESSMENT_REQUEST_OPEN_EXISTS');
        throw error;
      }
    },
  };
}
export type AssessmentDueService = ReturnType<typeof createAssessmentDueService>;
