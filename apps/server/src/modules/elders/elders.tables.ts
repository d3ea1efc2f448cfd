import type { AuditActor } from '../../platform/audit/audit-writer';
import type { Locale } from '../../platform/i18n/locale';
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { ELDER_STATUSES, LIVING_ARRANGEMENTS, SURVIVAL_METHODS, type ElderCategory } from '@yiyang/domain';
import { regions } from '../regions/regions.tables';

/** Binary column (error workbooks); Drizzle has no built-in bytea. */
/** node-postgres reads bytea as a Buffer, PGlite as a Uint8Array: both come back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export interface ElderContactRow {
  name: string;
  relation: string;
  /** Encrypted like the identity number; the masked form is what lists show. */
  phoneEnc: string;
  phoneMasked: string;
  guardian: boolean;
}

/** 一人一档: one row per elder; the identity number only encrypted, found by its blind index. */
export const elders = pgTable(
  'elders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIndex: varchar('id_number_index', { length: 64 }).notNull(),
    /** What every screen shows (1501**********123X), kept so lists need not decrypt. */
    idNumberMasked: varchar('id_number_masked', { length: 18 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    sex: varchar('sex', { length: 6, enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: varchar('phone_masked', { length: 20 }),
    hukouRegionCode: varchar('hukou_region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** Residence community: the region the record belongs to for scope. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    address: varchar('address', { length: 200 }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    livingArrangement: varchar('living_arrangement', { length: 20, enum: LIVING_ARRANGEMENTS }).notNull(),
    categories: text('categories')
      .array()
      .$type<ElderCategory[]>()
      .notNull()
      .default(sql`'{}'`),
    disabilityGrade: smallint('disability_grade'),
    chronicConditions: text('chronic_conditions')
      .array()
      .notNull()
      .default(sql`'{}'`),
    dementiaDiagnosed: boolean('dementia_diagnosed').notNull().default(false),
    dementiaDiagnosedOn: date('dementia_diagnosed_on'),
    familyDoctorSigned: boolean('family_doctor_signed').notNull().default(false),
    familyDoctorInstitution: varchar('family_doctor_institution', { length: 100 }),
    contacts: jsonb('contacts').$type<ElderContactRow[]>().notNull().default([]),
    status: varchar('status', { length: 12, enum: ELDER_STATUSES }).notNull().default('active'),
    statusDate: date('status_date'),
    notes: varchar('notes', { length: 1000 }),
    /** Date of the latest survival check that found the elder alive (生存认证). */
    survivalCheckedOn: date('survival_checked_on'),
    /**
     * The final level (0–4) of the latest approved capability assessment, kept here by the
     * assessments module so that counts and filters by level are one indexed query.
     */
    currentLevel: smallint('current_level'),
    levelAssessedOn: date('level_assessed_on'),
    /** Null with a level: it does not expire (level 4). */
    levelValidUntil: date('level_valid_until'),
    currentAssessmentId: uuid('current_assessment_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('elders_id_number_index_key').on(t.idNumberIndex),
    index('elders_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.id),
    index('elders_categories_idx').using('gin', t.categories),
    index('elders_birth_date_idx').on(t.birthDate),
    // Covers level counts per region (status included): an index-only scan, not a heap scan.
    index('elders_region_level_idx').on(t.regionCode.op('varchar_pattern_ops'), t.currentLevel, t.status),
    index('elders_level_valid_until_idx')
      .on(t.levelValidUntil)
      .where(sql`level_valid_until is not null`),
  ],
);
export type ElderRow = typeof elders.$inferSelect;

/** Every version of a record: who changed what, when (before/after of the changed fields). */
export const elderVersions = pgTable(
  'elder_versions',
  {
    elderId: uuid('elder_id')
      .notNull()
      .references(() => elders.id),
    version: integer('version').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changedBy: varchar('changed_by', { length: 64 }),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('elder_versions_key').on(t.elderId, t.version)],
);

/** Maker-checker: changes to categories, hukou, disability grade or status wait for approval. */
export const elderChangeRequests = pgTable(
  'elder_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id')
      .notNull()
      .references(() => elders.id),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    status: varchar('status', { length: 10, enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    requestedById: uuid('requested_by_id').notNull(),
    requestedBy: varchar('requested_by', { length: 64 }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid('decided_by_id'),
    decidedBy: varchar('decided_by', { length: 64 }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: varchar('decision_reason', { length: 500 }),
  },
  (t) => [
    // Scope is the elder's current community (joined), never a copy that a move leaves behind.
    index('elder_change_requests_status_idx').on(t.status, t.requestedAt),
    // One open request per elder: a second would be decided against a stale "before".
    uniqueIndex('elder_change_requests_one_pending')
      .on(t.elderId)
      .where(sql`status = 'pending'`),
  ],
);
export type ElderChangeRequestRow = typeof elderChangeRequests.$inferSelect;

/** 生存认证: each confirmation that an elder is alive (or the finding that they are not). */
export const elderSurvivalChecks = pgTable(
  'elder_survival_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id')
      .notNull()
      .references(() => elders.id),
    method: varchar('method', { length: 12, enum: SURVIVAL_METHODS }).notNull(),
    checkedOn: date('checked_on').notNull(),
    result: varchar('result', { length: 10, enum: ['alive', 'deceased'] }).notNull(),
    checkedBy: varchar('checked_by', { length: 64 }).notNull(),
    notes: varchar('notes', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('elder_survival_checks_elder_idx').on(t.elderId, t.checkedOn)],
);

/** An Excel/CSV import: its progress while it runs, and its report and error workbook after. */
export const elderImportJobs = pgTable(
  'elder_import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The importer's region: who may see the job. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    filename: varchar('filename', { length: 200 }).notNull(),
    status: varchar('status', { length: 10, enum: ['running', 'done', 'failed'] })
      .notNull()
      .default('running'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors')
      .$type<{ row: number; field: string; code?: string; message: string }[]>()
      .notNull()
      .default([]),
    errorWorkbook: bytea('error_workbook'),
    /** An error code (ELDER_IMPORT_FAILED or the AppError that stopped the job), shown localised. */
    failure: varchar('failure', { length: 500 }),
    /** The uploaded file, kept until the job ends so that a restarted process can resume it. */
    file: bytea('file'),
    /** Who started it and in which language the report is written; the job runs without a request. */
    actor: jsonb('actor').$type<AuditActor>(),
    locale: varchar('locale', { length: 5 }).$type<Locale>().notNull().default('zh-CN'),
    /** The background job (pg-boss) that runs it. */
    jobId: uuid('job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('elder_import_jobs_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.createdAt)],
);
export type ElderImportJobRow = typeof elderImportJobs.$inferSelect;
