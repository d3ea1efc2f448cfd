import { lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { defineJob, type ScheduleDefinition } from '../../platform/jobs/job-definition';
import { loginFailures, sessions } from './auth.tables';

/** Sign-in failures are kept a week for the security review, then go. */
const LOGIN_FAILURES_KEPT_DAYS = 7;
export const AUTH_CLEANUP_JOB = 'auth.cleanup';

/** Expired sessions and old sign-in failures, nightly: neither is read once past its time. */
export function authCleanupJob(db: Db) {
  return defineJob({
    name: AUTH_CLEANUP_JOB,
    label: { 'zh-CN': '清理过期会话和登录失败记录', en: 'Clean up expired sessions and sign-in failures' },
    async handle(_data, ctx) {
      const now = Date.now();
      const ended = await db
        .delete(sessions)
        .where(lt(sessions.expiresAt, new Date(now)))
        .returning({ id: sessions.tokenHash });
      const failures = await db
        .delete(loginFailures)
        .where(lt(loginFailures.at, new Date(now - LOGIN_FAILURES_KEPT_DAYS * 24 * 3600_000)))
        .returning({ id: loginFailures.id });
      await ctx.progress(ended.length + failures.length, ended.length + failures.length);
    },
  });
}

export const AUTH_SCHEDULES: ScheduleDefinition[] = [{ job: AUTH_CLEANUP_JOB, cron: '30 3 * * *' }];
