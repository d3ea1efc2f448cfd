import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_ITEMS } from '@yiyang/domain';
import type { ProviderServiceDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { conflictCurrent } from '../../api/version-conflict';
import { typedFen, yuanInputProps, yuanOrDash, yuanRule } from '../../format';

/** What a provider offers and at what price, next to the region's reference price. */
export function ServicesTab(props: { providerId: string; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const url = `/api/v1/providers/${props.providerId}/services`;
  const services = useQuery({ queryKey: [url], queryFn: () => api<ProviderServiceDto[]>(url) });
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ itemCode: string; price: string; active: boolean }>();
  const save = async (values: { itemCode: string; price: string; active: boolean }) => {
    const priceFen = typedFen(values.price);
    if (priceFen === null) return;
    try {
      // Version 0: the item was not offered when the list was read.
      const read = services.data?.find((s) => s.itemCode === values.itemCode);
      await api(`${url}/${values.itemCode}`, {
        method: 'PUT',
        body: { priceFen, active: values.active, version: read?.version ?? 0 },
      });
      setEditing(false);
      form.resetFields();
      await services.refetch();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
      // Someone else set this price: the dialog keeps what was typed, the list shows theirs.
      if (conflictCurrent(err)) await services.refetch();
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {props.writable && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing(true)}>
          {t('providers.setPrice')}
        </Button>
      )}
      <Table<ProviderServiceDto>
        rowKey="itemCode"
        size="small"
        pagination={false}
        loading={services.isLoading}
        dataSource={services.data ?? []}
        columns={[
          { title: t('providers.item'), dataIndex: 'name' },
          { title: t('providers.kind'), dataIndex: 'category', render: (c) => t(`serviceCategory.${c}`) },
          {
            title: t('providers.price'),
            render: (_, s) => `${yuanOrDash(s.priceFen)} / ${t(`serviceUnit.${s.unit}`)}`,
          },
          {
            title: t('providers.referencePrice'),
            dataIndex: 'referencePriceFen',
            render: (f) => yuanOrDash(f),
          },
          {
            title: t('providers.active'),
            dataIndex: 'active',
            render: (a: boolean) => (a ? t('common.yes') : t('common.no')),
          },
        ]}
      />
      <Modal
        open={editing}
        title={t('providers.setPrice')}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ active: true }}>
          <Form.Item name="itemCode" label={t('providers.item')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={SERVICE_ITEMS.map((i) => ({ value: i.code, label: i.label[lang] }))}
            />
          </Form.Item>
          <Form.Item name="price" label={t('providers.price')} rules={[{ required: true }, yuanRule(lang)]}>
            <InputNumber<string> {...yuanInputProps} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="active" label={t('providers.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
