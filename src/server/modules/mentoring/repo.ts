import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client.ts';
import { user, userRole } from '../accounts/tables.ts';
import { OPEN_STATUSES } from './policy.ts';
import { contactFeedback, menteeRequest, mentoringConcern, mentoringContact, mentorProfile, mentorship, mentorshipAgreement } from './tables.ts';

const mentorUser = alias(user, 'mentor_user');
const menteeUser = alias(user, 'mentee_user');

/** A mentorship with both people's display names. */
const withNames = { ...getTableColumns(mentorship), mentorName: mentorUser.name, menteeName: menteeUser.name };
export type MentorshipRow = typeof mentorship.$inferSelect & { mentorName: string; menteeName: string };
export type AgreementRow = typeof mentorshipAgreement.$inferSelect;
export type RequestRow = typeof menteeRequest.$inferSelect & { displayName: string };
export type ContactRow = typeof mentoringContact.$inferSelect & { feedback: { rating: number; comment: string | null; signed: boolean } | null };
export type ConcernRow = typeof mentoringConcern.$inferSelect & { mentorName: string; menteeName: string | null; acknowledgedByName: string | null };

const named = (db: Queryable) =>
  db.select(withNames).from(mentorship).innerJoin(mentorUser, eq(mentorUser.id, mentorship.mentorId)).innerJoin(menteeUser, eq(menteeUser.id, mentorship.menteeId));

/** Open ones first (they need attention), then the most recent. */
const openFirst = sql`case when ${mentorship.status} in ('requested', 'accepted', 'active', 'paused') then 0 else 1 end`;

export const mentorshipRepo = {
  async byId(db: Queryable, id: string): Promise<MentorshipRow | undefined> {
    const [row] = await named(db).where(eq(mentorship.id, id));
    return row;
  },

  /** Locks the row for the rest of the transaction: one transition at a time, across instances. */
  async lock(db: Queryable, id: string) {
    const [row] = await db.select().from(mentorship).where(eq(mentorship.id, id)).for('update');
    return row;
  },

  async update(db: Queryable, id: string, values: Partial<typeof mentorship.$inferInsert>) {
    await db.update(mentorship).set(values).where(eq(mentorship.id, id));
  },

  /** Every relationship the person is part of, on either side. */
  async listFor(db: Queryable, userId: string): Promise<MentorshipRow[]> {
    return named(db)
      .where(or(eq(mentorship.mentorId, userId), eq(mentorship.menteeId, userId)))
      .orderBy(openFirst, desc(mentorship.requestedAt), desc(mentorship.id));
  },

  /** The mentor's open relationships, requested ones first (they wait for an answer), then by mentee name. */
  async openOfMentor(db: Queryable, mentorId: string): Promise<MentorshipRow[]> {
    return named(db)
      .where(and(eq(mentorship.mentorId, mentorId), inArray(mentorship.status, [...OPEN_STATUSES])))
      .orderBy(sql`case ${mentorship.status} when 'requested' then 0 when 'accepted' then 1 when 'active' then 2 else 3 end`, asc(menteeUser.name), asc(mentorship.id));
  },

  /** Requested relationships whose answer is overdue: the expiry sweep's work. */
  async due(db: Queryable, now: Date): Promise<string[]> {
    const rows = await db
      .select({ id: mentorship.id })
      .from(mentorship)
      .where(and(eq(mentorship.status, 'requested'), lte(mentorship.expiresAt, now)))
      .orderBy(asc(mentorship.expiresAt))
      .limit(500);
    return rows.map((r) => r.id);
  },
};

export const requestStatusRepo = {
  async byIds(db: Queryable, ids: string[]): Promise<Map<string, RequestRow>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ ...getTableColumns(menteeRequest), displayName: user.name })
      .from(menteeRequest)
      .innerJoin(user, eq(user.id, menteeRequest.menteeId))
      .where(inArray(menteeRequest.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async setStatus(db: Queryable, id: string, status: 'matched') {
    await db.update(menteeRequest).set({ status, updatedAt: new Date() }).where(eq(menteeRequest.id, id));
  },

  /**
   * Puts the request back in the matching pool, its wait counted afresh, when it was waiting on this relationship
   * (pending or matched); a request the mentee withdrew stays withdrawn. False when it could not go back.
   */
  async backToWaiting(db: Queryable, id: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(menteeRequest)
      .set({ status: 'waiting', waitingSince: now, updatedAt: now })
      .where(and(eq(menteeRequest.id, id), inArray(menteeRequest.status, ['pending', 'matched'])))
      .returning({ id: menteeRequest.id });
    return rows.length === 1;
  },

  /** Whether the mentee has another open request (the one-open-request index would refuse a second). */
  async otherOpen(db: Queryable, menteeId: string, exceptId: string) {
    const [row] = await db
      .select({ n: count() })
      .from(menteeRequest)
      .where(and(eq(menteeRequest.menteeId, menteeId), ne(menteeRequest.id, exceptId), inArray(menteeRequest.status, ['waiting', 'pending'])));
    return (row?.n ?? 0) > 0;
  },
};

export const agreementRepo = {
  /** Every version, oldest first. */
  async versions(db: Queryable, mentorshipId: string): Promise<AgreementRow[]> {
    return db.select().from(mentorshipAgreement).where(eq(mentorshipAgreement.mentorshipId, mentorshipId)).orderBy(asc(mentorshipAgreement.version));
  },

  /** The newest version of each relationship's agreement (its state is read from it). */
  async latestOf(db: Db, mentorshipIds: string[]): Promise<Map<string, AgreementRow>> {
    if (mentorshipIds.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([mentorshipAgreement.mentorshipId])
      .from(mentorshipAgreement)
      .where(inArray(mentorshipAgreement.mentorshipId, mentorshipIds))
      .orderBy(mentorshipAgreement.mentorshipId, desc(mentorshipAgreement.version));
    return new Map(rows.map((r) => [r.mentorshipId, r]));
  },

  async insert(db: Queryable, values: typeof mentorshipAgreement.$inferInsert) {
    const [row] = await db.insert(mentorshipAgreement).values(values).returning();
    return row!;
  },

  async sign(db: Queryable, id: string, side: 'mentor' | 'mentee', at: Date) {
    const [row] = await db
      .update(mentorshipAgreement)
      .set(side === 'mentor' ? { mentorSignedAt: at } : { menteeSignedAt: at })
      .where(eq(mentorshipAgreement.id, id))
      .returning();
    return row!;
  },
};

const feedbackColumns = {
  rating: contactFeedback.rating,
  comment: contactFeedback.comment,
  signed: contactFeedback.signed,
};

export const contactRepo = {
  /** A relationship's contacts, newest first, each with the mentee's feedback if any (presenters decide who sees it). */
  async list(db: Queryable, mentorshipId: string): Promise<ContactRow[]> {
    const rows = await db
      .select({ contact: mentoringContact, feedback: feedbackColumns })
      .from(mentoringContact)
      .leftJoin(contactFeedback, eq(contactFeedback.contactId, mentoringContact.id))
      .where(eq(mentoringContact.mentorshipId, mentorshipId))
      .orderBy(desc(mentoringContact.date), desc(mentoringContact.createdAt), desc(mentoringContact.id));
    return rows.map((r) => ({ ...r.contact, feedback: r.feedback }));
  },

  async byId(db: Queryable, mentorshipId: string, contactId: string): Promise<ContactRow | undefined> {
    const [row] = await db
      .select({ contact: mentoringContact, feedback: feedbackColumns })
      .from(mentoringContact)
      .leftJoin(contactFeedback, eq(contactFeedback.contactId, mentoringContact.id))
      .where(and(eq(mentoringContact.id, contactId), eq(mentoringContact.mentorshipId, mentorshipId)));
    return row && { ...row.contact, feedback: row.feedback };
  },

  async insert(db: Queryable, values: typeof mentoringContact.$inferInsert): Promise<ContactRow> {
    const [row] = await db.insert(mentoringContact).values(values).returning();
    return { ...row!, feedback: null };
  },

  /** False when the contact already has feedback (once per contact; the primary key decides under concurrency). */
  async addFeedback(db: Queryable, values: typeof contactFeedback.$inferInsert): Promise<boolean> {
    const rows = await db.insert(contactFeedback).values(values).onConflictDoNothing().returning({ id: contactFeedback.contactId });
    return rows.length === 1;
  },

  /** Per relationship: the latest contact's date and next step. */
  async latestOf(db: Db, mentorshipIds: string[]): Promise<Map<string, { date: string; nextStep: string | null }>> {
    if (mentorshipIds.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([mentoringContact.mentorshipId], { mentorshipId: mentoringContact.mentorshipId, date: mentoringContact.date, nextStep: mentoringContact.nextStep })
      .from(mentoringContact)
      .where(inArray(mentoringContact.mentorshipId, mentorshipIds))
      .orderBy(mentoringContact.mentorshipId, desc(mentoringContact.date), desc(mentoringContact.createdAt));
    return new Map(rows.map((r) => [r.mentorshipId, { date: r.date, nextStep: r.nextStep }]));
  },

  /** The mentor's contact minutes and count per ISO week (the Monday it starts) between two dates. */
  async weeklyLoad(db: Queryable, mentorId: string, from: string, to: string) {
    const week = sql<string>`to_char(date_trunc('week', ${mentoringContact.date}::timestamp), 'YYYY-MM-DD')`;
    const rows = await db
      .select({ week, minutes: sql<number>`sum(${mentoringContact.durationMinutes})::int`, contacts: sql<number>`count(*)::int` })
      .from(mentoringContact)
      .where(and(eq(mentoringContact.mentorId, mentorId), gte(mentoringContact.date, from), lte(mentoringContact.date, to)))
      .groupBy(week);
    return rows;
  },

  /** Every rating, for the coordinators' summary: the mentee's name travels only with a signed rating. */
  async ratings(db: Queryable) {
    return db
      .select({
        mentorId: contactFeedback.mentorId,
        rating: contactFeedback.rating,
        comment: contactFeedback.comment,
        signed: contactFeedback.signed,
        createdAt: contactFeedback.createdAt,
        signedBy: sql<string | null>`case when ${contactFeedback.signed} then ${menteeUser.name} end`,
      })
      .from(contactFeedback)
      .innerJoin(mentoringContact, eq(mentoringContact.id, contactFeedback.contactId))
      .innerJoin(mentorship, eq(mentorship.id, mentoringContact.mentorshipId))
      .innerJoin(menteeUser, eq(menteeUser.id, mentorship.menteeId))
      .orderBy(desc(contactFeedback.createdAt));
  },

  /** Everyone a summary names: mentors with a profile or with ratings. */
  async mentorNames(db: Queryable, extraIds: string[]) {
    const rows = await db
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(or(inArray(user.id, db.select({ id: mentorProfile.userId }).from(mentorProfile)), extraIds.length ? inArray(user.id, extraIds) : sql`false`))
      .orderBy(asc(user.name), asc(user.id));
    return rows;
  },
};

const acknowledger = alias(user, 'acknowledger');
const concernMentee = alias(user, 'concern_mentee');

const concernsNamed = (db: Queryable) =>
  db
    .select({ ...getTableColumns(mentoringConcern), mentorName: mentorUser.name, menteeName: concernMentee.name, acknowledgedByName: acknowledger.name })
    .from(mentoringConcern)
    .innerJoin(mentorUser, eq(mentorUser.id, mentoringConcern.mentorId))
    .leftJoin(concernMentee, eq(concernMentee.id, mentoringConcern.menteeId))
    .leftJoin(acknowledger, eq(acknowledger.id, mentoringConcern.acknowledgedBy));

export const concernRepo = {
  async insert(db: Queryable, values: typeof mentoringConcern.$inferInsert) {
    const [row] = await db.insert(mentoringConcern).values(values).returning({ id: mentoringConcern.id });
    return row!.id;
  },

  async byId(db: Queryable, id: string): Promise<ConcernRow | undefined> {
    const [row] = await concernsNamed(db).where(eq(mentoringConcern.id, id));
    return row;
  },

  async lock(db: Queryable, id: string) {
    const [row] = await db.select().from(mentoringConcern).where(eq(mentoringConcern.id, id)).for('update');
    return row;
  },

  async update(db: Queryable, id: string, values: Partial<typeof mentoringConcern.$inferInsert>) {
    await db.update(mentoringConcern).set(values).where(eq(mentoringConcern.id, id));
  },

  /** Open (and acknowledged) ones, or all; oldest open first so nothing waits unseen, closed ones newest first. */
  async list(db: Queryable, opts: { mentorId?: string; openOnly: boolean }): Promise<ConcernRow[]> {
    return concernsNamed(db)
      .where(and(opts.mentorId ? eq(mentoringConcern.mentorId, opts.mentorId) : undefined, opts.openOnly ? ne(mentoringConcern.status, 'closed') : undefined))
      .orderBy(sql`case when ${mentoringConcern.status} = 'closed' then 1 else 0 end`, sql`case when ${mentoringConcern.status} = 'closed' then ${mentoringConcern.closedAt} end desc`, asc(mentoringConcern.openedAt));
  },
};

export const peopleRepo = {
  async coordinators(db: Queryable): Promise<string[]> {
    const rows = await db.select({ userId: userRole.userId }).from(userRole).where(eq(userRole.role, 'coordinator'));
    return rows.map((r) => r.userId);
  },

  async locale(db: Queryable, userId: string): Promise<string> {
    const [row] = await db.select({ locale: user.locale }).from(user).where(eq(user.id, userId));
    return row?.locale ?? 'en';
  },

  async profile(db: Queryable, userId: string) {
    const [row] = await db.select().from(mentorProfile).where(eq(mentorProfile.userId, userId));
    return row;
  },
};
