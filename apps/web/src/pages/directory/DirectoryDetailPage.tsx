import { Card, Descriptions, Empty, Layout, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicProviderDetailDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { yuanOrDash } from '../../format';

/** A provider's public page: filing, grade, beds, services and prices, medical cooperation. */
export function DirectoryDetailPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['public-provider', id],
    queryFn: () => api<PublicProviderDetailDto>(`/api/v1/public/providers/${id}`),
  });
  const p = query.data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Link to="/directory">← {t('directory.back')}</Link>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {query.error instanceof ApiError ? (
          <Empty description={query.error.message} />
        ) : !p ? (
          <Spin />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title={<span data-testid="directory-provider-name">{p.name}</span>}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('providers.kind')}>
                  {t(`providerKind.${p.kind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.ownership')}>
                  {t(`ownership.${p.ownership}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.region')}>{p.regionName}</Descriptions.Item>
                <Descriptions.Item label={t('providers.address')}>{p.address}</Descriptions.Item>
                <Descriptions.Item label={t('providers.openingHours')}>
                  {p.openingHours ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.phone')}>{p.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('providers.filingStatus')}>
                  {t(`filingStatus.${p.filingStatus}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.grade')}>
                  {p.grade ?? t('providers.noGrade')}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.beds')}>
                  {p.bedsTotal
                    ? `${t('providers.bedsAvailable')} ${p.bedsAvailable} / ${p.bedsTotal}（${t('providers.bedsNursing')} ${p.bedsNursing}）`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.operatingStatus')}>
                  {t(`operatingStatus.${p.operatingStatus}`)}
                </Descriptions.Item>
              </Descriptions>
              {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
            </Card>
            <Card title={t('directory.services')}>
              <Table
                rowKey="itemCode"
                size="small"
                pagination={false}
                locale={{ emptyText: t('directory.noServices') }}
                dataSource={p.services}
                columns={[
                  { title: t('providers.item'), dataIndex: 'name' },
                  {
                    title: t('providers.price'),
                    render: (_, s) =>
                      `${yuanOrDash(s.priceFen)} ${t('directory.perUnit', { unit: t(`serviceUnit.${s.unit}`) })}`,
                  },
                ]}
              />
            </Card>
            {p.medicalCooperation.length > 0 && (
              <Card title={t('directory.medical')}>
                {p.medicalCooperation.map((m) => (
                  <div key={m.institution}>
                    {m.institution} {m.greenChannel ? `· ${t('providers.greenChannel')}` : ''}
                  </div>
                ))}
              </Card>
            )}
          </Space>
        )}
      </Layout.Content>
    </Layout>
  );
}
