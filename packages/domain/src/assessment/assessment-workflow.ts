import type { ElderCategory } from '../elder/categories';
import type { AssessmentLevel } from './assessment-score';
import { addMonths, shiftDays } from '../time/calendar-date';

/** 评估原因 */
export const ASSESSMENT_REASONS = ['first', 'routine', 'immediate', 'review', 'other'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'cancelled'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Statuses of a task still in progress: an elder has at most one. */
export const OPEN_ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['draft', 'submitted', 'returned'];

export const ASSESSMENT_ACTIONS = ['edit', 'submit', 'approve', 'return', 'cancel'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/**
 * The state machine: draft → submitted → approved | returned; a returned assessment is edited and
 * submitted again; a task not yet submitted can be cancelled. Approved and cancelled are final.
 */
const TRANSITIONS: Record<AssessmentStatus, Partial<Record<AssessmentAction, AssessmentStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted', cancel: 'cancelled' },
  returned: { edit: 'returned', submit: 'submitted', cancel: 'cancelled' },
  submitted: { approve: 'approved', return: 'returned' },
  approved: {},
  cancelled: {},
};

/** The status after `action`, or null when the action is not allowed in `status`. */
export function assessmentTransition(
  status: AssessmentStatus,
  action: AssessmentAction,
): AssessmentStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

export const REASSESSMENT_CAUSES = ['condition_changed', 'fall', 'hospital_discharge', 'other'] as const;
export type ReassessmentCause = (typeof REASSESSMENT_CAUSES)[number];

/** The national subsidy project's rule: an agency needs at least this many active assessors. */
export const MIN_AGENCY_ASSESSORS = 5;

/**
 * Elders who should have an assessment even if nobody has asked: those whose subsidies depend on
 * the level (economic hardship, disability certificate, special care) and diagnosed dementia.
 * Age alone (高龄 80+) is not a reason: the high-age allowance does not depend on the level.
 */
export const CATEGORIES_NEEDING_ASSESSMENT: readonly ElderCategory[] = [
  'tekun',
  'dibao',
  'dibao_edge',
  'low_income',
  'shidu',
  'disabled_cert',
  'special_care',
];

/**
 * The one "needs an assessment" rule (docs/policies.md): the due list's "never assessed" query
 * and the demo seeder both select by it; their SQL is built from the same constant and a test
 * checks that both agree with this function.
 */
export function needsAssessment(elder: {
  categories: readonly string[];
  dementiaDiagnosed: boolean;
}): boolean {
  return (
    elder.dementiaDiagnosed ||
    elder.categories.some((c) => CATEGORIES_NEEDING_ASSESSMENT.includes(c as ElderCategory))
  );
}

/**
 * Last day an assessment is valid: the day before the same date `months` later (the month's last
 * day when it is shorter, as `addMonths` reads it), never for level 4.
 */
export function assessmentValidUntil(
  assessedOn: string,
  level: AssessmentLevel,
  months: number,
): string | null {
  if (level === 4) return null;
  return shiftDays(addMonths(assessedOn, months), -1);
}
