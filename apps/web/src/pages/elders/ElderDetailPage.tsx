import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type {
  ChangeRequestDto,
  ElderDto,
  ElderVersionDto,
  RevealedElderDto,
  SurvivalCheckDto,
} from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../format';
import { CategoryTags, ElderStatusTag } from './ElderTags';
import { ChangeRequestForm } from './ChangeRequestForm';
import { SurvivalCheckForm } from './SurvivalCheckForm';
import { ChangeRequestTable } from './ChangeRequestTable';
import { ElderAssessmentsTab } from '../assessments/ElderAssessmentsTab';

type Version = ElderVersionDto;
type Check = SurvivalCheckDto;

export function ElderDetailPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const [revealed, setRevealed] = useState<RevealedElderDto | null>(null);
  const elder = useQuery({ queryKey: ['elder', id], queryFn: () => api<ElderDto>(`/api/v1/elders/${id}`) });
  const history = useQuery({
    queryKey: ['elder', id, 'history'],
    queryFn: () => api<{ items: Version[] }>(`/api/v1/elders/${id}/history`),
  });
  const checks = useQuery({
    queryKey: ['elder', id, 'survival'],
    queryFn: () => api<{ items: Check[] }>(`/api/v1/elders/${id}/survival-checks`),
  });
  const requests = useQuery({
    queryKey: ['elder', id, 'changes'],
    queryFn: () =>
      api<{ items: ChangeRequestDto[] }>('/api/v1/elder-change-requests', {
        query: { elderId: id, limit: 50 },
      }),
  });
  const refresh = () =>
    Promise.all([elder.refetch(), history.refetch(), checks.refetch(), requests.refetch()]);

  if (elder.error instanceof ApiError)
    return (
      <Card>
        <Empty description={elder.error.message} />
      </Card>
    );
  const e = elder.data;
  if (!e) return <Card loading />;

  const reveal = async () => {
    try {
      setRevealed(await api(`/api/v1/elders/${id}/reveal`, { method: 'POST' }));
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };
  const writable = can('elders:write') && e.status !== 'deceased';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="elder-name">{e.name}</span>
            <ElderStatusTag status={e.status} />
            <CategoryTags categories={e.categories} />
          </Space>
        }
        extra={
          <Space>
            {can('pii:reveal') && (
              <Button icon={<EyeOutlined />} onClick={reveal}>
                {t('elders.reveal')}
              </Button>
            )}
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/elders/${id}/edit`)}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      >
        {revealed && (
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('elders.revealed')}
            style={{ marginBottom: 16 }}
          >
            <Descriptions.Item label={t('elders.idNumber')}>{revealed.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('elders.phone')}>{revealed.phone ?? '—'}</Descriptions.Item>
            {revealed.contacts.map((c, i) => (
              <Descriptions.Item key={i} label={c.name}>
                {c.phone}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('elders.tabs.profile'),
              children: (
                <Descriptions column={{ xs: 1, md: 2, xl: 3 }} data-testid="elder-profile">
                  <Descriptions.Item label={t('elders.idNumber')}>{e.idNumber}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.sex')}>{t(`sex.${e.sex}`)}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.birthDate')}>
                    {e.birthDate}（{e.age}
                    {t('elders.years')}）
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.phone')}>{e.phone ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.region')}>{e.regionName}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.hukou')}>{e.hukouRegionCode}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.address')}>{e.address}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.living')}>
                    {t(`living.${e.livingArrangement}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.disabilityGrade')}>
                    {e.disabilityGrade ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.chronic')}>
                    {e.chronicConditions.join('、') || '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.dementia')}>
                    {e.dementiaDiagnosed
                      ? `${t('common.yes')} ${e.dementiaDiagnosedOn ?? ''}`
                      : t('common.no')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.familyDoctor')}>
                    {e.familyDoctorSigned
                      ? `${t('common.yes')} ${e.familyDoctorInstitution ?? ''}`
                      : t('common.no')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.status')}>
                    <ElderStatusTag status={e.status} /> {e.statusDate ?? ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('elders.notes')}>{e.notes ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('elders.version')}>{e.version}</Descriptions.Item>
                </Descriptions>
              ),
            },
            ...(can('assessments:read')
              ? [
                  {
                    key: 'assessments',
                    label: t('elders.tabs.assessments'),
                    children: <ElderAssessmentsTab elder={e} onChanged={() => void elder.refetch()} />,
                  },
                ]
              : []),
            {
              key: 'contacts',
              label: t('elders.tabs.contacts'),
              children: (
                <Table
                  rowKey={(c) => c.name + c.phone}
                  pagination={false}
                  dataSource={e.contacts}
                  columns={[
                    { title: t('elders.contactName'), dataIndex: 'name' },
                    { title: t('elders.relation'), dataIndex: 'relation' },
                    { title: t('elders.phone'), dataIndex: 'phone' },
                    {
                      title: t('elders.guardian'),
                      dataIndex: 'guardian',
                      render: (g: boolean) => (g ? <Tag color="purple">{t('elders.guardian')}</Tag> : null),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'history',
              label: t('elders.tabs.history'),
              children: (
                <Timeline
                  items={(history.data?.items ?? []).map((v) => ({
                    children: (
                      <div>
                        <Typography.Text strong>
                          v{v.version} · {formatDateTime(v.changedAt)} · {v.changedBy}
                        </Typography.Text>
                        <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', margin: 0 }}>
                          {v.before ? `${t('elders.before')}: ${JSON.stringify(v.before)}\n` : ''}
                          {`${t('elders.after')}: ${JSON.stringify(v.after)}`}
                        </pre>
                      </div>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'survival',
              label: t('elders.tabs.survival'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {writable && <SurvivalCheckForm elderId={id} onDone={refresh} />}
                  <Table<Check>
                    rowKey="id"
                    pagination={false}
                    dataSource={checks.data?.items ?? []}
                    locale={{ emptyText: t('elders.noChecks') }}
                    columns={[
                      { title: t('survival.checkedOn'), dataIndex: 'checkedOn' },
                      {
                        title: t('survival.method'),
                        dataIndex: 'method',
                        render: (m: string) => t(`survival.methods.${m}`),
                      },
                      {
                        title: t('survival.result'),
                        dataIndex: 'result',
                        render: (r: string) => t(`survival.results.${r}`),
                      },
                      { title: t('survival.checkedBy'), dataIndex: 'checkedBy' },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'changes',
              label: t('elders.tabs.changes'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {writable && <ChangeRequestForm elder={e} onDone={refresh} />}
                  <ChangeRequestTable
                    items={requests.data?.items ?? []}
                    onDecided={refresh}
                    showElder={false}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
