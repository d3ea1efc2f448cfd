import { useCallback, useMemo, useState } from 'react';
import { Button, Card, Form, Input, Layout, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicProviderDto } from '@yiyang/contracts';
import { api } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ScatterMap } from '../../components/ScatterMap';
import { ProviderFilterFields } from '../providers/ProviderFilterFields';

interface Filters {
  kind?: string;
  ownership?: string;
  grade?: number;
  q?: string;
}

/** The public directory: anyone can find facilities, beds, grades and services. No sign-in. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [view, setView] = useState<'list' | 'map'>('list');
  const list = useQuery({
    queryKey: ['public-providers', filters],
    queryFn: () =>
      api<{ items: PublicProviderDto[] }>('/api/v1/public/providers', { query: { ...filters, limit: 200 } }),
  });
  const points = useMemo(
    () =>
      (list.data?.items ?? [])
        .filter((p) => p.lat !== null && p.lng !== null)
        .map((p) => ({ id: p.id, name: p.name, lat: p.lat!, lng: p.lng!, group: p.kind })),
    [list.data],
  );
  const groupLabel = useCallback((g: string) => t(`providerKind.${g}`), [t]);
  const open = useCallback((id: string) => void navigate(`/directory/${id}`), [navigate]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography.Title level={4} style={{ margin: 0, color: '#d4380d' }}>
          {t('app.name')} · {t('directory.title')}
        </Typography.Title>
        <Space>
          <LanguageSwitch />
          <Link to="/login">{t('directory.login')}</Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Card>
          <Typography.Paragraph type="secondary">{t('directory.subtitle')}</Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={setFilters} style={{ marginBottom: 16, rowGap: 8 }}>
            <Form.Item name="q">
              <Input allowClear placeholder={t('directory.search')} data-testid="directory-search" />
            </Form.Item>
            <ProviderFilterFields />
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'list' | 'map')}
              options={[
                { value: 'list', label: t('directory.list') },
                { value: 'map', label: t('directory.map') },
              ]}
            />
          </Form>
          {view === 'map' ? (
            <ScatterMap
              points={points}
              groupLabel={groupLabel}
              onOpen={open}
              axisNames={[t('providers.lng'), t('providers.lat')]}
            />
          ) : (
            <Table<PublicProviderDto>
              rowKey="id"
              data-testid="directory-table"
              loading={list.isLoading}
              pagination={{ pageSize: 20 }}
              dataSource={list.data?.items ?? []}
              columns={[
                {
                  title: t('providers.name'),
                  dataIndex: 'name',
                  render: (n: string, p) => <Link to={`/directory/${p.id}`}>{n}</Link>,
                },
                { title: t('providers.kind'), dataIndex: 'kind', render: (k) => t(`providerKind.${k}`) },
                { title: t('providers.region'), dataIndex: 'regionName' },
                { title: t('providers.address'), dataIndex: 'address' },
                {
                  title: t('providers.grade'),
                  dataIndex: 'grade',
                  render: (g: number | null) => (g ? <Tag color="gold">{g}</Tag> : '—'),
                },
                {
                  title: t('providers.bedsAvailable'),
                  render: (_, p) => (p.bedsTotal ? `${p.bedsAvailable}/${p.bedsTotal}` : '—'),
                },
                { title: t('providers.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
              ]}
            />
          )}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
