import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * One row per (user, Idempotency-Key): the claim a request makes before its handler runs and,
 * once the handler has answered with a 2xx, that answer. A row without a status is a request
 * still running. Rows are kept 24 hours (purgeExpiredIdempotencyKeys).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** No foreign key: the platform knows no module, and the row is gone within a day anyway. */
    userId: uuid('user_id').notNull(),
    key: varchar('key', { length: 100 }).notNull(),
    /** SHA-256 of method, path and the canonical body: the same key must mean the same request. */
    fingerprint: varchar('fingerprint', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
