import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUserDto } from '@yiyang/contracts';
import { api, ApiError, fieldErrors } from '../../api/client';
import { passwordRule } from '../../components/password-rule';
import { useMe, useSessionActions } from '../../api/session';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { setMe } = useSessionActions();
  const navigate = useNavigate();
  const [form] = Form.useForm();

  const submit = async ({
    currentPassword,
    newPassword,
  }: {
    currentPassword: string;
    newPassword: string;
  }) => {
    try {
      // Only the two passwords: the confirmation is the form's own check, and the API refuses unknown fields.
      const updated = await api<SessionUserDto>('/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword, newPassword },
      });
      setMe(updated);
      message.success(t('account.done'));
      navigate('/');
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields);
      else if (e instanceof ApiError)
        form.setFields([
          { name: e.code === 'AUTH_PASSWORD_WRONG' ? 'currentPassword' : 'newPassword', errors: [e.message] },
        ]);
    }
  };

  return (
    <Card title={t('account.title')} style={{ maxWidth: 480 }}>
      {me?.mustChangePassword && (
        <Alert type="warning" showIcon title={t('account.forced')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('account.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.next')}
          rules={[{ required: true }, passwordRule(t, () => me?.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
