import { defineModule } from '../../platform/module/module-definition';
import { USER_ERRORS } from './users.errors';
export {
  createUsersService,
  type UsersService,
  type Caller,
  LOGIN_LOCK_THRESHOLD,
  LOGIN_LOCK_MINUTES,
} from './users.service';
export { usersRoutes } from './users.routes';
export { USER_ERRORS } from './users.errors';
/** Who may read the before/after values of this module's audit entries. */
export const USER_AUDIT_ENTITIES = { user: 'users:read' } as const;
export type { UserRow } from './users.tables';
/** Read-only joins of other modules (assessor lists) use the table itself. */
export { users as usersTable } from './users.tables';

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const usersModule = defineModule({
  name: 'users',
  errors: USER_ERRORS,
  auditEntities: USER_AUDIT_ENTITIES,
});
