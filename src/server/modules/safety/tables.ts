import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { byWhom, createdAt, personRef } from '../accounts/columns.ts';


/**
 * Certification of a peer supporter or professional to take crisis shifts, set by coordinators. Kept apart from
 * roles: a role says what someone does in the community, certification that they were trained for crises.
 */
export const responder = pgTable('responder', {
  userId: personRef('user_id').primaryKey(),
  certified: boolean('certified').notNull().default(false),
  updatedBy: byWhom('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An on-call shift. Overlapping shifts are paged in `position` order (lower first). */
export const onCallShift = pgTable(
  'on_call_shift',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: personRef('user_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    position: integer('position').notNull().default(0),
    createdBy: byWhom('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('on_call_shift_time_idx').on(t.endsAt, t.startsAt), check('on_call_shift_order', sql`${t.endsAt} > ${t.startsAt}`)],
);

/**
 * An escalation: a signal that someone may be in danger, and the response to it. `excerpt` is the one place the
 * text that raised it is copied (responders need no access to the post, message or check-in it came from).
 * `next_page_at` is the durable deadline: whoever pages next (the delayed job, or the minute sweep) reads it.
 */
export const escalation = pgTable(
  'escalation',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    memberId: personRef('member_id'),
    source: text('source').notNull(),
    sourceId: uuid('source_id'),
    sosKind: text('sos_kind'),
    level: text('level').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    excerpt: text('excerpt').notNull().default(''),
    status: text('status').notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    nextPageAt: timestamp('next_page_at', { withTimezone: true }),
    acknowledgedBy: byWhom('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    closedBy: byWhom('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [
    index('escalation_member_idx').on(t.memberId),
    index('escalation_due_idx').on(t.nextPageAt).where(sql`${t.status} = 'open'`),
    index('escalation_opened_idx').on(t.openedAt),
    // One SOS at a time: a second press returns the open one.
    uniqueIndex('escalation_one_open_sos').on(t.memberId).where(sql`${t.source} = 'sos' and ${t.status} <> 'closed'`),
    check('escalation_status', sql`${t.status} in ('open', 'acknowledged', 'closed')`),
    check('escalation_level', sql`${t.level} in ('urgent', 'emergency')`),
    check('escalation_source', sql`${t.source} in ('check_in', 'sos', 'post', 'reply', 'message')`),
  ],
);

/** Who was told about an escalation, why, and when: the responder's in-app inbox (no email yet). */
export const escalationNotification = pgTable(
  'escalation_notification',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => escalation.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    reason: text('reason').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('escalation_notification_once').on(t.escalationId, t.userId),
    index('escalation_notification_user_idx').on(t.userId, t.notifiedAt),
    check('escalation_notification_reason', sql`${t.reason} in ('mentor', 'on_call', 'roster_next', 'coordinator')`),
  ],
);

/** What a responder did. The note is short and optional. */
export const escalationAction = pgTable(
  'escalation_action',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    escalationId: uuid('escalation_id')
      .notNull()
      .references(() => escalation.id, { onDelete: 'cascade' }),
    actorId: byWhom('actor_id'),
    kind: text('kind').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('escalation_action_escalation_idx').on(t.escalationId, t.createdAt)],
);

/**
 * What a member lets crisis responders who are not their mentor see (mentor sharing is journey_consent and does
 * not reach strangers). Absent row: nothing shared.
 */
export const crisisSharing = pgTable('crisis_sharing', {
  userId: personRef('user_id').primaryKey(),
  safetyPlan: boolean('safety_plan').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The instance's crisis lines for one language, in `position` order (configured by coordinators). No rows for a
 * language: Kindred's defaults (crisis-resources.ts) are served. A line needs at least one way to reach it.
 */
export const crisisResource = pgTable(
  'crisis_resource',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    locale: text('locale').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    phone: text('phone'),
    smsNumber: text('sms_number'),
    smsBody: text('sms_body'),
    url: text('url'),
    emergency: boolean('emergency').notNull().default(false),
  },
  (t) => [
    uniqueIndex('crisis_resource_order').on(t.locale, t.position),
    check('crisis_resource_reachable', sql`${t.phone} is not null or ${t.smsNumber} is not null or ${t.url} is not null`),
  ],
);
