import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../db/ids.ts';
import { createdAt } from '../modules/accounts/columns.ts';

/**
 * What the realtime socket delivers, kept for `resumeDays` so a client that reconnects gets what it missed
 * (docs/realtime.md). A row names records by id and lists who may receive it, decided when it was written (blocks
 * and membership included); the content is read from the records when it is sent. Never anyone's text.
 */
export const realtimeEvent = pgTable(
  'realtime_event',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    type: text('type').notNull(),
    conversationId: uuid('conversation_id'),
    /** The message, the notification, or the reader (conversation.read). */
    subjectId: uuid('subject_id'),
    /** A message's seq, or the read position. */
    seq: integer('seq'),
    recipients: uuid('recipients').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('realtime_event_recipients_idx').using('gin', t.recipients).with({ fastupdate: false }),
    index('realtime_event_created_idx').on(t.createdAt),
  ],
);
