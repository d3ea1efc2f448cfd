import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  FileDoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  CheckSquareOutlined,
  HeartOutlined,
  IdcardOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@yiyang/domain';
import { useCan, useMe, useSessionActions } from '../api/session';
import { LanguageSwitch } from './LanguageSwitch';

const { Header, Sider, Content, Footer } = Layout;

/** The menu: each entry shows only to roles that hold its permission. */
const MENU: { key: string; icon: React.ReactNode; label: string; permission?: Permission }[] = [
  { key: '/', icon: <HomeOutlined />, label: 'menu.home' },
  { key: '/elders', icon: <IdcardOutlined />, label: 'menu.elders', permission: 'elders:read' },
  { key: '/elder-changes', icon: <CheckSquareOutlined />, label: 'menu.changes', permission: 'elders:read' },
  { key: '/survival', icon: <HeartOutlined />, label: 'menu.survival', permission: 'elders:read' },
  {
    key: '/assessments/due',
    icon: <ScheduleOutlined />,
    label: 'menu.assessmentDue',
    permission: 'assessments:read',
  },
  {
    key: '/assessments',
    icon: <SolutionOutlined />,
    label: 'menu.assessments',
    permission: 'assessments:read',
  },
  {
    key: '/assessment-agencies',
    icon: <BankOutlined />,
    label: 'menu.agencies',
    permission: 'assessments:read',
  },
  { key: '/providers', icon: <ShopOutlined />, label: 'menu.providers', permission: 'providers:read' },
  {
    key: '/staff-certificates',
    icon: <SafetyCertificateOutlined />,
    label: 'menu.certificateAlerts',
    permission: 'providers:read',
  },
  {
    key: '/provider-changes',
    icon: <FileDoneOutlined />,
    label: 'menu.providerChanges',
    permission: 'providers:approve',
  },
  { key: '/catalogue', icon: <ProfileOutlined />, label: 'menu.catalogue', permission: 'providers:read' },
  { key: '/users', icon: <TeamOutlined />, label: 'menu.users', permission: 'users:read' },
  { key: '/audit', icon: <AuditOutlined />, label: 'menu.audit', permission: 'audit:read' },
];

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const { logout } = useSessionActions();
  if (!me) return null;

  const items = MENU.filter((m) => !m.permission || can(m.permission)).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: t(m.label),
  }));
  // The longest matching entry: /assessments/due selects itself, not also /assessments.
  const selected = MENU.filter((m) => m.key !== '/' && location.pathname.startsWith(m.key))
    .sort((a, b) => b.key.length - a.key.length)
    .slice(0, 1)
    .map((m) => m.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18, color: '#d4380d' }}>
          {t('app.name')}
          <div style={{ fontSize: 12, fontWeight: 400, color: '#888' }}>{t('app.title')}</div>
        </div>
        <Menu
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected.length ? selected : [location.pathname === '/' ? '/' : '']}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
            paddingInline: 24,
          }}
        >
          <Space data-testid="user-scope">
            <Typography.Text type="secondary">{t('common.scope')}</Typography.Text>
            <Tag color="volcano">{me.regionName}</Tag>
          </Space>
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                {
                  key: 'account',
                  icon: <KeyOutlined />,
                  label: t('menu.account'),
                  onClick: () => navigate('/account'),
                },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: t('menu.logout'),
                  onClick: async () => {
                    await logout();
                    navigate('/login');
                  },
                },
              ],
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} />
              <span>{me.displayName}</span>
              <Typography.Text type="secondary">{t(`role.${me.role}`)}</Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
        <Footer style={{ textAlign: 'center', color: '#999' }}>{t('app.footer')}</Footer>
      </Layout>
    </Layout>
  );
}
