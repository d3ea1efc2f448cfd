import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CertificateAlertItem } from '@yiyang/contracts';
import { api } from '../../api/client';
import { CertificateTag } from './StaffTab';

/** Certificates of active staff that expired or expire within 30 days, in the caller's scope. */
export function CertificateAlertsPage() {
  const { t } = useTranslation();
  const alerts = useQuery({
    queryKey: ['certificate-alerts'],
    queryFn: () => api<CertificateAlertItem[]>('/api/v1/staff-certificates/alerts'),
  });
  return (
    <Card title={t('providers.alerts')}>
      <Table<CertificateAlertItem>
        rowKey="certificateId"
        loading={alerts.isLoading}
        pagination={{ pageSize: 50 }}
        dataSource={alerts.data ?? []}
        columns={[
          {
            title: t('providers.provider'),
            dataIndex: 'providerName',
            render: (n: string, a) => <Link to={`/providers/${a.providerId}`}>{n}</Link>,
          },
          { title: t('providers.staffName'), dataIndex: 'staffName' },
          {
            title: t('providers.certificateKind'),
            dataIndex: 'kind',
            render: (k) => t(`certificateKind.${k}`),
          },
          { title: t('providers.number'), dataIndex: 'number' },
          { title: t('providers.expiresOn'), dataIndex: 'expiresOn' },
          { title: '', render: (_, a) => <CertificateTag c={a} /> },
        ]}
      />
    </Card>
  );
}
