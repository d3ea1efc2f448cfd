import { CheckSquareOutlined, HeartOutlined, IdcardOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const ElderListPage = lazyPage(() => import('./ElderListPage'), 'ElderListPage');
const ElderFormPage = lazyPage(() => import('./ElderFormPage'), 'ElderFormPage');
const ElderImportPage = lazyPage(() => import('./ElderImportPage'), 'ElderImportPage');
const ElderDetailPage = lazyPage(() => import('./ElderDetailPage'), 'ElderDetailPage');
const ChangeInboxPage = lazyPage(() => import('./ChangeInboxPage'), 'ChangeInboxPage');
const SurvivalDuePage = lazyPage(() => import('./SurvivalDuePage'), 'SurvivalDuePage');

/** Elder records, their change approvals and survival checks. */
export const eldersModule: WebModule = {
  name: 'elders',
  messages: { 'zh-CN': zhCN, en },
  routes: [
    { path: '/elders', page: ElderListPage, permission: 'elders:read' },
    { path: '/elders/new', page: ElderFormPage, permission: 'elders:write' },
    { path: '/elders/import', page: ElderImportPage, permission: 'elders:write' },
    { path: '/elders/:id', page: ElderDetailPage, permission: 'elders:read' },
    { path: '/elders/:id/edit', page: ElderFormPage, permission: 'elders:write' },
    { path: '/elder-changes', page: ChangeInboxPage, permission: 'elders:read' },
    { path: '/survival', page: SurvivalDuePage, permission: 'elders:read' },
  ],
  menu: [
    { path: '/elders', icon: <IdcardOutlined />, label: 'menu.elders', permission: 'elders:read' },
    {
      path: '/elder-changes',
      icon: <CheckSquareOutlined />,
      label: 'menu.changes',
      permission: 'elders:read',
    },
    { path: '/survival', icon: <HeartOutlined />, label: 'menu.survival', permission: 'elders:read' },
  ],
};
