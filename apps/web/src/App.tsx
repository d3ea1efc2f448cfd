import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from './api/session';
import { AppLayout } from './components/AppLayout';
import { RequirePermission } from './components/RequirePermission';
import { LoginPage } from './pages/login/LoginPage';
import { HomePage } from './pages/home/HomePage';
import { UsersPage } from './pages/users/UsersPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { NotFoundPage } from './pages/errors/ErrorPages';
import { ElderListPage } from './pages/elders/ElderListPage';
import { ElderDetailPage } from './pages/elders/ElderDetailPage';
import { ElderFormPage } from './pages/elders/ElderFormPage';
import { ChangeInboxPage } from './pages/elders/ChangeInboxPage';
import { SurvivalDuePage } from './pages/elders/SurvivalDuePage';
import { ElderImportPage } from './pages/elders/ElderImportPage';
import { AssessmentListPage } from './pages/assessments/AssessmentListPage';
import { AssessmentPage } from './pages/assessments/AssessmentPage';
import { AssessmentDuePage } from './pages/assessments/AssessmentDuePage';
import { AssessmentReportPage } from './pages/assessments/AssessmentReportPage';
import { AgenciesPage } from './pages/assessments/AgenciesPage';
import { ProvidersPage } from './pages/providers/ProvidersPage';
import { ProviderDetailPage } from './pages/providers/ProviderDetailPage';
import { CertificateAlertsPage } from './pages/providers/CertificateAlertsPage';
import { ProviderChangesPage } from './pages/providers/ProviderChangesPage';
import { CataloguePage } from './pages/providers/CataloguePage';
import { DirectoryPage } from './pages/directory/DirectoryPage';
import { DirectoryDetailPage } from './pages/directory/DirectoryDetailPage';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

/** Signed-in pages: no session → login; a password set by someone else → change it first. */
function RequireSession() {
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <Outlet />;
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
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* The public directory: no sign-in. */}
              <Route path="/directory" element={<DirectoryPage />} />
              <Route path="/directory/:id" element={<DirectoryDetailPage />} />
              <Route element={<RequireSession />}>
                <Route element={<AppLayout />}>
                  <Route index element={<HomePage />} />
                  <Route
                    path="elders"
                    element={
                      <RequirePermission permission="elders:read">
                        <ElderListPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="elders/new"
                    element={
                      <RequirePermission permission="elders:write">
                        <ElderFormPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="elders/import"
                    element={
                      <RequirePermission permission="elders:write">
                        <ElderImportPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="elders/:id"
                    element={
                      <RequirePermission permission="elders:read">
                        <ElderDetailPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="elders/:id/edit"
                    element={
                      <RequirePermission permission="elders:write">
                        <ElderFormPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="elder-changes"
                    element={
                      <RequirePermission permission="elders:read">
                        <ChangeInboxPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="survival"
                    element={
                      <RequirePermission permission="elders:read">
                        <SurvivalDuePage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="users"
                    element={
                      <RequirePermission permission="users:read">
                        <UsersPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="audit"
                    element={
                      <RequirePermission permission="audit:read">
                        <AuditPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="assessments"
                    element={
                      <RequirePermission permission="assessments:read">
                        <AssessmentListPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="assessments/due"
                    element={
                      <RequirePermission permission="assessments:read">
                        <AssessmentDuePage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="assessments/:id"
                    element={
                      <RequirePermission permission="assessments:read">
                        <AssessmentPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="assessment-agencies"
                    element={
                      <RequirePermission permission="assessments:read">
                        <AgenciesPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="providers"
                    element={
                      <RequirePermission permission="providers:read">
                        <ProvidersPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="providers/:id"
                    element={
                      <RequirePermission permission="providers:read">
                        <ProviderDetailPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="staff-certificates"
                    element={
                      <RequirePermission permission="providers:read">
                        <CertificateAlertsPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="provider-changes"
                    element={
                      <RequirePermission permission="providers:approve">
                        <ProviderChangesPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="catalogue"
                    element={
                      <RequirePermission permission="providers:read">
                        <CataloguePage />
                      </RequirePermission>
                    }
                  />
                  <Route path="account" element={<ChangePasswordPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                {/* The printable report has no menu or header around it. */}
                <Route
                  path="assessments/:id/report"
                  element={
                    <RequirePermission permission="assessments:read">
                      <AssessmentReportPage />
                    </RequirePermission>
                  }
                />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
