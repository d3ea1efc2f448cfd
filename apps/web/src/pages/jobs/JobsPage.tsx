import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Grid,
  List,
  Popconfirm,
  Progress,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { JOB_STATES, type BackgroundJobDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { formatDateTime } from '../../format';

type JobState = BackgroundJobDto['state'];

/** States in which a job may still move: the page then watches it closely. */
const LIVE: readonly JobState[] = ['created', 'retry', 'active'];
const RETRYABLE: readonly JobState[] = ['failed', 'cancelled'];
/** Live progress by polling for now; a server-sent event stream is to replace it. */
const LIVE_POLL_MS = 2_000;
// Often enough that a job started elsewhere (an import) shows up while the page is open.
const IDLE_POLL_MS = 5_000;

const STATE_COLOR: Record<JobState, string> = {
  created: 'blue',
  retry: 'warning',
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
};

const isJobState = (value: string | null): value is JobState =>
  value !== null && (JOB_STATES as readonly string[]).includes(value);

function JobStateTag({ state }: { state: JobState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="job-state">
      {t(`jobs.states.${state}`)}
    </Tag>
  );
}

function JobProgress({ job }: { job: BackgroundJobDto }) {
  if (job.total === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const done = job.done ?? 0;
  // A job with nothing to do (an empty clean-up) is complete, not at 0 %.
  const percent = job.total > 0 ? Math.floor((done / job.total) * 100) : job.state === 'completed' ? 100 : 0;
  return (
    <Progress
      percent={percent}
      size="small"
      status={
        job.state === 'failed'
          ? 'exception'
          : job.state === 'active'
            ? 'active'
            : percent === 100
              ? 'success'
              : 'normal'
      }
      format={() => `${done}/${job.total}`}
      style={{ minWidth: 140, marginBottom: 0 }}
    />
  );
}

function JobActions({ job, onDone }: { job: BackgroundJobDto; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = async (action: 'retry' | 'cancel') => {
    try {
      await api(`/api/v1/jobs/${job.id}/${action}`, { method: 'POST' });
      message.success(t(action === 'retry' ? 'jobs.retried' : 'jobs.cancelled'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.network'));
    }
    // Either way the list shows where the job now stands (another admin may have acted first).
    await onDone();
  };
  return (
    <Space size={0} wrap>
      {RETRYABLE.includes(job.state) && (
        <Popconfirm
          title={t('jobs.retryConfirm')}
          description={t('jobs.retryHint')}
          okText={t('jobs.retry')}
          cancelText={t('common.cancel')}
          onConfirm={() => act('retry')}
        >
          <Button type="link" size="small" data-testid="job-retry">
            {t('jobs.retry')}
          </Button>
        </Popconfirm>
      )}
      {LIVE.includes(job.state) && (
        <Popconfirm
          title={t('jobs.cancelConfirm')}
          description={t('jobs.cancelHint')}
          okText={t('jobs.cancelOk')}
          okButtonProps={{ danger: true }}
          cancelText={t('jobs.cancelKeep')}
          onConfirm={() => act('cancel')}
        >
          <Button type="link" size="small" danger data-testid="job-cancel">
            {t('jobs.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** Why the last attempt failed; in a table cell, wrapped at `width` (the cell would not wrap it). */
const Failure = ({ text, width }: { text: string | null; width?: number }) =>
  text ? (
    <Typography.Text
      type="danger"
      data-testid="job-failure"
      style={width ? { display: 'block', width, whiteSpace: 'normal' } : undefined}
    >
      {text}
    </Typography.Text>
  ) : null;

/** 后台任务: every background job, newest first, with its progress while it runs. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  // An unknown ?state= (an old bookmark, a typo) shows every job rather than an error.
  const requested = params.get('state');
  const state = isJobState(requested) ? requested : undefined;
  const client = useQueryClient();
  const query = useQuery({
    // Labels and failure messages come in the caller's language: a switch fetches them anew.
    queryKey: ['jobs', state ?? 'all', i18n.language],
    queryFn: () => api<{ items: BackgroundJobDto[] }>('/api/v1/jobs', { query: { state } }),
    refetchInterval: (q) =>
      q.state.data?.items.some((j) => LIVE.includes(j.state)) ? LIVE_POLL_MS : IDLE_POLL_MS,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['jobs'] });
  const jobs = query.data?.items ?? [];

  const filter = (
    <Select<JobState>
      placeholder={t('jobs.stateFilter')}
      allowClear
      value={state}
      style={{ width: narrow ? '100%' : 200 }}
      data-testid="jobs-state-filter"
      options={JOB_STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) }))}
      onChange={(value) =>
        setParams((p) => {
          const next = new URLSearchParams(p);
          if (value) next.set('state', value);
          else next.delete('state');
          return next;
        })
      }
    />
  );

  const empty = <Empty description={t(state ? 'jobs.emptyFiltered' : 'jobs.empty')} />;

  let body;
  if (query.isError && !query.data)
    body = (
      <Result
        status="warning"
        title={t('jobs.loadFailed')}
        subTitle={query.error instanceof ApiError ? query.error.message : t('errors.network')}
        extra={
          <Button type="primary" onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('jobs.tryAgain')}
          </Button>
        }
        data-testid="jobs-error"
      />
    );
  else if (narrow)
    body = (
      <List<BackgroundJobDto>
        data-testid="jobs-list"
        loading={query.isLoading}
        dataSource={jobs}
        locale={{ emptyText: empty }}
        renderItem={(job) => (
          <List.Item key={job.id} style={{ display: 'block' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Typography.Text strong>{job.label}</Typography.Text>
              <JobStateTag state={job.state} />
            </Space>
            <JobProgress job={job} />
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 8 }}
              items={[
                { key: 'created', label: t('jobs.createdAt'), children: formatDateTime(job.createdAt) },
                { key: 'started', label: t('jobs.startedAt'), children: formatDateTime(job.startedAt) },
                { key: 'finished', label: t('jobs.finishedAt'), children: formatDateTime(job.finishedAt) },
                {
                  key: 'attempts',
                  label: t('jobs.attempts'),
                  children: `${job.retryCount}/${job.retryLimit}`,
                },
                ...(job.failure
                  ? [{ key: 'failure', label: t('jobs.failure'), children: <Failure text={job.failure} /> }]
                  : []),
              ]}
            />
            <JobActions job={job} onDone={refresh} />
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<BackgroundJobDto>
        rowKey="id"
        data-testid="jobs-table"
        loading={query.isLoading}
        dataSource={jobs}
        pagination={false}
        locale={{ emptyText: empty }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('jobs.label'), dataIndex: 'label', fixed: 'left' },
          {
            title: t('jobs.state'),
            // Why it failed, under the state: a column of its own would sit beyond the scroll.
            render: (_, job) => (
              <Space direction="vertical" size={2}>
                <JobStateTag state={job.state} />
                <Failure text={job.failure} width={190} />
              </Space>
            ),
          },
          { title: t('jobs.progress'), render: (_, job) => <JobProgress job={job} /> },
          {
            title: t('jobs.attempts'),
            // Retries made after the first attempt, of those allowed.
            render: (_, job) => `${job.retryCount}/${job.retryLimit}`,
          },
          { title: t('jobs.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: formatDateTime },
          { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: formatDateTime },
          {
            title: t('common.actions'),
            fixed: 'right',
            render: (_, job) => <JobActions job={job} onDone={refresh} />,
          },
        ]}
      />
    );

  return (
    <Card title={t('jobs.title')} extra={narrow ? undefined : filter} data-testid="jobs-page">
      {narrow && <div style={{ marginBottom: 12 }}>{filter}</div>}
      {body}
    </Card>
  );
}
