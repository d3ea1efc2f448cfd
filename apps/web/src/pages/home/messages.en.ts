import type { Messages } from './messages.zh-CN';

/** The home module's texts (i18next namespace "home"). */
export const en: Messages = {
  menu: {
    home: 'Workbench',
  },
  home: {
    welcome: 'Hello, {{name}}',
    role: 'Role',
    scope: 'Scope',
    permissions: 'Permissions',
    system: 'System',
    database: 'Database',
    broker: 'Device messaging',
    version: 'Version',
    noPermissions:
      'Your role has no management functions yet; they appear here as the business modules are added.',
  },
};
