import type { DomainEventType } from '@yiyang/domain';
import { and, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  ASSESSMENT_STATUS_LABELS,
  assessmentTransition,
  assessmentValidUntil,
  deciderConflict,
  levelCode,
  scoreAssessment,
  type AssessmentAction,
  type AssessmentLevel,
} from '@yiyang/domain';
import type {
  AssessmentActionBody,
  AssessmentDto,
  CreateAssessmentBody,
  ListAssessmentsQuery,
  ScoreAssessmentBody,
  UpdateAssessmentBody,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, inScope, oneInScope } from '../../platform/auth/scope';
import { assertIndependentDecider } from '../../platform/auth/independent-decider';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitEvent } from '../../platform/events/emit-event';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { pageFrom } from '../../platform/http/pagination';
import { assertVersion, versionedWrite } from '../../platform/db/versioned-write';
import { newestFirstKeyset } from '../../platform/db/newest-first-keyset';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import type { RegionsService } from '../regions/index';
import { usersTable } from '../users/index';
import { assertAlive, eldersTable, recordElderLevel } from '../elders/index';
import { settingFor } from '../settings/index';
import type { AgenciesService } from './agencies.service';
import { assertItemsValid } from './assessment-items-check';
import { ACTION_TEXT } from './assessments.errors';
import {
  assessmentAgencies,
  assessmentRequests,
  assessments,
  assessors,
  type AssessmentRow,
} from './assessments.tables';

/** The stateless preview: the same domain function the form and the submission use. */
export function scorePreview(body: ScoreAssessmentBody) {
  assertItemsValid(body.items);
  return scoreAssessment({ ...body, items: body.items as Record<string, number> });
}

/** The steps of an assessment that other modules hear of (domain events). */
const ASSESSMENT_EVENTS: Record<string, DomainEventType | undefined> = {
  submit: 'assessment.submitted',
  approve: 'assessment.approved',
  return: 'assessment.returned',
};

export function createAssessmentsService(db: Db, regions: RegionsService, agencies: AgenciesService) {
  const withContext = () =>
    db
      .select({
        a: assessments,
        elderName: eldersTable.name,
        // Scope follows the elder: an assessment is read and decided where the elder lives now.
        regionCode: eldersTable.regionCode,
        elderIdNumber: eldersTable.idNumberMasked,
        elderSex: eldersTable.sex,
        elderBirthDate: eldersTable.birthDate,
        elderAddress: eldersTable.address,
        agencyName: assessmentAgencies.name,
      })
      .from(assessments)
      .innerJoin(eldersTable, eq(eldersTable.id, assessments.elderId))
      .innerJoin(assessmentAgencies, eq(assessmentAgencies.id, assessments.agencyId));
  type Joined = Awaited<ReturnType<ReturnType<typeof withContext>['execute']>>[number];

  async function toDtos(rows: Joined[]): Promise<AssessmentDto[]> {
    const userIds = [...new Set(rows.flatMap((r) => [r.a.assessor1Id, r.a.assessor2Id]))];
    const [names, people] = await Promise.all([
      regions.names(rows.map((r) => r.regionCode)),
      userIds.length
        ? db
            .select({
              id: usersTable.id,
              displayName: usersTable.displayName,
              certificateNo: assessors.certificateNo,
            })
            .from(usersTable)
            .leftJoin(assessors, eq(assessors.userId, usersTable.id))
            .where(inArray(usersTable.id, userIds))
        : Promise.resolve([]),
    ]);
    const person = (id: string) => {
      const p = people.find((x) => x.id === id);
      return { id, displayName: p?.displayName ?? id, certificateNo: p?.certificateNo ?? null };
    };
    return rows.map(({ a, ...r }) => ({
      id: a.id,
      elderId: a.elderId,
      elderName: r.elderName,
      elderIdNumber: r.elderIdNumber,
      elderSex: r.elderSex,
      elderBirthDate: r.elderBirthDate,
      elderAddress: r.elderAddress,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      agencyId: a.agencyId,
      agencyName: r.agencyName,
      reason: a.reason,
      status: a.status,
      assessor1: person(a.assessor1Id),
      assessor2: person(a.assessor2Id),
      place: a.place,
      informant: a.informant,
      assessedOn: a.assessedOn,
      items: a.items,
      coma: a.coma,
      dementia: a.dementia,
      mentalDisorder: a.mentalDisorder,
      careRiskEvents30d: a.careRiskEvents30d,
      notes: a.notes,
      result:
        a.total === null || a.finalLevel === null
          ? null
          : {
              dimensions: a.dimensions!,
              total: a.total,
              initialLevel: a.initialLevel!,
              finalLevel: a.finalLevel,
              levelCode: levelCode(a.finalLevel as AssessmentLevel),
              reasons: a.adjustments ?? [],
            },
      validUntil: a.validUntil,
      createdBy: a.createdBy,
      submittedBy: a.submittedBy,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      reviewedBy: a.reviewedBy,
      reviewedAt: a.reviewedAt?.toISOString() ?? null,
      reviewNote: a.reviewNote,
      version: a.version,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  async function dtoOf(id: string): Promise<AssessmentDto> {
    return (await toDtos(await withContext().where(eq(assessments.id, id))))[0]!;
  }

  /**
   * What an assessor may see of assessments: the tasks they are on and, for an agency's reviewer,
   * the tasks of that agency. Officials see every assessment of the elders in their scope.
   */
  async function taskFilter(caller: SessionUser, tx: Db = db): Promise<SQL | undefined> {
    if (caller.role !== 'assessor') return undefined;
    const member = await agencies.membership(caller.id, tx);
    const ownTasks = or(eq(assessments.assessor1Id, caller.id), eq(assessments.assessor2Id, caller.id));
    return member?.active && member.reviewer
      ? or(ownTasks, eq(assessments.agencyId, member.agencyId))
      : ownTasks;
  }

  /** The assessment, locked, in the caller's scope, allowing `action` at `version`. */
  async function forAction(
    tx: Db,
    caller: SessionUser,
    id: string,
    action: AssessmentAction,
    version: number,
  ): Promise<{ row: AssessmentRow; regionCode: string; next: AssessmentRow['status'] }> {
    const { row, regionCode } = await oneInScope(
      tx
        .select({ row: assessments, regionCode: eldersTable.regionCode })
        .from(assessments)
        .innerJoin(eldersTable, eq(eldersTable.id, assessments.elderId))
        .where(and(eq(assessments.id, id), await taskFilter(caller, tx)))
        .for('update'),
      caller,
      'ASSESSMENT_NOT_FOUND',
    );
    const next = assessmentTransition(row.status, action);
    if (!next)
      throw new AppError(
        'ASSESSMENT_STATE_CONFLICT',
        { status: ASSESSMENT_STATUS_LABELS[row.status], action: ACTION_TEXT[action] },
        { status: row.status, action },
      );
    assertVersion(row, version);
    return { row, regionCode, next };
  }

  /** A write at the version the caller read; a stale one answers with the assessment as it is now. */
  function versioned(caller: SessionUser, id: string, write: (tx: Db) => Promise<void>) {
    return versionedWrite(
      () => db.transaction(write),
      () => visibleDto(caller, id),
    );
  }

  async function visibleDto(caller: SessionUser, id: string): Promise<AssessmentDto> {
    const rows = await withContext().where(and(eq(assessments.id, id), await taskFilter(caller)));
    await oneInScope(Promise.resolve(rows), caller, 'ASSESSMENT_NOT_FOUND');
    return (await toDtos(rows))[0]!;
  }

  function assertAssigned(row: AssessmentRow, caller: SessionUser) {
    if (caller.id !== row.assessor1Id && caller.id !== row.assessor2Id)
      throw new AppError('ASSESSMENT_NOT_ASSIGNED');
  }

  /** A reviewer of the agency who did not assess it, or an official (civil affairs) in scope. */
  async function assertReviewer(tx: Db, row: AssessmentRow, caller: SessionUser) {
    assertIndependentDecider(caller, [row.assessor1Id, row.assessor2Id], 'ASSESSMENT_REVIEW_FORBIDDEN');
    if (caller.role !== 'assessor') return;
    const member = await agencies.membership(caller.id, tx);
    if (!member || member.agencyId !== row.agencyId || !member.reviewer || !member.active)
      throw new AppError('ASSESSMENT_REVIEW_FORBIDDEN');
  }

  async function audit(
    tx: Db,
    actor: AuditActor,
    action: string,
    regionCode: string,
    before: AssessmentRow | null,
    after: AssessmentRow,
  ) {
    await writeAudit(tx, actor, {
      action: `assessment.${action}`,
      entity: 'assessment',
      entityId: after.id,
      regionCode,
      before,
      after,
    });
    const type = ASSESSMENT_EVENTS[action];
    if (type)
      await emitEvent(tx, {
        type,
        entity: 'assessment',
        entityId: after.id,
        regionCode,
        actorId: actor.actorId,
        // The level, not the answers behind it: what the subsidy and due lists act on.
        payload: {
          elderId: after.elderId,
          agencyId: after.agencyId,
          status: after.status,
          finalLevel: after.finalLevel,
          validUntil: after.validUntil,
          version: after.version,
        },
      });
  }

  return {
    async create(caller: SessionUser, actor: AuditActor, body: CreateAssessmentBody): Promise<AssessmentDto> {
      let id: string;
      try {
        id = await db.transaction(async (tx) => {
          const elder = await oneInScope(
            tx.select().from(eldersTable).where(eq(eldersTable.id, body.elderId)),
            caller,
            'ELDER_NOT_FOUND',
          );
          assertAlive(elder);
          assertAssignable(elder.regionCode, caller);
          if (caller.role === 'assessor') {
            const member = await agencies.membership(caller.id, tx);
            if (!member || member.agencyId !== body.agencyId || !member.active)
              throw new AppError('ASSESSMENT_ASSESSOR_NOT_QUALIFIED', { user: caller.username });
          }
          await agencies.checkTaskStaffing(
            caller,
            body.agencyId,
            elder.regionCode,
            [body.assessor1Id, body.assessor2Id],
            tx,
          );
          const [request] = await tx
            .select()
            .from(assessmentRequests)
            .where(and(eq(assessmentRequests.elderId, elder.id), eq(assessmentRequests.status, 'open')))
            .for('update');
          const [created] = await tx
            .insert(assessments)
            .values({
              elderId: elder.id,
              agencyId: body.agencyId,
              reason: body.reason,
              assessor1Id: body.assessor1Id,
              assessor2Id: body.assessor2Id,
              requestId: request?.id ?? null,
              createdBy: caller.username,
            })
            .returning();
          if (request)
            await tx
              .update(assessmentRequests)
              .set({ status: 'scheduled', assessmentId: created!.id })
              .where(eq(assessmentRequests.id, request.id));
          await audit(tx, actor, 'create', elder.regionCode, null, created!);
          return created!.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ASSESSMENT_OPEN_EXISTS');
        throw error;
      }
      return dtoOf(id);
    },

    /** A report leaving the system (PDF) is an export of personal data: it is audited. */
    async auditReport(actor: AuditActor, a: AssessmentDto) {
      await writeAudit(db, actor, {
        action: 'assessment.report_pdf',
        entity: 'assessment',
        entityId: a.id,
        regionCode: a.regionCode,
        after: { elderId: a.elderId, status: a.status },
      });
    },

    get: visibleDto,

    async list(caller: SessionUser, q: ListAssessmentsQuery) {
      const where: (SQL | undefined)[] = [inScope(eldersTable.regionCode, caller), await taskFilter(caller)];
      if (q.regionCode) {
        assertAssignable(q.regionCode, caller);
        where.push(inScope(eldersTable.regionCode, { regionCode: q.regionCode }));
      }
      if (q.status) where.push(eq(assessments.status, q.status));
      if (q.agencyId) where.push(eq(assessments.agencyId, q.agencyId));
      if (q.elderId) where.push(eq(assessments.elderId, q.elderId));
      if (q.mine)
        where.push(or(eq(assessments.assessor1Id, caller.id), eq(assessments.assessor2Id, caller.id)));
      const keyset = newestFirstKeyset(assessments.createdAt, assessments.id, q.cursor);
      where.push(keyset.after);
      const rows = await withContext()
        .where(and(...where))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.a.createdAt.toISOString(), r.a.id]);
      return { items: await toDtos(page.items), nextCursor: page.nextCursor };
    },

    /**
     * Submitted assessments in the caller's scope that the caller may approve or return: for an
     * assessor, their agency's when they are its active reviewer; never one that they, or whoever
     * controls their account, assessed.
     */
    async countReviewable(caller: SessionUser): Promise<number> {
      let agency: SQL | undefined;
      if (caller.role === 'assessor') {
        const member = await agencies.membership(caller.id);
        if (!member?.active || !member.reviewer) return 0;
        agency = eq(assessments.agencyId, member.agencyId);
      }
      const byAssessors = await db
        .select({ a1: assessments.assessor1Id, a2: assessments.assessor2Id, n: count() })
        .from(assessments)
        .innerJoin(eldersTable, eq(eldersTable.id, assessments.elderId))
        .where(and(inScope(eldersTable.regionCode, caller), eq(assessments.status, 'submitted'), agency))
        .groupBy(assessments.assessor1Id, assessments.assessor2Id);
      return byAssessors
        .filter((r) => deciderConflict(caller, [r.a1, r.a2]) === null)
        .reduce((sum, r) => sum + r.n, 0);
    },

    /** The caller's own tasks (as one of the two assessors) in `status`, as the list counts them. */
    async countMine(caller: SessionUser, status: 'draft' | 'returned'): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(assessments)
        .innerJoin(eldersTable, eq(eldersTable.id, assessments.elderId))
        .where(
          and(
            inScope(eldersTable.regionCode, caller),
            eq(assessments.status, status),
            or(eq(assessments.assessor1Id, caller.id), eq(assessments.assessor2Id, caller.id)),
          ),
        );
      return row?.n ?? 0;
    },

    /** Saves a draft or a returned assessment: only its two assessors, only valid items. */
    async update(caller: SessionUser, actor: AuditActor, id: string, body: UpdateAssessmentBody) {
      await versioned(caller, id, async (tx) => {
        const { row, regionCode } = await forAction(tx, caller, id, 'edit', body.version);
        assertAssigned(row, caller);
        if (body.items) assertItemsValid(body.items, { partial: true });
        if (body.assessedOn && body.assessedOn > shanghaiDate())
          throw new AppError('ASSESSMENT_DATE_INVALID');
        const { version: _version, items, ...fields } = body;
        const [after] = await tx
          .update(assessments)
          .set({
            ...fields,
            ...(items ? { items: { ...row.items, ...(items as Record<string, number>) } } : {}),
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        await audit(tx, actor, 'update', regionCode, row, after!);
      });
      return dtoOf(id);
    },

    /** Complete and valid: scored by the domain rules and sent for review. */
    async submit(caller: SessionUser, actor: AuditActor, id: string, body: AssessmentActionBody) {
      await versioned(caller, id, async (tx) => {
        const { row, regionCode, next } = await forAction(tx, caller, id, 'submit', body.version);
        assertAssigned(row, caller);
        const missing = [
          !row.assessedOn && 'assessedOn',
          !row.place && 'place',
          !row.informant && 'informant',
        ].filter((f): f is string => !!f);
        if (missing.length)
          throw new AppError('ASSESSMENT_INCOMPLETE', { fields: missing.join(', ') }, { fields: missing });
        assertItemsValid(row.items);
        const score = scoreAssessment(row);
        const [after] = await tx
          .update(assessments)
          .set({
            status: next,
            dimensions: score.dimensions,
            total: score.total,
            initialLevel: score.initialLevel,
            finalLevel: score.finalLevel,
            adjustments: score.reasons,
            submittedBy: caller.username,
            submittedAt: new Date(),
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        await audit(tx, actor, 'submit', regionCode, row, after!);
      });
      return dtoOf(id);
    },

    /** Approved: the elder's current level, valid for the region's period (level 4: no end). */
    async approve(caller: SessionUser, actor: AuditActor, id: string, body: AssessmentActionBody) {
      await versioned(caller, id, async (tx) => {
        const { row, regionCode, next } = await forAction(tx, caller, id, 'approve', body.version);
        await assertReviewer(tx, row, caller);
        const [months] = await queryRows<{ value: number }>(
          tx,
          sql`select ${settingFor(sql`${regionCode}::text`, 'assessment.validityMonths')} as value`,
        );
        const level = row.finalLevel as AssessmentLevel;
        const validUntil = assessmentValidUntil(row.assessedOn!, level, Number(months!.value));
        const [after] = await tx
          .update(assessments)
          .set({
            status: next,
            validUntil,
            reviewedBy: caller.username,
            reviewedAt: new Date(),
            reviewNote: body.note ?? null,
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        await recordElderLevel(tx, row.elderId, {
          level,
          assessedOn: row.assessedOn!,
          validUntil,
          assessmentId: row.id,
        });
        if (row.requestId)
          await tx
            .update(assessmentRequests)
            .set({ status: 'done' })
            .where(eq(assessmentRequests.id, row.requestId));
        await audit(tx, actor, 'approve', regionCode, row, after!);
      });
      return dtoOf(id);
    },

    async return(caller: SessionUser, actor: AuditActor, id: string, body: AssessmentActionBody) {
      if (!body.note) throw new AppError('ASSESSMENT_RETURN_NOTE_REQUIRED');
      await versioned(caller, id, async (tx) => {
        const { row, regionCode, next } = await forAction(tx, caller, id, 'return', body.version);
        await assertReviewer(tx, row, caller);
        const [after] = await tx
          .update(assessments)
          .set({
            status: next,
            reviewedBy: caller.username,
            reviewedAt: new Date(),
            reviewNote: body.note,
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        await audit(tx, actor, 'return', regionCode, row, after!);
      });
      return dtoOf(id);
    },

    /** Withdraws a task not yet submitted; a request it answered is open again. */
    async cancel(caller: SessionUser, actor: AuditActor, id: string, body: AssessmentActionBody) {
      await versioned(caller, id, async (tx) => {
        const { row, regionCode, next } = await forAction(tx, caller, id, 'cancel', body.version);
        if (caller.role === 'assessor') assertAssigned(row, caller);
        const [after] = await tx
          .update(assessments)
          .set({
            status: next,
            reviewNote: body.note ?? null,
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, id))
          .returning();
        if (row.requestId)
          await tx
            .update(assessmentRequests)
            .set({ status: 'open', assessmentId: null })
            .where(eq(assessmentRequests.id, row.requestId));
        await audit(tx, actor, 'cancel', regionCode, row, after!);
      });
      return dtoOf(id);
    },
  };
}
export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
