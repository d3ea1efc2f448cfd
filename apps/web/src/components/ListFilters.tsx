import type { ReactNode } from 'react';
import { Button, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/** The inline filter bar above every list: fields, then search and reset. */
export function ListFilters<T>(props: {
  form: FormInstance<T>;
  onSearch: (values: T) => void;
  onReset: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form form={props.form} layout="inline" onFinish={props.onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
      {props.children}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            props.form.resetFields();
            props.onReset();
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}

/** "Load more" under a keyset-paginated list, shown while there is a next page. */
export function LoadMore(props: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!props.list.hasNextPage) return null;
  return (
    <Button
      block
      style={{ marginTop: 16 }}
      loading={props.list.isFetchingNextPage}
      onClick={() => props.list.fetchNextPage()}
    >
      {t('common.loadMore')}
    </Button>
  );
}
