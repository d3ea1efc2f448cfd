import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REASSESSMENT_CAUSES } from '@yiyang/domain';
import type { AssessmentDto, CreateReassessmentRequestBody, ElderDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { LevelTag } from './ScorePanel';
import { StatusTag } from './AssessmentPage';
import { NewAssessmentModal } from './NewAssessmentModal';

/** The elder record's "assessments" tab: current level, history, new task, re-assessment request. */
export function ElderAssessmentsTab(props: { elder: ElderDto; onChanged: () => void }) {
  const { elder } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const [form] = Form.useForm<CreateReassessmentRequestBody>();
  const list = useQuery({
    queryKey: ['elder', elder.id, 'assessments'],
    queryFn: () =>
      api<{ items: AssessmentDto[] }>('/api/v1/assessments', { query: { elderId: elder.id, limit: 100 } }),
  });
  const active = elder.status === 'active';

  const request = async (values: CreateReassessmentRequestBody) => {
    try {
      await api(`/api/v1/elders/${elder.id}/reassessment-requests`, { method: 'POST', body: values });
      message.success(t('assessments.requestDone'));
      setRequesting(false);
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('assessments.current')}>
          <LevelTag level={elder.currentLevel} />
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.assessedOn')}>
          {elder.levelAssessedOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessments.validUntil')}>
          {elder.currentLevel === null ? '—' : (elder.levelValidUntil ?? t('assessments.noExpiry'))}
        </Descriptions.Item>
      </Descriptions>
      <Space>
        {active && can('assessments:write') && (
          <Button type="primary" data-testid="new-assessment" onClick={() => setCreating(true)}>
            {t('assessments.new')}
          </Button>
        )}
        {active && can('assessments:request') && (
          <Button onClick={() => setRequesting(true)}>{t('assessments.request')}</Button>
        )}
      </Space>
      <Table<AssessmentDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('assessments.empty') }}
        columns={[
          { title: t('assessments.assessedOn'), dataIndex: 'assessedOn', render: (d) => d ?? '—' },
          { title: t('assessments.reason'), dataIndex: 'reason', render: (r) => t(`assessmentReason.${r}`) },
          { title: t('assessments.agency'), dataIndex: 'agencyName' },
          { title: t('assessments.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
          { title: t('assessments.total'), render: (_, a) => a.result?.total ?? '—' },
          {
            title: t('assessments.finalLevel'),
            render: (_, a) => (a.result ? <LevelTag level={a.result.finalLevel} /> : '—'),
          },
          { title: t('assessments.validUntil'), dataIndex: 'validUntil', render: (d) => d ?? '—' },
          {
            title: t('common.actions'),
            render: (_, a) => (
              <Space>
                <Link to={`/assessments/${a.id}`}>{t('assessments.open')}</Link>
                <Link to={`/assessments/${a.id}/report`}>{t('assessments.report')}</Link>
              </Space>
            ),
          },
        ]}
      />
      <NewAssessmentModal elderId={elder.id} open={creating} onClose={() => setCreating(false)} />
      <Modal
        open={requesting}
        title={t('assessments.request')}
        onCancel={() => setRequesting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={request} initialValues={{ cause: 'condition_changed' }}>
          <Form.Item name="cause" label={t('assessments.cause')} rules={[{ required: true }]}>
            <Select
              options={REASSESSMENT_CAUSES.map((c) => ({ value: c, label: t(`reassessmentCause.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('assessments.note')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
