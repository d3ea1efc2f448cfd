import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_ITEMS,
  ASSESSMENT_ITEMS_BY_CODE,
  type AssessmentDimension,
  type Localized,
} from './assessment-items';

/** Final levels 0–4 of GB/T 42195 and their codes. */
export const ASSESSMENT_LEVEL_CODES = ['intact', 'mild', 'moderate', 'severe', 'total'] as const;
export type AssessmentLevelCode = (typeof ASSESSMENT_LEVEL_CODES)[number];
export type AssessmentLevel = 0 | 1 | 2 | 3 | 4;

export const LEVEL_LABELS: Record<AssessmentLevelCode, Localized> = {
  intact: { 'zh-CN': '能力完好', en: 'Intact' },
  mild: { 'zh-CN': '轻度失能', en: 'Mildly impaired' },
  moderate: { 'zh-CN': '中度失能', en: 'Moderately impaired' },
  severe: { 'zh-CN': '重度失能', en: 'Severely impaired' },
  total: { 'zh-CN': '完全失能', en: 'Totally impaired' },
};

/** Lowest total of each level 0–4 (level 0 is only the full 90). */
const LEVEL_MIN_TOTAL = [90, 66, 46, 30, 0] as const;
export const MAX_TOTAL = 90;

export function levelForTotal(total: number): AssessmentLevel {
  const level = LEVEL_MIN_TOTAL.findIndex((min) => total >= min);
  return level as AssessmentLevel;
}

export function levelCode(level: AssessmentLevel): AssessmentLevelCode {
  return ASSESSMENT_LEVEL_CODES[level];
}

/** Why the final level differs from the initial one (report section C.4). */
export const ADJUSTMENT_REASONS = [
  'coma',
  'dementia',
  'mental_disorder',
  'care_risk_events',
  'capped',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export const ADJUSTMENT_LABELS: Record<AdjustmentReason, Localized> = {
  coma: { 'zh-CN': '处于昏迷状态，直接评定为完全失能', en: 'Comatose: level 4 whatever the score' },
  dementia: { 'zh-CN': '确诊为认知障碍/痴呆，等级提高一级', en: 'Diagnosed dementia: one level up' },
  mental_disorder: {
    'zh-CN': '确诊为精神科专科医生诊断的其他精神和行为障碍疾病，等级提高一级',
    en: 'Other mental or behavioural disorder diagnosed by a psychiatrist: one level up',
  },
  care_risk_events: {
    'zh-CN': '近30天内发生过2次及以上照护风险事件，等级提高一级',
    en: 'Two or more care-risk events in the last 30 days: one level up',
  },
  capped: {
    'zh-CN': '已为最高等级（完全失能），不再提高',
    en: 'Already at the highest level: not raised further',
  },
};

export interface AssessmentInput {
  /** Points for each of the 26 item codes. */
  items: Record<string, number>;
  coma: boolean;
  dementia: boolean;
  mentalDisorder: boolean;
  /** Falls, choking, suicide or self-harm, wandering off … summed over all kinds. */
  careRiskEvents30d: number;
}

export interface AssessmentResult {
  dimensions: Record<AssessmentDimension, number>;
  total: number;
  initialLevel: AssessmentLevel;
  finalLevel: AssessmentLevel;
  levelCode: AssessmentLevelCode;
  reasons: AdjustmentReason[];
}

export interface ItemProblem {
  item: string;
  problem: 'missing' | 'unknown' | 'out_of_range';
  max?: number;
}

/** Every problem of a set of item answers: missing, unknown, or outside the item's own range. */
export function itemProblems(items: Record<string, unknown>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  for (const item of ASSESSMENT_ITEMS) {
    const value = items[item.code];
    if (value === undefined || value === null) problems.push({ item: item.code, problem: 'missing' });
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > item.max)
      problems.push({ item: item.code, problem: 'out_of_range', max: item.max });
  }
  for (const code of Object.keys(items))
    if (!ASSESSMENT_ITEMS_BY_CODE.has(code)) problems.push({ item: code, problem: 'unknown' });
  return problems;
}

/**
 * Scores a complete, valid set of answers (check {@link itemProblems} first: an invalid answer
 * is an error, never clamped or taken as zero) and applies the adjustments of report C.4.
 */
export function scoreAssessment(input: AssessmentInput): AssessmentResult {
  const problems = itemProblems(input.items);
  if (problems.length) throw new RangeError(`invalid assessment items: ${JSON.stringify(problems)}`);
  const dimensions = Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, 0])) as Record<
    AssessmentDimension,
    number
  >;
  for (const item of ASSESSMENT_ITEMS) dimensions[item.dimension] += input.items[item.code]!;
  const total = ASSESSMENT_DIMENSIONS.reduce((sum, d) => sum + dimensions[d], 0);
  const initialLevel = levelForTotal(total);
  const { finalLevel, reasons } = adjust(initialLevel, input);
  return { dimensions, total, initialLevel, finalLevel, levelCode: levelCode(finalLevel), reasons };
}

function adjust(
  initial: AssessmentLevel,
  input: Omit<AssessmentInput, 'items'>,
): { finalLevel: AssessmentLevel; reasons: AdjustmentReason[] } {
  // Coma overrides everything (C.4: 完全失能).
  if (input.coma) return { finalLevel: 4, reasons: ['coma'] };
  const reasons: AdjustmentReason[] = [];
  if (input.dementia) reasons.push('dementia');
  if (input.mentalDisorder) reasons.push('mental_disorder');
  if (input.careRiskEvents30d >= 2) reasons.push('care_risk_events');
  if (reasons.length === 0) return { finalLevel: initial, reasons };
  // Any number of these conditions raises one level in total, capped at 4.
  if (initial === 4) return { finalLevel: 4, reasons: [...reasons, 'capped'] };
  return { finalLevel: (initial + 1) as AssessmentLevel, reasons };
}
