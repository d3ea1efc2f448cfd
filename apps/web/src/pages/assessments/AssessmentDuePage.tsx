import { useState } from 'react';
import { Button, Card, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DUE_KINDS, type DueElderDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { useMe } from '../../api/session';
import { LoadMore } from '../../components/ListFilters';
import { RegionSelect } from '../../components/RegionSelect';
import { CategoryTags } from '../elders/ElderTags';
import { LevelTag } from './ScorePanel';

/** Elders due for an assessment: expiring, expired, never assessed, or requested; with export. */
export function AssessmentDuePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // A workbench link opens the list of its kind (?kind=expired).
  const [params] = useSearchParams();
  const requested = DUE_KINDS.find((k) => k === params.get('kind'));
  const [kind, setKind] = useState<(typeof DUE_KINDS)[number]>(requested ?? 'expiring');
  const [days, setDays] = useState(30);
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const filters = { kind, days, regionCode };
  const list = useKeysetList<DueElderDto>('/api/v1/assessments/due', filters);
  const exportUrl = () => {
    const params = new URLSearchParams({ kind, days: String(days) });
    if (regionCode) params.set('regionCode', regionCode);
    return `/api/v1/assessments/due.xlsx?${params}`;
  };
  return (
    <Card
      title={t('assessments.due.title')}
      extra={
        <Space wrap>
          {me && (
            <RegionSelect
              root={me.regionCode}
              allowClear
              placeholder={t('elders.region')}
              value={regionCode}
              onChange={(code) => setRegionCode(code || undefined)}
            />
          )}
          {kind === 'expiring' && (
            <Space>
              <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(v ?? 30)} />
              <Typography.Text>{t('assessments.due.withinDays')}</Typography.Text>
            </Space>
          )}
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            options={DUE_KINDS.map((k) => ({ value: k, label: t(`assessments.due.kind.${k}`) }))}
          />
          <Button icon={<DownloadOutlined />} href={exportUrl()}>
            {t('assessments.due.export')}
          </Button>
        </Space>
      }
    >
      <Table<DueElderDto>
        rowKey="elderId"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.items}
        columns={[
          {
            title: t('elders.name'),
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`/elders/${r.elderId}`}>{n}</Link>,
          },
          { title: t('elders.idNumber'), dataIndex: 'idNumber' },
          { title: t('elders.age'), dataIndex: 'age' },
          { title: t('elders.region'), dataIndex: 'regionName' },
          {
            title: t('assessments.due.categories'),
            dataIndex: 'categories',
            render: (c: string[]) => <CategoryTags categories={c} />,
          },
          { title: t('assessments.current'), render: (_, r) => <LevelTag level={r.currentLevel} /> },
          { title: t('assessments.validUntil'), dataIndex: 'levelValidUntil', render: (d) => d ?? '—' },
          {
            title: t('assessments.cause'),
            render: (_, r) =>
              r.request ? `${t(`reassessmentCause.${r.request.cause}`)} ${r.request.note ?? ''}` : '—',
          },
          {
            title: t('assessments.due.inProgress'),
            render: (_, r) =>
              r.openAssessmentId ? (
                <Link to={`/assessments/${r.openAssessmentId}`}>{t('assessments.open')}</Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
