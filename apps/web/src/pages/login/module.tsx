import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const LoginPage = lazyPage(() => import('./LoginPage'), 'LoginPage');

/** Sign-in. */
export const loginModule: WebModule = {
  name: 'login',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/login', page: LoginPage, frame: 'public' }],
};
