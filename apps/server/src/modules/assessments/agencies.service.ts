import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { isWithinScope, MIN_AGENCY_ASSESSORS } from '@yiyang/domain';
import type {
  AddAssessorBody,
  AgencyDto,
  AssessorDto,
  CreateAgencyBody,
  UpdateAgencyBody,
  UpdateAssessorBody,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { creditCodeOrThrow } from '../../platform/identity/parse-or-throw';
import { assertAssignable, overlapsScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { updateWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import type { RegionsService } from '../regions/index';
import { usersTable } from '../users/index';
import { assessmentAgencies, assessors, type AgencyRow } from './assessments.tables';

/** Agencies serve an area: a caller sees those inside their scope and those covering it. */
const visibleTo = (agency: Pick<AgencyRow, 'regionCode'>, caller: Pick<SessionUser, 'regionCode'>) =>
  overlapsScope(agency.regionCode, caller);

/** Active assessors with an enabled account, counted in SQL: the national five-assessor rule. */
function activeAssessorCount(db: Db, agencyId?: string) {
  return db
    .select({ agencyId: assessors.agencyId, n: count() })
    .from(assessors)
    .innerJoin(usersTable, eq(usersTable.id, assessors.userId))
    .where(
      and(
        eq(assessors.active, true),
        eq(usersTable.status, 'active'),
        agencyId ? eq(assessors.agencyId, agencyId) : undefined,
      ),
    )
    .groupBy(assessors.agencyId);
}

export function createAgenciesService(db: Db, regions: RegionsService) {
  async function toDtos(rows: AgencyRow[]): Promise<AgencyDto[]> {
    const [names, counts] = await Promise.all([
      regions.names(rows.map((r) => r.regionCode)),
      activeAssessorCount(db),
    ]);
    const countOf = new Map(counts.map((c) => [c.agencyId, Number(c.n)]));
    return rows.map((r) => {
      const activeAssessors = countOf.get(r.id) ?? 0;
      return {
        id: r.id,
        name: r.name,
        creditCode: r.creditCode,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? r.regionCode,
        address: r.address,
        phone: r.phone,
        status: r.status,
        activeAssessors,
        understaffed: activeAssessors < MIN_AGENCY_ASSESSORS,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  async function visible(caller: SessionUser, id: string, tx: Db = db): Promise<AgencyRow> {
    const [row] = await tx.select().from(assessmentAgencies).where(eq(assessmentAgencies.id, id));
    if (!row || !visibleTo(row, caller)) throw new AppError('ASSESSMENT_AGENCY_NOT_FOUND');
    return row;
  }

  async function assessorDtos(where: SQL | undefined): Promise<AssessorDto[]> {
    const rows = await db
      .select({ a: assessors, u: usersTable })
      .from(assessors)
      .innerJoin(usersTable, eq(usersTable.id, assessors.userId))
      .where(where)
      .orderBy(asc(usersTable.username));
    return rows.map(({ a, u }) => ({
      userId: a.userId,
      username: u.username,
      displayName: u.displayName,
      agencyId: a.agencyId,
      qualification: a.qualification,
      certificateNo: a.certificateNo,
      reviewer: a.reviewer,
      active: a.active,
      available: a.active && u.status === 'active',
      version: a.version,
    }));
  }

  return {
    async list(caller: SessionUser): Promise<AgencyDto[]> {
      const rows = await db.select().from(assessmentAgencies).orderBy(asc(assessmentAgencies.name));
      return toDtos(rows.filter((r) => visibleTo(r, caller)));
    },

    async get(caller: SessionUser, id: string): Promise<AgencyDto> {
      return (await toDtos([await visible(caller, id)]))[0]!;
    },

    async create(caller: SessionUser, actor: AuditActor, body: CreateAgencyBody): Promise<AgencyDto> {
      const creditCode = creditCodeOrThrow(body.creditCode, 'ASSESSMENT_AGENCY_CREDIT_CODE_INVALID');
      await regions.require(body.regionCode);
      assertAssignable(body.regionCode, caller);
      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(assessmentAgencies)
            .values({
              name: body.name,
              creditCode,
              regionCode: body.regionCode,
              address: body.address ?? null,
              phone: body.phone ?? null,
            })
            .returning();
          await writeAudit(tx, actor, {
            action: 'agency.create',
            entity: 'assessment_agency',
            entityId: created!.id,
            regionCode: created!.regionCode,
            after: created,
          });
          return created!;
        });
        return (await toDtos([row]))[0]!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ASSESSMENT_AGENCY_DUPLICATE');
        throw error;
      }
    },

    async update(caller: SessionUser, actor: AuditActor, id: string, { version, ...body }: UpdateAgencyBody) {
      const edit = () =>
        db.transaction(async (tx) => {
          const before = await visible(caller, id, tx);
          assertAssignable(before.regionCode, caller);
          const after = await updateWithVersion(
            tx,
            assessmentAgencies,
            eq(assessmentAgencies.id, id),
            version,
            { ...body, updatedAt: new Date() },
          );
          await writeAudit(tx, actor, {
            action: 'agency.update',
            entity: 'assessment_agency',
            entityId: id,
            regionCode: before.regionCode,
            before,
            after,
          });
          return after;
        });
      const row = await versionedWrite(edit, async () => (await toDtos([await visible(caller, id)]))[0]!);
      return (await toDtos([row]))[0]!;
    },

    async assessors(caller: SessionUser, agencyId: string): Promise<AssessorDto[]> {
      await visible(caller, agencyId);
      return assessorDtos(eq(assessors.agencyId, agencyId));
    },

    async addAssessor(caller: SessionUser, actor: AuditActor, agencyId: string, body: AddAssessorBody) {
      const agency = await visible(caller, agencyId);
      assertAssignable(agency.regionCode, caller);
      const [user] = await db.select().from(usersTable).where(eq(usersTable.id, body.userId));
      if (!user || user.role !== 'assessor' || user.status !== 'active')
        throw new AppError('ASSESSMENT_ASSESSOR_USER_INVALID');
      assertAssignable(user.regionCode, caller);
      await db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ name: assessmentAgencies.name })
          .from(assessors)
          .innerJoin(assessmentAgencies, eq(assessmentAgencies.id, assessors.agencyId))
          .where(eq(assessors.userId, body.userId));
        if (existing) throw new AppError('ASSESSMENT_ASSESSOR_TAKEN', { agency: existing.name });
        const [created] = await tx
          .insert(assessors)
          .values({ ...body, agencyId })
          .returning();
        await writeAudit(tx, actor, {
          action: 'assessor.add',
          entity: 'assessor',
          entityId: body.userId,
          regionCode: agency.regionCode,
          after: created,
        });
      });
      return (await assessorDtos(eq(assessors.userId, body.userId)))[0]!;
    },

    async updateAssessor(
      caller: SessionUser,
      actor: AuditActor,
      agencyId: string,
      userId: string,
      { version, ...body }: UpdateAssessorBody,
    ) {
      const agency = await visible(caller, agencyId);
      assertAssignable(agency.regionCode, caller);
      const member = and(eq(assessors.agencyId, agencyId), eq(assessors.userId, userId));
      const edit = () =>
        db.transaction(async (tx) => {
          const [before] = await tx.select().from(assessors).where(member);
          if (!before) throw new AppError('ASSESSMENT_ASSESSOR_NOT_FOUND');
          const after = await updateWithVersion(tx, assessors, member, version, body);
          await writeAudit(tx, actor, {
            action: 'assessor.update',
            entity: 'assessor',
            entityId: userId,
            regionCode: agency.regionCode,
            before,
            after,
          });
        });
      await versionedWrite(edit, async () => (await assessorDtos(member!))[0]);
      return (await assessorDtos(eq(assessors.userId, userId)))[0]!;
    },

    /**
     * The agency a new task goes to, checked: visible, active, staffed (five active assessors),
     * covering the elder's community; and its two assessors, distinct and active in it.
     */
    async checkTaskStaffing(
      caller: SessionUser,
      agencyId: string,
      elderRegionCode: string,
      assessorIds: [string, string],
      tx: Db,
    ): Promise<AgencyRow> {
      const agency = await visible(caller, agencyId, tx);
      if (agency.status !== 'active') throw new AppError('ASSESSMENT_AGENCY_SUSPENDED');
      const [staff] = await activeAssessorCount(tx, agencyId);
      const active = Number(staff?.n ?? 0);
      if (active < MIN_AGENCY_ASSESSORS)
        throw new AppError('ASSESSMENT_AGENCY_UNDERSTAFFED', { count: active }, { activeAssessors: active });
      if (!isWithinScope(elderRegionCode, agency.regionCode))
        throw new AppError('ASSESSMENT_AGENCY_OUT_OF_AREA');
      if (assessorIds[0] === assessorIds[1]) throw new AppError('ASSESSMENT_ASSESSORS_SAME');
      const members = await tx
        .select({ userId: assessors.userId, username: usersTable.username })
        .from(assessors)
        .innerJoin(usersTable, eq(usersTable.id, assessors.userId))
        .where(
          and(
            eq(assessors.agencyId, agencyId),
            eq(assessors.active, true),
            eq(usersTable.status, 'active'),
            eq(usersTable.role, 'assessor'),
            sql`${assessors.userId} in (${assessorIds[0]}, ${assessorIds[1]})`,
          ),
        );
      const missing = assessorIds.find((id) => !members.some((m) => m.userId === id));
      if (missing) {
        // Name the person as officials know them, if the account exists at all.
        const [user] = await tx
          .select({ displayName: usersTable.displayName, username: usersTable.username })
          .from(usersTable)
          .where(eq(usersTable.id, missing));
        const who = user ? `${user.displayName}（${user.username}）` : missing;
        throw new AppError('ASSESSMENT_ASSESSOR_NOT_QUALIFIED', { user: who }, { userId: missing });
      }
      return agency;
    },

    /** The caller's own assessor membership, if any (reviewer rights come from it). */
    async membership(userId: string, tx: Db = db) {
      const [row] = await tx.select().from(assessors).where(eq(assessors.userId, userId));
      return row ?? null;
    },
  };
}
export type AgenciesService = ReturnType<typeof createAgenciesService>;
