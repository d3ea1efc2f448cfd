import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  usersEndpoints,
  type AddAssessorBody,
  type AgencyDto,
  type AssessorDto,
  type CreateAgencyBody,
} from '@yiyang/contracts';
import { api, ApiError, fieldErrors } from '../../api/client';
import { useEndpointQuery } from '../../api/endpoints';
import { conflictCurrent } from '../../api/version-conflict';
import { useCan, useMe } from '../../api/session';
import { RegionSelect } from '../../components/RegionSelect';

function AssessorTable(props: { agency: AgencyDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<AddAssessorBody>();
  const path = `/api/v1/assessment-agencies/${props.agency.id}/assessors`;
  const list = useQuery({ queryKey: [path], queryFn: () => api<AssessorDto[]>(path) });
  const candidates = useEndpointQuery(
    usersEndpoints.list,
    { query: { role: 'assessor', limit: 200 } },
    { enabled: adding },
  );
  const refresh = async () => {
    await list.refetch();
    props.onChanged();
  };
  const change = async (assessor: AssessorDto, body: Partial<AssessorDto>) => {
    try {
      await api(`${path}/${assessor.userId}`, {
        method: 'PATCH',
        body: { ...body, version: assessor.version },
      });
      await refresh();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
      // Someone else changed the assessor: show them as they are now.
      if (conflictCurrent(err)) await refresh();
    }
  };
  const add = async (values: AddAssessorBody) => {
    try {
      await api(path, { method: 'POST', body: values });
      setAdding(false);
      form.resetFields();
      await refresh();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = fieldErrors(err);
        if (fields.length) form.setFields(fields as never);
        else message.error(err.message);
      }
    }
  };
  const writable = can('agencies:write');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {writable && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('agencies.addAssessor')}
        </Button>
      )}
      <Table<AssessorDto>
        rowKey="userId"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={[
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('agencies.qualification'), dataIndex: 'qualification' },
          { title: t('agencies.certificateNo'), dataIndex: 'certificateNo' },
          {
            title: t('agencies.reviewer'),
            dataIndex: 'reviewer',
            render: (v: boolean, a) => (
              <Switch
                size="small"
                checked={v}
                disabled={!writable}
                onChange={(reviewer) => change(a, { reviewer })}
              />
            ),
          },
          {
            title: t('agencies.active'),
            dataIndex: 'active',
            render: (v: boolean, a) => (
              <Switch
                size="small"
                checked={v}
                disabled={!writable}
                onChange={(active) => change(a, { active })}
              />
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('agencies.addAssessor')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ reviewer: false }}>
          <Form.Item name="userId" label={t('agencies.user')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={candidates.isLoading}
              options={(candidates.data?.items ?? [])
                .filter((u) => u.status === 'active')
                .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          </Form.Item>
          <Form.Item name="qualification" label={t('agencies.qualification')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('agencies.certificateNo')} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="reviewer" label={t('agencies.reviewer')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 评估机构: registration, staffing (five active assessors) and status. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateAgencyBody>();
  const agencies = useQuery({
    queryKey: ['assessment-agencies'],
    queryFn: () => api<AgencyDto[]>('/api/v1/assessment-agencies'),
  });
  const create = async (values: CreateAgencyBody) => {
    try {
      await api('/api/v1/assessment-agencies', { method: 'POST', body: values });
      setCreating(false);
      form.resetFields();
      await agencies.refetch();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = fieldErrors(err);
        if (fields.length) form.setFields(fields as never);
        else message.error(err.message);
      }
    }
  };
  const setStatus = async (agency: AgencyDto, status: AgencyDto['status']) => {
    try {
      await api(`/api/v1/assessment-agencies/${agency.id}`, {
        method: 'PATCH',
        body: { status, version: agency.version },
      });
      await agencies.refetch();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
      if (conflictCurrent(err)) await agencies.refetch();
    }
  };
  return (
    <Card
      title={t('agencies.title')}
      extra={
        can('agencies:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('agencies.new')}
          </Button>
        )
      }
    >
      <Table<AgencyDto>
        rowKey="id"
        loading={agencies.isLoading}
        pagination={false}
        dataSource={agencies.data ?? []}
        expandable={{
          expandedRowRender: (agency) => (
            <AssessorTable agency={agency} onChanged={() => void agencies.refetch()} />
          ),
        }}
        columns={[
          { title: t('agencies.name'), dataIndex: 'name' },
          { title: t('agencies.creditCode'), dataIndex: 'creditCode' },
          { title: t('agencies.region'), dataIndex: 'regionName' },
          {
            title: t('agencies.activeAssessors'),
            render: (_, a) => (
              <Space>
                {a.activeAssessors}
                {a.understaffed && <Tag color="red">{t('agencies.understaffed')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('agencies.status'),
            dataIndex: 'status',
            render: (s: AgencyDto['status'], a) =>
              can('agencies:write') ? (
                <Switch
                  checked={s === 'active'}
                  checkedChildren={t('agencies.statusValue.active')}
                  unCheckedChildren={t('agencies.statusValue.suspended')}
                  onChange={(on) => setStatus(a, on ? 'active' : 'suspended')}
                />
              ) : (
                t(`agencies.statusValue.${s}`)
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('agencies.new')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="name" label={t('agencies.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="creditCode" label={t('agencies.creditCode')} rules={[{ required: true }]}>
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('agencies.region')} rules={[{ required: true }]}>
            {me && <RegionSelect root={me.regionCode} />}
          </Form.Item>
          <Form.Item name="address" label={t('agencies.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t('agencies.phone')}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
