import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { grantableRoles, isWithinScope, passwordProblem, PROVIDER_ROLES, type Role } from '@yiyang/domain';
import type {
  CreateUserBody,
  ListUsersQuery,
  StaffChoiceDto,
  UpdateUserBody,
  UserDto,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { isForeignKeyViolation, isUniqueViolation, violatedConstraint } from '../../platform/db/pg-errors';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, inScope, isProviderInScope, oneInScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { hashPassword } from '../../platform/auth/password-hash';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { decodeCursor, pageFrom } from '../../platform/http/pagination';
import { updateWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import type { RegionsService } from '../regions/index';
import { providerOfStaff, providersTable, staffNamesOf } from '../providers/index';
import { users, type UserRow } from './users.tables';

/** The CLI acts as the system: no scope, any role. */
export type Caller = SessionUser | 'system';

/** Five wrong passwords lock an account for fifteen minutes. */
export const LOGIN_LOCK_THRESHOLD = 5;
export const LOGIN_LOCK_MINUTES = 15;

/** What the audit log keeps of a user: never the password hash. */
function auditView(row: UserRow) {
  const { passwordHash: _hash, ...rest } = row;
  return rest;
}

function assertPasswordAcceptable(password: string, username: string) {
  if (passwordProblem(password, username)) throw new AppError('USER_PASSWORD_WEAK');
}

function assertProviderFits(role: Role, providerId: string | null | undefined) {
  const providerRole = PROVIDER_ROLES.includes(role);
  if (providerRole && !providerId) throw new AppError('USER_PROVIDER_REQUIRED');
  if (!providerRole && providerId) throw new AppError('USER_PROVIDER_NOT_ALLOWED');
}

/** A provider the caller may give accounts to: it exists and lies in the caller's scope. */
async function providerForAccounts(db: Db, caller: Caller, providerId: string) {
  const [provider] = await db
    .select({ id: providersTable.id, regionCode: providersTable.regionCode })
    .from(providersTable)
    .where(eq(providersTable.id, providerId));
  if (!provider || (caller !== 'system' && !isProviderInScope(provider, caller)))
    throw new AppError('USER_PROVIDER_NOT_FOUND');
  return provider;
}

/**
 * A provider account's provider must exist, lie in the scope of the official managing the
 * account, and lie inside the account's region.
 */
async function assertProviderFitsRegion(
  db: Db,
  caller: Caller,
  providerId: string | null | undefined,
  accountRegionCode: string,
) {
  if (!providerId) return;
  const provider = await providerForAccounts(db, caller, providerId);
  if (!isWithinScope(provider.regionCode, accountRegionCode))
    throw new AppError('USER_PROVIDER_OUTSIDE_REGION');
}

/**
 * A caregiver account may name its own staff record, which must be one of its provider's: the
 * session then knows whose work the caregiver records.
 */
async function assertStaffFits(
  db: Db,
  role: Role,
  providerId: string | null | undefined,
  staffId: string | null | undefined,
) {
  if (!staffId) return;
  if (role !== 'caregiver') throw new AppError('USER_STAFF_NOT_ALLOWED');
  const staffProvider = await providerOfStaff(db, staffId);
  if (!staffProvider) throw new AppError('USER_STAFF_NOT_FOUND');
  if (staffProvider !== providerId) throw new AppError('USER_STAFF_OTHER_PROVIDER');
}

/** One account per staff record: the unique index says so, whichever write came second. */
function writeError(error: unknown, username?: string): unknown {
  if (isUniqueViolation(error) && violatedConstraint(error) === 'users_staff_key')
    return new AppError('USER_STAFF_TAKEN');
  if (isUniqueViolation(error) && username !== undefined)
    return new AppError('USER_USERNAME_TAKEN', { username });
  if (isForeignKeyViolation(error)) return new AppError('USER_PROVIDER_NOT_FOUND');
  return error;
}

/**
 * Where an account is managed: a provider account in its provider's current region (an official
 * of another district must not reset it and read the provider's staff), any other in its own.
 */
const managedRegion = sql<string>`coalesce(${providersTable.regionCode}, ${users.regionCode})`;

function assertMayGrant(caller: Caller, role: Role) {
  if (caller !== 'system' && !grantableRoles(caller.role).includes(role)) {
    throw new AppError('USER_ROLE_NOT_GRANTABLE', { role });
  }
}

/** Ends every session of an account (the auth module owns sessions). */
export type EndSessions = (tx: Db, userId: string) => Promise<void>;

export function createUsersService(db: Db, regions: RegionsService, endSessions: EndSessions) {
  async function toDto(rows: UserRow[]): Promise<UserDto[]> {
    const names = await regions.names(rows.map((r) => r.regionCode));
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      providerId: r.providerId,
      staffId: r.staffId,
      status: r.status,
      lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      mustChangePassword: r.mustChangePassword,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** A user the caller may see: outside the scope it does not exist. */
  async function visible(caller: Caller, id: string, tx?: Db): Promise<UserRow> {
    const query = (tx ?? db)
      .select({ user: users, regionCode: managedRegion })
      .from(users)
      .leftJoin(providersTable, eq(providersTable.id, users.providerId))
      .where(eq(users.id, id));
    const found = await oneInScope(tx ? query.for('update', { of: users }) : query, caller, 'USER_NOT_FOUND');
    return found.user;
  }

  /** Officials manage the accounts of their region; an admin's account only an admin touches. */
  function assertMayManage(caller: Caller, target: UserRow) {
    if (caller !== 'system' && target.role === 'admin' && caller.role !== 'admin') {
      throw new AppError('USER_ROLE_NOT_GRANTABLE', { role: target.role });
    }
  }

  async function dtoOf(row: UserRow): Promise<UserDto> {
    return (await toDto([row]))[0] as UserDto;
  }

  return {
    async create(caller: Caller, actor: AuditActor, body: CreateUserBody): Promise<UserDto> {
      assertMayGrant(caller, body.role);
      await regions.require(body.regionCode);
      if (caller !== 'system') assertAssignable(body.regionCode, caller);
      assertProviderFits(body.role, body.providerId);
      await assertProviderFitsRegion(db, caller, body.providerId, body.regionCode);
      await assertStaffFits(db, body.role, body.providerId, body.staffId);
      assertPasswordAcceptable(body.password, body.username);
      const passwordHash = await hashPassword(body.password);
      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(users)
            .values({
              username: body.username,
              displayName: body.displayName,
              role: body.role,
              regionCode: body.regionCode,
              providerId: body.providerId ?? null,
              staffId: body.staffId ?? null,
              passwordHash,
              // An account someone else set the password for changes it at first sign-in.
              mustChangePassword: caller !== 'system',
              createdBy: caller === 'system' ? null : caller.id,
              passwordSetBy: caller === 'system' ? null : caller.id,
            })
            .returning();
          const row = created as UserRow;
          await writeAudit(tx, actor, {
            action: 'user.create',
            entity: 'user',
            entityId: row.id,
            regionCode: row.regionCode,
            after: auditView(row),
          });
          return row;
        });
        return dtoOf(row);
      } catch (error) {
        throw writeError(error, body.username);
      }
    },

    async get(caller: Caller, id: string): Promise<UserDto> {
      return dtoOf(await visible(caller, id));
    },

    async list(caller: SessionUser, q: ListUsersQuery) {
      const where: (SQL | undefined)[] = [inScope(managedRegion, caller)];
      if (q.regionCode) {
        assertAssignable(q.regionCode, caller);
        where.push(inScope(managedRegion, { regionCode: q.regionCode }));
      }
      if (q.role) where.push(eq(users.role, q.role));
      if (q.status) where.push(eq(users.status, q.status));
      if (q.q) {
        const pattern = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
        where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
      }
      const after = decodeCursor(q.cursor, z.string().max(32));
      if (after !== null) where.push(gt(users.username, after));
      const rows = (
        await db
          .select({ user: users })
          .from(users)
          .leftJoin(providersTable, eq(providersTable.id, users.providerId))
          .where(and(...where))
          .orderBy(asc(users.username))
          .limit(q.limit + 1)
      ).map((r) => r.user);
      const page = pageFrom(rows, q.limit, (r) => r.username);
      return { items: await toDto(page.items), nextCursor: page.nextCursor };
    },

    async update(
      caller: SessionUser,
      actor: AuditActor,
      id: string,
      { version, ...body }: UpdateUserBody,
    ): Promise<UserDto> {
      if (body.regionCode !== undefined) {
        await regions.require(body.regionCode);
        assertAssignable(body.regionCode, caller);
      }
      // Inside the transaction only `tx` may be used: PGlite has one connection, held by it.
      const edit = () =>
        db.transaction(async (tx) => {
          const before = await visible(caller, id, tx);
          assertMayManage(caller, before);
          const changesStanding =
            body.role !== undefined || body.regionCode !== undefined || body.status !== undefined;
          if (before.id === caller.id && changesStanding) throw new AppError('USER_SELF_CHANGE_FORBIDDEN');
          const role = body.role ?? before.role;
          if (body.role !== undefined) assertMayGrant(caller, body.role);
          const providerId = body.providerId !== undefined ? body.providerId : before.providerId;
          assertProviderFits(role, providerId);
          // Checked when the account's provider, region or role change, so that an account of a
          // provider that has since moved can still be disabled or renamed.
          if (body.providerId !== undefined || body.regionCode !== undefined || body.role !== undefined)
            await assertProviderFitsRegion(tx, caller, providerId, body.regionCode ?? before.regionCode);
          const staffId = body.staffId !== undefined ? body.staffId : before.staffId;
          if (body.staffId !== undefined || body.providerId !== undefined || body.role !== undefined)
            await assertStaffFits(tx, role, providerId, staffId);
          const after = await updateWithVersion(tx, users, eq(users.id, id), version, {
            ...body,
            providerId,
            staffId,
            updatedAt: new Date(),
          });
          // A disabled account's sessions end now, so re-enabling it revives no old cookie.
          if (body.status === 'disabled') await endSessions(tx, id);
          await writeAudit(tx, actor, {
            action: 'user.update',
            entity: 'user',
            entityId: id,
            regionCode: (after as UserRow).regionCode,
            before: auditView(before),
            after: auditView(after as UserRow),
          });
          return after as UserRow;
        });
      const row = await versionedWrite(edit, async () => dtoOf(await visible(caller, id))).catch(
        (error: unknown) => {
          throw writeError(error);
        },
      );
      return dtoOf(row);
    },

    /** The staff records of a provider in the caller's scope, by name: what a caregiver account may name. */
    async staffChoices(caller: Caller, providerId: string): Promise<StaffChoiceDto[]> {
      await providerForAccounts(db, caller, providerId);
      return staffNamesOf(db, providerId);
    },

    /** An official sets a new password: the user must change it at next sign-in. */
    async resetPassword(
      caller: Caller,
      actor: AuditActor,
      id: string,
      newPassword: string,
    ): Promise<UserDto> {
      const target = await visible(caller, id);
      assertMayManage(caller, target);
      assertPasswordAcceptable(newPassword, target.username);
      const passwordHash = await hashPassword(newPassword);
      const row = await db.transaction(async (tx) => {
        const [after] = await tx
          .update(users)
          .set({
            passwordHash,
            mustChangePassword: caller !== 'system',
            passwordSetBy: caller === 'system' ? null : caller.id,
            // The database's clock, which also stamps sessions: older sessions end.
            passwordChangedAt: sql`now()`,
            failedLogins: 0,
            lockedUntil: null,
            updatedAt: new Date(),
          })
          .where(eq(users.id, id))
          .returning();
        await writeAudit(tx, actor, {
          action: 'user.password_reset',
          entity: 'user',
          entityId: id,
          regionCode: target.regionCode,
        });
        return after as UserRow;
      });
      return dtoOf(row);
    },

    async unlock(caller: SessionUser, actor: AuditActor, id: string): Promise<UserDto> {
      const row = await db.transaction(async (tx) => {
        const before = await visible(caller, id, tx);
        assertMayManage(caller, before);
        const [after] = await tx
          .update(users)
          .set({ failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
          .where(eq(users.id, id))
          .returning();
        await writeAudit(tx, actor, {
          action: 'user.unlock',
          entity: 'user',
          entityId: id,
          regionCode: before.regionCode,
          before: { failedLogins: before.failedLogins, lockedUntil: before.lockedUntil },
        });
        return after as UserRow;
      });
      return dtoOf(row);
    },

    /** A new own password checked against the policy and hashed, before any transaction opens. */
    async hashOwnPassword(user: UserRow, newPassword: string): Promise<string> {
      assertPasswordAcceptable(newPassword, user.username);
      return hashPassword(newPassword);
    },

    /**
     * The user changes their own password (the current one already checked by the caller), inside
     * the caller's transaction: ending their other sessions belongs to the same write.
     */
    async setOwnPassword(tx: Db, actor: AuditActor, user: UserRow, passwordHash: string): Promise<void> {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: sql`now()`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, user.id));
      await writeAudit(tx, actor, {
        action: 'user.password_change',
        entity: 'user',
        entityId: user.id,
        regionCode: user.regionCode,
      });
    },

    async findByUsername(username: string): Promise<UserRow | null> {
      const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
      return row ?? null;
    },

    async findById(id: string): Promise<UserRow | null> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },

    /**
     * Counts a wrong password; the fifth in a row locks the account. A lock that has run out
     * starts the count again. Returns the lock, if any.
     */
    async recordLoginFailure(id: string, tx: Db = db): Promise<Date | null> {
      const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= now())`;
      const failures = sql`(case when ${expired} then 1 else ${users.failedLogins} + 1 end)`;
      const [row] = await tx
        .update(users)
        .set({
          failedLogins: failures,
          lockedUntil: sql`case when ${failures} >= ${LOGIN_LOCK_THRESHOLD}
            then now() + make_interval(mins => ${LOGIN_LOCK_MINUTES})
            when ${expired} then null else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, id))
        .returning({ lockedUntil: users.lockedUntil });
      return row?.lockedUntil ?? null;
    },

    async recordLoginSuccess(id: string, tx: Db = db): Promise<void> {
      await tx
        .update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
        .where(eq(users.id, id));
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
