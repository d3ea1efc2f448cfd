import type { Messages } from './messages.zh-CN';

/** The users module's texts (i18next namespace "users"). */
export const en: Messages = {
  menu: {
    users: 'Users',
  },
  users: {
    title: 'Users',
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    region: 'Region',
    status: 'Status',
    provider: 'Provider ID',
    staff: 'Staff record',
    staffNone: 'Not linked to a staff record',
    lastLogin: 'Last sign-in',
    locked: 'Locked',
    active: 'Active',
    disabled: 'Disabled',
    mustChange: 'Must change password',
    create: 'New user',
    edit: 'Edit user',
    password: 'Initial password',
    resetPassword: 'Reset password',
    newPassword: 'New password',
    unlock: 'Unlock',
    keyword: 'Username or name',
    created: 'User created',
    saved: 'Saved',
    resetDone: 'Password reset; the user changes it at next sign-in',
    unlocked: 'Unlocked',
    disable: 'Disable',
    enable: 'Enable',
  },
};
