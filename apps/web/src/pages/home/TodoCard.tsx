import { Button, Card, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TodoItemDto } from '@yiyang/contracts';

export const SEVERITY_COLOURS: Record<TodoItemDto['severity'], string> = {
  info: '#1677ff',
  warning: '#d46b08',
  danger: '#cf1322',
};

/** One kind of waiting work: what it is, how many, and the list where it is done. */
export function TodoCard({ item }: { item: TodoItemDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`todo-${item.kind}`}
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
    >
      <Typography.Text strong>{item.title}</Typography.Text>
      <Typography.Text
        data-testid="todo-count"
        style={{
          fontSize: 32,
          lineHeight: 1.2,
          fontWeight: 600,
          color: SEVERITY_COLOURS[item.severity],
        }}
      >
        {item.count}
      </Typography.Text>
      <div style={{ marginTop: 'auto' }}>
        <Link to={item.link}>
          <Button size="small" type="primary" ghost>
            {t('home.open')} <RightOutlined />
          </Button>
        </Link>
      </div>
    </Card>
  );
}
