import {
  FileDoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../../web-module';
import { lazyPage } from '../../web-module';
import { zhCN } from './messages.zh-CN';
import { en } from './messages.en';

const ProvidersPage = lazyPage(() => import('./ProvidersPage'), 'ProvidersPage');
const ProviderDetailPage = lazyPage(() => import('./ProviderDetailPage'), 'ProviderDetailPage');
const CertificateAlertsPage = lazyPage(() => import('./CertificateAlertsPage'), 'CertificateAlertsPage');
const ProviderChangesPage = lazyPage(() => import('./ProviderChangesPage'), 'ProviderChangesPage');
const CataloguePage = lazyPage(() => import('./CataloguePage'), 'CataloguePage');

/** Service providers, their staff certificates, filing changes and the service catalogue. */
export const providersModule: WebModule = {
  name: 'providers',
  messages: { 'zh-CN': zhCN, en },
  routes: [
    { path: '/providers', page: ProvidersPage, permission: 'providers:read' },
    { path: '/providers/:id', page: ProviderDetailPage, permission: 'providers:read' },
    { path: '/staff-certificates', page: CertificateAlertsPage, permission: 'providers:read' },
    { path: '/provider-changes', page: ProviderChangesPage, permission: 'providers:approve' },
    { path: '/catalogue', page: CataloguePage, permission: 'providers:read' },
  ],
  menu: [
    { path: '/providers', icon: <ShopOutlined />, label: 'menu.providers', permission: 'providers:read' },
    {
      path: '/staff-certificates',
      icon: <SafetyCertificateOutlined />,
      label: 'menu.certificateAlerts',
      permission: 'providers:read',
    },
    {
      path: '/provider-changes',
      icon: <FileDoneOutlined />,
      label: 'menu.providerChanges',
      permission: 'providers:approve',
    },
    { path: '/catalogue', icon: <ProfileOutlined />, label: 'menu.catalogue', permission: 'providers:read' },
  ],
};
