import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../db/ids.ts';
import { createdAt, personRef, updatedAt } from '../accounts/columns.ts';
import { copingLibraryStrategy } from '../resources/tables.ts';

const owner = () => personRef('user_id');

/** The member's recovery profile. Private unless shared; the time zone lives on the account. */
export const recoveryProfile = pgTable('recovery_profile', {
  userId: owner().primaryKey(),
  pathways: text('pathways').array().notNull().default(sql`'{}'::text[]`),
  recoveringFrom: text('recovering_from').array().notNull().default(sql`'{}'::text[]`),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
  updatedAt: updatedAt(),
});

/** Self-assessed stage of change; every assessment is kept (people move back and forth). */
export const stageAssessment = pgTable(
  'stage_assessment',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    stage: text('stage').notNull(),
    assessedAt: createdAt(),
  },
  (t) => [index('stage_assessment_user_idx').on(t.userId, t.assessedAt)],
);

/** What a member keeps a recovery date for ("alcohol", "opioids", "gambling"...). */
export const sobrietyTrack = pgTable(
  'sobriety_track',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    label: text('label').notNull(),
    announceMilestones: text('announce_milestones').notNull().default('no'),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('sobriety_track_user_idx').on(t.userId)],
);

/**
 * A period of recovery on a track. A setback closes the open period and starts a new one: history is kept, never
 * erased. Dates are the member's local calendar dates.
 */
export const sobrietyPeriod = pgTable(
  'sobriety_period',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    trackId: uuid('track_id')
      .notNull()
      .references(() => sobrietyTrack.id, { onDelete: 'cascade' }),
    userId: owner(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    /** The member's private note about the setback that ended this period. */
    setbackNote: text('setback_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sobriety_period_one_open_per_track').on(t.trackId).where(sql`${t.endedOn} is null`),
    index('sobriety_period_track_idx').on(t.trackId, t.startedOn),
  ],
);

/** Milestones already announced (domain event emitted), so each is celebrated once per period. */
export const milestoneReached = pgTable(
  'milestone_reached',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => sobrietyPeriod.id, { onDelete: 'cascade' }),
    milestone: text('milestone').notNull(),
    userId: owner(),
    reachedOn: date('reached_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('milestone_reached_unique').on(t.periodId, t.milestone)],
);

/** One check-in per member per local day, editable that day. */
export const checkIn = pgTable(
  'check_in',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    mood: smallint('mood').notNull(),
    craving: smallint('craving').notNull(),
    triggers: text('triggers').array().notNull().default(sql`'{}'::text[]`),
    triggerNote: text('trigger_note'),
    used: text('used').notNull(),
    hoursSlept: numeric('hours_slept', { precision: 3, scale: 1, mode: 'number' }),
    meetings: smallint('meetings').notNull().default(0),
    gratitude: text('gratitude'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('check_in_user_date').on(t.userId, t.localDate),
    check('check_in_mood', sql`${t.mood} between 1 and 5`),
    check('check_in_craving', sql`${t.craving} between 0 and 10`),
    check('check_in_used', sql`${t.used} in ('yes', 'no', 'prefer_not_to_say')`),
  ],
);

/** A goal with a target per period, measured from activity Kindred knows or from the member's own entries. */
export const goal = pgTable(
  'goal',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    title: text('title').notNull(),
    measure: text('measure').notNull(),
    target: integer('target').notNull(),
    period: text('period').notNull(),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('goal_user_idx').on(t.userId)],
);

/** Self-reported progress for goals Kindred cannot measure itself. */
export const goalEntry = pgTable(
  'goal_entry',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    userId: owner(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    amount: integer('amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('goal_entry_goal_idx').on(t.goalId, t.localDate)],
);

/** The member's coping toolbox: strategies with steps, in their own order. */
export const copingStrategy = pgTable(
  'coping_strategy',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    title: text('title').notNull(),
    steps: text('steps').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
    /** Saved from the shared library (docs/resources.md): the library shows it as saved; null when written here. */
    libraryStrategyId: uuid('library_strategy_id').references(() => copingLibraryStrategy.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('coping_strategy_user_idx').on(t.userId, t.position), uniqueIndex('coping_strategy_library_once').on(t.userId, t.libraryStrategyId)],
);

/** The safety plan, one per member, with the standard sections (see src/contracts/journey.ts). */
export const safetyPlan = pgTable('safety_plan', {
  userId: owner().primaryKey(),
  sections: jsonb('sections').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Consent to share a category of the journey with a class of people (the mentor). Kept with who/what/when; a
 * revocation closes the row (revoked_at) and takes effect on the next read.
 */
export const journeyConsent = pgTable(
  'journey_consent',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    userId: owner(),
    category: text('category').notNull(),
    grantee: text('grantee').notNull(),
    grantedAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('journey_consent_active').on(t.userId, t.category, t.grantee).where(sql`${t.revokedAt} is null`)],
);

/**
 * Each member's check-in runs, kept so reading a streak does not scan their whole history: the most recent run of
 * consecutive days and the longest. Recomputed when a check-in is written; "current" is derived at read time
 * (the last run counts while it ended today or yesterday).
 */
export const checkInStreak = pgTable('check_in_streak', {
  userId: owner().primaryKey(),
  lastRunEnd: date('last_run_end', { mode: 'string' }).notNull(),
  lastRunLength: integer('last_run_length').notNull(),
  longest: integer('longest').notNull(),
  updatedAt: updatedAt(),
});
