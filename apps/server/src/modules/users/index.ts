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
