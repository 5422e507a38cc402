import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { user } from '../accounts/tables.ts';

/**
 * A person's in-app inbox. A row names what happened (`kind`), the record it is about and who did it, never
 * anyone's text: the page the notification links to applies its own access rules.
 */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id'),
    actorId: uuid('actor_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);
