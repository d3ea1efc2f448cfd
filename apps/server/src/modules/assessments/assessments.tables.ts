import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  ASSESSMENT_REASONS,
  ASSESSMENT_STATUSES,
  type AdjustmentReason,
  type AssessmentDimension,
} from '@yiyang/domain';
import { regions } from '../regions/regions.tables';
import { users } from '../users/users.tables';
import { elders } from '../elders/elders.tables';

/** 评估机构: registered by civil affairs; starts tasks only with at least five active assessors. */
export const assessmentAgencies = pgTable(
  'assessment_agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 100 }).notNull(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    /** The area it serves: elders outside it cannot be given to this agency. */
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    address: varchar('address', { length: 200 }),
    phone: varchar('phone', { length: 20 }),
    status: varchar('status', { length: 12, enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessment_agencies_credit_code_key').on(t.creditCode),
    index('assessment_agencies_region_idx').on(t.regionCode.op('varchar_pattern_ops')),
  ],
);
export type AgencyRow = typeof assessmentAgencies.$inferSelect;

/** An `assessor` user's membership of one agency, with their qualification. */
export const assessors = pgTable(
  'assessors',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => assessmentAgencies.id),
    qualification: varchar('qualification', { length: 100 }).notNull(),
    certificateNo: varchar('certificate_no', { length: 50 }).notNull(),
    /** May approve or return the agency's assessments (never one they assessed). */
    reviewer: boolean('reviewer').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessors_agency_idx').on(t.agencyId)],
);
export type AssessorRow = typeof assessors.$inferSelect;

export interface Informant {
  name: string;
  relation: string;
}

/** One assessment of one elder, from task to approved report; approved ones never change. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id')
      .notNull()
      .references(() => elders.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => assessmentAgencies.id),
    reason: varchar('reason', { length: 12, enum: ASSESSMENT_REASONS }).notNull(),
    status: varchar('status', { length: 12, enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    assessor1Id: uuid('assessor1_id')
      .notNull()
      .references(() => users.id),
    assessor2Id: uuid('assessor2_id')
      .notNull()
      .references(() => users.id),
    place: varchar('place', { length: 200 }),
    informant: jsonb('informant').$type<Informant | null>(),
    assessedOn: date('assessed_on'),
    items: jsonb('items').$type<Record<string, number>>().notNull().default({}),
    coma: boolean('coma').notNull().default(false),
    dementia: boolean('dementia').notNull().default(false),
    mentalDisorder: boolean('mental_disorder').notNull().default(false),
    careRiskEvents30d: smallint('care_risk_events_30d').notNull().default(0),
    notes: varchar('notes', { length: 1000 }),
    /** Computed by the domain scoring on submission. */
    dimensions: jsonb('dimensions').$type<Record<AssessmentDimension, number> | null>(),
    total: smallint('total'),
    initialLevel: smallint('initial_level'),
    finalLevel: smallint('final_level'),
    adjustments: jsonb('adjustments').$type<AdjustmentReason[] | null>(),
    validUntil: date('valid_until'),
    requestId: uuid('request_id'),
    createdBy: varchar('created_by', { length: 32 }).notNull(),
    submittedBy: varchar('submitted_by', { length: 32 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: varchar('reviewed_by', { length: 32 }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: varchar('review_note', { length: 500 }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_elder_idx').on(t.elderId, t.createdAt),
    index('assessments_agency_idx').on(t.agencyId, t.status),
    // An elder has at most one task in progress.
    uniqueIndex('assessments_one_open')
      .on(t.elderId)
      .where(sql`status in ('draft', 'submitted', 'returned')`),
  ],
);
export type AssessmentRow = typeof assessments.$inferSelect;

/** 即时评估: a request, raised from the elder record, to assess again because things changed. */
export const assessmentRequests = pgTable(
  'assessment_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    elderId: uuid('elder_id')
      .notNull()
      .references(() => elders.id),
    cause: varchar('cause', {
      length: 20,
      enum: ['condition_changed', 'fall', 'hospital_discharge', 'other'],
    }).notNull(),
    note: varchar('note', { length: 500 }),
    status: varchar('status', { length: 12, enum: ['open', 'scheduled', 'done', 'cancelled'] })
      .notNull()
      .default('open'),
    raisedBy: varchar('raised_by', { length: 32 }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    assessmentId: uuid('assessment_id'),
  },
  (t) => [
    uniqueIndex('assessment_requests_one_open')
      .on(t.elderId)
      .where(sql`status in ('open', 'scheduled')`),
  ],
);
export type AssessmentRequestRow = typeof assessmentRequests.$inferSelect;
