import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const DirectoryPage = lazyPage(() => import('./DirectoryPage'), 'DirectoryPage');
const DirectoryDetailPage = lazyPage(() => import('./DirectoryDetailPage'), 'DirectoryDetailPage');

/** The public directory of providers: no sign-in. */
export const directoryModule: WebModule = {
  name: 'directory',
  messages: { 'zh-CN': zhCN, en },
  routes: [
    { path: '/directory', page: DirectoryPage, frame: 'public' },
    { path: '/directory/:id', page: DirectoryDetailPage, frame: 'public' },
  ],
};
