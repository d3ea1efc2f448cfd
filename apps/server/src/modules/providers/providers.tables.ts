import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  CERTIFICATE_KINDS,
  FILING_STATUSES,
  OPERATING_STATUSES,
  OWNERSHIPS,
  PROVIDER_KINDS,
  STAFF_ROLES,
} from '@yiyang/domain';
import { regions } from '../regions/regions.tables';

export interface FilingDocument {
  name: string;
  number: string | null;
  date: string | null;
}

/** 服务机构: facilities of the three-level network, institutions, home-service companies. */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 20, enum: PROVIDER_KINDS }).notNull(),
    ownership: varchar('ownership', { length: 20, enum: OWNERSHIPS }).notNull(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    legalRepresentative: varchar('legal_representative', { length: 50 }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    address: varchar('address', { length: 200 }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    serviceRadiusM: integer('service_radius_m').notNull().default(1500),
    openingHours: varchar('opening_hours', { length: 100 }),
    /** The facility's own service phone (public), not a person's. */
    phone: varchar('phone', { length: 20 }),
    description: varchar('description', { length: 1000 }),
    filingStatus: varchar('filing_status', { length: 12, enum: FILING_STATUSES })
      .notNull()
      .default('not_filed'),
    filingNo: varchar('filing_no', { length: 50 }),
    filedOn: date('filed_on'),
    filingChangedOn: date('filing_changed_on'),
    filingCancelledOn: date('filing_cancelled_on'),
    filingDocuments: jsonb('filing_documents').$type<FilingDocument[]>().notNull().default([]),
    grade: smallint('grade'),
    gradedOn: date('graded_on'),
    gradeBody: varchar('grade_body', { length: 100 }),
    bedsTotal: integer('beds_total').notNull().default(0),
    bedsNursing: integer('beds_nursing').notNull().default(0),
    bedsOccupied: integer('beds_occupied').notNull().default(0),
    operatingStatus: varchar('operating_status', { length: 12, enum: OPERATING_STATUSES })
      .notNull()
      .default('operating'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('providers_credit_code_key').on(t.creditCode),
    index('providers_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.id),
    index('providers_kind_idx').on(t.kind),
  ],
);
export type ProviderRow = typeof providers.$inferSelect;

/** 医养结合: cooperation agreements with medical institutions. */
export const providerMedicalAgreements = pgTable(
  'provider_medical_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    institution: varchar('institution', { length: 100 }).notNull(),
    greenChannel: boolean('green_channel').notNull().default(false),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provider_medical_agreements_provider_idx').on(t.providerId)],
);

/** Filing and grade changes asked for by a provider manager, confirmed by the district. */
export const providerChangeRequests = pgTable(
  'provider_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    status: varchar('status', { length: 12, enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    requestedById: uuid('requested_by_id').notNull(),
    requestedBy: varchar('requested_by', { length: 32 }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: varchar('decided_by', { length: 32 }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: varchar('decision_reason', { length: 500 }),
  },
  (t) => [
    // Scope is the provider's current region (joined), never a copy that a move leaves behind.
    index('provider_change_requests_status_idx').on(t.status, t.requestedAt),
    uniqueIndex('provider_change_requests_one_pending')
      .on(t.providerId)
      .where(sql`status = 'pending'`),
  ],
);
export type ProviderChangeRequestRow = typeof providerChangeRequests.$inferSelect;

/** 从业人员: identity numbers and phones encrypted as for elders. */
export const providerStaff = pgTable(
  'provider_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    name: varchar('name', { length: 50 }).notNull(),
    idNumberEnc: varchar('id_number_enc', { length: 200 }).notNull(),
    idNumberIndex: varchar('id_number_index', { length: 64 }).notNull(),
    idNumberMasked: varchar('id_number_masked', { length: 18 }).notNull(),
    sex: varchar('sex', { length: 6, enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    phoneEnc: varchar('phone_enc', { length: 200 }),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    role: varchar('role', { length: 16, enum: STAFF_ROLES }).notNull(),
    employedFrom: date('employed_from').notNull(),
    employedTo: date('employed_to'),
    awards: jsonb('awards').$type<{ title: string; year: number }[]>().notNull().default([]),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provider_staff_person_key').on(t.providerId, t.idNumberIndex)],
);
export type StaffRow = typeof providerStaff.$inferSelect;

export const staffCertificates = pgTable(
  'staff_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => providerStaff.id),
    kind: varchar('kind', { length: 20, enum: CERTIFICATE_KINDS }).notNull(),
    /** Caregiver skill level 1–5 (5 = entry), for `caregiver_skill` only. */
    level: smallint('level'),
    number: varchar('number', { length: 50 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('staff_certificates_staff_idx').on(t.staffId),
    index('staff_certificates_expiry_idx').on(t.expiresOn),
  ],
);
export type CertificateRow = typeof staffCertificates.$inferSelect;

export const staffTrainings = pgTable(
  'staff_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => providerStaff.id),
    course: varchar('course', { length: 100 }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    trainedOn: date('trained_on').notNull(),
    trainer: varchar('trainer', { length: 100 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_trainings_staff_idx').on(t.staffId, t.trainedOn)],
);

/** A region's reference price of a catalogue item (the most specific region applies). */
export const serviceReferencePrices = pgTable(
  'service_reference_prices',
  {
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    priceFen: integer('price_fen').notNull(),
    updatedBy: varchar('updated_by', { length: 32 }).notNull(),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_reference_prices_key').on(t.regionCode, t.itemCode)],
);

/** What a provider offers, at its own price. */
export const providerServices = pgTable(
  'provider_services',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    priceFen: integer('price_fen').notNull(),
    active: boolean('active').notNull().default(true),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provider_services_key').on(t.providerId, t.itemCode)],
);

/** What the target group of a purchased service is, over elder facts (the subsidy module uses it too). */
export interface TargetRule {
  /** Any of these categories. */
  categories?: string[];
  /** Current assessed level at least this. */
  levelMin?: number;
  ageMin?: number;
  /** Household registration in the list's region. */
  localHukou?: boolean;
}

/** 政府购买服务目录: an item a region buys for a target group, from contracted providers. */
export const purchaseListItems = pgTable(
  'purchase_list_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    targetRule: jsonb('target_rule').$type<TargetRule>().notNull(),
    content: varchar('content', { length: 1000 }).notNull(),
    standard: varchar('standard', { length: 500 }).notNull(),
    providerIds: uuid('provider_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: varchar('created_by', { length: 32 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('purchase_list_items_region_idx').on(t.regionCode.op('varchar_pattern_ops'))],
);
