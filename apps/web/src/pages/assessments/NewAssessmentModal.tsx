import { App, Form, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_REASONS } from '@yiyang/domain';
import type { AgencyDto, AssessmentDto, AssessorDto, CreateAssessmentBody } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useMe } from '../../api/session';

/** Opens an assessment task: reason, an agency of enough assessors, and two of them. */
export function NewAssessmentModal(props: { elderId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<CreateAssessmentBody>();
  const agencyId = Form.useWatch('agencyId', form);
  const agencies = useQuery({
    queryKey: ['assessment-agencies'],
    queryFn: () => api<AgencyDto[]>('/api/v1/assessment-agencies'),
    enabled: props.open,
  });
  const assessors = useQuery({
    queryKey: ['assessment-agencies', agencyId, 'assessors'],
    queryFn: () => api<AssessorDto[]>(`/api/v1/assessment-agencies/${agencyId}/assessors`),
    enabled: !!agencyId,
  });
  const people = (assessors.data ?? [])
    .filter((a) => a.available)
    .map((a) => ({ value: a.userId, label: `${a.displayName}（${a.certificateNo}）` }));

  const submit = async (values: CreateAssessmentBody) => {
    try {
      const created = await api<AssessmentDto>('/api/v1/assessments', {
        method: 'POST',
        body: { ...values, elderId: props.elderId },
      });
      props.onClose();
      void navigate(`/assessments/${created.id}`);
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('assessments.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reason: 'first', assessor1Id: me?.role === 'assessor' ? me.id : undefined }}
      >
        <Form.Item name="reason" label={t('assessments.reason')} rules={[{ required: true }]}>
          <Select
            data-testid="new-assessment-reason"
            options={ASSESSMENT_REASONS.map((r) => ({ value: r, label: t(`assessmentReason.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="agencyId" label={t('assessments.agency')} rules={[{ required: true }]}>
          <Select
            data-testid="new-assessment-agency"
            loading={agencies.isLoading}
            options={(agencies.data ?? []).map((a) => ({
              value: a.id,
              label: a.understaffed ? `${a.name}（${t('agencies.understaffed')}）` : a.name,
              disabled: a.understaffed || a.status !== 'active',
            }))}
          />
        </Form.Item>
        <Form.Item name="assessor1Id" label={t('assessments.assessor1')} rules={[{ required: true }]}>
          <Select data-testid="new-assessment-assessor1" options={people} />
        </Form.Item>
        <Form.Item
          name="assessor2Id"
          label={t('assessments.assessor2')}
          dependencies={['assessor1Id']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v && v === getFieldValue('assessor1Id')
                  ? Promise.reject(new Error(t('assessments.assessors')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select data-testid="new-assessment-assessor2" options={people} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
