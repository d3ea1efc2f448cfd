import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CAREGIVER_SKILL_LEVELS, CERTIFICATE_KINDS, STAFF_ROLES } from '@yiyang/domain';
import type { CertificateDto, StaffDto, WorkforceIndicators } from '@yiyang/contracts';
import { api, ApiError, fieldErrors } from '../../api/client';
import { formatDay } from '../../format';

export function CertificateTag(props: { c: Pick<CertificateDto, 'alert'> }) {
  const { t } = useTranslation();
  if (props.c.alert === 'expired') return <Tag color="red">{t('providers.expired')}</Tag>;
  if (props.c.alert === 'expiring') return <Tag color="orange">{t('providers.expiring')}</Tag>;
  return null;
}

/** Staff of one provider: masked identities, certificates with expiry alerts, training, indicators. */
export function StaffTab(props: { providerId: string; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const base = `/api/v1/providers/${props.providerId}`;
  const staff = useQuery({ queryKey: [base, 'staff'], queryFn: () => api<StaffDto[]>(`${base}/staff`) });
  const indicators = useQuery({
    queryKey: [base, 'indicators'],
    queryFn: () => api<WorkforceIndicators>(`${base}/indicators`),
  });
  const [dialog, setDialog] = useState<
    { kind: 'staff' } | { kind: 'certificate' | 'training'; staff: StaffDto } | null
  >(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const submit = async (values: Record<string, unknown>) => {
    if (!dialog) return;
    const body = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        v && typeof v === 'object' && 'format' in v ? formatDay(v) : v,
      ]),
    );
    const url =
      dialog.kind === 'staff'
        ? `${base}/staff`
        : `${base}/staff/${dialog.staff.id}/${dialog.kind === 'certificate' ? 'certificates' : 'trainings'}`;
    try {
      await api(url, { method: 'POST', body });
      close();
      await Promise.all([staff.refetch(), indicators.refetch()]);
    } catch (err) {
      const fields = fieldErrors(err);
      if (fields.length) form.setFields(fields as never);
      else if (err instanceof ApiError) message.error(err.message);
    }
  };
  const i = indicators.data;
  const percent = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title={t('providers.indicators')}>
        <Descriptions.Item label={t('providers.residents')}>{i?.residents ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('providers.caregivers')}>{i?.caregivers ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('providers.caregiversPerResident')}>
          {i?.caregiversPerResident ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('providers.certifiedRate')}>
          {percent(i?.certifiedRate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('providers.trainingHoursPerCaregiver')}>
          {i?.trainingHoursPerCaregiver ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      {props.writable && (
        <Button icon={<PlusOutlined />} data-testid="add-staff" onClick={() => setDialog({ kind: 'staff' })}>
          {t('providers.addStaff')}
        </Button>
      )}
      <Table<StaffDto>
        rowKey="id"
        size="small"
        data-testid="staff-table"
        pagination={false}
        loading={staff.isLoading}
        dataSource={staff.data ?? []}
        columns={[
          { title: t('providers.staffName'), dataIndex: 'name' },
          { title: t('providers.idNumber'), dataIndex: 'idNumber' },
          { title: t('providers.role'), dataIndex: 'role', render: (r) => t(`staffRole.${r}`) },
          { title: t('providers.employedFrom'), dataIndex: 'employedFrom' },
          {
            title: t('providers.certificates'),
            render: (_, s) =>
              s.certificates.map((c) => (
                <div key={c.id}>
                  {t(`certificateKind.${c.kind}`)}
                  {c.level ? ` · ${t(`skillLevel.${c.level}`)}` : ''} {c.expiresOn ? `→ ${c.expiresOn}` : ''}{' '}
                  <CertificateTag c={c} />
                </div>
              )),
          },
          { title: t('providers.hoursThisYear'), dataIndex: 'trainingHoursThisYear' },
          ...(props.writable
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, s: StaffDto) => (
                    <Space>
                      <Button
                        size="small"
                        data-testid="add-certificate"
                        onClick={() => setDialog({ kind: 'certificate', staff: s })}
                      >
                        {t('providers.addCertificate')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'training', staff: s })}>
                        {t('providers.addTraining')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!dialog}
        title={
          dialog?.kind === 'staff'
            ? t('providers.addStaff')
            : dialog?.kind === 'certificate'
              ? `${t('providers.addCertificate')} · ${dialog.staff.name}`
              : dialog
                ? `${t('providers.addTraining')} · ${dialog.staff.name}`
                : ''
        }
        onCancel={close}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ role: 'caregiver', kind: 'caregiver_skill' }}
        >
          {dialog?.kind === 'staff' && (
            <>
              <Form.Item name="name" label={t('providers.staffName')} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="idNumber" label={t('providers.idNumber')} rules={[{ required: true }]}>
                <Input maxLength={18} />
              </Form.Item>
              <Form.Item name="phone" label={t('elders.phone')}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="role" label={t('providers.role')} rules={[{ required: true }]}>
                <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
              </Form.Item>
              <Form.Item name="employedFrom" label={t('providers.employedFrom')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'certificate' && (
            <>
              <Form.Item name="kind" label={t('providers.certificateKind')} rules={[{ required: true }]}>
                <Select
                  options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`certificateKind.${k}`) }))}
                />
              </Form.Item>
              {kind === 'caregiver_skill' && (
                <Form.Item name="level" label={t('providers.level')} rules={[{ required: true }]}>
                  <Select
                    options={CAREGIVER_SKILL_LEVELS.map((l) => ({ value: l, label: t(`skillLevel.${l}`) }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="number" label={t('providers.number')} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="issuedOn" label={t('providers.issuedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="expiresOn" label={t('providers.expiresOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'training' && (
            <>
              <Form.Item name="course" label={t('providers.course')} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="hours" label={t('providers.hours')} rules={[{ required: true }]}>
                <InputNumber min={0.5} max={999} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="trainedOn" label={t('providers.trainedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="trainer" label={t('providers.trainer')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
