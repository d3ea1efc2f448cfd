import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_LEVEL_CODES,
  ELDER_CATEGORIES,
  parseYuan,
  SERVICE_ITEMS,
  YUAN_PROBLEM_LABELS,
} from '@yiyang/domain';
import type { CreatePurchaseItemBody, PurchaseItemDto } from '@yiyang/contracts';
import { conflictCurrent } from '../../api/version-conflict';
import { VersionConflictAlert } from '../../components/VersionConflictAlert';
import { api, ApiError } from '../../api/client';
import { useCan, useMe } from '../../api/session';
import { fenAsTyped, formatDay, yuanInputProps, yuanOrDash } from '../../format';
import { RegionSelect } from '../../components/RegionSelect';

interface Item {
  code: string;
  category: string;
  unit: string;
  name: string;
  referencePriceFen: number | null;
  referencePriceVersion: number;
}

/** The service catalogue with the region's reference prices, and the government-purchase list. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const { data: me } = useMe();
  const can = useCan();
  const writable = can('catalogue:write');
  const items = useQuery({
    queryKey: ['service-items', me?.regionCode],
    queryFn: () => api<Item[]>('/api/v1/service-items'),
  });
  const purchase = useQuery({
    queryKey: ['purchase-list'],
    queryFn: () => api<PurchaseItemDto[]>('/api/v1/purchase-list'),
  });
  const [pricing, setPricing] = useState<Item | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const [price, setPrice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  if (!me) return null;
  const savePrice = async () => {
    if (!pricing) return;
    const parsed = parseYuan(price ?? '');
    if (!parsed.ok) return void message.error(YUAN_PROBLEM_LABELS[parsed.problem][lang]);
    try {
      await api(`/api/v1/service-reference-prices/${me.regionCode}/${pricing.code}`, {
        method: 'PUT',
        body: { priceFen: parsed.value, version: pricing.referencePriceVersion },
      });
      setPricing(null);
      setConflicted(false);
      await items.refetch();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
      // Someone else set this price: the dialog keeps the typed price and now shows theirs.
      const now = conflictCurrent<Item>(err);
      if (now) {
        setPricing(now);
        setConflicted(true);
        await items.refetch();
      }
    }
  };
  const addItem = async (v: Record<string, unknown>) => {
    const body: CreatePurchaseItemBody = {
      regionCode: v.regionCode as string,
      itemCode: v.itemCode as string,
      targetRule: {
        ...(v.categories && (v.categories as string[]).length
          ? { categories: v.categories as string[] }
          : {}),
        ...(v.levelMin !== undefined ? { levelMin: v.levelMin as number } : {}),
        ...(v.ageMin ? { ageMin: v.ageMin as number } : {}),
        localHukou: true,
      },
      content: v.content as string,
      standard: v.standard as string,
      providerIds: [],
      validFrom: formatDay(v.validFrom)!,
      validTo: formatDay(v.validTo),
    };
    try {
      await api('/api/v1/purchase-list', { method: 'POST', body });
      setAdding(false);
      form.resetFields();
      await purchase.refetch();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };
  const rule = (r: PurchaseItemDto['targetRule']) =>
    [
      r.categories?.map((c) => t(`category.${c}`)).join('、'),
      r.levelMin !== undefined
        ? `${t('assessments.level')} ≥ ${t(`assessmentLevel.${ASSESSMENT_LEVEL_CODES[r.levelMin]}`)}`
        : null,
      r.ageMin ? `${t('elders.age')} ≥ ${r.ageMin}` : null,
    ]
      .filter(Boolean)
      .join('；');
  return (
    <Card title={t('catalogue.title')}>
      <Tabs
        items={[
          {
            key: 'items',
            label: t('catalogue.items'),
            children: (
              <Table<Item>
                rowKey="code"
                size="small"
                pagination={false}
                loading={items.isLoading}
                dataSource={items.data ?? []}
                columns={[
                  { title: t('providers.item'), dataIndex: 'name' },
                  {
                    title: t('providers.kind'),
                    dataIndex: 'category',
                    render: (c) => t(`serviceCategory.${c}`),
                  },
                  { title: t('catalogue.unit'), dataIndex: 'unit', render: (u) => t(`serviceUnit.${u}`) },
                  {
                    title: t('providers.referencePrice'),
                    dataIndex: 'referencePriceFen',
                    render: (f) => yuanOrDash(f),
                  },
                  ...(writable
                    ? [
                        {
                          title: t('common.actions'),
                          render: (_: unknown, i: Item) => (
                            <Button
                              size="small"
                              onClick={() => (setPricing(i), setPrice(fenAsTyped(i.referencePriceFen)))}
                            >
                              {t('catalogue.setReference')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          },
          {
            key: 'purchase',
            label: t('catalogue.purchase'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {writable && <Button onClick={() => setAdding(true)}>{t('catalogue.addPurchase')}</Button>}
                <Table<PurchaseItemDto>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={purchase.data ?? []}
                  columns={[
                    { title: t('providers.region'), dataIndex: 'regionName' },
                    { title: t('providers.item'), dataIndex: 'itemName' },
                    { title: t('catalogue.target'), render: (_, r) => rule(r.targetRule) },
                    { title: t('catalogue.content'), dataIndex: 'content' },
                    { title: t('catalogue.standard'), dataIndex: 'standard' },
                    { title: t('providers.validFrom'), dataIndex: 'validFrom' },
                    { title: t('providers.validTo'), dataIndex: 'validTo', render: (d) => d ?? '—' },
                  ]}
                />
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!pricing}
        title={`${t('catalogue.setReference')} · ${pricing?.name ?? ''}`}
        onCancel={() => {
          setPricing(null);
          setConflicted(false);
        }}
        onOk={savePrice}
      >
        {conflicted && <VersionConflictAlert />}
        {conflicted && pricing && (
          <p>
            {t('catalogue.currentReference')}: {yuanOrDash(pricing.referencePriceFen)}
          </p>
        )}
        <Space>
          <InputNumber<string> {...yuanInputProps} value={price} onChange={(v) => setPrice(v)} />
          <span>{t('providers.price')}</span>
        </Space>
      </Modal>
      <Modal
        open={adding}
        title={t('catalogue.addPurchase')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={addItem} initialValues={{ regionCode: me.regionCode }}>
          <Form.Item name="regionCode" label={t('providers.region')} rules={[{ required: true }]}>
            <RegionSelect root={me.regionCode} />
          </Form.Item>
          <Form.Item name="itemCode" label={t('providers.item')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={SERVICE_ITEMS.map((i) => ({ value: i.code, label: i.label[lang] }))}
            />
          </Form.Item>
          <Form.Item name="categories" label={t('catalogue.targetCategories')}>
            <Select
              mode="multiple"
              options={ELDER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="levelMin" label={t('catalogue.levelMin')}>
            <Select
              allowClear
              options={ASSESSMENT_LEVEL_CODES.map((c, l) => ({ value: l, label: t(`assessmentLevel.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="ageMin" label={t('catalogue.ageMin')}>
            <InputNumber min={60} max={120} />
          </Form.Item>
          <Form.Item name="content" label={t('catalogue.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="standard" label={t('catalogue.standard')} rules={[{ required: true }]}>
            <Input maxLength={500} />
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
