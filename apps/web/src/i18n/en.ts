import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Yiyang', title: 'Home & Community Elderly Care Supervision', footer: 'Yiyang · open-source elderly care platform' },
  menu: { home: 'Workbench', users: 'Users', audit: 'Audit log', account: 'Change password', logout: 'Sign out' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', save: 'Save', cancel: 'Cancel', actions: 'Actions',
    loadMore: 'Load more', all: 'All', yes: 'Yes', no: 'No', language: '中文', scope: 'Scope',
    demo: 'demo', detail: 'Details', close: 'Close',
  },
  login: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', required: 'Enter your {{field}}',
    hint: 'Demo accounts and passwords are printed on the console at start',
  },
  role: {
    admin: 'Administrator', civil_affairs: 'Civil affairs official', community_worker: 'Community worker',
    assessor: 'Assessor', provider_manager: 'Provider manager', caregiver: 'Caregiver', operator: 'Hotline operator',
    inspector: 'Inspector',
  },
  level: { province: 'Province', city: 'City', county: 'District/county', street: 'Street/town', community: 'Community/village' },
  home: {
    welcome: 'Hello, {{name}}', role: 'Role', scope: 'Scope', permissions: 'Permissions',
    system: 'System', database: 'Database', broker: 'Device messaging', version: 'Version',
    noPermissions: 'Your role has no management functions yet; they appear here as the business modules are added.',
  },
  users: {
    title: 'Users', username: 'Username', displayName: 'Name', role: 'Role', region: 'Region', status: 'Status',
    provider: 'Provider ID', lastLogin: 'Last sign-in', locked: 'Locked', active: 'Active', disabled: 'Disabled',
    mustChange: 'Must change password', create: 'New user', edit: 'Edit user', password: 'Initial password',
    resetPassword: 'Reset password', newPassword: 'New password', unlock: 'Unlock', keyword: 'Username or name',
    created: 'User created', saved: 'Saved', resetDone: 'Password reset; the user changes it at next sign-in',
    unlocked: 'Unlocked', disable: 'Disable', enable: 'Enable',
  },
  audit: {
    title: 'Audit log', at: 'Time', actor: 'Actor', action: 'Action', entity: 'Entity', entityId: 'Entity ID',
    region: 'Region', ip: 'Address', before: 'Before', after: 'After', from: 'From', to: 'To',
    actions: {
      'auth.login': 'Sign-in', 'auth.logout': 'Sign-out', 'auth.login_failed': 'Failed sign-in',
      'user.create': 'User created', 'user.update': 'User changed', 'user.password_reset': 'Password reset',
      'user.password_change': 'Password changed', 'user.unlock': 'User unlocked',
    },
  },
  account: {
    title: 'Change password', current: 'Current password', next: 'New password', confirm: 'Confirm new password',
    mismatch: 'The new passwords differ', done: 'Password changed',
    forced: 'Your password was set by an administrator: change it before you go on.',
  },
  password: {
    too_short: 'At least 10 characters', too_long: 'At most 128 characters',
    too_simple: 'Use three of: upper case, lower case, digits, symbols', contains_username: 'Must not contain the username',
  },
  errors: {
    forbidden: 'You may not open this page', notFound: 'Page not found', back: 'Back to the workbench',
    network: 'Network error; try again later',
  },
};
