import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { assertAssignable, inScope, oneInScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { decodeCursor, pageFrom } from '../../platform/http/pagination';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import { settingFor } from '../settings/index';
import type { ElderChangesService } from './elder-changes.service';
import { assertAlive } from './elder-rules';
import { elders, elderSurvivalChecks } from './elders.tables';

type SurvivalState = 'due' | 'overdue' | 'flagged';

/**
 * 生存认证 (Hohhot plan): a check confirms an elder is alive and restarts their interval. An
 * elder is due when the interval (region setting) ends soon, overdue once it has ended, and
 * flagged once the grace period (region setting) has passed too — the subsidy module suspends
 * payments to flagged elders.
 */
export function createSurvivalService(db: Db, changes: ElderChangesService) {
  const base = sql`coalesce(${elders.survivalCheckedOn}, (${elders.createdAt} at time zone 'Asia/Shanghai')::date)`;
  const dueOn = sql<string>`(${base} + make_interval(months => ${settingFor(elders.regionCode, 'survival.intervalMonths')}))::date`;
  const flaggedFrom = sql`(${dueOn} + ${settingFor(elders.regionCode, 'survival.graceDays')})`;

  function stateCondition(state: SurvivalState, today: string, withinDays: number): SQL {
    if (state === 'due')
      return sql`${dueOn} >= ${today}::date and ${dueOn} <= ${today}::date + ${withinDays}::int`;
    if (state === 'overdue') return sql`${dueOn} < ${today}::date and ${flaggedFrom} >= ${today}::date`;
    return sql`${flaggedFrom} < ${today}::date`;
  }

  return {
    async record(
      caller: SessionUser,
      actor: AuditActor,
      elderId: string,
      body: {
        method: 'face' | 'video' | 'home_visit' | 'hospital';
        checkedOn: string;
        result: 'alive' | 'deceased';
        deathDate?: string;
        notes?: string;
      },
    ) {
      const elder = await oneInScope(
        db.select().from(elders).where(eq(elders.id, elderId)),
        caller,
        'ELDER_NOT_FOUND',
      );
      assertAlive(elder);
      if (body.checkedOn > shanghaiDate()) throw new AppError('ELDER_SURVIVAL_DATE_FUTURE');
      // The check and, for a death, the status change request it raises are one write: a
      // request refused (one already pending, a death date in the future) leaves no check.
      const check = await db
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(elderSurvivalChecks)
            .values({
              elderId,
              method: body.method,
              checkedOn: body.checkedOn,
              result: body.result,
              checkedBy: caller.username,
              notes: body.notes ?? null,
            })
            .returning();
          if (body.result === 'alive') {
            await tx
              .update(elders)
              .set({ survivalCheckedOn: sql`greatest(${elders.survivalCheckedOn}, ${body.checkedOn}::date)` })
              .where(eq(elders.id, elderId));
          }
          await writeAudit(tx, actor, {
            action: 'elder.survival_check',
            entity: 'elder',
            entityId: elderId,
            regionCode: elder.regionCode,
            after: { method: body.method, checkedOn: body.checkedOn, result: body.result },
          });
          // A death found by a check still needs an official's approval before the record closes.
          if (body.result === 'deceased')
            await changes.requestIn(
              tx,
              caller,
              actor,
              elderId,
              { status: 'deceased', statusDate: body.deathDate ?? body.checkedOn },
              `生存认证（${body.method}）发现已故`,
            );
          return row!;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('ELDER_CHANGE_PENDING');
          throw error;
        });
      return { ...check, createdAt: check.createdAt.toISOString() };
    },

    async history(caller: SessionUser, elderId: string) {
      await oneInScope(db.select().from(elders).where(eq(elders.id, elderId)), caller, 'ELDER_NOT_FOUND');
      const rows = await db
        .select()
        .from(elderSurvivalChecks)
        .where(eq(elderSurvivalChecks.elderId, elderId))
        .orderBy(desc(elderSurvivalChecks.checkedOn));
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },

    /** Active elders in scope in a given state, with their due date. */
    async due(
      caller: SessionUser,
      q: { state: SurvivalState; withinDays: number; regionCode?: string; cursor?: string; limit: number },
    ) {
      const today = shanghaiDate();
      const where: (SQL | undefined)[] = [
        inScope(elders.regionCode, caller),
        eq(elders.status, 'active'),
        stateCondition(q.state, today, q.withinDays),
      ];
      if (q.regionCode) {
        assertAssignable(q.regionCode, caller);
        where.push(inScope(elders.regionCode, { regionCode: q.regionCode }));
      }
      const after = decodeCursor(q.cursor, z.uuid());
      if (after) where.push(gt(elders.id, after));
      const rows = await db
        .select({
          elderId: elders.id,
          name: elders.name,
          regionCode: elders.regionCode,
          lastCheckedOn: elders.survivalCheckedOn,
          dueOn,
        })
        .from(elders)
        .where(and(...where))
        .orderBy(elders.id)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => r.elderId);
      return {
        items: page.items.map((r) => ({ ...r, dueOn: String(r.dueOn).slice(0, 10), state: q.state })),
        nextCursor: page.nextCursor,
      };
    },
  };
}

export type SurvivalService = ReturnType<typeof createSurvivalService>;
