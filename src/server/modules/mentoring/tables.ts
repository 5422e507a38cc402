import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgreementTerms, AvailabilityWindow } from '../../../contracts/mentoring.ts';
import { newId } from '../../db/ids.ts';
import { at, byWhom, createdAt, personRef } from '../accounts/columns.ts';
import { user } from '../accounts/tables.ts';


/** A peer supporter's mentor profile: what they share, when and how they meet, how many people they can take. */
export const mentorProfile = pgTable(
  'mentor_profile',
  {
    userId: personRef('user_id').primaryKey(),
    summary: text('summary').notNull().default(''),
    pathways: text('pathways').array().notNull(),
    languages: text('languages').array().notNull(),
    gender: text('gender'),
    genderDescription: text('gender_description'),
    ageBand: text('age_band'),
    timeZone: text('time_zone').notNull(),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull().default([]),
    contactModes: text('contact_modes').array().notNull(),
    capacity: smallint('capacity').notNull(),
    /** Set by a coordinator; the effective capacity is the smaller of the two. */
    capacityCap: smallint('capacity_cap'),
    accepting: boolean('accepting').notNull().default(true),
    /** Set by a coordinator until the training issue provides certification. */
    certified: boolean('certified').notNull().default(false),
    certifiedBy: byWhom('certified_by'),
    certifiedAt: at('certified_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('mentor_profile_languages_idx').using('gin', t.languages),
    check('mentor_profile_capacity', sql`${t.capacity} between 1 and 20`),
  ],
);

/**
 * What a mentee is looking for. One open request (waiting or pending) per mentee; it stays after a match so a
 * no-fault rematch is one tap. Visible to the mentee, to mentors it was sent to, and to coordinators.
 */
export const menteeRequest = pgTable(
  'mentee_request',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    menteeId: personRef('mentee_id'),
    status: text('status').notNull().default('waiting'),
    pathways: text('pathways').array().notNull(),
    languages: text('languages').array().notNull(),
    genderPreference: text('gender_preference'),
    timeZone: text('time_zone').notNull(),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull().default([]),
    contactModes: text('contact_modes').array().notNull(),
    stage: text('stage'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    waitingSince: at('waiting_since').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentee_request_one_open').on(t.menteeId).where(sql`${t.status} in ('waiting', 'pending')`),
    index('mentee_request_waiting_idx').on(t.waitingSince).where(sql`${t.status} = 'waiting'`),
    check('mentee_request_status', sql`${t.status} in ('waiting', 'pending', 'matched', 'withdrawn')`),
  ],
);

/**
 * A mentor and a mentee, from the request to the end. One open relationship (requested, accepted, active or
 * paused) per mentee. The journey's "share with my mentor" reads the active one.
 */
export const mentorship = pgTable(
  'mentorship',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    mentorId: personRef('mentor_id'),
    menteeId: personRef('mentee_id'),
    requestId: uuid('request_id').references(() => menteeRequest.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('active'),
    origin: text('origin').notNull().default('mentee'),
    introducedBy: byWhom('introduced_by'),
    requestedAt: at('requested_at').notNull().defaultNow(),
    expiresAt: at('expires_at'),
    respondedAt: at('responded_at'),
    declineMessage: text('decline_message'),
    /** When it became active (both signed the agreement). */
    startedAt: at('started_at'),
    pausedAt: at('paused_at'),
    endedAt: at('ended_at'),
    endReason: text('end_reason'),
    endedBy: text('ended_by'),
    /** The note one side left the other with the latest pause, resume or end ("back after my surgery"). */
    note: text('note'),
    noteBy: text('note_by'),
  },
  (t) => [
    uniqueIndex('mentorship_one_open_per_mentee').on(t.menteeId).where(sql`${t.status} in ('requested', 'accepted', 'active', 'paused')`),
    index('mentorship_mentor_idx').on(t.mentorId),
    // A mentee's past relationships are read on every suggestion and every ask (the safety exclusion).
    index('mentorship_mentee_idx').on(t.menteeId, t.status),
    index('mentorship_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'requested'`),
    check('mentorship_status', sql`${t.status} in ('requested', 'accepted', 'declined', 'expired', 'cancelled', 'active', 'paused', 'ended')`),
    check('mentorship_origin', sql`${t.origin} in ('mentee', 'coordinator')`),
    check('mentorship_end_reason', sql`${t.endReason} is null or ${t.endReason} in ('goals_met', 'mismatch', 'moved_on', 'safety_concern')`),
  ],
);

/** One version of a mentorship's agreement; in force once both have signed it. Versions are never changed or removed. */
export const mentorshipAgreement = pgTable(
  'mentorship_agreement',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorship.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    terms: jsonb('terms').$type<AgreementTerms>().notNull(),
    proposedBy: text('proposed_by').notNull(),
    createdAt: createdAt(),
    mentorSignedAt: at('mentor_signed_at'),
    menteeSignedAt: at('mentee_signed_at'),
  },
  (t) => [uniqueIndex('mentorship_agreement_version').on(t.mentorshipId, t.version)],
);

/** The mentor's log of a contact. Notes are the mentor's (and coordinators' when the program says so). */
export const mentoringContact = pgTable(
  'mentoring_contact',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorship.id, { onDelete: 'cascade' }),
    mentorId: personRef('mentor_id'),
    date: date('date').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    mode: text('mode').notNull(),
    topics: text('topics').array().notNull(),
    topicsOther: text('topics_other'),
    notes: text('notes'),
    nextStep: text('next_step'),
    createdAt: createdAt(),
  },
  (t) => [index('mentoring_contact_mentorship_idx').on(t.mentorshipId, t.date), index('mentoring_contact_mentor_idx').on(t.mentorId, t.date)],
);

/** The mentee's rating of one contact. Unsigned unless the mentee chose to sign it. */
export const contactFeedback = pgTable(
  'contact_feedback',
  {
    contactId: uuid('contact_id')
      .primaryKey()
      .references(() => mentoringContact.id, { onDelete: 'cascade' }),
    mentorId: personRef('mentor_id'),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    signed: boolean('signed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('contact_feedback_mentor_idx').on(t.mentorId), check('contact_feedback_rating', sql`${t.rating} between 1 and 5`)],
);

/** A mentor's concern raised to coordinators, tracked until closed. */
export const mentoringConcern = pgTable(
  'mentoring_concern',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    mentorshipId: uuid('mentorship_id').references(() => mentorship.id, { onDelete: 'set null' }),
    mentorId: personRef('mentor_id'),
    menteeId: uuid('mentee_id').references(() => user.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
    status: text('status').notNull().default('open'),
    openedAt: createdAt(),
    acknowledgedBy: byWhom('acknowledged_by'),
    acknowledgedAt: at('acknowledged_at'),
    closedBy: byWhom('closed_by'),
    closedAt: at('closed_at'),
    outcome: text('outcome'),
  },
  (t) => [
    index('mentoring_concern_open_idx').on(t.openedAt).where(sql`${t.status} <> 'closed'`),
    check('mentoring_concern_status', sql`${t.status} in ('open', 'acknowledged', 'closed')`),
  ],
);
