import { and, count, eq, type SQL } from 'drizzle-orm';
import { deciderConflict, regionPrefix } from '@yiyang/domain';
import type { ChangeRequestDto, ElderChanges, ListChangeRequestsQuery } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { AppError } from '../../platform/errors/app-error';
import { inScope, oneInScope } from '../../platform/auth/scope';
import { assertIndependentDecider } from '../../platform/auth/independent-decider';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitElderChangeRequest, emitElderChanged } from './elder-events';
import { pageFrom } from '../../platform/http/pagination';
import { newestFirstKeyset } from '../../platform/db/newest-first-keyset';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import type { RegionsService } from '../regions/index';
import { assertAlive } from './elder-rules';
import {
  elderChangeRequests,
  elders,
  elderVersions,
  type ElderChangeRequestRow,
  type ElderRow,
} from './elders.tables';

/** Street level or above: a scope prefix of at most nine digits. */
const STREET_PREFIX_LENGTH = 9;

function assertChangeConsistent(current: ElderRow, changes: ElderChanges, today: string) {
  const categories = changes.categories ?? current.categories;
  const grade = changes.disabilityGrade !== undefined ? changes.disabilityGrade : current.disabilityGrade;
  if (categories.includes('disabled_cert') !== (grade !== null && grade !== undefined)) {
    throw new AppError('ELDER_DISABILITY_GRADE_MISMATCH');
  }
  const status = changes.status ?? current.status;
  const statusDate = changes.statusDate !== undefined ? changes.statusDate : current.statusDate;
  if (status !== 'active' && (!statusDate || statusDate > today))
    throw new AppError('ELDER_STATUS_DATE_REQUIRED');
}

export function createElderChangesService(db: Db, regions: RegionsService) {
  const withElderName = db
    .select({ request: elderChangeRequests, elderName: elders.name, elderRegionCode: elders.regionCode })
    .from(elderChangeRequests)
    .innerJoin(elders, eq(elders.id, elderChangeRequests.elderId));

  /** As `caller` sees it: with whether the maker-checker rule lets them decide it. */
  const toDto =
    (caller: SessionUser) =>
    ({
      request: r,
      elderName,
      elderRegionCode,
    }: {
      request: ElderChangeRequestRow;
      elderName: string;
      elderRegionCode: string;
    }): ChangeRequestDto => ({
      id: r.id,
      elderId: r.elderId,
      elderName,
      regionCode: elderRegionCode,
      changes: r.changes,
      before: r.before,
      reason: r.reason,
      status: r.status,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      callerConflict: deciderConflict(caller, [r.requestedById]),
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionReason: r.decisionReason,
    });

  async function getDto(caller: SessionUser, id: string) {
    const [row] = await withElderName.where(eq(elderChangeRequests.id, id));
    return toDto(caller)(row!);
  }

  /**
   * The pending request, locked, after the checks every decision shares. Its scope is the
   * elder's current community, so that after a move only the new street decides.
   */
  async function decidable(tx: Db, caller: SessionUser, id: string) {
    const query = tx
      .select({ request: elderChangeRequests, regionCode: elders.regionCode })
      .from(elderChangeRequests)
      .innerJoin(elders, eq(elders.id, elderChangeRequests.elderId))
      .where(eq(elderChangeRequests.id, id))
      .for('update');
    const { request, regionCode } = await oneInScope(query, caller, 'ELDER_CHANGE_NOT_FOUND');
    if (request.status !== 'pending') throw new AppError('ELDER_CHANGE_DECIDED');
    assertIndependentDecider(caller, [request.requestedById], 'ELDER_CHANGE_SELF_APPROVAL');
    if (regionPrefix(caller.regionCode).length > STREET_PREFIX_LENGTH)
      throw new AppError('ELDER_CHANGE_APPROVER_LEVEL');
    return { ...request, regionCode };
  }

  /**
   * Writes a change request and its audit entry inside the caller's transaction, so a write that
   * raises one (a survival check finding a death) stands or falls with it. The elder row is
   * locked, so two requests for one elder queue instead of racing to the unique index.
   */
  async function requestIn(
    tx: Db,
    caller: SessionUser,
    actor: AuditActor,
    elderId: string,
    changes: ElderChanges,
    reason: string,
  ): Promise<string> {
    const elder = await oneInScope(
      tx.select().from(elders).where(eq(elders.id, elderId)).for('update'),
      caller,
      'ELDER_NOT_FOUND',
    );
    assertAlive(elder);
    assertChangeConsistent(elder, changes, shanghaiDate());
    const [pending] = await tx
      .select({ id: elderChangeRequests.id })
      .from(elderChangeRequests)
      .where(and(eq(elderChangeRequests.elderId, elderId), eq(elderChangeRequests.status, 'pending')));
    if (pending) throw new AppError('ELDER_CHANGE_PENDING');
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, elder[k as keyof ElderRow]]));
    const [row] = await tx
      .insert(elderChangeRequests)
      .values({
        elderId,
        changes,
        before,
        reason,
        requestedById: caller.id,
        requestedBy: caller.username,
        // Millisecond precision, so that the time can serve as a page cursor.
        requestedAt: new Date(),
      })
      .returning({ id: elderChangeRequests.id });
    await writeAudit(tx, actor, {
      action: 'elder.change_requested',
      entity: 'elder',
      entityId: elderId,
      regionCode: elder.regionCode,
      before,
      after: { changes, reason },
    });
    await emitElderChangeRequest(tx, actor, 'change_request.created', {
      id: row!.id,
      elderId,
      regionCode: elder.regionCode,
      fields: Object.keys(changes),
    });
    return row!.id;
  }

  return {
    requestIn,

    async request(
      caller: SessionUser,
      actor: AuditActor,
      elderId: string,
      changes: ElderChanges,
      reason: string,
    ) {
      // The region lookup uses the outer connection: before the transaction (PGlite).
      if (changes.hukouRegionCode) await regions.require(changes.hukouRegionCode);
      try {
        const id = await db.transaction((tx) => requestIn(tx, caller, actor, elderId, changes, reason));
        return getDto(caller, id);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ELDER_CHANGE_PENDING');
        throw error;
      }
    },

    async list(caller: SessionUser, q: ListChangeRequestsQuery) {
      const where: (SQL | undefined)[] = [inScope(elders.regionCode, caller)];
      if (q.status) where.push(eq(elderChangeRequests.status, q.status));
      if (q.elderId) where.push(eq(elderChangeRequests.elderId, q.elderId));
      const keyset = newestFirstKeyset(elderChangeRequests.requestedAt, elderChangeRequests.id, q.cursor);
      where.push(keyset.after);
      const rows = await withElderName
        .where(and(...where))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.request.requestedAt.toISOString(), r.request.id]);
      return { items: page.items.map(toDto(caller)), nextCursor: page.nextCursor };
    },

    /**
     * Pending requests in the caller's scope that the caller may decide: what the inbox shows as
     * pending, less those the maker-checker rule keeps from them (their own, or made by whoever
     * controls their account) — and none for a community-level official, who decides none.
     */
    async countDecidable(caller: SessionUser): Promise<number> {
      if (regionPrefix(caller.regionCode).length > STREET_PREFIX_LENGTH) return 0;
      const byRequester = await db
        .select({ requestedById: elderChangeRequests.requestedById, n: count() })
        .from(elderChangeRequests)
        .innerJoin(elders, eq(elders.id, elderChangeRequests.elderId))
        .where(and(inScope(elders.regionCode, caller), eq(elderChangeRequests.status, 'pending')))
        .groupBy(elderChangeRequests.requestedById);
      return byRequester
        .filter((r) => deciderConflict(caller, [r.requestedById]) === null)
        .reduce((sum, r) => sum + r.n, 0);
    },

    /** Applies the change as one new version of the record, if nobody changed those fields since. */
    async approve(caller: SessionUser, actor: AuditActor, id: string, reason: string | undefined) {
      await db.transaction(async (tx) => {
        const request = await decidable(tx, caller, id);
        const [elder] = await tx.select().from(elders).where(eq(elders.id, request.elderId)).for('update');
        if (!elder) throw new AppError('ELDER_NOT_FOUND');
        assertAlive(elder);
        const current = Object.fromEntries(
          Object.keys(request.before).map((k) => [k, elder[k as keyof ElderRow]]),
        );
        if (JSON.stringify(current) !== JSON.stringify(request.before))
          throw new AppError('ELDER_CHANGE_STALE');
        const changes = request.changes as ElderChanges;
        assertChangeConsistent(elder, changes, shanghaiDate());
        const version = elder.version + 1;
        const [updated] = await tx
          .update(elders)
          .set({ ...changes, version, updatedAt: new Date() })
          .where(eq(elders.id, elder.id))
          .returning();
        await tx.insert(elderVersions).values({
          elderId: elder.id,
          version,
          changedBy: caller.username,
          before: request.before,
          after: request.changes,
        });
        await tx
          .update(elderChangeRequests)
          .set({
            status: 'approved',
            decidedById: caller.id,
            decidedBy: caller.username,
            decidedAt: new Date(),
            decisionReason: reason ?? null,
          })
          .where(eq(elderChangeRequests.id, id));
        await writeAudit(tx, actor, {
          action: 'elder.change_approved',
          entity: 'elder',
          entityId: elder.id,
          regionCode: elder.regionCode,
          before: request.before,
          after: request.changes,
        });
        const fields = Object.keys(changes);
        await emitElderChanged(tx, actor, elder, updated!, fields);
        await emitElderChangeRequest(tx, actor, 'change_request.decided', {
          id,
          elderId: elder.id,
          regionCode: updated!.regionCode,
          fields,
          decision: 'approved',
        });
      });
      return getDto(caller, id);
    },

    async reject(caller: SessionUser, actor: AuditActor, id: string, reason: string) {
      await db.transaction(async (tx) => {
        const request = await decidable(tx, caller, id);
        await tx
          .update(elderChangeRequests)
          .set({
            status: 'rejected',
            decidedById: caller.id,
            decidedBy: caller.username,
            decidedAt: new Date(),
            decisionReason: reason,
          })
          .where(eq(elderChangeRequests.id, id));
        await writeAudit(tx, actor, {
          action: 'elder.change_rejected',
          entity: 'elder',
          entityId: request.elderId,
          regionCode: request.regionCode,
          after: { reason },
        });
        await emitElderChangeRequest(tx, actor, 'change_request.decided', {
          id,
          elderId: request.elderId,
          regionCode: request.regionCode,
          fields: Object.keys(request.changes as ElderChanges),
          decision: 'rejected',
        });
      });
      return getDto(caller, id);
    },
  };
}

export type ElderChangesService = ReturnType<typeof createElderChangesService>;
