import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../format';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

export function ChangeRequestTable({
  items,
  onDecided,
  showElder,
}: {
  items: ChangeRequestDto[];
  onDecided: () => unknown;
  showElder: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();

  const decide = (request: ChangeRequestDto, verdict: 'approve' | 'reject') => {
    let reason = '';
    Modal.confirm({
      title: `${t(`changes.${verdict}`)} · ${request.elderName}`,
      content: (
        <Input.TextArea
          placeholder={t('changes.decisionReason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      onOk: async () => {
        if (verdict === 'reject' && !reason.trim()) {
          message.error(t('changes.rejectReasonRequired'));
          throw new Error('reason required');
        }
        try {
          await api(`/api/v1/elder-change-requests/${request.id}/${verdict}`, {
            method: 'POST',
            body: reason.trim() ? { reason: reason.trim() } : {},
          });
          message.success(t('changes.decided'));
          await onDecided();
        } catch (e) {
          if (e instanceof ApiError) message.error(e.message);
          throw e;
        }
      },
    });
  };

  const describe = (values: Record<string, unknown>) =>
    Object.entries(values)
      .map(
        ([k, v]) =>
          `${k}: ${Array.isArray(v) ? v.map((c) => t(`category.${c}`)).join('、') : String(v ?? '—')}`,
      )
      .join('；');

  return (
    <Table<ChangeRequestDto>
      rowKey="id"
      pagination={false}
      dataSource={items}
      scroll={{ x: 900 }}
      columns={[
        ...(showElder
          ? [
              {
                title: t('changes.elder'),
                dataIndex: 'elderName',
                render: (n: string, r: ChangeRequestDto) => <Link to={`/elders/${r.elderId}`}>{n}</Link>,
              },
            ]
          : []),
        {
          title: t('changes.change'),
          render: (_: unknown, r: ChangeRequestDto) => (
            <span>
              {describe(r.before)} → <b>{describe(r.changes)}</b>
            </span>
          ),
        },
        { title: t('changes.reason'), dataIndex: 'reason' },
        { title: t('changes.requestedBy'), dataIndex: 'requestedBy' },
        { title: t('changes.requestedAt'), dataIndex: 'requestedAt', render: formatDateTime },
        {
          title: t('elders.status'),
          dataIndex: 'status',
          render: (s: ChangeRequestDto['status'], r: ChangeRequestDto) => (
            <Tag color={STATUS_COLOR[s]}>
              {t(`changes.status.${s}`)}
              {r.decidedBy ? ` · ${r.decidedBy}` : ''}
            </Tag>
          ),
        },
        ...(can('elders:approve')
          ? [
              {
                title: t('common.actions'),
                render: (_: unknown, r: ChangeRequestDto) =>
                  r.status === 'pending' && !r.callerConflict ? (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => decide(r, 'approve')}>
                        {t('changes.approve')}
                      </Button>
                      <Button type="link" size="small" danger onClick={() => decide(r, 'reject')}>
                        {t('changes.reject')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
