import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { at, byWhom, createdAt, personRef, tsvector, updatedAt } from '../accounts/columns.ts';
import { supportGroup } from '../meetings/tables.ts';


/** A forum category, set up by coordinators: who may read it, who may post in it (docs/community.md). */
export const forumCategory = pgTable(
  'forum_category',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    readAccess: text('read_access').notNull(),
    postAccess: text('post_access').notNull(),
    groupId: uuid('group_id').references(() => supportGroup.id, { onDelete: 'set null' }),
    locale: text('locale').notNull().default('en'),
    celebrations: boolean('celebrations').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: at('archived_at'),
  },
  (t) => [
    uniqueIndex('forum_category_slug').on(t.slug),
    check('forum_category_read', sql`${t.readAccess} in ('public', 'members', 'group')`),
    check('forum_category_post', sql`${t.postAccess} in ('members', 'group', 'moderators')`),
  ],
);

/**
 * A topic: a title and its posts (the opening post is number 1). Counts and the last activity are kept here so
 * category pages never count posts. `status` mirrors the opening post's, so held or hidden topics are not listed.
 */
export const forumTopic = pgTable(
  'forum_topic',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => forumCategory.id, { onDelete: 'cascade' }),
    /** Kept when the author's account goes (null): other people's replies stay. */
    authorId: byWhom('author_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    title: text('title').notNull(),
    status: text('status').notNull().default('visible'),
    lockedAt: at('locked_at'),
    pinnedAt: at('pinned_at'),
    /** Visible replies (not counting the opening post). */
    replyCount: integer('reply_count').notNull().default(0),
    /** The highest post number given out (held and hidden posts included), for numbering. */
    lastNumber: integer('last_number').notNull().default(0),
    lastPostedAt: at('last_posted_at').notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('forum_topic_category_idx').on(t.categoryId, t.status, t.lastPostedAt),
    index('forum_topic_author_idx').on(t.authorId),
    check('forum_topic_status', sql`${t.status} in ('visible', 'held', 'hidden', 'deleted')`),
  ],
);

/**
 * A post: the opening post or a reply. `body` is the author's Markdown, `html` its sanitized rendering (render.ts),
 * `search` the full-text vector in the post's own language (title included for the opening post).
 */
export const forumPost = pgTable(
  'forum_post',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopic.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind').notNull().default('post'),
    authorId: byWhom('author_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    body: text('body').notNull(),
    html: text('html').notNull(),
    locale: text('locale').notNull().default('en'),
    search: tsvector('search').notNull(),
    replyToPostId: uuid('reply_to_post_id'),
    status: text('status').notNull().default('visible'),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
  },
  (t) => [
    uniqueIndex('forum_post_topic_number').on(t.topicId, t.number),
    index('forum_post_author_idx').on(t.authorId, t.createdAt),
    index('forum_post_search_idx').using('gin', t.search),
    check('forum_post_status', sql`${t.status} in ('visible', 'held', 'hidden', 'deleted')`),
    check('forum_post_kind', sql`${t.kind} in ('post', 'milestone')`),
    check('forum_post_locale', sql`${t.locale} in ('en', 'es')`),
  ],
);

/** Earlier versions of a post (and of the topic's title), kept at each edit; moderators read them. */
export const forumPostRevision = pgTable(
  'forum_post_revision',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPost.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    title: text('title'),
    editedBy: byWhom('edited_by'),
    /** A moderator's note on why they edited. */
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('forum_post_revision_post_idx').on(t.postId, t.createdAt)],
);

/** Supportive reactions: one of each kind per person per post. Counts are shown, never a ranking. */
export const forumReaction = pgTable(
  'forum_reaction',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPost.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.kind] }),
    index('forum_reaction_user_idx').on(t.userId),
    check('forum_reaction_kind', sql`${t.kind} in ('support', 'me_too', 'celebrate', 'thanks')`),
  ],
);

/** A person's forum standing: trust level (automatic unless a moderator set it), suspension, ban, activity counts. */
export const forumMember = pgTable(
  'forum_member',
  {
    userId: personRef('user_id').primaryKey(),
    trustLevel: smallint('trust_level').notNull().default(0),
    /** A moderator set the level: automatic promotion leaves it alone. */
    trustLocked: boolean('trust_locked').notNull().default(false),
    topicsRead: integer('topics_read').notNull().default(0),
    postsCreated: integer('posts_created').notNull().default(0),
    suspendedUntil: at('suspended_until'),
    bannedAt: at('banned_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('forum_member_trust', sql`${t.trustLevel} between 0 and 3`)],
);

/** The community guidelines a person accepted, by version, before their first post. */
export const forumGuidelinesAcceptance = pgTable(
  'forum_guidelines_acceptance',
  {
    userId: personRef('user_id'),
    version: integer('version').notNull(),
    acceptedAt: at('accepted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);

/** How far a person has read a topic (unread counts; topics read count toward trust). */
export const forumTopicRead = pgTable(
  'forum_topic_read',
  {
    userId: personRef('user_id'),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopic.id, { onDelete: 'cascade' }),
    lastReadNumber: integer('last_read_number').notNull().default(0),
    readAt: at('read_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);

/** A member's report of a post, with a reason. One open report per person per post. */
export const forumReport = pgTable(
  'forum_report',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPost.id, { onDelete: 'cascade' }),
    reporterId: byWhom('reporter_id'),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    /** The queue item it joined: a person may report a post again once an earlier item was resolved. */
    queueItemId: uuid('queue_item_id')
      .notNull()
      .references(() => forumQueueItem.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('forum_report_post_idx').on(t.postId), uniqueIndex('forum_report_once').on(t.postId, t.reporterId, t.queueItemId)],
);

/**
 * The moderation queue: one open item per post, gathering why it is there (needs care, held by a rule, reported).
 * Resolved items stay as the record of what was decided.
 */
export const forumQueueItem = pgTable(
  'forum_queue_item',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    postId: uuid('post_id')
      .notNull()
      .references(() => forumPost.id, { onDelete: 'cascade' }),
    kinds: text('kinds').array().notNull(),
    rules: text('rules').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('open'),
    /** The escalation the crisis detector opened for this post, for needs-care items. */
    escalationId: uuid('escalation_id'),
    openedAt: createdAt(),
    resolvedAt: at('resolved_at'),
    resolvedBy: byWhom('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('forum_queue_item_one_open').on(t.postId).where(sql`${t.status} = 'open'`),
    index('forum_queue_item_status_idx').on(t.status, t.openedAt),
    check('forum_queue_item_status', sql`${t.status} in ('open', 'resolved')`),
  ],
);

/**
 * Every moderation action, with the reason the person it touched is told in plain words. The person reads it as a
 * notice (never who did it); moderators read the whole history; each action is also in the audit log.
 */
export const forumModerationAction = pgTable(
  'forum_moderation_action',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    action: text('action').notNull(),
    moderatorId: byWhom('moderator_id'),
    /** The person it is about (the post's author for post actions). */
    targetUserId: byWhom('target_user_id'),
    postId: uuid('post_id').references(() => forumPost.id, { onDelete: 'set null' }),
    topicId: uuid('topic_id').references(() => forumTopic.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    /** For moderators only (an edit's note, context). */
    note: text('note'),
    until: at('until'),
    createdAt: createdAt(),
  },
  (t) => [index('forum_moderation_action_target_idx').on(t.targetUserId, t.createdAt)],
);
