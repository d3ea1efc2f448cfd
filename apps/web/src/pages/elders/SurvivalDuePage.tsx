import { useState } from 'react';
import { Card, InputNumber, Segmented, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SURVIVAL_STATES, type SurvivalDueItemDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { LoadMore } from '../../components/ListFilters';

export function SurvivalDuePage() {
  const { t } = useTranslation();
  const [state, setState] = useState<string>('overdue');
  const [withinDays, setWithinDays] = useState(30);
  const list = useKeysetList<SurvivalDueItemDto>('/api/v1/survival-checks/due', { state, withinDays });
  return (
    <Card
      title={t('survival.title')}
      extra={
        <Space>
          {state === 'due' && (
            <Space>
              <InputNumber min={0} max={366} value={withinDays} onChange={(v) => setWithinDays(v ?? 30)} />
              <Typography.Text>{t('survival.withinDays')}</Typography.Text>
            </Space>
          )}
          <Segmented
            value={state}
            onChange={(v) => setState(String(v))}
            options={SURVIVAL_STATES.map((s) => ({ value: s, label: t(`survival.state.${s}`) }))}
          />
        </Space>
      }
    >
      <Table<SurvivalDueItemDto>
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
          { title: t('elders.region'), dataIndex: 'regionCode' },
          {
            title: t('survival.lastChecked'),
            dataIndex: 'lastCheckedOn',
            render: (d: string | null) => d ?? '—',
          },
          { title: t('survival.dueOn'), dataIndex: 'dueOn' },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
