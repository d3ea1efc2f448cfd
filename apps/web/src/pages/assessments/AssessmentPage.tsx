import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_DIMENSIONS, ASSESSMENT_ITEMS } from '@yiyang/domain';
import type { AssessmentDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { conflictCurrent, useVersionConflict } from '../../api/version-conflict';
import { VersionConflictAlert } from '../../components/VersionConflictAlert';
import { useCan, useMe } from '../../api/session';
import { formatDateTime, todayInShanghai } from '../../format';
import { ScorePanel } from './ScorePanel';
import { useAssessmentScore } from './use-assessment-score';

type Lang = 'zh-CN' | 'en';

interface Draft {
  items: Record<string, number>;
  coma: boolean;
  dementia: boolean;
  mentalDisorder: boolean;
  careRiskEvents30d: number;
  place: string;
  informantName: string;
  informantRelation: string;
  assessedOn: string | null;
}

const draftOf = (a: AssessmentDto): Draft => ({
  items: a.items,
  coma: a.coma,
  dementia: a.dementia,
  mentalDisorder: a.mentalDisorder,
  careRiskEvents30d: a.careRiskEvents30d,
  place: a.place ?? '',
  informantName: a.informant?.name ?? '',
  informantRelation: a.informant?.relation ?? '',
  assessedOn: a.assessedOn,
});

export function StatusTag(props: { status: AssessmentDto['status'] }) {
  const { t } = useTranslation();
  const color = {
    draft: 'default',
    submitted: 'processing',
    returned: 'warning',
    approved: 'success',
    cancelled: 'default',
  }[props.status];
  return (
    <Tag color={color} data-testid="assessment-status">
      {t(`assessmentStatus.${props.status}`)}
    </Tag>
  );
}

/** One assessment: the form grouped by the four dimensions with a live score, and its workflow. */
export function AssessmentPage() {
  const { id } = useParams() as { id: string };
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Lang;
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const can = useCan();
  const query = useQuery({
    queryKey: ['assessment', id],
    queryFn: () => api<AssessmentDto>(`/api/v1/assessments/${id}`),
  });
  // Local edits belong to the version they started from; a newer version from the server wins.
  const [local, setLocal] = useState<{ version: number; draft: Draft } | null>(null);
  const [busy, setBusy] = useState(false);
  const conflict = useVersionConflict<AssessmentDto>();
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  const a = query.data;
  const draft = a ? (local?.version === a.version ? local.draft : draftOf(a)) : null;
  const scoreInput = useMemo(
    () => ({
      items: draft?.items ?? {},
      coma: draft?.coma ?? false,
      dementia: draft?.dementia ?? false,
      mentalDisorder: draft?.mentalDisorder ?? false,
      careRiskEvents30d: draft?.careRiskEvents30d ?? 0,
    }),
    [draft],
  );
  const live = useAssessmentScore(scoreInput);

  if (query.error instanceof ApiError)
    return (
      <Card>
        <Empty description={query.error.message} />
      </Card>
    );
  if (!a || !draft || !me) return <Card loading />;

  const assigned = me.id === a.assessor1.id || me.id === a.assessor2.id;
  const editable = (a.status === 'draft' || a.status === 'returned') && assigned;
  const set = (patch: Partial<Draft>) => setLocal({ version: a.version, draft: { ...draft, ...patch } });

  const run = async (work: () => Promise<AssessmentDto>, done: string) => {
    setBusy(true);
    try {
      await work();
      conflict.clear();
      await query.refetch();
      message.success(done);
      return true;
    } catch (err) {
      // Someone else saved first: what was typed is kept, on top of their version.
      const now = conflictCurrent<AssessmentDto>(err);
      if (conflict.caught(err) && now && local?.version === a.version)
        setLocal({ version: now.version, draft: local.draft });
      if (err instanceof ApiError) message.error(err.message);
      await query.refetch();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    api<AssessmentDto>(`/api/v1/assessments/${id}`, {
      method: 'PATCH',
      body: {
        version: a.version,
        items: draft.items,
        coma: draft.coma,
        dementia: draft.dementia,
        mentalDisorder: draft.mentalDisorder,
        careRiskEvents30d: draft.careRiskEvents30d,
        place: draft.place.trim() || null,
        informant:
          draft.informantName.trim() && draft.informantRelation.trim()
            ? { name: draft.informantName.trim(), relation: draft.informantRelation.trim() }
            : null,
        assessedOn: draft.assessedOn,
      },
    });
  const action = (name: string, version: number, note?: string) =>
    api<AssessmentDto>(`/api/v1/assessments/${id}/${name}`, {
      method: 'POST',
      body: note ? { version, note } : { version },
    });

  const mayReview = a.status === 'submitted' && can('assessments:review');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {conflict.current && (
        <VersionConflictAlert
          onLoad={
            editable
              ? () => {
                  setLocal(null);
                  conflict.clear();
                }
              : undefined
          }
        />
      )}
      <Card
        title={
          <Space>
            <Link to={`/elders/${a.elderId}`}>{a.elderName}</Link>
            <StatusTag status={a.status} />
            <Typography.Text type="secondary">{t(`assessmentReason.${a.reason}`)}</Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Link to={`/assessments/${id}/report`}>{t('assessments.report')}</Link>
            {editable && (
              <>
                <Button loading={busy} onClick={() => run(save, t('assessments.saved'))}>
                  {t('assessments.save')}
                </Button>
                <Button
                  type="primary"
                  loading={busy}
                  data-testid="submit-assessment"
                  onClick={() =>
                    run(async () => {
                      const saved = await save();
                      return action('submit', saved.version);
                    }, t('assessments.submitted'))
                  }
                >
                  {t('assessments.submit')}
                </Button>
                <Button
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: t('assessments.cancelConfirm'),
                      onOk: () => run(() => action('cancel', a.version), t('assessments.cancelled')),
                    })
                  }
                >
                  {t('assessments.cancelTask')}
                </Button>
              </>
            )}
            {mayReview && (
              <>
                <Button
                  type="primary"
                  loading={busy}
                  data-testid="approve-assessment"
                  onClick={() => run(() => action('approve', a.version), t('assessments.approved'))}
                >
                  {t('assessments.approve')}
                </Button>
                <Button onClick={() => setReturning(true)}>{t('assessments.return')}</Button>
              </>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('assessments.standard')}</Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('assessments.agency')}>{a.agencyName}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.assessors')}>
            {a.assessor1.displayName}、{a.assessor2.displayName}
          </Descriptions.Item>
          <Descriptions.Item label={t('elders.idNumber')}>{a.elderIdNumber}</Descriptions.Item>
          <Descriptions.Item label={t('elders.region')}>{a.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.createdBy')}>
            {a.createdBy} · {formatDateTime(a.createdAt)}
          </Descriptions.Item>
          {a.submittedBy && (
            <Descriptions.Item label={t('assessments.submittedBy')}>
              {a.submittedBy} · {formatDateTime(a.submittedAt)}
            </Descriptions.Item>
          )}
          {a.reviewedBy && (
            <Descriptions.Item label={t('assessments.reviewedBy')}>
              {a.reviewedBy} · {formatDateTime(a.reviewedAt)}
            </Descriptions.Item>
          )}
          {a.validUntil && (
            <Descriptions.Item label={t('assessments.validUntil')}>{a.validUntil}</Descriptions.Item>
          )}
        </Descriptions>
        {a.reviewNote && (
          <Alert
            type={a.status === 'returned' ? 'warning' : 'info'}
            message={`${t('assessments.reviewNote')}：${a.reviewNote}`}
          />
        )}
        {!assigned && (a.status === 'draft' || a.status === 'returned') && (
          <Alert type="info" message={t('assessments.notAssigned')} style={{ marginTop: 8 }} />
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small">
              <Form layout="vertical" disabled={!editable}>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('assessments.assessedOn')}>
                      <DatePicker
                        data-testid="assessed-on"
                        value={draft.assessedOn ? dayjs(draft.assessedOn) : null}
                        disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()}
                        onChange={(d) => set({ assessedOn: d ? d.format('YYYY-MM-DD') : null })}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item label={t('assessments.place')}>
                      <Input
                        data-testid="place"
                        maxLength={200}
                        value={draft.place}
                        onChange={(e) => set({ place: e.target.value })}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item label={`${t('assessments.informant')} · ${t('assessments.informantName')}`}>
                      <Input
                        data-testid="informant-name"
                        maxLength={50}
                        value={draft.informantName}
                        onChange={(e) => set({ informantName: e.target.value })}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item label={t('assessments.informantRelation')}>
                      <Input
                        data-testid="informant-relation"
                        maxLength={20}
                        value={draft.informantRelation}
                        onChange={(e) => set({ informantRelation: e.target.value })}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Form>
            </Card>
            {ASSESSMENT_DIMENSIONS.map((dimension) => (
              <Card key={dimension} size="small" title={t(`dimension.${dimension}`)}>
                {ASSESSMENT_ITEMS.filter((item) => item.dimension === dimension).map((item, index) => (
                  <div key={item.code} style={{ marginBottom: 12 }}>
                    <Typography.Text strong>
                      {ASSESSMENT_ITEMS.indexOf(item) + 1}. {item.label[lang]}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">(0–{item.max})</Typography.Text>
                    <Radio.Group
                      data-testid={`item-${item.code}`}
                      disabled={!editable}
                      value={draft.items[item.code]}
                      onChange={(e) =>
                        set({ items: { ...draft.items, [item.code]: e.target.value as number } })
                      }
                      style={{ display: 'flex', flexDirection: 'column', marginTop: 4 }}
                      options={item.options.map((o) => ({
                        value: o.points,
                        label: `${t('assessments.points', { points: o.points })} · ${o.label[lang]}`,
                      }))}
                    />
                    {index < ASSESSMENT_ITEMS.length - 1 && <div style={{ height: 4 }} />}
                  </div>
                ))}
              </Card>
            ))}
            <Card size="small" title={t('assessments.adjustments')}>
              <Space direction="vertical">
                <Checkbox
                  disabled={!editable}
                  checked={draft.coma}
                  onChange={(e) => set({ coma: e.target.checked })}
                >
                  {t('assessments.coma')}
                </Checkbox>
                <Checkbox
                  disabled={!editable}
                  checked={draft.dementia}
                  onChange={(e) => set({ dementia: e.target.checked })}
                >
                  {t('assessments.dementia')}
                </Checkbox>
                <Checkbox
                  disabled={!editable}
                  checked={draft.mentalDisorder}
                  onChange={(e) => set({ mentalDisorder: e.target.checked })}
                >
                  {t('assessments.mentalDisorder')}
                </Checkbox>
                <Space>
                  <Typography.Text>{t('assessments.careRiskEvents')}</Typography.Text>
                  <InputNumber
                    disabled={!editable}
                    min={0}
                    max={99}
                    value={draft.careRiskEvents30d}
                    onChange={(v) => set({ careRiskEvents30d: v ?? 0 })}
                  />
                </Space>
              </Space>
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('assessments.livePreview')} style={{ position: 'sticky', top: 16 }}>
            <ScorePanel dimensions={live.dimensions} answered={live.answered} result={live.result} />
          </Card>
        </Col>
      </Row>

      <Modal
        open={returning}
        title={t('assessments.return')}
        okButtonProps={{ disabled: !returnNote.trim(), loading: busy }}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (await run(() => action('return', a.version, returnNote.trim()), t('assessments.returned')))
            setReturning(false);
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('assessments.returnReason')}
          value={returnNote}
          onChange={(e) => setReturnNote(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
