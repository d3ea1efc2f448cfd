import { useState } from 'react';
import { Card, Segmented, Space, Switch, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_STATUSES } from '@yiyang/domain';
import type { AssessmentDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { useMe } from '../../api/session';
import { LoadMore } from '../../components/ListFilters';
import { formatDateTime } from '../../format';
import { LevelTag } from './ScorePanel';
import { StatusTag } from './AssessmentPage';

/** Assessments of the caller's scope by status; assessors see their own tasks first. */
export function AssessmentListPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // A workbench link opens the list already filtered (?status=submitted, ?mine=true).
  const [params] = useSearchParams();
  const requested = ASSESSMENT_STATUSES.find((s) => s === params.get('status'));
  const [status, setStatus] = useState<string>(requested ?? 'all');
  const [mine, setMine] = useState(
    params.has('mine') ? params.get('mine') === 'true' : me?.role === 'assessor',
  );
  const list = useKeysetList<AssessmentDto>('/api/v1/assessments', {
    status: status === 'all' ? undefined : status,
    mine: mine ? 'true' : undefined,
  });
  return (
    <Card
      title={t('assessments.title')}
      extra={
        <Space>
          <Space>
            <Switch checked={mine} onChange={setMine} />
            <Typography.Text>{t('assessments.mine')}</Typography.Text>
          </Space>
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'all', label: t('common.all') },
              ...ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessmentStatus.${s}`) })),
            ]}
          />
        </Space>
      }
    >
      <Table<AssessmentDto>
        rowKey="id"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.items}
        columns={[
          {
            title: t('assessments.elder'),
            dataIndex: 'elderName',
            render: (n: string, a) => <Link to={`/assessments/${a.id}`}>{n}</Link>,
          },
          { title: t('elders.region'), dataIndex: 'regionName' },
          { title: t('assessments.reason'), dataIndex: 'reason', render: (r) => t(`assessmentReason.${r}`) },
          { title: t('assessments.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
          { title: t('assessments.agency'), dataIndex: 'agencyName' },
          {
            title: t('assessments.assessors'),
            render: (_, a) => `${a.assessor1.displayName}、${a.assessor2.displayName}`,
          },
          { title: t('assessments.assessedOn'), dataIndex: 'assessedOn', render: (d) => d ?? '—' },
          {
            title: t('assessments.finalLevel'),
            render: (_, a) => (a.result ? <LevelTag level={a.result.finalLevel} /> : '—'),
          },
          {
            title: t('assessments.createdBy'),
            dataIndex: 'createdAt',
            render: (d: string) => formatDateTime(d),
          },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
