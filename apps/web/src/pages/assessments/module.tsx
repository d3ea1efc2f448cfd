import { BankOutlined, ScheduleOutlined, SolutionOutlined } from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const AssessmentListPage = lazyPage(() => import('./AssessmentListPage'), 'AssessmentListPage');
const AssessmentDuePage = lazyPage(() => import('./AssessmentDuePage'), 'AssessmentDuePage');
const AssessmentPage = lazyPage(() => import('./AssessmentPage'), 'AssessmentPage');
const AssessmentReportPage = lazyPage(() => import('./AssessmentReportPage'), 'AssessmentReportPage');
const AgenciesPage = lazyPage(() => import('./AgenciesPage'), 'AgenciesPage');

/** Ability assessments (GB/T 42195), who is due for one, and the assessment agencies. */
export const assessmentsModule: WebModule = {
  name: 'assessments',
  messages: { 'zh-CN': zhCN, en },
  routes: [
    { path: '/assessments', page: AssessmentListPage, permission: 'assessments:read' },
    { path: '/assessments/due', page: AssessmentDuePage, permission: 'assessments:read' },
    { path: '/assessments/:id', page: AssessmentPage, permission: 'assessments:read' },
    // The printable report has no menu or header around it.
    {
      path: '/assessments/:id/report',
      page: AssessmentReportPage,
      permission: 'assessments:read',
      frame: 'bare',
    },
    { path: '/assessment-agencies', page: AgenciesPage, permission: 'assessments:read' },
  ],
  menu: [
    {
      path: '/assessments/due',
      icon: <ScheduleOutlined />,
      label: 'menu.assessmentDue',
      permission: 'assessments:read',
    },
    {
      path: '/assessments',
      icon: <SolutionOutlined />,
      label: 'menu.assessments',
      permission: 'assessments:read',
    },
    {
      path: '/assessment-agencies',
      icon: <BankOutlined />,
      label: 'menu.agencies',
      permission: 'assessments:read',
    },
  ],
};
