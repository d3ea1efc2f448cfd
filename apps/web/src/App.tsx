import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from './api/session';
import { LiveUpdatesProvider } from './api/live-updates';
import { PageLoadBoundary } from './components/PageLoadBoundary';
import { RequirePermission } from './components/RequirePermission';
import { MODULES } from './modules';
import { lazyPage, type ModuleRoute, type RouteFrame } from './web-module';

// The layout (menu, header) is a chunk of its own too: the login page does not need it.
const loadLayout = () => import('./components/AppLayout');
const AppLayout = lazyPage(loadLayout, 'AppLayout');
const NotFoundPage = lazyPage(() => import('./pages/errors/ErrorPages'), 'NotFoundPage');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** Signed-in pages: no session → login; a password set by someone else → change it first. */
function RequireSession() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) {
    // Fetch the layout while the session is checked, not after (the browser loads a module once;
    // a failure shows where the layout renders).
    loadLayout().catch(() => undefined);
    return <Spin fullscreen />;
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <Outlet />;
}

/** The routes every module declares for one frame, each behind its permission. */
function routesIn(frame: RouteFrame) {
  const routes: ModuleRoute[] = MODULES.flatMap((m) => m.routes).filter((r) => (r.frame ?? 'app') === frame);
  return routes.map(({ path, page: Page, permission }) => {
    const element = permission ? (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ) : (
      <Page />
    );
    return path === '/' ? (
      <Route key={path} index element={element} />
    ) : (
      <Route key={path} path={path} element={element} />
    );
  });
}

function AppRoutes() {
  const location = useLocation();
  return (
    <PageLoadBoundary resetKey={location.pathname} fullScreen>
      <Routes>
        {routesIn('public')}
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            {routesIn('app')}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          {routesIn('bare')}
        </Route>
      </Routes>
    </PageLoadBoundary>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUSLocale : zhCNLocale}
      theme={{ token: { colorPrimary: '#d4380d' } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <LiveUpdatesProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </LiveUpdatesProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
