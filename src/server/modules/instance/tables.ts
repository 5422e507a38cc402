import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';

/** Instance-wide settings (registration mode, generated secret). One row per key, shared by every server process. */
export const instanceSetting = pgTable('instance_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rate-limit events, counted over a sliding window. Keys are keyed hashes of the IP or account, never the raw
 * value. Stored in PostgreSQL so limits hold across server instances.
 */
export const rateEvent = pgTable(
  'rate_event',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    bucket: text('bucket').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_event_lookup_idx').on(t.bucket, t.keyHash, t.createdAt)],
);
