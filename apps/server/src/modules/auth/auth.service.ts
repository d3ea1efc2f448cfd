import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import { permissionsOf } from '@yiyang/domain';
import type { SessionUserDto } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/password-hash';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import type { Locale } from '../../platform/i18n/locale';
import type { RegionsService } from '../regions/index';
import { usersTable, type UserRow, type UsersService } from '../users/index';
import { loginFailures, sessions } from './auth.tables';

/** Failed sign-ins one address may make in the window before it is refused. */
export const IP_FAILURE_LIMIT = 20;
export const IP_WINDOW_MINUTES = 15;
/** How often the last-seen time of a session is written, at most. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Ends every session of an account at once (disabled accounts): the users module calls it. */
export async function endSessionsOf(tx: Db, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

function formatUnlock(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
  }).format(at);
}

export function createAuthService(
  db: Db,
  usersService: UsersService,
  regions: RegionsService,
  sessionHours: number,
  /** Narrows a signed-in user's scope to what their work needs (assessors: their agency's area). */
  refineScope: (user: SessionUser) => Promise<SessionUser> = async (user) => user,
) {
  function toSessionUser(user: UserRow, sessionId: string): SessionUser {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      regionCode: user.regionCode,
      providerId: user.providerId,
      staffId: user.staffId,
      permissions: permissionsOf(user.role),
      mustChangePassword: user.mustChangePassword,
      createdBy: user.createdBy,
      passwordSetBy: user.passwordSetBy,
      sessionId,
    };
  }

  async function recordAddressFailure(tx: Db, ip: string, username: string) {
    await tx.insert(loginFailures).values({ ip, username: username.slice(0, 64) });
    await tx
      .delete(loginFailures)
      .where(and(eq(loginFailures.ip, ip), lt(loginFailures.at, new Date(Date.now() - 24 * 3600_000))));
  }

  async function createSession(tx: Db, user: UserRow, actor: AuditActor): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + sessionHours * 3600_000),
      ip: actor.ip,
      userAgent: actor.userAgent,
    });
    return token;
  }

  async function assertAddressNotBlocked(ip: string) {
    const since = new Date(Date.now() - IP_WINDOW_MINUTES * 60_000);
    const [recent] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
    if ((recent?.n ?? 0) >= IP_FAILURE_LIMIT) {
      throw new AppError('AUTH_TOO_MANY_ATTEMPTS', { minutes: IP_WINDOW_MINUTES });
    }
  }

  /** Refuses an account whose lock has not run out yet. */
  function assertNotLocked(lockedUntil: Date | null, locale: Locale) {
    if (lockedUntil && lockedUntil > new Date())
      throw new AppError(
        'AUTH_ACCOUNT_LOCKED',
        { unlockAt: formatUnlock(lockedUntil, locale) },
        { unlockAt: lockedUntil.toISOString() },
      );
  }

  /**
   * A wrong password, at sign-in or as the current password of a change: counted towards the
   * account's lock and the address's block, and audited. Throws the lock if it now applies.
   */
  async function wrongPassword(
    user: UserRow,
    actor: AuditActor & { ip: string },
    action: string,
    locale: Locale,
  ) {
    // The account's count, the address's count and the audit entry are one write.
    const lockedUntil = await db.transaction(async (tx) => {
      const until = await usersService.recordLoginFailure(user.id, tx);
      await recordAddressFailure(tx, actor.ip, user.username);
      await writeAudit(
        tx,
        { ...actor, actorUsername: user.username },
        { action, entity: 'user', entityId: user.id, regionCode: user.regionCode },
      );
      return until;
    });
    assertNotLocked(lockedUntil, locale);
  }

  return {
    sessionHours,

    /** Returns the new session token; every failure answers the same for unknown users and wrong passwords. */
    async login(username: string, password: string, actor: AuditActor & { ip: string }, locale: Locale) {
      await assertAddressNotBlocked(actor.ip);

      const user = await usersService.findByUsername(username);
      if (!user || user.status !== 'active') {
        await verifyPassword(password, await decoyPasswordHash());
        await db.transaction((tx) => recordAddressFailure(tx, actor.ip, username));
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }
      assertNotLocked(user.lockedUntil, locale);

      if (!(await verifyPassword(password, user.passwordHash))) {
        await wrongPassword(user, actor, 'auth.login_failed', locale);
        throw new AppError('AUTH_INVALID_CREDENTIALS');
      }

      // A sign-in is recorded, begins a session and is audited, or none of these.
      return db.transaction(async (tx) => {
        await usersService.recordLoginSuccess(user.id, tx);
        const token = await createSession(tx, user, actor);
        await writeAudit(
          tx,
          { ...actor, actorId: user.id, actorUsername: user.username, actorRole: user.role },
          {
            action: 'auth.login',
            entity: 'user',
            entityId: user.id,
            regionCode: user.regionCode,
          },
        );
        return token;
      });
    },

    /** The user behind a session token, if the session is current and the account active. */
    async resolve(token: string | undefined): Promise<SessionUser | null> {
      if (!token || token.length > 100) return null;
      const tokenHash = hashToken(token);
      // Session and account in one round trip: every signed-in request pays for this.
      const [found] = await db
        .select({ session: sessions, user: usersTable })
        .from(sessions)
        .innerJoin(usersTable, eq(usersTable.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      if (!found || found.session.expiresAt <= new Date()) return null;
      const { session, user } = found;
      if (user.status !== 'active' || session.createdAt < user.passwordChangedAt) return null;
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
      }
      return refineScope(toSessionUser(user, tokenHash));
    },

    async logout(user: SessionUser, actor: AuditActor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, user.sessionId));
        await writeAudit(tx, actor, {
          action: 'auth.logout',
          entity: 'user',
          entityId: user.id,
          regionCode: user.regionCode,
        });
      });
    },

    async me(user: SessionUser): Promise<SessionUserDto> {
      const region = await regions.get(user.regionCode);
      const { sessionId: _session, createdBy: _createdBy, passwordSetBy: _passwordSetBy, ...rest } = user;
      return { ...rest, permissions: [...user.permissions], regionName: region?.name ?? user.regionCode };
    },

    /**
     * Checks the current password — throttled and audited like a sign-in, so a stolen session
     * cannot guess it — sets a new, different one, ends every other session; returns a fresh token.
     */
    async changePassword(
      user: SessionUser,
      actor: AuditActor & { ip: string },
      currentPassword: string,
      newPassword: string,
      locale: Locale,
    ) {
      await assertAddressNotBlocked(actor.ip);
      const row = await usersService.findById(user.id);
      if (!row) throw new AppError('AUTH_REQUIRED');
      assertNotLocked(row.lockedUntil, locale);
      if (!(await verifyPassword(currentPassword, row.passwordHash))) {
        await wrongPassword(row, actor, 'auth.password_change_failed', locale);
        throw new AppError('AUTH_PASSWORD_WRONG');
      }
      if (await verifyPassword(newPassword, row.passwordHash)) throw new AppError('AUTH_PASSWORD_UNCHANGED');
      const passwordHash = await usersService.hashOwnPassword(row, newPassword);
      // The new password, the end of every other session and the fresh one are one write: a
      // failure cannot leave the password changed and the user signed out.
      return db.transaction(async (tx) => {
        await usersService.setOwnPassword(tx, actor, row, passwordHash);
        await tx.delete(sessions).where(or(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
        return createSession(tx, row, actor);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
