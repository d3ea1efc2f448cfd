import { and, count, eq, type SQL } from 'drizzle-orm';
import { deciderConflict, regionLevel } from '@yiyang/domain';
import type { ProviderChangeBody, ProviderChangeRequestDto } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, inProviderScope, oneInScope } from '../../platform/auth/scope';
import { assertIndependentDecider } from '../../platform/auth/independent-decider';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitProviderChangeRequest, emitProviderEvent } from './provider-events';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { pageFrom } from '../../platform/http/pagination';
import { newestFirstKeyset } from '../../platform/db/newest-first-keyset';
import type { RegionsService } from '../regions/index';
import { assertProviderConsistent } from './provider-checks';
import type { ProvidersService } from './providers.service';
import { providerChangeRequests, providers, type ProviderChangeRequestRow } from './providers.tables';

/** Filing and grade are confirmed at district (county) level or above. */
const APPROVER_LEVELS: readonly string[] = ['province', 'city', 'county'];

/** Filing 备案 and grade changes: asked for by the provider, confirmed by the district office. */
export function createProviderChangesService(
  db: Db,
  regions: RegionsService,
  providersService: ProvidersService,
) {
  const withName = () =>
    db
      .select({ r: providerChangeRequests, providerName: providers.name, regionCode: providers.regionCode })
      .from(providerChangeRequests)
      .innerJoin(providers, eq(providers.id, providerChangeRequests.providerId));
  /** As `caller` sees it: with whether the maker-checker rule lets them decide it. */
  const toDto =
    (caller: SessionUser) =>
    ({
      r,
      providerName,
      regionCode,
    }: {
      r: ProviderChangeRequestRow;
      providerName: string;
      regionCode: string;
    }): ProviderChangeRequestDto => ({
      ...r,
      regionCode,
      callerConflict: deciderConflict(caller, [r.requestedById]),
      providerName,
      requestedAt: r.requestedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    });

  /** A pending request, locked; its scope is the provider's current region, not where it was. */
  async function decidable(tx: Db, caller: SessionUser, id: string) {
    const { request, regionCode } = await oneInScope(
      tx
        .select({ request: providerChangeRequests, regionCode: providers.regionCode })
        .from(providerChangeRequests)
        .innerJoin(providers, eq(providers.id, providerChangeRequests.providerId))
        .where(eq(providerChangeRequests.id, id))
        .for('update'),
      caller,
      'PROVIDER_CHANGE_NOT_FOUND',
    );
    if (request.status !== 'pending') throw new AppError('PROVIDER_CHANGE_DECIDED');
    assertIndependentDecider(caller, [request.requestedById], 'PROVIDER_CHANGE_SELF_APPROVAL');
    if (!APPROVER_LEVELS.includes(regionLevel(caller.regionCode)))
      throw new AppError('PROVIDER_CHANGE_APPROVER_LEVEL');
    return { ...request, regionCode };
  }

  async function one(caller: SessionUser, id: string) {
    return toDto(caller)((await withName().where(eq(providerChangeRequests.id, id)))[0]!);
  }

  return {
    async propose(caller: SessionUser, actor: AuditActor, providerId: string, body: ProviderChangeBody) {
      const provider = await providersService.visible(caller, providerId);
      await assertProviderConsistent(regions, db, { ...provider, ...body.changes });
      const before = Object.fromEntries(
        Object.keys(body.changes).map((k) => [k, provider[k as keyof typeof provider]]),
      );
      try {
        const id = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(providerChangeRequests)
            .values({
              providerId,
              changes: body.changes,
              before,
              reason: body.reason,
              requestedById: caller.id,
              requestedBy: caller.username,
            })
            .returning();
          await writeAudit(tx, actor, {
            action: 'provider.change_request',
            entity: 'provider_change_request',
            entityId: created!.id,
            regionCode: provider.regionCode,
            before,
            after: body.changes,
          });
          await emitProviderChangeRequest(tx, actor, 'provider_change.created', {
            id: created!.id,
            providerId,
            regionCode: provider.regionCode,
            fields: Object.keys(body.changes),
          });
          return created!.id;
        });
        return one(caller, id);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('PROVIDER_CHANGE_PENDING');
        throw error;
      }
    },

    async list(
      caller: SessionUser,
      q: { status?: string; providerId?: string; cursor?: string; limit: number },
    ) {
      const where: (SQL | undefined)[] = [
        inProviderScope(providerChangeRequests.providerId, providers.regionCode, caller),
      ];
      if (q.status) where.push(eq(providerChangeRequests.status, q.status as 'pending'));
      if (q.providerId) where.push(eq(providerChangeRequests.providerId, q.providerId));
      const keyset = newestFirstKeyset(
        providerChangeRequests.requestedAt,
        providerChangeRequests.id,
        q.cursor,
      );
      where.push(keyset.after);
      const rows = await withName()
        .where(and(...where))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.r.requestedAt.toISOString(), r.r.id]);
      return { items: page.items.map(toDto(caller)), nextCursor: page.nextCursor };
    },

    /**
     * Pending requests in the caller's scope that the caller may decide: the pending list less
     * those the maker-checker rule keeps from them; none below district level, which decides none.
     */
    async countDecidable(caller: SessionUser): Promise<number> {
      if (caller.providerId || !APPROVER_LEVELS.includes(regionLevel(caller.regionCode))) return 0;
      const byRequester = await db
        .select({ requestedById: providerChangeRequests.requestedById, n: count() })
        .from(providerChangeRequests)
        .innerJoin(providers, eq(providers.id, providerChangeRequests.providerId))
        .where(
          and(
            inProviderScope(providers.id, providers.regionCode, caller),
            eq(providerChangeRequests.status, 'pending'),
          ),
        )
        .groupBy(providerChangeRequests.requestedById);
      return byRequester
        .filter((r) => deciderConflict(caller, [r.requestedById]) === null)
        .reduce((sum, r) => sum + r.n, 0);
    },

    async approve(caller: SessionUser, actor: AuditActor, id: string, reason: string | undefined) {
      await db.transaction(async (tx) => {
        const request = await decidable(tx, caller, id);
        const [provider] = await tx
          .select()
          .from(providers)
          .where(eq(providers.id, request.providerId))
          .for('update');
        // Officials may set these fields directly: approving over their change would lose it.
        const current = Object.fromEntries(
          Object.keys(request.before).map((k) => [k, provider![k as keyof typeof provider]]),
        );
        if (JSON.stringify(current) !== JSON.stringify(request.before))
          throw new AppError('PROVIDER_CHANGE_STALE');
        await assertProviderConsistent(regions, tx, { ...provider!, ...request.changes });
        // A move is decided by someone whose scope holds both the old and the new region.
        const movedTo = request.changes.regionCode;
        if (typeof movedTo === 'string') assertAssignable(movedTo, caller);
        const [after] = await tx
          .update(providers)
          .set({ ...request.changes, version: provider!.version + 1, updatedAt: new Date() })
          .where(eq(providers.id, request.providerId))
          .returning();
        await tx
          .update(providerChangeRequests)
          .set({
            status: 'approved',
            decidedBy: caller.username,
            decidedAt: new Date(),
            decisionReason: reason ?? null,
          })
          .where(eq(providerChangeRequests.id, id));
        await writeAudit(tx, actor, {
          action: 'provider.change_approve',
          entity: 'provider',
          entityId: request.providerId,
          regionCode: request.regionCode,
          before: provider,
          after,
        });
        await emitProviderChangeRequest(tx, actor, 'provider_change.decided', {
          id,
          providerId: request.providerId,
          regionCode: after!.regionCode,
          fields: Object.keys(request.changes),
          decision: 'approved',
        });
        if (after!.grade !== provider!.grade)
          await emitProviderEvent(tx, actor, 'provider.graded', after!, { previousGrade: provider!.grade });
      });
      return one(caller, id);
    },

    async reject(caller: SessionUser, actor: AuditActor, id: string, reason: string | undefined) {
      if (!reason) throw new AppError('PROVIDER_CHANGE_REASON_REQUIRED');
      await db.transaction(async (tx) => {
        const request = await decidable(tx, caller, id);
        await tx
          .update(providerChangeRequests)
          .set({
            status: 'rejected',
            decidedBy: caller.username,
            decidedAt: new Date(),
            decisionReason: reason,
          })
          .where(eq(providerChangeRequests.id, id));
        await writeAudit(tx, actor, {
          action: 'provider.change_reject',
          entity: 'provider_change_request',
          entityId: id,
          regionCode: request.regionCode,
          after: { reason },
        });
        await emitProviderChangeRequest(tx, actor, 'provider_change.decided', {
          id,
          providerId: request.providerId,
          regionCode: request.regionCode,
          fields: Object.keys(request.changes),
          decision: 'rejected',
        });
      });
      return one(caller, id);
    },
  };
}
export type ProviderChangesService = ReturnType<typeof createProviderChangesService>;
