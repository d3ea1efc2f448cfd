import { Alert, Button, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
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
  // Work waiting comes first; kinds with nothing to do stay visible but quiet, so that the
  // page says what it watches.
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
            <Row gutter={[16, 16]} data-testid="todo-cards">
              {[...waiting, ...idle].map((item) => (
                <Col key={item.kind} xs={24} sm={12} lg={8} xl={6}>
                  <TodoCard item={item} />
                </Col>
              ))}
            </Row>
          </Space>
        )}
      </div>
    </Space>
  );
}
