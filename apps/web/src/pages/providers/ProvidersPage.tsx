import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListProvidersQuery, ProviderDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { useCan, useMe } from '../../api/session';
import { ListFilters, LoadMore } from '../../components/ListFilters';
import { RegionSelect } from '../../components/RegionSelect';
import { ProviderFormModal } from './ProviderFormModal';
import { ProviderFilterFields } from './ProviderFilterFields';

type Filters = Omit<ListProvidersQuery, 'cursor' | 'limit'>;

export function GradeTag(props: { grade: number | null }) {
  const { t } = useTranslation();
  return props.grade ? (
    <Tag color="gold">
      {t(`providers.grade`)} {props.grade}
    </Tag>
  ) : (
    <Tag>{t('providers.noGrade')}</Tag>
  );
}

/** The register of providers in scope; a provider's own staff go straight to their provider. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetList<ProviderDto>('/api/v1/providers', filters);
  if (!me) return null;
  if (me.providerId) return <Navigate to={`/providers/${me.providerId}`} replace />;
  const exportUrl = `/api/v1/providers/export?${new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  )}`;
  return (
    <Card
      title={t('providers.title')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={exportUrl}>
            {t('providers.export')}
          </Button>
          {can('providers:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('providers.new')}
            </Button>
          )}
        </Space>
      }
    >
      <ListFilters form={form} onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
        <Form.Item name="regionCode">
          <RegionSelect root={me.regionCode} allowClear placeholder={t('providers.region')} />
        </Form.Item>
        <ProviderFilterFields />
        <Form.Item name="q">
          <Input allowClear placeholder={t('providers.name')} />
        </Form.Item>
      </ListFilters>
      <Table<ProviderDto>
        rowKey="id"
        data-testid="providers-table"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.items}
        onRow={(p) => ({ onClick: () => navigate(`/providers/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('providers.name'),
            dataIndex: 'name',
            render: (n: string, p) => <Link to={`/providers/${p.id}`}>{n}</Link>,
          },
          { title: t('providers.kind'), dataIndex: 'kind', render: (k) => t(`providerKind.${k}`) },
          { title: t('providers.ownership'), dataIndex: 'ownership', render: (k) => t(`ownership.${k}`) },
          { title: t('providers.region'), dataIndex: 'regionName' },
          {
            title: t('providers.filingStatus'),
            dataIndex: 'filingStatus',
            render: (k) => t(`filingStatus.${k}`),
          },
          {
            title: t('providers.grade'),
            dataIndex: 'grade',
            render: (g: number | null) => <GradeTag grade={g} />,
          },
          {
            title: t('providers.beds'),
            render: (_, p) => (p.bedsTotal ? `${p.bedsOccupied}/${p.bedsTotal}` : '—'),
          },
          {
            title: t('providers.operatingStatus'),
            dataIndex: 'operatingStatus',
            render: (k) => t(`operatingStatus.${k}`),
          },
        ]}
      />
      <LoadMore list={list} />
      <ProviderFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void navigate(`/providers/${p.id}`);
        }}
      />
    </Card>
  );
}
