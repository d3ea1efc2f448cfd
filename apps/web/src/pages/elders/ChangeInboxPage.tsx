import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CHANGE_REQUEST_STATUSES, type ChangeRequestDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { LoadMore } from '../../components/ListFilters';
import { ChangeRequestTable } from './ChangeRequestTable';

/** The change requests of the caller's scope: approvers decide here, makers follow theirs. */
export function ChangeInboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requested = CHANGE_REQUEST_STATUSES.find((s) => s === params.get('status'));
  const [status, setStatus] = useState<string>(requested ?? 'pending');
  const list = useKeysetList<ChangeRequestDto>('/api/v1/elder-change-requests', { status });
  return (
    <Card
      title={t('changes.title')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={CHANGE_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`changes.status.${s}`) }))}
        />
      }
    >
      <ChangeRequestTable items={list.items} onDecided={() => list.refetch()} showElder />
      <LoadMore list={list} />
    </Card>
  );
}
