import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PERMISSIONS } from '@yiyang/domain';
import { user } from './users';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBody>;

/** The signed-in user: their account as the user list shows it, with what the role may do. */
export const sessionUser = user
  .pick({
    id: true,
    username: true,
    displayName: true,
    role: true,
    regionCode: true,
    regionName: true,
    providerId: true,
    staffId: true,
    mustChangePassword: true,
  })
  .extend({ permissions: z.array(z.enum(PERMISSIONS)) });
export type SessionUserDto = z.infer<typeof sessionUser>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
