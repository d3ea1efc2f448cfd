import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SURVIVAL_METHODS } from '@yiyang/domain';
import { api, ApiError, fieldErrors } from '../../api/client';

interface Values {
  method: string;
  checkedOn: Dayjs;
  result: 'alive' | 'deceased';
  deathDate?: Dayjs;
  notes?: string;
}

export function SurvivalCheckForm({ elderId, onDone }: { elderId: string; onDone: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);

  const submit = async (v: Values) => {
    try {
      await api(`/api/v1/elders/${elderId}/survival-checks`, {
        method: 'POST',
        body: {
          method: v.method,
          checkedOn: v.checkedOn.format('YYYY-MM-DD'),
          result: v.result,
          deathDate: v.deathDate?.format('YYYY-MM-DD'),
          notes: v.notes || undefined,
        },
      });
      message.success(t('survival.recorded'));
      form.resetFields();
      await onDone();
    } catch (e) {
      const fields = fieldErrors(e);
      if (fields.length) form.setFields(fields as never);
      else if (e instanceof ApiError) message.error(e.message);
    }
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ method: 'home_visit', result: 'alive', checkedOn: dayjs() }}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="method" label={t('survival.method')}>
        <Select
          style={{ width: 130 }}
          options={SURVIVAL_METHODS.map((m) => ({ value: m, label: t(`survival.methods.${m}`) }))}
        />
      </Form.Item>
      <Form.Item name="checkedOn" label={t('survival.checkedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="result" label={t('survival.result')}>
        <Select
          style={{ width: 90 }}
          options={['alive', 'deceased'].map((r) => ({ value: r, label: t(`survival.results.${r}`) }))}
        />
      </Form.Item>
      {result === 'deceased' && (
        <Form.Item name="deathDate" label={t('survival.deathDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      )}
      <Form.Item name="notes">
        <Input placeholder={t('elders.notes')} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('survival.record')}
      </Button>
    </Form>
  );
}
