import { z } from 'zod';
import {
  CERTIFICATE_KINDS,
  DECIDER_CONFLICTS,
  FILING_STATUSES,
  OPERATING_STATUSES,
  OWNERSHIPS,
  PROVIDER_KINDS,
  STAFF_ROLES,
} from '@yiyang/domain';
import {
  editBody,
  isoDate,
  isoDateTime,
  keyedVersion,
  nameText,
  pageQuery,
  phone,
  regionCode,
  text,
} from './common';

const count = z.number().int().max(100_000);

const filingDocument = z.strictObject({
  name: nameText(100),
  number: text(50, 0).nullable(),
  date: isoDate.nullable(),
});

/** Filing 备案 and grade: a provider manager changes them only through a confirmed request. */
export const providerFilingFields = {
  filingStatus: z.enum(FILING_STATUSES),
  filingNo: text(50, 0).nullable(),
  filedOn: isoDate.nullable(),
  filingChangedOn: isoDate.nullable(),
  filingCancelledOn: isoDate.nullable(),
  filingDocuments: z.array(filingDocument).max(20),
  grade: z.number().int().nullable(),
  gradedOn: isoDate.nullable(),
  gradeBody: nameText(100, 0).nullable(),
};

/** What the provider is registered as (登记事项): a provider manager changes it only by request. */
const registrationFields = {
  name: nameText(100, 2),
  kind: z.enum(PROVIDER_KINDS),
  ownership: z.enum(OWNERSHIPS),
  legalRepresentative: nameText(50),
  regionCode,
  address: text(200),
};

/** Registration facts, filing and grade: changed by a provider manager only through a request. */
export const providerGatedFields = { ...registrationFields, ...providerFilingFields };
export const PROVIDER_GATED_FIELDS = Object.keys(providerGatedFields) as (keyof typeof providerGatedFields)[];

const profileFields = {
  ...registrationFields,
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  serviceRadiusM: z.number().int().min(100).max(50_000),
  openingHours: text(100, 0).nullable(),
  phone: phone.nullable(),
  description: text(1000, 0).nullable(),
  bedsTotal: count,
  bedsNursing: count,
  bedsOccupied: count,
  operatingStatus: z.enum(OPERATING_STATUSES),
};

export const createProviderBody = z.strictObject({
  ...profileFields,
  creditCode: z.string().trim().min(1).max(30),
  lat: profileFields.lat.optional(),
  lng: profileFields.lng.optional(),
  serviceRadiusM: profileFields.serviceRadiusM.default(1500),
  openingHours: profileFields.openingHours.optional(),
  phone: profileFields.phone.optional(),
  description: profileFields.description.optional(),
  bedsTotal: count.default(0),
  bedsNursing: count.default(0),
  bedsOccupied: count.default(0),
  operatingStatus: profileFields.operatingStatus.default('operating'),
  ...z.object(providerFilingFields).partial().shape,
});
export type CreateProviderBody = z.infer<typeof createProviderBody>;

export const updateProviderBody = editBody({ ...profileFields, ...providerFilingFields });
export type UpdateProviderBody = z.infer<typeof updateProviderBody>;

export const provider = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  ownership: z.enum(OWNERSHIPS),
  creditCode: z.string(),
  legalRepresentative: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  serviceRadiusM: z.number().int(),
  openingHours: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  filingStatus: z.enum(FILING_STATUSES),
  filingNo: z.string().nullable(),
  filedOn: z.string().nullable(),
  filingChangedOn: z.string().nullable(),
  filingCancelledOn: z.string().nullable(),
  filingDocuments: z.array(filingDocument),
  grade: z.number().int().nullable(),
  gradedOn: z.string().nullable(),
  gradeBody: z.string().nullable(),
  bedsTotal: z.number().int(),
  bedsNursing: z.number().int(),
  bedsOccupied: z.number().int(),
  bedsAvailable: z.number().int(),
  operatingStatus: z.enum(OPERATING_STATUSES),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ProviderDto = z.infer<typeof provider>;

const providerFilters = {
  regionCode: regionCode.optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  grade: z.coerce.number().int().min(1).max(5).optional(),
  q: z.string().trim().min(1).max(50).optional(),
};
export const listProvidersQuery = pageQuery.extend({
  ...providerFilters,
  operatingStatus: z.enum(OPERATING_STATUSES).optional(),
  filingStatus: z.enum(FILING_STATUSES).optional(),
});
export type ListProvidersQuery = z.infer<typeof listProvidersQuery>;

// Filing and grade changes (maker-checker)

export const providerChangeBody = z.strictObject({
  changes: z
    .strictObject(providerGatedFields)
    .partial()
    .refine((c) => Object.keys(c).length > 0, { error: 'validation.emptyUpdate' }),
  reason: text(500),
});
export type ProviderChangeBody = z.infer<typeof providerChangeBody>;

export const providerChangeRequest = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  regionCode: z.string(),
  changes: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
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
export type ProviderChangeRequestDto = z.infer<typeof providerChangeRequest>;

export const listProviderChangesQuery = pageQuery.extend({
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  providerId: z.uuid().optional(),
});

export const decisionBody = z.strictObject({ reason: text(500).optional() });

// Workforce

export const createStaffBody = z.strictObject({
  name: nameText(50),
  idNumber: z.string().trim().min(15).max(18),
  phone: phone.nullable().optional(),
  role: z.enum(STAFF_ROLES),
  employedFrom: isoDate,
  employedTo: isoDate.nullable().optional(),
});
export type CreateStaffBody = z.infer<typeof createStaffBody>;

export const updateStaffBody = editBody({
  name: nameText(50),
  phone: phone.nullable(),
  role: z.enum(STAFF_ROLES),
  employedFrom: isoDate,
  employedTo: isoDate.nullable(),
  awards: z.array(z.strictObject({ title: text(100), year: z.number().int() })).max(50),
});
export type UpdateStaffBody = z.infer<typeof updateStaffBody>;

export const createCertificateBody = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS),
  level: z.number().int().min(1).max(5).nullable().optional(),
  number: text(50),
  issuedOn: isoDate,
  expiresOn: isoDate.nullable().optional(),
});
export type CreateCertificateBody = z.infer<typeof createCertificateBody>;

export const createTrainingBody = z.strictObject({
  course: text(100),
  hours: z.number().positive().max(999),
  trainedOn: isoDate,
  trainer: nameText(100, 0).nullable().optional(),
});
export type CreateTrainingBody = z.infer<typeof createTrainingBody>;

export const certificate = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  kind: z.enum(CERTIFICATE_KINDS),
  level: z.number().int().nullable(),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  alert: z.enum(['expired', 'expiring']).nullable(),
});
export type CertificateDto = z.infer<typeof certificate>;

export const training = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  course: z.string(),
  hours: z.number(),
  trainedOn: z.string(),
  trainer: z.string().nullable(),
});
export type TrainingDto = z.infer<typeof training>;

export const staffMember = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  name: z.string(),
  /** Masked, like elders' (decision 0003). */
  idNumber: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  phone: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  employedFrom: z.string(),
  employedTo: z.string().nullable(),
  awards: z.array(z.object({ title: z.string(), year: z.number().int() })),
  certificates: z.array(certificate),
  trainings: z.array(training),
  trainingHoursThisYear: z.number(),
  version: z.number().int(),
});
export type StaffDto = z.infer<typeof staffMember>;

export const workforceIndicators = z.object({
  residents: z.number().int(),
  caregivers: z.number().int(),
  caregiversPerResident: z.number().nullable(),
  certifiedCaregivers: z.number().int(),
  certifiedRate: z.number().nullable(),
  trainingHoursPerCaregiver: z.number().nullable(),
});
export type WorkforceIndicators = z.infer<typeof workforceIndicators>;

export const certificateAlertItem = z.object({
  certificateId: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  number: z.string(),
  expiresOn: z.string(),
  alert: z.enum(['expired', 'expiring']),
});
export type CertificateAlertItem = z.infer<typeof certificateAlertItem>;

export const certificateAlertsQuery = z.strictObject({
  regionCode: regionCode.optional(),
  providerId: z.uuid().optional(),
});

// Catalogue and prices

export const serviceItemWithPrice = z.object({
  code: z.string(),
  category: z.string(),
  unit: z.string(),
  name: z.string(),
  /** The reference price of the most specific region that set one, in fen. */
  referencePriceFen: z.number().int().nullable(),
  /** The version of the region's own price; 0 when the price shown is inherited or none is set. */
  referencePriceVersion: z.number().int(),
});
export const catalogueQuery = z.strictObject({ regionCode: regionCode.optional() });

export const priceBody = z.strictObject({
  priceFen: z.number().int().min(0).max(10_000_000),
  version: keyedVersion,
});
export const providerServiceBody = z.strictObject({
  priceFen: z.number().int().min(0).max(10_000_000),
  active: z.boolean().default(true),
  /** 0 for an item the provider does not offer yet. */
  version: keyedVersion,
});
export const providerService = z.object({
  itemCode: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  active: z.boolean(),
  referencePriceFen: z.number().int().nullable(),
  version: z.number().int(),
});
export type ProviderServiceDto = z.infer<typeof providerService>;
export const itemCodeParams = z.strictObject({ id: z.uuid(), itemCode: z.string().max(40) });
export const regionItemParams = z.strictObject({ code: regionCode, itemCode: z.string().max(40) });

export const targetRule = z.strictObject({
  categories: z.array(z.string().max(30)).max(20).optional(),
  levelMin: z.number().int().min(0).max(4).optional(),
  ageMin: z.number().int().min(0).max(130).optional(),
  localHukou: z.boolean().optional(),
});
export const createPurchaseItemBody = z.strictObject({
  regionCode,
  itemCode: z.string().max(40),
  targetRule,
  content: text(1000),
  standard: text(500),
  providerIds: z.array(z.uuid()).max(200).default([]),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});
export type CreatePurchaseItemBody = z.infer<typeof createPurchaseItemBody>;
export const purchaseItem = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  targetRule,
  content: z.string(),
  standard: z.string(),
  providers: z.array(z.object({ id: z.uuid(), name: z.string() })),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type PurchaseItemDto = z.infer<typeof purchaseItem>;

// Public directory: no personal data at all

export const publicProvidersQuery = pageQuery.extend(providerFilters);
/** What anyone may see of a provider: the facility, never a person (no legal representative). */
export const publicProvider = provider.pick({
  id: true,
  name: true,
  kind: true,
  ownership: true,
  regionCode: true,
  regionName: true,
  address: true,
  lat: true,
  lng: true,
  serviceRadiusM: true,
  openingHours: true,
  phone: true,
  filingStatus: true,
  grade: true,
  operatingStatus: true,
  bedsTotal: true,
  bedsAvailable: true,
});
export type PublicProviderDto = z.infer<typeof publicProvider>;
export const publicProviderDetail = publicProvider.extend({
  description: z.string().nullable(),
  bedsNursing: z.number().int(),
  gradedOn: z.string().nullable(),
  services: z.array(
    z.object({ itemCode: z.string(), name: z.string(), unit: z.string(), priceFen: z.number().int() }),
  ),
  medicalCooperation: z.array(z.object({ institution: z.string(), greenChannel: z.boolean() })),
});
export type PublicProviderDetailDto = z.infer<typeof publicProviderDetail>;

export const medicalAgreementBody = z.strictObject({
  institution: nameText(100),
  greenChannel: z.boolean().default(false),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});
export type MedicalAgreementBody = z.infer<typeof medicalAgreementBody>;
export const medicalAgreement = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  institution: z.string(),
  greenChannel: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdAt: isoDateTime,
});
