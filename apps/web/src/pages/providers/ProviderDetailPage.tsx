import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FILING_STATUSES, PROVIDER_GRADES } from '@yiyang/domain';
import type { ProviderChangeRequestDto, ProviderDto } from '@yiyang/contracts';
import { conflictCurrent } from '../../api/version-conflict';
import { api, ApiError } from '../../api/client';
import { useCan, useMe } from '../../api/session';
import { formatDay } from '../../format';
import { ProviderFormModal } from './ProviderFormModal';
import { GradeTag } from './ProvidersPage';
import { StaffTab } from './StaffTab';
import { ServicesTab } from './ServicesTab';
import { ProviderChangeTable } from './ProviderChangeTable';

interface Agreement {
  id: string;
  institution: string;
  greenChannel: boolean;
  validFrom: string;
  validTo: string | null;
}

/** One provider: profile, filing and grade (changed on request), staff, prices, medical cooperation. */
export function ProviderDetailPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { data: me } = useMe();
  const provider = useQuery({
    queryKey: ['provider', id],
    queryFn: () => api<ProviderDto>(`/api/v1/providers/${id}`),
  });
  const changes = useQuery({
    queryKey: ['provider', id, 'changes'],
    queryFn: () =>
      api<{ items: ProviderChangeRequestDto[] }>('/api/v1/provider-change-requests', {
        query: { providerId: id },
      }),
  });
  const agreements = useQuery({
    queryKey: ['provider', id, 'medical'],
    queryFn: () => api<Agreement[]>(`/api/v1/providers/${id}/medical-agreements`),
  });
  const [editing, setEditing] = useState(false);
  const [filing, setFiling] = useState(false);
  const [addingAgreement, setAddingAgreement] = useState(false);
  const [filingForm] = Form.useForm();
  const [agreementForm] = Form.useForm();
  if (provider.error instanceof ApiError)
    return (
      <Card>
        <Empty description={provider.error.message} />
      </Card>
    );
  const p = provider.data;
  if (!p || !me) return <Card loading />;
  const writable = can('providers:write');
  const ownProvider = !!me.providerId;

  const submitFiling = async (values: Record<string, unknown>) => {
    const changesBody = {
      filingStatus: values.filingStatus,
      filingNo: values.filingNo ?? null,
      filedOn: formatDay(values.filedOn),
      grade: values.grade ?? null,
      gradedOn: formatDay(values.gradedOn),
      gradeBody: values.gradeBody ?? null,
    };
    try {
      if (ownProvider) {
        await api(`/api/v1/providers/${id}/change-requests`, {
          method: 'POST',
          body: { changes: changesBody, reason: values.reason },
        });
        message.success(t('providers.changeRequested'));
      } else {
        await api(`/api/v1/providers/${id}`, {
          method: 'PATCH',
          body: { version: p.version, ...changesBody },
        });
        message.success(t('providers.saved'));
      }
      setFiling(false);
      await Promise.all([provider.refetch(), changes.refetch()]);
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
      // Someone else changed the provider: the dialog keeps what was typed, the page shows theirs.
      if (conflictCurrent(err)) await provider.refetch();
    }
  };
  const addAgreement = async (values: Record<string, unknown>) => {
    try {
      await api(`/api/v1/providers/${id}/medical-agreements`, {
        method: 'POST',
        body: { ...values, validFrom: formatDay(values.validFrom), validTo: formatDay(values.validTo) },
      });
      setAddingAgreement(false);
      agreementForm.resetFields();
      await agreements.refetch();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };

  return (
    <Card
      title={
        <Space>
          <span data-testid="provider-name">{p.name}</span>
          <GradeTag grade={p.grade} />
        </Space>
      }
      extra={
        writable && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button onClick={() => setFiling(true)}>
              {ownProvider
                ? t('providers.requestChange')
                : `${t('providers.filing')} / ${t('providers.grade')}`}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        items={[
          {
            key: 'profile',
            label: t('providers.profile'),
            children: (
              <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
                <Descriptions.Item label={t('providers.kind')}>
                  {t(`providerKind.${p.kind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.ownership')}>
                  {t(`ownership.${p.ownership}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.creditCode')}>{p.creditCode}</Descriptions.Item>
                <Descriptions.Item label={t('providers.legalRepresentative')}>
                  {p.legalRepresentative}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.region')}>{p.regionName}</Descriptions.Item>
                <Descriptions.Item label={t('providers.address')}>{p.address}</Descriptions.Item>
                <Descriptions.Item label={t('providers.openingHours')}>
                  {p.openingHours ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.phone')}>{p.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('providers.serviceRadius')}>{p.serviceRadiusM}</Descriptions.Item>
                <Descriptions.Item label={t('providers.filingStatus')}>
                  {t(`filingStatus.${p.filingStatus}`)} {p.filingNo ?? ''} {p.filedOn ?? ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.grade')}>
                  {p.grade ? `${p.grade} · ${p.gradedOn ?? ''} ${p.gradeBody ?? ''}` : t('providers.noGrade')}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.beds')}>
                  {t('providers.bedsTotal')} {p.bedsTotal} · {t('providers.bedsNursing')} {p.bedsNursing} ·{' '}
                  {t('providers.bedsOccupied')} {p.bedsOccupied} · {t('providers.bedsAvailable')}{' '}
                  {p.bedsAvailable}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.operatingStatus')}>
                  {t(`operatingStatus.${p.operatingStatus}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.description')}>
                  {p.description ?? '—'}
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'staff',
            label: t('providers.staff'),
            children: <StaffTab providerId={id} writable={writable} />,
          },
          {
            key: 'services',
            label: t('providers.services'),
            children: <ServicesTab providerId={id} writable={writable} />,
          },
          {
            key: 'medical',
            label: t('providers.medical'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {writable && (
                  <Button onClick={() => setAddingAgreement(true)}>{t('providers.addMedical')}</Button>
                )}
                <Table<Agreement>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={agreements.data ?? []}
                  columns={[
                    { title: t('providers.institution'), dataIndex: 'institution' },
                    {
                      title: t('providers.greenChannel'),
                      dataIndex: 'greenChannel',
                      render: (g: boolean) => (g ? t('common.yes') : t('common.no')),
                    },
                    { title: t('providers.validFrom'), dataIndex: 'validFrom' },
                    { title: t('providers.validTo'), dataIndex: 'validTo', render: (d) => d ?? '—' },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'changes',
            label: t('providers.changes'),
            children: (
              <ProviderChangeTable
                items={changes.data?.items ?? []}
                onDecided={() => void Promise.all([provider.refetch(), changes.refetch()])}
              />
            ),
          },
        ]}
      />
      <ProviderFormModal
        open={editing}
        provider={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void provider.refetch();
        }}
      />
      <Modal
        open={filing}
        title={ownProvider ? t('providers.requestChange') : t('providers.filing')}
        onCancel={() => setFiling(false)}
        onOk={() => filingForm.submit()}
        destroyOnHidden
      >
        <Form
          form={filingForm}
          layout="vertical"
          onFinish={submitFiling}
          initialValues={{
            filingStatus: p.filingStatus,
            filingNo: p.filingNo,
            grade: p.grade,
            gradeBody: p.gradeBody,
          }}
        >
          <Form.Item name="filingStatus" label={t('providers.filingStatus')} rules={[{ required: true }]}>
            <Select options={FILING_STATUSES.map((s) => ({ value: s, label: t(`filingStatus.${s}`) }))} />
          </Form.Item>
          <Form.Item name="filingNo" label={t('providers.filingNo')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="filedOn" label={t('providers.filedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="grade" label={t('providers.grade')}>
            <Select allowClear options={PROVIDER_GRADES.map((g) => ({ value: g, label: String(g) }))} />
          </Form.Item>
          <Form.Item name="gradedOn" label={t('providers.gradedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="gradeBody" label={t('providers.gradeBody')}>
            <Input maxLength={100} />
          </Form.Item>
          {ownProvider && (
            <Form.Item name="reason" label={t('providers.changeReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={addingAgreement}
        title={t('providers.addMedical')}
        onCancel={() => setAddingAgreement(false)}
        onOk={() => agreementForm.submit()}
        destroyOnHidden
      >
        <Form
          form={agreementForm}
          layout="vertical"
          onFinish={addAgreement}
          initialValues={{ greenChannel: true }}
        >
          <Form.Item name="institution" label={t('providers.institution')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="greenChannel" label={t('providers.greenChannel')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="validFrom" label={t('providers.validFrom')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('providers.validTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
