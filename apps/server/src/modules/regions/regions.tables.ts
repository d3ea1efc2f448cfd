import { boolean, doublePrecision, index, pgTable, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The administrative division tree (12-digit codes, docs/domain/standards.md). */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    level: varchar('level', {
      length: 16,
      enum: ['province', 'city', 'county', 'street', 'community'],
    }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }).references((): AnyPgColumn => regions.code),
    /** Generated for the demo city, not a real division. */
    demo: boolean('demo').notNull().default(false),
    /** Bounding box, where known: coordinates placed in the region must fall inside it. */
    minLat: doublePrecision('min_lat'),
    maxLat: doublePrecision('max_lat'),
    minLng: doublePrecision('min_lng'),
    maxLng: doublePrecision('max_lng'),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_code_prefix_idx').on(t.code.op('varchar_pattern_ops')),
  ],
);
