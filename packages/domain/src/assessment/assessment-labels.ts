import type { Localized } from './assessment-items';
import type { AssessmentReason, AssessmentStatus, ReassessmentCause } from './assessment-workflow';

/** How the workflow's codes read to people, on screen and in Excel ledgers. */
export const ASSESSMENT_REASON_LABELS: Record<AssessmentReason, Localized> = {
  first: { 'zh-CN': '首次评估', en: 'First assessment' },
  routine: { 'zh-CN': '常规评估', en: 'Routine re-assessment' },
  immediate: { 'zh-CN': '即时评估', en: 'Immediate re-assessment' },
  review: { 'zh-CN': '因对评估结果有疑问进行的复评', en: 'Review of a disputed result' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, Localized> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审核', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已通过', en: 'Approved' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const REASSESSMENT_CAUSE_LABELS: Record<ReassessmentCause, Localized> = {
  condition_changed: { 'zh-CN': '身体状况变化', en: 'Condition changed' },
  fall: { 'zh-CN': '跌倒', en: 'Fall' },
  hospital_discharge: { 'zh-CN': '出院', en: 'Hospital discharge' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
