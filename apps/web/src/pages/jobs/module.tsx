import { ScheduleOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const JobsPage = lazyPage(() => import('./JobsPage'), 'JobsPage');

/** 后台任务: the administrator's view of background jobs (imports, nightly clean-ups). */
export const jobsModule: WebModule = {
  name: 'jobs',
  messages: { 'zh-CN': zhCN, en },
  routes: [{ path: '/jobs', page: JobsPage, permission: 'jobs:manage' }],
  menu: [{ path: '/jobs', icon: <ScheduleOutlined />, label: 'menu.jobs', permission: 'jobs:manage' }],
};
