import type { Messages } from './messages.zh-CN';

/** The audit module's texts (i18next namespace "audit"). */
export const en: Messages = {
  menu: {
    audit: 'Audit log',
  },
  audit: {
    title: 'Audit log',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    entity: 'Entity',
    entityId: 'Entity ID',
    region: 'Region',
    ip: 'Address',
    before: 'Before',
    after: 'After',
    detailsHidden: 'This entry concerns personal data that you may not read',
    from: 'From',
    to: 'To',
    actions: {
      'auth.login': 'Sign-in',
      'auth.logout': 'Sign-out',
      'auth.login_failed': 'Failed sign-in',
      'auth.password_change_failed': 'Failed password change (wrong current password)',
      'user.create': 'User created',
      'user.update': 'User changed',
      'user.password_reset': 'Password reset',
      'user.password_change': 'Password changed',
      'user.unlock': 'User unlocked',
      'elder.create': 'Elder registered',
      'elder.update': 'Elder changed',
      'pii.reveal': 'Personal data revealed',
      'elder.change_requested': 'Change requested',
      'elder.change_approved': 'Change approved',
      'elder.change_rejected': 'Change rejected',
      'elder.survival_check': 'Survival check',
      'setting.update': 'Setting changed',
      'job.retry': 'Background job retried',
      'job.cancel': 'Background job cancelled',
    },
  },
};
