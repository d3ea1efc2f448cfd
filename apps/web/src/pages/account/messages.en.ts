import type { Messages } from './messages.zh-CN';

/** The account module's texts (i18next namespace "account"). */
export const en: Messages = {
  account: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The new passwords differ',
    done: 'Password changed',
    forced: 'Your password was set by an administrator: change it before you go on.',
  },
};
