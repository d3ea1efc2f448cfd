import { Component, Suspense, type ReactNode } from 'react';
import { Button, Skeleton, Spin, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * Part of the eager bundle (a chunk that failed to load cannot show its own failure), so no antd
 * Result: that one brings its 403/404/500 illustrations along.
 */
function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" style={{ textAlign: 'center', padding: '64px 24px' }}>
      <WarningOutlined style={{ fontSize: 56, color: '#faad14' }} />
      <Typography.Title level={4}>{t('errors.loadFailed')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('errors.loadFailedHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => window.location.reload()} data-testid="reload-page">
        {t('errors.reload')}
      </Button>
    </div>
  );
}

/**
 * Catches a page whose chunk did not arrive (the network dropped, or a new release replaced the
 * hashed files the open tab still asks for): reloading fetches the current index.html and its
 * chunks. Moving to another URL (`resetKey`) clears the message, so the menu still works. A page
 * that throws while rendering lands here too, which beats the blank screen it used to leave.
 */
class LoadFailedBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { failed: boolean; resetKey: string }
> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { resetKey: string },
  ): { failed: boolean; resetKey: string } | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/**
 * A lazily loaded page: a placeholder while its chunk loads, a reload offer if it fails. `fullScreen`
 * for pages outside the layout (login, directory, the layout itself); inside it, a skeleton in the
 * content area keeps the menu and header in place.
 */
export function PageLoadBoundary({
  resetKey,
  fullScreen = false,
  children,
}: {
  resetKey: string;
  fullScreen?: boolean;
  children: ReactNode;
}) {
  return (
    <LoadFailedBoundary resetKey={resetKey}>
      <Suspense
        fallback={
          fullScreen ? (
            <Spin fullscreen />
          ) : (
            <div data-testid="page-loading">
              <Skeleton active paragraph={{ rows: 8 }} />
            </div>
          )
        }
      >
        {children}
      </Suspense>
    </LoadFailedBoundary>
  );
}
