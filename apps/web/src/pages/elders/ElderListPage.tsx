import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Popover, Select, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_LEVEL_CODES,
  ELDER_CATEGORIES,
  ELDER_STATUSES,
  LIVING_ARRANGEMENTS,
} from '@yiyang/domain';
import type { ElderDto } from '@yiyang/contracts';
import { useCan, useMe } from '../../api/session';
import { useKeysetList } from '../../api/use-keyset-list';
import { downloadFile } from '../../api/download';
import { ListFilters, LoadMore } from '../../components/ListFilters';
import { RegionSelect } from '../../components/RegionSelect';
import { CategoryTags, ElderStatusTag } from './ElderTags';
import { LevelTag } from '../assessments/ScorePanel';

const COLUMN_KEYS = [
  'idNumber',
  'sex',
  'age',
  'regionName',
  'categories',
  'livingArrangement',
  'phone',
  'status',
  'currentLevel',
] as const;
const COLUMNS_STORAGE = 'yiyang.elders.columns';

function useColumnChoice() {
  const [visible, setVisible] = useState<string[]>(() => {
    const stored = localStorage.getItem(COLUMNS_STORAGE);
    return stored ? (JSON.parse(stored) as string[]) : [...COLUMN_KEYS];
  });
  const choose = (keys: string[]) => {
    setVisible(keys);
    localStorage.setItem(COLUMNS_STORAGE, JSON.stringify(keys));
  };
  return [visible, choose] as const;
}

export function ElderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const can = useCan();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [visible, choose] = useColumnChoice();
  const [form] = Form.useForm();
  const list = useKeysetList<ElderDto>('/api/v1/elders', filters);
  const { modal, message } = App.useApp();
  if (!me) return null;
  /** The export follows the list's filters; the clear one is a POST, so no link can start it. */
  const exportList = (clear: boolean) => {
    const chosen = Object.fromEntries(
      Object.entries(filters)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    const fallbackName = `${t('elders.title')}.xlsx`;
    const done = clear
      ? downloadFile('/api/v1/elders/export-clear', { method: 'POST', body: chosen, fallbackName })
      : downloadFile(`/api/v1/elders/export?${new URLSearchParams(chosen)}`, { fallbackName });
    return done.catch((error: Error) => message.error(error.message));
  };

  const all = {
    idNumber: { title: t('elders.idNumber'), dataIndex: 'idNumber' },
    sex: { title: t('elders.sex'), dataIndex: 'sex', render: (s: string) => t(`sex.${s}`) },
    age: { title: t('elders.age'), dataIndex: 'age' },
    regionName: { title: t('elders.region'), dataIndex: 'regionName' },
    categories: {
      title: t('elders.categories'),
      dataIndex: 'categories',
      render: (c: string[]) => <CategoryTags categories={c} />,
    },
    livingArrangement: {
      title: t('elders.living'),
      dataIndex: 'livingArrangement',
      render: (l: string) => t(`living.${l}`),
    },
    phone: { title: t('elders.phone'), dataIndex: 'phone' },
    status: {
      title: t('elders.status'),
      dataIndex: 'status',
      render: (s: ElderDto['status']) => <ElderStatusTag status={s} />,
    },
    currentLevel: {
      title: t('assessments.current'),
      dataIndex: 'currentLevel',
      render: (l: number | null) => <LevelTag level={l} />,
    },
  };

  return (
    <Card
      title={t('elders.title')}
      extra={
        <Space>
          <Popover
            trigger="click"
            content={
              <Checkbox.Group
                style={{ display: 'grid', gap: 4 }}
                value={visible}
                onChange={(v) => choose(v as string[])}
                options={COLUMN_KEYS.map((k) => ({ value: k, label: all[k].title }))}
              />
            }
          >
            <Button icon={<SettingOutlined />}>{t('elders.columns')}</Button>
          </Popover>
          <Button icon={<DownloadOutlined />} onClick={() => void exportList(false)}>
            {t('imports.export')}
          </Button>
          {can('pii:reveal') && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                modal.confirm({
                  title: t('imports.exportClear'),
                  content: t('imports.exportClearConfirm'),
                  onOk: () => exportList(true),
                })
              }
            >
              {t('imports.exportClear')}
            </Button>
          )}
          {can('elders:write') && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/elders/import')}>
              {t('imports.title')}
            </Button>
          )}
          {can('elders:write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/elders/new')}
              data-testid="elder-create"
            >
              {t('elders.create')}
            </Button>
          )}
        </Space>
      }
    >
      <ListFilters form={form} onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
        <Form.Item name="q">
          <Input placeholder={t('elders.keyword')} allowClear data-testid="elder-search" />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionSelect root={me.regionCode} allowClear placeholder={t('elders.region')} />
        </Form.Item>
        <Form.Item name="category">
          <Select
            allowClear
            placeholder={t('elders.categories')}
            style={{ width: 150 }}
            options={ELDER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="sex">
          <Select
            allowClear
            placeholder={t('elders.sex')}
            style={{ width: 90 }}
            options={['male', 'female'].map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="ageMin">
          <InputNumber min={0} max={130} placeholder={t('elders.ageMin')} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="ageMax">
          <InputNumber min={0} max={130} placeholder={t('elders.ageMax')} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="livingArrangement">
          <Select
            allowClear
            placeholder={t('elders.living')}
            style={{ width: 130 }}
            options={LIVING_ARRANGEMENTS.map((l) => ({ value: l, label: t(`living.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('elders.status')}
            style={{ width: 100 }}
            options={ELDER_STATUSES.map((s) => ({ value: s, label: t(`elderStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="levelMin">
          <Select
            allowClear
            placeholder={t('catalogue.levelMin')}
            style={{ width: 150 }}
            options={ASSESSMENT_LEVEL_CODES.map((c, l) => ({ value: l, label: t(`assessmentLevel.${c}`) }))}
          />
        </Form.Item>
      </ListFilters>
      <Table<ElderDto>
        rowKey="id"
        data-testid="elders-table"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(e) => ({ onClick: () => navigate(`/elders/${e.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('elders.name'), dataIndex: 'name', fixed: 'left' as const },
          ...COLUMN_KEYS.filter((k) => visible.includes(k)).map((k) => ({ key: k, ...all[k] })),
        ]}
      />
      <LoadMore list={list} />
    </Card>
  );
}
