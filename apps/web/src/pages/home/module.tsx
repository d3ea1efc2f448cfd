import { HomeOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');

/** The workbench every signed-in user lands on. */
export const homeModule: WebModule = {
  name: 'home',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/', page: HomePage }],
  menu: [{ path: '/', icon: <HomeOutlined />, label: 'menu.home' }],
};
