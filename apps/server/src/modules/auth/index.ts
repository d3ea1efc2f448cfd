import { defineModule } from '../../platform/module/module-definition';
import { AUTH_ERRORS } from './auth.errors';
import { authCleanupJob, AUTH_SCHEDULES } from './auth-cleanup.job';
export { createAuthService, endSessionsOf, type AuthService, IP_FAILURE_LIMIT } from './auth.service';
export { authRoutes, SESSION_COOKIE } from './auth.routes';
export { AUTH_ERRORS } from './auth.errors';
export { authCleanupJob, AUTH_CLEANUP_JOB, AUTH_SCHEDULES } from './auth-cleanup.job';

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const authModule = defineModule({
  name: 'auth',
  errors: AUTH_ERRORS,
  jobs: ({ database }) => [authCleanupJob(database.db)],
  schedules: AUTH_SCHEDULES,
});
