import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    name: 'Yiyang',
    title: 'Home & Community Elderly Care Supervision',
    footer: 'Yiyang · open-source elderly care platform',
  },
  menu: {
    account: 'Change password',
    logout: 'Sign out',
  },
  conflict: {
    title: 'Someone else changed this record while you were editing it',
    keptTyped:
      'What you typed is kept. Load the current values to start again from them, or save again to replace the other change with yours.',
    reloaded: 'The current values are shown now.',
    load: 'Load current values',
  },
  bell: { title: 'To-dos', empty: 'Nothing to do', workbench: 'Open the workbench' },
  common: {
    search: 'Search',
    reset: 'Reset',
    create: 'New',
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    actions: 'Actions',
    loadMore: 'Load more',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    language: '中文',
    scope: 'Scope',
    demo: 'demo',
    detail: 'Details',
    close: 'Close',
  },
  role: {
    admin: 'Administrator',
    civil_affairs: 'Civil affairs official',
    community_worker: 'Community worker',
    assessor: 'Assessor',
    provider_manager: 'Provider manager',
    caregiver: 'Caregiver',
    operator: 'Hotline operator',
    inspector: 'Inspector',
  },
  level: {
    province: 'Province',
    city: 'City',
    county: 'District/county',
    street: 'Street/town',
    community: 'Community/village',
  },
  password: {
    too_short: 'At least 10 characters',
    too_long: 'At most 128 characters',
    too_simple: 'Use three of: upper case, lower case, digits, symbols',
    contains_username: 'Must not contain the username',
  },
  errors: {
    forbidden: 'You may not open this page',
    notFound: 'Page not found',
    back: 'Back to the workbench',
    network: 'Network error; try again later',
    loadFailed: 'The page could not be loaded',
    loadFailedHint:
      'The network may have dropped, or the system was just updated. Reload the page to continue.',
    reload: 'Reload',
  },
};
