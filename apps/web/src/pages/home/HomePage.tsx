import { Alert, Button, Card, Col, Empty, List, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useWorkbench } from '../../api/workbench';
import { TodoCard } from './TodoCard';

/** 工作台: who the user is, and the work waiting for them, biggest first. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const workbench = useWorkbench();
  if (!me) return null;
  const items = workbench.data?.items ?? [];
  // Work waiting gets a card; kinds with nothing to do stay listed below, quiet, so that the
  // page says what it watches without pushing the real work off a phone's screen.
  const waiting = items.filter((i) => i.count > 0);
  const idle = items.filter((i) => i.count === 0);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} data-testid="welcome" style={{ marginBottom: 4 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="who">
          {t(`role.${me.role}`)} · {me.regionName}
        </Typography.Text>
      </div>
      <div>
        <Typography.Title level={5}>{t('home.todos')}</Typography.Title>
        {workbench.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : workbench.isError && !workbench.data ? (
          <Alert
            type="error"
            showIcon
            message={t('home.loadFailed')}
            action={
              <Button size="small" onClick={() => void workbench.refetch()}>
                {t('home.retry')}
              </Button>
            }
          />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {waiting.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingToDo')} />
            )}
            {waiting.length > 0 && (
              <Row gutter={[16, 16]} data-testid="todo-cards">
                {waiting.map((item) => (
                  <Col key={item.kind} xs={24} sm={12} lg={8} xl={6}>
                    <TodoCard item={item} />
                  </Col>
                ))}
              </Row>
            )}
            {idle.length > 0 && (
              <Card size="small" title={t('home.clear')} data-testid="todo-clear">
                <List
                  size="small"
                  dataSource={idle}
                  renderItem={(item) => (
                    <List.Item
                      data-testid={`todo-${item.kind}`}
                      extra={<Typography.Text type="secondary">0</Typography.Text>}
                    >
                      <Link to={item.link}>
                        <Typography.Text type="secondary">{item.title}</Typography.Text>
                      </Link>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        )}
      </div>
    </Space>
  );
}
