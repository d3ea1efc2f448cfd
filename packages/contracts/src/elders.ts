import { z } from 'zod';
import {
  DECIDER_CONFLICTS,
  DISABILITY_GRADES,
  ELDER_CATEGORIES,
  ELDER_STATUSES,
  LIVING_ARRANGEMENTS,
  SURVIVAL_METHODS,
} from '@yiyang/domain';
import { editBody, isoDate, isoDateTime, nameText, pageQuery, phone, regionCode, text } from './common';

export const elderContact = z.strictObject({
  name: nameText(50),
  relation: nameText(20),
  phone,
  guardian: z.boolean().default(false),
});

/** Fields anyone with elders:write changes directly. */
const directFields = {
  name: nameText(50),
  phone: phone.nullable().optional(),
  regionCode,
  address: text(200),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS),
  chronicConditions: z.array(text(50)).max(30).default([]),
  dementiaDiagnosed: z.boolean().default(false),
  dementiaDiagnosedOn: isoDate.nullable().optional(),
  familyDoctorSigned: z.boolean().default(false),
  familyDoctorInstitution: nameText(100, 0).nullable().optional(),
  contacts: z.array(elderContact).max(10).default([]),
  notes: text(1000, 0).nullable().optional(),
};

/** Fields that move money or eligibility: changed through an approved change request. */
const approvalFields = {
  hukouRegionCode: regionCode,
  categories: z.array(z.enum(ELDER_CATEGORIES)).max(ELDER_CATEGORIES.length).default([]),
  disabilityGrade: z
    .union(DISABILITY_GRADES.map((g) => z.literal(g)))
    .nullable()
    .optional(),
};
export const APPROVAL_FIELDS = ['hukouRegionCode', 'categories', 'disabilityGrade', 'status'] as const;

export const createElderBody = z.strictObject({
  idNumber: z.string().trim().min(15).max(18),
  ...directFields,
  ...approvalFields,
  /** Some services cover younger disabled people: registering someone under 60 is explicit. */
  allowUnderAge: z.boolean().default(false),
});
export type CreateElderBody = z.infer<typeof createElderBody>;

export const updateElderBody = editBody({
  name: directFields.name,
  phone: phone.nullable(),
  regionCode,
  address: directFields.address,
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS),
  chronicConditions: z.array(text(50)).max(30),
  dementiaDiagnosed: z.boolean(),
  dementiaDiagnosedOn: isoDate.nullable(),
  familyDoctorSigned: z.boolean(),
  familyDoctorInstitution: nameText(100, 0).nullable(),
  contacts: z.array(elderContact).max(10),
  notes: text(1000, 0).nullable(),
  hukouRegionCode: regionCode,
  categories: z.array(z.enum(ELDER_CATEGORIES)),
  disabilityGrade: approvalFields.disabilityGrade,
  status: z.enum(ELDER_STATUSES),
});
export type UpdateElderBody = z.infer<typeof updateElderBody>;

export const elder = z.object({
  id: z.uuid(),
  /** Masked (1501**********123X) unless the caller may reveal personal data. */
  idNumber: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  phone: z.string().nullable(),
  hukouRegionCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS),
  categories: z.array(z.enum(ELDER_CATEGORIES)),
  disabilityGrade: z.number().int().nullable(),
  chronicConditions: z.array(z.string()),
  dementiaDiagnosed: z.boolean(),
  dementiaDiagnosedOn: z.string().nullable(),
  familyDoctorSigned: z.boolean(),
  familyDoctorInstitution: z.string().nullable(),
  /** Phones masked, like the elder's own. */
  contacts: z.array(
    z.object({ name: z.string(), relation: z.string(), phone: z.string(), guardian: z.boolean() }),
  ),
  status: z.enum(ELDER_STATUSES),
  statusDate: z.string().nullable(),
  notes: z.string().nullable(),
  /** Final level 0–4 of the latest approved capability assessment; null if never assessed. */
  currentLevel: z.number().int().min(0).max(4).nullable(),
  levelAssessedOn: z.string().nullable(),
  /** Null with a level: it does not expire. */
  levelValidUntil: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ElderDto = z.infer<typeof elder>;

export const revealedElder = z.object({
  idNumber: z.string(),
  phone: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string() })),
});

export const listEldersQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  category: z.enum(ELDER_CATEGORIES).optional(),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  sex: z.enum(['male', 'female']).optional(),
  livingArrangement: z.enum(LIVING_ARRANGEMENTS).optional(),
  status: z.enum(ELDER_STATUSES).optional(),
  level: z.coerce.number().int().min(0).max(4).optional(),
  levelMin: z.coerce.number().int().min(0).max(4).optional(),
  q: z.string().trim().min(1).max(50).optional(),
});
export type ListEldersQuery = z.infer<typeof listEldersQuery>;

export const elderVersion = z.object({
  version: z.number().int(),
  changedAt: isoDateTime,
  changedBy: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});

/** A change to what moves money or eligibility, proposed by one person and decided by another. */
export const elderChanges = z
  .strictObject({
    hukouRegionCode: regionCode,
    categories: z.array(z.enum(ELDER_CATEGORIES)).max(ELDER_CATEGORIES.length),
    disabilityGrade: approvalFields.disabilityGrade,
    status: z.enum(ELDER_STATUSES),
    /** Date of death or of moving out; required with those statuses. */
    statusDate: isoDate.nullable(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { error: 'validation.emptyUpdate' });
export type ElderChanges = z.infer<typeof elderChanges>;

export const createChangeRequestBody = z.strictObject({
  changes: elderChanges,
  reason: text(500),
});

export const decideChangeRequestBody = z.strictObject({ reason: text(500, 0).optional() });
export const rejectChangeRequestBody = z.strictObject({ reason: text(500) });

export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const changeRequest = z.object({
  id: z.uuid(),
  elderId: z.uuid(),
  elderName: z.string(),
  regionCode: z.string(),
  changes: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  requestedBy: z.string(),
  requestedAt: isoDateTime,
  /**
   * Why the caller may not decide this request under the maker-checker rule (they asked for it,
   * or its requester created or set the password of their account), or null: the domain's
   * `deciderConflict`, so the web offers a decision exactly when the server would take one.
   */
  callerConflict: z.enum(DECIDER_CONFLICTS).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  decisionReason: z.string().nullable(),
});
export type ChangeRequestDto = z.infer<typeof changeRequest>;

export const listChangeRequestsQuery = pageQuery.extend({
  status: z.enum(CHANGE_REQUEST_STATUSES).optional(),
  elderId: z.uuid().optional(),
});
export type ListChangeRequestsQuery = z.infer<typeof listChangeRequestsQuery>;

export const survivalCheckBody = z
  .strictObject({
    method: z.enum(SURVIVAL_METHODS),
    checkedOn: isoDate,
    result: z.enum(['alive', 'deceased']),
    /** With result `deceased`: becomes a status change request for approval. */
    deathDate: isoDate.optional(),
    notes: text(500, 0).optional(),
  })
  .refine((b) => (b.result === 'deceased') === (b.deathDate !== undefined), {
    error: 'validation.deathDate',
    path: ['deathDate'],
  });

export const survivalCheck = z.object({
  id: z.uuid(),
  elderId: z.uuid(),
  method: z.enum(SURVIVAL_METHODS),
  checkedOn: z.string(),
  result: z.enum(['alive', 'deceased']),
  checkedBy: z.string(),
  notes: z.string().nullable(),
  createdAt: isoDateTime,
});

export const SURVIVAL_STATES = ['due', 'overdue', 'flagged'] as const;
export const survivalDueQuery = pageQuery.extend({
  state: z.enum(SURVIVAL_STATES),
  /** For `due`: falling due within this many days. */
  withinDays: z.coerce.number().int().min(0).max(366).default(30),
  regionCode: regionCode.optional(),
});
export const survivalDueItem = z.object({
  elderId: z.uuid(),
  name: z.string(),
  regionCode: z.string(),
  lastCheckedOn: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(SURVIVAL_STATES).or(z.literal('ok')),
});

export type ElderVersionDto = z.infer<typeof elderVersion>;
export type RevealedElderDto = z.infer<typeof revealedElder>;
export type SurvivalCheckDto = z.infer<typeof survivalCheck>;
export type SurvivalDueItemDto = z.infer<typeof survivalDueItem>;
