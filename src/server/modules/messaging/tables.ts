import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { at, byWhom, createdAt, personRef, tsvector, updatedAt } from '../accounts/columns.ts';
import { supportGroup } from '../meetings/tables.ts';

/**
 * A conversation: two people (`direct`), or a support group's chat (`group`, one per group, its members reading it
 * while they belong). `basis` is why they may write (docs/messaging.md); a `request` waits for the recipient.
 */
export const conversation = pgTable(
  'conversation',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    kind: text('kind').notNull(),
    basis: text('basis').notNull(),
    status: text('status').notNull().default('active'),
    /** A direct conversation's two ids, smaller first, joined by ':': one conversation per pair. */
    pairKey: text('pair_key'),
    groupId: uuid('group_id').references(() => supportGroup.id, { onDelete: 'cascade' }),
    /** Who sent the message request (requests only). */
    requestedBy: byWhom('requested_by'),
    /** The last message's seq: taken under this row's lock, so seqs commit in order without gaps. */
    lastSeq: integer('last_seq').notNull().default(0),
    lastMessageAt: at('last_message_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversation_pair').on(t.pairKey).where(sql`${t.kind} = 'direct'`),
    uniqueIndex('conversation_group').on(t.groupId).where(sql`${t.kind} = 'group'`),
    check('conversation_kind', sql`${t.kind} in ('direct', 'group')`),
    check('conversation_basis', sql`${t.basis} in ('mentorship', 'group', 'staff', 'request')`),
    check('conversation_status', sql`${t.status} in ('active', 'requested', 'ignored')`),
    check('conversation_shape', sql`(${t.kind} = 'direct' and ${t.pairKey} is not null and ${t.groupId} is null) or (${t.kind} = 'group' and ${t.groupId} is not null and ${t.pairKey} is null)`),
  ],
);

/**
 * A person in a conversation and how far they have read. For a direct conversation the two rows are its
 * participants; for a group's chat a row only keeps a member's read position (belonging is the group's membership).
 */
export const conversationParticipant = pgTable(
  'conversation_participant',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
    joinedAt: at('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index('conversation_participant_user_idx').on(t.userId)],
);

/** A message. Deleting empties it (it shows as "deleted"); the retention job removes old rows whole. */
export const message = pgTable(
  'message',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    senderId: byWhom('sender_id'),
    body: text('body').notNull(),
    html: text('html').notNull(),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
    deletedAt: at('deleted_at'),
    /** `sender` or `moderator` (after a report). */
    deletedBy: text('deleted_by'),
    /** A new contact pressing to move off Kindred in the first messages: the recipient sees a safety note. */
    offPlatform: boolean('off_platform').notNull().default(false),
    /** Words in any language ('simple': no stemming; people mix English and Spanish in one message). */
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', body)`),
  },
  (t) => [
    uniqueIndex('message_conversation_seq').on(t.conversationId, t.seq),
    // A sender's messages by time: their rate window (the last minute's messages) and their account's deletion.
    index('message_sender_created_idx').on(t.senderId, t.createdAt),
    index('message_created_idx').on(t.createdAt),
    index('message_search_idx').using('gin', t.search).with({ gin_pending_list_limit: 256 }),
    check('message_deleted_by', sql`${t.deletedBy} is null or ${t.deletedBy} in ('sender', 'moderator')`),
  ],
);

/** A person who blocked another: nothing the blocked person sends reaches them, and no requests. */
export const personBlock = pgTable(
  'person_block',
  {
    blockerId: personRef('blocker_id'),
    blockedId: personRef('blocked_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('person_block_blocked_idx').on(t.blockedId)],
);

/**
 * A report of a message, with a copy of it and the few messages around it taken at that moment (moderators read
 * that copy, never the rest of the conversation). One open report per person per message.
 */
export const messageReport = pgTable(
  'message_report',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    messageId: uuid('message_id').references(() => message.id, { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => conversation.id, { onDelete: 'set null' }),
    reporterId: byWhom('reporter_id'),
    senderId: byWhom('sender_id'),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    /** [{ seq, senderId, senderName, body, createdAt, reported }] */
    context: jsonb('context').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: byWhom('resolved_by'),
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    uniqueIndex('message_report_once').on(t.messageId, t.reporterId).where(sql`${t.status} = 'open'`),
    index('message_report_status_idx').on(t.status, t.createdAt),
    check('message_report_status', sql`${t.status} in ('open', 'resolved')`),
    check('message_report_resolution', sql`${t.resolution} is null or ${t.resolution} in ('no_action', 'warned', 'message_removed')`),
  ],
);

/** Group chat is off until a facilitator or coordinator turns it on for the group. */
export const groupChat = pgTable('group_chat', {
  groupId: uuid('group_id')
    .primaryKey()
    .references(() => supportGroup.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  updatedAt: updatedAt(),
});

/**
 * A person's own messaging choices. Absent row: the defaults. `accepts_requests` false: people with no relationship
 * to them cannot send them a message request (a mentor, mentees, staff and their groups still write as before).
 */
export const messagingPreference = pgTable('messaging_preference', {
  userId: personRef('user_id').primaryKey(),
  acceptsRequests: boolean('accepts_requests').notNull().default(true),
  updatedAt: updatedAt(),
});
