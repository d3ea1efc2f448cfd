import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OWNERSHIPS, PROVIDER_GRADES, PROVIDER_KINDS } from '@yiyang/domain';

/** Kind, ownership and grade filters, shared by the officials' register and the public directory. */
export function ProviderFilterFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind">
        <Select
          allowClear
          placeholder={t('providers.kind')}
          style={{ width: 200 }}
          options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="ownership">
        <Select
          allowClear
          placeholder={t('providers.ownership')}
          style={{ width: 140 }}
          options={OWNERSHIPS.map((k) => ({ value: k, label: t(`ownership.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="grade">
        <Select
          allowClear
          placeholder={t('providers.grade')}
          style={{ width: 100 }}
          options={PROVIDER_GRADES.map((g) => ({ value: g, label: String(g) }))}
        />
      </Form.Item>
    </>
  );
}
