import { Avatar, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useMe, useSessionActions } from '../api/session';
import { MODULES } from '../modules';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { PageLoadBoundary } from './PageLoadBoundary';

const { Header, Sider, Content, Footer } = Layout;

/** The menu, in module order: each entry shows only to roles that hold its permission. */
const MENU = MODULES.flatMap((m) => m.menu ?? []);

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const { logout } = useSessionActions();
  // On a phone the header keeps the scope tag, the bell, the language and the avatar only.
  const narrow = !Grid.useBreakpoint().md;
  if (!me) return null;

  const items = MENU.filter((m) => !m.permission || can(m.permission)).map((m) => ({
    key: m.path,
    icon: m.icon,
    label: t(m.label),
  }));
  // The longest matching entry: /assessments/due selects itself, not also /assessments.
  const selected = MENU.filter((m) => m.path !== '/' && location.pathname.startsWith(m.path))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((m) => m.path);

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
            gap: narrow ? 8 : 16,
            paddingInline: narrow ? 12 : 24,
          }}
        >
          <Space data-testid="user-scope">
            {!narrow && <Typography.Text type="secondary">{t('common.scope')}</Typography.Text>}
            <Tag color="volcano">{me.regionName}</Tag>
          </Space>
          <NotificationBell />
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
              {!narrow && <span>{me.displayName}</span>}
              {!narrow && <Typography.Text type="secondary">{t(`role.${me.role}`)}</Typography.Text>}
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ margin: 24 }}>
          {/* Only the page waits for its chunk; the menu and header stay. */}
          <PageLoadBoundary resetKey={location.pathname}>
            <Outlet />
          </PageLoadBoundary>
        </Content>
        <Footer style={{ textAlign: 'center', color: '#999' }}>{t('app.footer')}</Footer>
      </Layout>
    </Layout>
  );
}
