import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HealthResponse } from '@yiyang/contracts';
import { api } from '../../api/client';
import { useMe } from '../../api/session';

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api<HealthResponse>('/api/health') });
  if (!me) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} data-testid="welcome">
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card>
            <Descriptions column={1}>
              <Descriptions.Item label={t('home.role')}>{t(`role.${me.role}`)}</Descriptions.Item>
              <Descriptions.Item label={t('home.scope')}>
                {me.regionName} <Typography.Text type="secondary">{me.regionCode}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.permissions')}>
                {me.permissions.length === 0 ? (
                  <Typography.Text type="secondary">{t('home.noPermissions')}</Typography.Text>
                ) : (
                  me.permissions.map((p) => <Tag key={p}>{p}</Tag>)
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.system')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.database')}>{health.data?.database ?? '…'}</Descriptions.Item>
              <Descriptions.Item label={t('home.broker')}>{health.data?.broker ?? '…'}</Descriptions.Item>
              <Descriptions.Item label={t('home.version')}>{health.data?.version ?? '…'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
