import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSessionActions } from '../../api/session';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { login } = useSessionActions();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to="/" replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(values.username, values.password);
      navigate(user.mustChangePassword ? '/account' : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg,#fff7e6,#fff1f0)',
      }}
    >
      <div
        style={{ position: 'absolute', top: 16, right: 24, display: 'flex', gap: 16, alignItems: 'center' }}
      >
        <Link to="/directory" data-testid="directory-link">
          {t('directory.title')}
        </Link>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 0, color: '#d4380d' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.title')}</Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
