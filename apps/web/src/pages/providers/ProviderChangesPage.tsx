import { Card } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProviderChangeRequestDto } from '@yiyang/contracts';
import { api } from '../../api/client';
import { ProviderChangeTable } from './ProviderChangeTable';

/** The district office's inbox of filing and grade changes to confirm. */
export function ProviderChangesPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['provider-change-requests', 'pending'],
    queryFn: () =>
      api<{ items: ProviderChangeRequestDto[] }>('/api/v1/provider-change-requests', {
        query: { status: 'pending', limit: 200 },
      }),
  });
  return (
    <Card title={t('providers.pendingChanges')}>
      <ProviderChangeTable
        items={list.data?.items ?? []}
        onDecided={() => void list.refetch()}
        showProvider
      />
    </Card>
  );
}
