import { Badge, Button, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../api/workbench';

/** The header's 待办 bell: the total of waiting work, and each kind linking to its list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data } = useWorkbench();
  const waiting = (data?.items ?? []).filter((i) => i.count > 0);
  const total = waiting.reduce((sum, i) => sum + i.count, 0);
  const close = () => setOpen(false);

  const content = (
    <div style={{ width: 'min(320px, calc(100vw - 72px))' }} data-testid="bell-list">
      {waiting.length === 0 ? (
        <Typography.Text type="secondary">{t('bell.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={waiting}
          renderItem={(item) => (
            <List.Item extra={<Badge count={item.count} overflowCount={999} color="#d4380d" />}>
              <Link to={item.link} onClick={close}>
                {item.title}
              </Link>
            </List.Item>
          )}
        />
      )}
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Link to="/" onClick={close}>
          {t('bell.workbench')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      // Centred under the bell: on a phone, right-aligned it would run off the left edge.
      placement="bottom"
      title={t('bell.title')}
      content={content}
      open={open}
      onOpenChange={setOpen}
    >
      {/* The button is the popover's own child, so that it receives the click and the ref. */}
      <Button
        type="text"
        shape="circle"
        aria-label={t('bell.title')}
        data-testid="bell"
        icon={
          <Badge count={total} overflowCount={99} size="small" data-testid="bell-count">
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
