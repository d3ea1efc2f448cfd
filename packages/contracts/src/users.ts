import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, ROLES } from '@yiyang/domain';
import { editBody, idParams, isoDateTime, nameText, pageOf, pageQuery, regionCode } from './common';
import { defineEndpoint } from './endpoint';

export const USER_STATUSES = ['active', 'disabled'] as const;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: 'validation.username' });

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string(),
  regionName: z.string(),
  providerId: z.uuid().nullable(),
  /** A caregiver account's own staff record at its provider. */
  staffId: z.uuid().nullable(),
  status: z.enum(USER_STATUSES),
  lockedUntil: isoDateTime.nullable(),
  lastLoginAt: isoDateTime.nullable(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type UserDto = z.infer<typeof user>;

const displayName = nameText(50);

export const createUserBody = z.strictObject({
  username,
  displayName,
  role: z.enum(ROLES),
  regionCode,
  providerId: z.uuid().nullable().optional(),
  staffId: z.uuid().nullable().optional(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = editBody({
  displayName,
  role: z.enum(ROLES),
  regionCode,
  providerId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  status: z.enum(USER_STATUSES),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

/** The staff records a caregiver account of a provider may be linked to: names, for a choice. */
export const staffChoicesQuery = z.strictObject({ providerId: z.uuid() });
export const staffChoice = z.object({ id: z.uuid(), name: z.string() });
export type StaffChoiceDto = z.infer<typeof staffChoice>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  regionCode: regionCode.optional(),
  status: z.enum(USER_STATUSES).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

const tags = ['users'];
/** The user-account endpoints (decision 0019). */
export const usersEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/users',
    permission: 'users:read',
    query: listUsersQuery,
    response: pageOf(user),
    tags,
    summary: 'User accounts in the caller’s scope',
  }),
  create: defineEndpoint({
    method: 'POST',
    path: '/api/v1/users',
    permission: 'users:write',
    body: createUserBody,
    response: user,
    status: 201,
    tags,
    summary: 'Create a user account in the caller’s scope',
  }),
  staffChoices: defineEndpoint({
    method: 'GET',
    path: '/api/v1/users/staff-choices',
    permission: 'users:write',
    query: staffChoicesQuery,
    response: z.array(staffChoice),
    tags,
    summary: 'Staff records of a provider in scope a caregiver account may be linked to',
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/users/:id',
    permission: 'users:read',
    params: idParams,
    response: user,
    tags,
    summary: 'One user account',
  }),
  update: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    permission: 'users:write',
    params: idParams,
    body: updateUserBody,
    response: user,
    tags,
    summary: 'Change name, role, region, provider, staff record or status',
  }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/v1/users/:id/password',
    permission: 'users:write',
    params: idParams,
    body: resetPasswordBody,
    response: user,
    tags,
    summary: 'Set a new password; the user changes it at next sign-in',
  }),
  unlock: defineEndpoint({
    method: 'POST',
    path: '/api/v1/users/:id/unlock',
    permission: 'users:write',
    params: idParams,
    response: user,
    tags,
    summary: 'Lift a lock after failed sign-ins',
  }),
};
