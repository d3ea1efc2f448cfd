import { integer, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/** A region's own value for a setting; it applies to the region and everything below it. */
export const regionSettings = pgTable(
  'region_settings',
  {
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The region's significant prefix, so "applies to code X" is `X LIKE prefix || '%'`. */
    regionPrefix: varchar('region_prefix', { length: 12 }).notNull(),
    key: varchar('key', { length: 64 }).notNull(),
    value: integer('value').notNull(),
    updatedBy: varchar('updated_by', { length: 64 }),
    /** Optimistic concurrency: an edit names the version it was read at (platform/db/versioned-write). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.key] })],
);
