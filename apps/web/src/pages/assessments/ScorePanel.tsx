import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_ITEMS,
  ASSESSMENT_LEVEL_CODES,
  type AssessmentResult,
} from '@yiyang/domain';

const LEVEL_COLORS = ['green', 'blue', 'gold', 'orange', 'red'] as const;

/** Maximum points of each dimension, from the item table. */
export const DIMENSION_MAX = Object.fromEntries(
  ASSESSMENT_DIMENSIONS.map((d) => [
    d,
    ASSESSMENT_ITEMS.filter((i) => i.dimension === d).reduce((s, i) => s + i.max, 0),
  ]),
) as Record<(typeof ASSESSMENT_DIMENSIONS)[number], number>;

export function LevelTag(props: { level: number | null | undefined }) {
  const { t } = useTranslation();
  if (props.level === null || props.level === undefined) return <Tag>{t('assessments.none')}</Tag>;
  const code = ASSESSMENT_LEVEL_CODES[props.level]!;
  return (
    <Tag color={LEVEL_COLORS[props.level]} data-testid="level-tag">
      {props.level} · {t(`assessmentLevel.${code}`)}
    </Tag>
  );
}

/**
 * Dimension sums, total, levels and the grounds for adjusting them: the live preview while an
 * assessment is filled in (result null until every item is answered) and the summary afterwards.
 */
export function ScorePanel(props: {
  dimensions: Record<string, number>;
  answered: number;
  result: Pick<AssessmentResult, 'total' | 'initialLevel' | 'finalLevel' | 'reasons'> | null;
}) {
  const { t } = useTranslation();
  const { result } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="score-panel">
      <Typography.Text type="secondary">
        {t('assessments.answered', { done: props.answered, total: ASSESSMENT_ITEMS.length })}
      </Typography.Text>
      {ASSESSMENT_DIMENSIONS.map((d) => (
        <div key={d}>
          <Typography.Text>
            {t(`dimension.${d}`)}: {props.dimensions[d] ?? 0}/{DIMENSION_MAX[d]}
          </Typography.Text>
          <Progress
            percent={Math.round(((props.dimensions[d] ?? 0) / DIMENSION_MAX[d]) * 100)}
            showInfo={false}
            size="small"
          />
        </div>
      ))}
      {result ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('assessments.total')}>
            <span data-testid="score-total">{result.total}</span> / 90
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.initialLevel')}>
            <LevelTag level={result.initialLevel} />
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.adjustments')}>
            {result.reasons.length
              ? result.reasons.map((r) => <div key={r}>{t(`adjustment.${r}`)}</div>)
              : t('assessments.noAdjustments')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.finalLevel')}>
            <span data-testid="final-level">
              <LevelTag level={result.finalLevel} />
            </span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="warning">{t('assessments.incomplete')}</Typography.Text>
      )}
    </Space>
  );
}
