import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

/** The audit log. */
export const auditModule: WebModule = {
  name: 'audit',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/audit', page: AuditPage, permission: 'audit:read' }],
  menu: [{ path: '/audit', icon: <AuditOutlined />, label: 'menu.audit', permission: 'audit:read' }],
};
