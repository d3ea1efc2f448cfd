import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderChangeRequestDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../format';

/** Filing and grade change requests, with confirm / reject for district officials. */
export function ProviderChangeTable(props: {
  items: ProviderChangeRequestDto[];
  onDecided: () => void;
  showProvider?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [rejecting, setRejecting] = useState<ProviderChangeRequestDto | null>(null);
  const [reason, setReason] = useState('');
  const decide = async (r: ProviderChangeRequestDto, verdict: 'approve' | 'reject', why?: string) => {
    try {
      await api(`/api/v1/provider-change-requests/${r.id}/${verdict}`, {
        method: 'POST',
        body: why ? { reason: why } : {},
      });
      setRejecting(null);
      props.onDecided();
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };
  const show = (o: Record<string, unknown>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.length : String(v ?? '—')}`)
      .join('；');
  return (
    <>
      <Table<ProviderChangeRequestDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.items}
        columns={[
          ...(props.showProvider ? [{ title: t('providers.provider'), dataIndex: 'providerName' }] : []),
          { title: t('providers.before'), render: (_, r) => show(r.before) },
          { title: t('providers.after'), render: (_, r) => show(r.changes) },
          { title: t('providers.changeReason'), dataIndex: 'reason' },
          {
            title: t('common.actions'),
            dataIndex: 'requestedBy',
            render: (b: string, r) => `${b} · ${formatDateTime(r.requestedAt)}`,
          },
          {
            title: t('assessments.status'),
            render: (_, r) =>
              r.status === 'pending' && can('providers:approve') && !r.callerConflict ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide(r, 'approve')}>
                    {t('providers.approve')}
                  </Button>
                  <Button size="small" onClick={() => setRejecting(r)}>
                    {t('providers.reject')}
                  </Button>
                </Space>
              ) : (
                <Tag>
                  {r.status === 'pending'
                    ? t('assessmentStatus.submitted')
                    : r.status === 'approved'
                      ? t('assessmentStatus.approved')
                      : t('providers.reject')}
                </Tag>
              ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title={t('providers.reject')}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && decide(rejecting, 'reject', reason.trim())}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('providers.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
