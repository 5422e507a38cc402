import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../db/ids.ts';

/**
 * Domain events, written in the same transaction as the change they describe (an outbox). Later modules subscribe
 * (mentoring to risk signals, safety to texts to assess). Payloads carry ids, never a person's free text.
 */
export const domainEvent = pgTable(
  'domain_event',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    type: text('type').notNull(),
    userId: uuid('user_id'),
    payload: jsonb('payload').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('domain_event_type_created_idx').on(t.type, t.createdAt)],
);
