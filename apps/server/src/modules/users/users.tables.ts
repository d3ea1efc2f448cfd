import { boolean, index, integer, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ROLES } from '@yiyang/domain';
import { regions } from '../regions/regions.tables';
import { providers, providerStaff } from '../providers/providers.tables';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; compared lower-case. */
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    role: varchar('role', { length: 32, enum: ROLES }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    /** The provider a provider role works for. */
    providerId: uuid('provider_id').references(() => providers.id),
    /** A caregiver account's own staff record at that provider (one account per record). */
    staffId: uuid('staff_id').references(() => providerStaff.id),
    status: varchar('status', { length: 16, enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Sessions begun before this moment are no longer valid (password reset or change). */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Maker-checker independence: who created the account, and who last set its password for
     * someone else (kept after the owner's own change, which that person may have made).
     * Null when the system (CLI, seed) did it.
     */
    createdBy: uuid('created_by'),
    passwordSetBy: uuid('password_set_by'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_staff_key').on(t.staffId),
    index('users_region_idx').on(t.regionCode.op('varchar_pattern_ops'), t.username),
  ],
);

export type UserRow = typeof users.$inferSelect;
