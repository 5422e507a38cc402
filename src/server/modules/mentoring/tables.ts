import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { user } from '../accounts/tables.ts';

/**
 * A mentor and a mentee. The mentoring issue builds matching and the lifecycle on this; the journey needs it now
 * for "share with my mentor". One active relationship per mentee.
 */
export const mentorship = pgTable(
  'mentorship',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mentorship_one_active_per_mentee').on(t.menteeId).where(sql`${t.status} = 'active'`),
    index('mentorship_mentor_idx').on(t.mentorId),
  ],
);
