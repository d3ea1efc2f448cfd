import type { Messages } from './messages.zh-CN';

/** The home module's texts (i18next namespace "home"). */
export const en: Messages = {
  menu: {
    home: 'Workbench',
  },
  home: {
    welcome: 'Hello, {{name}}',
    todos: 'My to-dos',
    open: 'Open',
    nothingToDo: 'Nothing to do',
    loadFailed: 'The to-dos could not be loaded',
    clear: 'Nothing waiting here',
    retry: 'Retry',
  },
};
