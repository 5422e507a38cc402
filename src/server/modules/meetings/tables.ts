import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { byWhom, createdAt, personRef, updatedAt } from '../accounts/columns.ts';

const emptyTextArray = sql`'{}'::text[]`;

/** A support group: a fellowship's home group, a SMART meeting, a family group. Meetings belong to a group. */
export const supportGroup = pgTable(
  'support_group',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    pathway: text('pathway').notNull(),
    fellowship: text('fellowship').notNull().default(''),
    languages: text('languages').array().notNull().default(emptyTextArray),
    /** `public`: listed to everyone and in the public feeds; `members`: listed to signed-in members only. */
    visibility: text('visibility').notNull(),
    /** `open`: anyone joins; `approval`: a facilitator approves. */
    membership: text('membership').notNull(),
    /** `group_members`: conference links, phones and their notes are shown to the group's members only. */
    conferenceVisibility: text('conference_visibility').notNull().default('public'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('support_group_slug').on(t.slug),
    check('support_group_visibility', sql`${t.visibility} in ('public', 'members')`),
    check('support_group_membership', sql`${t.membership} in ('open', 'approval')`),
    check('support_group_conference_visibility', sql`${t.conferenceVisibility} in ('public', 'group_members')`),
  ],
);

/** Who belongs to a group, and who facilitates it. A pending row is a request awaiting a facilitator. */
export const groupMember = pgTable(
  'group_member',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => supportGroup.id, { onDelete: 'cascade' }),
    userId: personRef('user_id'),
    role: text('role').notNull().default('member'),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_member_user_idx').on(t.userId),
    check('group_member_role', sql`${t.role} in ('member', 'facilitator')`),
    check('group_member_status', sql`${t.status} in ('pending', 'active')`),
  ],
);

/**
 * A meeting: weekly on one or more days, or once. Times are local wall-clock times in the meeting's IANA zone, so
 * a 19:00 meeting stays at 19:00 across daylight-saving changes; instants are computed (recurrence.ts).
 */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    groupId: uuid('group_id')
      .notNull()
      .references(() => supportGroup.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Weekly days, 0 = Sunday; empty for a one-off. */
    days: smallint('days').array().notNull().default(sql`'{}'::smallint[]`),
    /** The date of a one-off meeting; null for a weekly one. */
    onceOn: date('once_on', { mode: 'string' }),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    timeZone: text('time_zone').notNull(),
    attendance: text('attendance').notNull(),
    locationName: text('location_name').notNull().default(''),
    formattedAddress: text('formatted_address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationNotes: text('location_notes').notNull().default(''),
    region: text('region').notNull().default(''),
    approximateAddress: text('approximate_address').notNull().default(''),
    conferenceUrl: text('conference_url'),
    conferenceUrlNotes: text('conference_url_notes').notNull().default(''),
    conferencePhone: text('conference_phone'),
    conferencePhoneNotes: text('conference_phone_notes').notNull().default(''),
    types: text('types').array().notNull().default(emptyTextArray),
    customTypes: text('custom_types').array().notNull().default(emptyTextArray),
    languages: text('languages').array().notNull().default(emptyTextArray),
    notes: text('notes').notNull().default(''),
    readings: text('readings').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_slug').on(t.slug),
    index('meeting_group_idx').on(t.groupId),
    // The finder's "near a point": a latitude band from the index, then longitude and distance.
    index('meeting_latitude_idx').on(t.latitude, t.longitude).where(sql`${t.archivedAt} is null`),
    index('meeting_types_idx').using('gin', t.types),
    check('meeting_attendance', sql`${t.attendance} in ('in_person', 'online', 'hybrid', 'inactive')`),
    check('meeting_times', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('meeting_schedule', sql`(${t.onceOn} is null) <> (cardinality(${t.days}) = 0)`),
    check('meeting_coordinates', sql`(${t.latitude} is null) = (${t.longitude} is null) and coalesce(${t.latitude} between -90 and 90, true) and coalesce(${t.longitude} between -180 and 180, true)`),
  ],
);

/**
 * What differs about one occurrence, keyed by the date it would regularly fall on (in the meeting's zone):
 * cancelled, moved to another local date and time, or given a topic (a themed session).
 */
export const meetingOccurrence = pgTable(
  'meeting_occurrence',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    status: text('status').$type<'scheduled' | 'cancelled' | 'moved'>().notNull().default('scheduled'),
    movedDate: date('moved_date', { mode: 'string' }),
    movedStart: text('moved_start'),
    movedEnd: text('moved_end'),
    topic: text('topic'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.localDate] }),
    check('meeting_occurrence_status', sql`${t.status} in ('scheduled', 'cancelled', 'moved')`),
    check('meeting_occurrence_moved', sql`(${t.status} = 'moved') = (${t.movedDate} is not null)`),
  ],
);

/** A member's "I'll be there" for one occurrence. */
export const meetingRsvp = pgTable(
  'meeting_rsvp',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    userId: personRef('user_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.localDate, t.userId] }), index('meeting_rsvp_user_idx').on(t.userId, t.localDate)],
);

/**
 * A member was at a meeting: they checked in during it (`self`) or a facilitator marked them on the roster
 * (`roster`). Private to the member. `startsAt` is the occurrence's instant, for history in any zone.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    userId: personRef('user_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    method: text('method').notNull(),
    recordedBy: byWhom('recorded_by'),
    recordedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meeting_attendance_once').on(t.meetingId, t.localDate, t.userId),
    index('meeting_attendance_user_idx').on(t.userId, t.startsAt),
    check('meeting_attendance_method', sql`${t.method} in ('self', 'roster')`),
  ],
);

/**
 * A proof of attendance the member issued for a date range. The entries are copied when it is issued, so the
 * record a court was given does not change when a meeting is renamed; the member can revoke it.
 */
export const attendanceProof = pgTable(
  'attendance_proof',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: personRef('user_id'),
    code: text('code').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    holderName: text('holder_name'),
    includeMeetingNames: boolean('include_meeting_names').notNull(),
    includeLocations: boolean('include_locations').notNull(),
    entries: jsonb('entries').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('attendance_proof_code').on(t.code), index('attendance_proof_user_idx').on(t.userId)],
);

/** The secret in a member's private calendar address (their RSVPs as iCalendar). Replacing it revokes the old one. */
export const calendarToken = pgTable(
  'calendar_token',
  {
    userId: personRef('user_id').primaryKey(),
    token: text('token').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_token_token').on(t.token)],
);

/**
 * One row: bumped by statement-level triggers whenever a meeting or group changes, so every instance can tell in
 * one indexed read whether its cached public feeds are still current.
 */
export const meetingsFeedState = pgTable('meetings_feed_state', {
  id: smallint('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
