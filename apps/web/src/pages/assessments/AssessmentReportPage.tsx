import { useState } from 'react';
import { App, Button, Empty, Space, Spin } from 'antd';
import { PrinterOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_DIMENSIONS, ASSESSMENT_ITEMS, ASSESSMENT_LEVEL_CODES } from '@yiyang/domain';
import type { AssessmentDto, RevealedElderDto } from '@yiyang/contracts';
import { api, ApiError } from '../../api/client';
import { useCan } from '../../api/session';
import { DIMENSION_MAX } from './ScorePanel';
import './report.css';

/** The printable A4 report (sections C.1–C.5 with signatures); the browser prints it or saves a PDF. */
export function AssessmentReportPage() {
  const { id } = useParams() as { id: string };
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const can = useCan();
  const [clearId, setClearId] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['assessment', id],
    queryFn: () => api<AssessmentDto>(`/api/v1/assessments/${id}`),
  });
  if (query.error instanceof ApiError) return <Empty description={query.error.message} />;
  const a = query.data;
  if (!a) return <Spin fullscreen />;
  const r = a.result;
  const level = (l: number) => `${l} · ${t(`assessmentLevel.${ASSESSMENT_LEVEL_CODES[l]}`)}`;
  const reveal = async () => {
    try {
      setClearId(
        (await api<RevealedElderDto>(`/api/v1/elders/${a.elderId}/reveal`, { method: 'POST' })).idNumber,
      );
    } catch (err) {
      if (err instanceof ApiError) message.error(err.message);
    }
  };

  return (
    <div className="report-page">
      <Space className="report-toolbar">
        <Link to={`/assessments/${id}`}>← {t('assessments.open')}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('assessments.print')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={`/api/v1/assessments/${id}/report.pdf`}>
          {t('assessments.downloadPdf')}
        </Button>
        {can('pii:reveal') && !clearId && (
          <Button icon={<EyeOutlined />} onClick={reveal}>
            {t('elders.reveal')}
          </Button>
        )}
      </Space>
      <article className="report-sheet" data-testid="assessment-report">
        <h1>{t('assessments.report_.title')}</h1>
        <p className="report-sub">
          {t('assessments.standard')} · {a.agencyName} · {t(`assessmentStatus.${a.status}`)}
        </p>
        <h2>{t('assessments.report_.basic')}</h2>
        <table>
          <tbody>
            <tr>
              <th>{t('assessments.report_.name')}</th>
              <td>{a.elderName}</td>
              <th>{t('assessments.report_.sex')}</th>
              <td>{t(`sex.${a.elderSex}`)}</td>
              <th>{t('assessments.report_.birthDate')}</th>
              <td>{a.elderBirthDate}</td>
            </tr>
            <tr>
              <th>{t('assessments.report_.idNumber')}</th>
              <td colSpan={2}>{clearId ?? a.elderIdNumber}</td>
              <th>{t('assessments.reason')}</th>
              <td colSpan={2}>{t(`assessmentReason.${a.reason}`)}</td>
            </tr>
            <tr>
              <th>{t('assessments.report_.address')}</th>
              <td colSpan={5}>
                {a.regionName} {a.elderAddress}
              </td>
            </tr>
            <tr>
              <th>{t('assessments.assessedOn')}</th>
              <td>{a.assessedOn ?? ''}</td>
              <th>{t('assessments.place')}</th>
              <td colSpan={3}>{a.place ?? ''}</td>
            </tr>
          </tbody>
        </table>

        <h2>{t('assessments.report_.c1')}</h2>
        <table>
          <thead>
            <tr>
              {ASSESSMENT_DIMENSIONS.map((d) => (
                <th key={d}>{t(`dimension.${d}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {ASSESSMENT_DIMENSIONS.map((d) => (
                <td key={d}>
                  {r ? r.dimensions[d] : '—'} / {DIMENSION_MAX[d]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <table className="report-items">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('assessments.report_.item')}</th>
              <th>{t('assessments.report_.score')}</th>
              <th>{t('assessments.report_.max')}</th>
            </tr>
          </thead>
          <tbody>
            {ASSESSMENT_ITEMS.map((item, i) => (
              <tr key={item.code}>
                <td>{i + 1}</td>
                <td>{item.label[lang]}</td>
                <td>{a.items[item.code] ?? '—'}</td>
                <td>{item.max}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <tbody>
            <tr>
              <th>{t('assessments.report_.c2')}</th>
              <td data-testid="report-total">{r ? `${r.total} / 90` : '—'}</td>
            </tr>
            <tr>
              <th>{t('assessments.report_.c3')}</th>
              <td>{r ? level(r.initialLevel) : '—'}</td>
            </tr>
            <tr>
              <th>{t('assessments.report_.c4')}</th>
              <td>
                {r && r.reasons.length
                  ? r.reasons.map((x) => <div key={x}>{t(`adjustment.${x}`)}</div>)
                  : t('assessments.noAdjustments')}
              </td>
            </tr>
            <tr>
              <th>{t('assessments.report_.c5')}</th>
              <td data-testid="report-final-level">
                <strong>{r ? level(r.finalLevel) : '—'}</strong>
                {a.status === 'approved' && (
                  <span>
                    {' '}
                    · {t('assessments.validUntil')} {a.validUntil ?? t('assessments.noExpiry')}
                  </span>
                )}
              </td>
            </tr>
          </tbody>
        </table>

        <h2>{t('assessments.report_.signatures')}</h2>
        <table className="report-signatures">
          <tbody>
            <tr>
              <th>{t('assessments.report_.assessorSign')}</th>
              <td>
                {a.assessor1.displayName}
                {a.assessor1.certificateNo ? `（${a.assessor1.certificateNo}）` : ''}
              </td>
              <td className="sign-space" />
              <th>{t('assessments.report_.date')}</th>
              <td className="sign-space" />
            </tr>
            <tr>
              <th>{t('assessments.report_.assessorSign')}</th>
              <td>
                {a.assessor2.displayName}
                {a.assessor2.certificateNo ? `（${a.assessor2.certificateNo}）` : ''}
              </td>
              <td className="sign-space" />
              <th>{t('assessments.report_.date')}</th>
              <td className="sign-space" />
            </tr>
            <tr>
              <th>{t('assessments.report_.informantSign')}</th>
              <td>{a.informant ? `${a.informant.name}（${a.informant.relation}）` : ''}</td>
              <td className="sign-space" />
              <th>{t('assessments.report_.date')}</th>
              <td className="sign-space" />
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  );
}
