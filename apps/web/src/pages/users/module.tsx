import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

/** User accounts: create, edit, reset passwords, unlock. */
export const usersModule: WebModule = {
  name: 'users',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/users', page: UsersPage, permission: 'users:read' }],
  menu: [{ path: '/users', icon: <TeamOutlined />, label: 'menu.users', permission: 'users:read' }],
};
