import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

function ErrorResult({ status, message }: { status: '403' | '404'; message: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(message)}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('errors.back')}
        </Button>
      }
    />
  );
}

export const ForbiddenPage = () => <ErrorResult status="403" message="errors.forbidden" />;
export const NotFoundPage = () => <ErrorResult status="404" message="errors.notFound" />;
