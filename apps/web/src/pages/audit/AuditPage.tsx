import { useState } from 'react';
import { Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { ListFilters, LoadMore } from '../../components/ListFilters';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '@yiyang/contracts';
import { useKeysetList } from '../../api/use-keyset-list';
import { formatDateTime } from '../../format';
import { zhCN } from './messages.zh-CN';

const ACTIONS = Object.keys(zhCN.audit.actions);

function Json({ value }: { value: unknown }) {
  return value == null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const list = useKeysetList<AuditEntryDto>('/api/v1/audit', filters);
  const [form] = Form.useForm();

  const search = (v: { actor?: string; action?: string; entity?: string; range?: [Dayjs, Dayjs] }) =>
    setFilters({
      actor: v.actor,
      action: v.action,
      entity: v.entity,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });

  return (
    <Card title={t('audit.title')}>
      <ListFilters form={form} onSearch={search} onReset={() => setFilters({})}>
        <Form.Item name="actor">
          <Input placeholder={t('audit.actor')} allowClear />
        </Form.Item>
        <Form.Item name="action">
          <Select
            placeholder={t('audit.action')}
            allowClear
            style={{ width: 160 }}
            options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          />
        </Form.Item>
        <Form.Item name="entity">
          <Input placeholder={t('audit.entity')} allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={[t('audit.from'), t('audit.to')]} />
        </Form.Item>
      </ListFilters>
      <Table<AuditEntryDto>
        rowKey="id"
        data-testid="audit-table"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          rowExpandable: (e) => e.detailsHidden || e.before != null || e.after != null,
          expandedRowRender: (e) =>
            e.detailsHidden ? (
              <Typography.Text type="secondary">{t('audit.detailsHidden')}</Typography.Text>
            ) : (
              <Space align="start" size="large">
                <div>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={e.before} />
                </div>
                <div>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={e.after} />
                </div>
              </Space>
            ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: formatDateTime, width: 180 },
          { title: t('audit.actor'), dataIndex: 'actorUsername' },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (a: string) => (ACTIONS.includes(a) ? t(`audit.actions.${a}`) : a),
          },
          { title: t('audit.entity'), dataIndex: 'entity' },
          { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
          { title: t('audit.region'), dataIndex: 'regionCode' },
          { title: t('audit.ip'), dataIndex: 'ip' },
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
