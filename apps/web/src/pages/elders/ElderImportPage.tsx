import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useSubmissionKey } from '../../api/submission-key';

interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  failed: number;
  errors: { row: number; field: string; code?: string; message: string }[];
  hasErrorWorkbook: boolean;
  /** Localised by the server; never the internal error. */
  failure: string | null;
}

/** Upload, then poll the job: the progress bar follows the server's chunks. */
export function ElderImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [job, setJob] = useState<Job | null>(null);
  const [uploading, setUploading] = useState(false);
  const submission = useSubmissionKey();

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(() => void api<Job>(`/api/v1/elders/imports/${job.id}`).then(setJob), 500);
    return () => clearTimeout(timer);
  }, [job]);

  const upload = async (file: File) => {
    setUploading(true);
    setJob(null);
    const body = new FormData();
    body.append('file', file);
    try {
      // Choosing the same file again after a failure is a retry of the same upload.
      const idempotencyKey = submission.for([file.name, file.size, file.lastModified]);
      setJob(await api<Job>('/api/v1/elders/imports', { method: 'POST', body, idempotencyKey }));
      submission.done();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setUploading(false);
    }
  };

  const percent = job && job.total ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <Card title={t('imports.title')}>
      <Steps
        direction="vertical"
        current={job ? 2 : 1}
        items={[
          {
            title: t('imports.step1'),
            description: (
              <Space direction="vertical">
                <Button icon={<DownloadOutlined />} href="/api/v1/elders/import-template">
                  {t('imports.template')}
                </Button>
                <Typography.Text type="secondary">{t('imports.textColumns')}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('imports.step2'),
            description: (
              <Upload
                accept=".xlsx,.csv"
                showUploadList={false}
                beforeUpload={(file) => (void upload(file), false)}
              >
                <Button
                  type="primary"
                  icon={<UploadOutlined />}
                  loading={uploading}
                  data-testid="import-upload"
                >
                  {t('imports.upload')}
                </Button>
              </Upload>
            ),
          },
          {
            title: t('imports.step3'),
            description: job && (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="import-result">
                <Progress
                  percent={percent}
                  status={
                    job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'
                  }
                />
                {job.status === 'failed' && (
                  <Alert type="error" showIcon title={`${t('imports.failedJob')}: ${job.failure ?? ''}`} />
                )}
                <Space size="large" wrap>
                  <Statistic title={t('imports.total')} value={job.total} />
                  <Statistic
                    title={t('imports.imported')}
                    value={job.imported}
                    valueStyle={{ color: '#389e0d' }}
                  />
                  <Statistic title={t('imports.skipped')} value={job.skipped} />
                  <Statistic
                    title={t('imports.failed')}
                    value={job.failed}
                    valueStyle={{ color: job.failed ? '#cf1322' : undefined }}
                  />
                </Space>
                {job.hasErrorWorkbook && (
                  <Space wrap>
                    <Button icon={<DownloadOutlined />} href={`/api/v1/elders/imports/${job.id}/errors.xlsx`}>
                      {t('imports.downloadErrors')}
                    </Button>
                    <Typography.Text type="secondary">{t('imports.errorsMasked')}</Typography.Text>
                  </Space>
                )}
                {job.errors.length > 0 && (
                  <Table
                    size="small"
                    rowKey={(e) => `${e.row}-${e.field}`}
                    dataSource={job.errors}
                    pagination={{ pageSize: 20 }}
                    columns={[
                      { title: t('imports.row'), dataIndex: 'row', width: 80 },
                      { title: t('imports.field'), dataIndex: 'field', width: 160 },
                      { title: t('imports.reason'), dataIndex: 'message' },
                    ]}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
