import { App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DISABILITY_GRADES, ELDER_CATEGORIES, ELDER_STATUSES } from '@yiyang/domain';
import type { ElderDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { RegionSelect } from '../../components/RegionSelect';
import { useSubmissionKey } from '../../api/submission-key';

interface Values {
  categories?: string[];
  hukouRegionCode?: string;
  disabilityGrade?: number | null;
  status?: string;
  statusDate?: Dayjs;
  reason: string;
}

/** Proposes a change of what moves money: only the fields that differ from the record are sent. */
export function ChangeRequestForm({ elder, onDone }: { elder: ElderDto; onDone: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submission = useSubmissionKey();

  const submit = async (v: Values) => {
    const changes: Record<string, unknown> = {};
    if (
      v.categories &&
      JSON.stringify([...v.categories].sort()) !== JSON.stringify([...elder.categories].sort())
    )
      changes.categories = v.categories;
    if (v.hukouRegionCode && v.hukouRegionCode !== elder.hukouRegionCode)
      changes.hukouRegionCode = v.hukouRegionCode;
    if (v.disabilityGrade !== undefined && v.disabilityGrade !== elder.disabilityGrade)
      changes.disabilityGrade = v.disabilityGrade;
    if (v.status && v.status !== elder.status) {
      changes.status = v.status;
      changes.statusDate = v.statusDate ? v.statusDate.format('YYYY-MM-DD') : null;
    }
    try {
      const body = { changes, reason: v.reason };
      await api(`/api/v1/elders/${elder.id}/change-requests`, {
        method: 'POST',
        body,
        idempotencyKey: submission.for([elder.id, body]),
      });
      submission.done();
      message.success(t('changes.submitted'));
      form.resetFields();
      await onDone();
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{
        categories: elder.categories,
        status: elder.status,
        disabilityGrade: elder.disabilityGrade,
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="categories" label={t('elders.categories')}>
        <Select
          mode="multiple"
          style={{ minWidth: 240 }}
          options={ELDER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="disabilityGrade" label={t('elders.disabilityGrade')}>
        <Select
          allowClear
          style={{ width: 80 }}
          options={DISABILITY_GRADES.map((g) => ({ value: g, label: g }))}
        />
      </Form.Item>
      <Form.Item name="hukouRegionCode" label={t('elders.hukou')}>
        <RegionSelect root="150000000000" allowClear />
      </Form.Item>
      <Form.Item name="status" label={t('elders.status')}>
        <Select
          style={{ width: 100 }}
          options={ELDER_STATUSES.map((s) => ({ value: s, label: t(`elderStatus.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="statusDate" label={t('changes.statusDate')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('changes.reason')} rules={[{ required: true, max: 500 }]}>
        <Input style={{ width: 240 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('changes.propose')}
        </Button>
      </Space>
    </Form>
  );
}
