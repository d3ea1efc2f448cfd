import type { Messages } from './messages.zh-CN';

/** The directory module's texts (i18next namespace "directory"). */
export const en: Messages = {
  directory: {
    title: 'Find elderly care services',
    subtitle:
      'Care institutions, community facilities and home-service providers of the city (public information)',
    search: 'Name',
    map: 'Map',
    list: 'List',
    login: 'Staff sign-in',
    services: 'Services and prices',
    medical: 'Medical cooperation',
    back: 'Back to search',
    perUnit: 'yuan/{{unit}}',
    noServices: 'No services listed',
  },
};
