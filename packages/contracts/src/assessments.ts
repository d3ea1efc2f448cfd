import { z } from 'zod';
import {
  ADJUSTMENT_REASONS,
  ASSESSMENT_LEVEL_CODES,
  ASSESSMENT_REASONS,
  ASSESSMENT_STATUSES,
  REASSESSMENT_CAUSES,
} from '@yiyang/domain';
import {
  editBody,
  isoDate,
  isoDateTime,
  nameText,
  pageQuery,
  phone,
  recordVersion,
  regionCode,
  text,
} from './common';

/**
 * Item answers: item code → points. Checked by the domain rules, not here, so that a missing,
 * unknown or out-of-range item (or a string) is reported as ASSESSMENT_ITEM_INVALID naming it.
 */
const itemAnswers = z.record(z.string().max(40), z.unknown());
const adjustmentFacts = {
  coma: z.boolean().default(false),
  dementia: z.boolean().default(false),
  mentalDisorder: z.boolean().default(false),
  careRiskEvents30d: z.number().int().min(0).max(99).default(0),
};

export const scoreAssessmentBody = z.strictObject({ items: itemAnswers, ...adjustmentFacts });
export type ScoreAssessmentBody = z.infer<typeof scoreAssessmentBody>;

export const assessmentScore = z.object({
  dimensions: z.object({
    selfCare: z.number(),
    motor: z.number(),
    mental: z.number(),
    perception: z.number(),
  }),
  total: z.number().int(),
  initialLevel: z.number().int().min(0).max(4),
  finalLevel: z.number().int().min(0).max(4),
  levelCode: z.enum(ASSESSMENT_LEVEL_CODES),
  reasons: z.array(z.enum(ADJUSTMENT_REASONS)),
});
export type AssessmentScore = z.infer<typeof assessmentScore>;

// Agencies and assessors

export const createAgencyBody = z.strictObject({
  name: nameText(100, 2),
  creditCode: z.string().trim().min(1).max(30),
  regionCode,
  address: text(200, 0).nullable().optional(),
  phone: phone.nullable().optional(),
});
export type CreateAgencyBody = z.infer<typeof createAgencyBody>;

export const updateAgencyBody = editBody({
  name: nameText(100, 2),
  address: text(200, 0).nullable(),
  phone: phone.nullable(),
  status: z.enum(['active', 'suspended']),
});
export type UpdateAgencyBody = z.infer<typeof updateAgencyBody>;

export const agency = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'suspended']),
  activeAssessors: z.number().int(),
  /** Fewer than five active assessors: flagged, and cannot start new tasks. */
  understaffed: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
});
export type AgencyDto = z.infer<typeof agency>;

export const addAssessorBody = z.strictObject({
  userId: z.uuid(),
  qualification: text(100),
  certificateNo: text(50),
  reviewer: z.boolean().default(false),
});
export type AddAssessorBody = z.infer<typeof addAssessorBody>;

export const updateAssessorBody = editBody({
  qualification: text(100),
  certificateNo: text(50),
  reviewer: z.boolean(),
  active: z.boolean(),
});
export type UpdateAssessorBody = z.infer<typeof updateAssessorBody>;

export const assessor = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.uuid(),
  qualification: z.string(),
  certificateNo: z.string(),
  reviewer: z.boolean(),
  active: z.boolean(),
  /** Active as an assessor and the account is enabled. */
  available: z.boolean(),
  version: z.number().int(),
});
export type AssessorDto = z.infer<typeof assessor>;

export const agencyAndUserParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });

// Assessments

export const createAssessmentBody = z.strictObject({
  elderId: z.uuid(),
  reason: z.enum(ASSESSMENT_REASONS),
  agencyId: z.uuid(),
  assessor1Id: z.uuid(),
  assessor2Id: z.uuid(),
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

const informant = z.strictObject({
  name: nameText(50),
  relation: nameText(20),
});

/** Saves a draft (or a returned assessment): items may be partial, but each one given is valid. */
export const updateAssessmentBody = z.strictObject({
  version: recordVersion,
  place: text(200).nullable().optional(),
  informant: informant.nullable().optional(),
  assessedOn: isoDate.nullable().optional(),
  items: itemAnswers.optional(),
  coma: z.boolean().optional(),
  dementia: z.boolean().optional(),
  mentalDisorder: z.boolean().optional(),
  careRiskEvents30d: z.number().int().min(0).max(99).optional(),
  notes: text(1000, 0).nullable().optional(),
});
export type UpdateAssessmentBody = z.infer<typeof updateAssessmentBody>;

export const assessmentActionBody = z.strictObject({
  version: recordVersion,
  note: text(500).optional(),
});
export type AssessmentActionBody = z.infer<typeof assessmentActionBody>;

const person = z.object({ id: z.uuid(), displayName: z.string(), certificateNo: z.string().nullable() });

export const assessment = z.object({
  id: z.uuid(),
  elderId: z.uuid(),
  elderName: z.string(),
  /** Masked unless revealed on the elder record. */
  elderIdNumber: z.string(),
  elderSex: z.enum(['male', 'female']),
  elderBirthDate: z.string(),
  elderAddress: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  reason: z.enum(ASSESSMENT_REASONS),
  status: z.enum(ASSESSMENT_STATUSES),
  assessor1: person,
  assessor2: person,
  place: z.string().nullable(),
  informant: informant.nullable(),
  assessedOn: z.string().nullable(),
  items: z.record(z.string(), z.number()),
  coma: z.boolean(),
  dementia: z.boolean(),
  mentalDisorder: z.boolean(),
  careRiskEvents30d: z.number().int(),
  notes: z.string().nullable(),
  /** Computed on submission; null while a draft. */
  result: assessmentScore.nullable(),
  validUntil: z.string().nullable(),
  createdBy: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: isoDateTime.nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: isoDateTime.nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AssessmentDto = z.infer<typeof assessment>;

export const listAssessmentsQuery = pageQuery.extend({
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  regionCode: regionCode.optional(),
  agencyId: z.uuid().optional(),
  elderId: z.uuid().optional(),
  /** Only tasks where the caller is one of the two assessors. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuery>;

// Due lists and re-assessment requests

export const DUE_KINDS = ['expiring', 'expired', 'never', 'requested'] as const;
export const dueQuery = pageQuery.extend({
  kind: z.enum(DUE_KINDS),
  /** For `expiring`: validity ending within this many days. */
  days: z.coerce.number().int().min(1).max(365).default(30),
  regionCode: regionCode.optional(),
});
export type DueQuery = z.infer<typeof dueQuery>;

export const dueElder = z.object({
  elderId: z.uuid(),
  name: z.string(),
  idNumber: z.string(),
  age: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  categories: z.array(z.string()),
  currentLevel: z.number().int().nullable(),
  levelAssessedOn: z.string().nullable(),
  levelValidUntil: z.string().nullable(),
  request: z
    .object({
      id: z.uuid(),
      cause: z.enum(REASSESSMENT_CAUSES),
      note: z.string().nullable(),
      status: z.string(),
      raisedBy: z.string(),
      raisedAt: isoDateTime,
    })
    .nullable(),
  /** A task in progress for this elder, if any. */
  openAssessmentId: z.uuid().nullable(),
});
export type DueElderDto = z.infer<typeof dueElder>;

export const createReassessmentRequestBody = z.strictObject({
  cause: z.enum(REASSESSMENT_CAUSES),
  note: text(500, 0).nullable().optional(),
});
export type CreateReassessmentRequestBody = z.infer<typeof createReassessmentRequestBody>;

export const levelStatsQuery = z.strictObject({ regionCode: regionCode.optional() });
export const levelStats = z.object({
  regionCode: z.string(),
  rows: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      /** Elders (active) by final level 0–4. */
      levels: z.array(z.number().int()).length(5),
      unassessed: z.number().int(),
    }),
  ),
});
export type LevelStats = z.infer<typeof levelStats>;
