import type { Messages } from './messages.zh-CN';

/** The login module's texts (i18next namespace "login"). */
export const en: Messages = {
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your {{field}}',
    hint: 'Demo accounts and passwords are printed on the console at start',
  },
};
