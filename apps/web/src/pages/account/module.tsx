import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const ChangePasswordPage = lazyPage(() => import('./ChangePasswordPage'), 'ChangePasswordPage');

/** The signed-in user's own account (reached from the header's user menu, not the side menu). */
export const accountModule: WebModule = {
  name: 'account',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/account', page: ChangePasswordPage }],
};
