import { and, asc, desc, eq, gt, gte, inArray, type SQL, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { user, userRole } from '../accounts/tables.ts';
import { mentorship } from '../mentoring/tables.ts';
import { crisisSharing, escalation, escalationAction, escalationNotification, onCallShift, responder } from './tables.ts';

export type EscalationRow = typeof escalation.$inferSelect;
export type NewEscalation = typeof escalation.$inferInsert;
export type ShiftRow = typeof onCallShift.$inferSelect;
export interface Notice {
  userId: string;
  reason: 'mentor' | 'on_call' | 'roster_next' | 'coordinator';
}

export const RESPONDER_ROLES = ['peer_supporter', 'professional'] as const;

const acknowledger = alias(user, 'acknowledger');
const member = alias(user, 'member');

/** Holds a responder role and is certified now: checked again at paging time, so a revoked role stops paging. */
const eligibleResponder = (userId: typeof onCallShift.userId) =>
  and(
    sql`exists (select 1 from ${responder} where ${responder.userId} = ${userId} and ${responder.certified})`,
    sql`exists (select 1 from ${userRole} where ${userRole.userId} = ${userId} and ${userRole.role} in ('peer_supporter', 'professional'))`,
  );

const uniqueIds = (rows: { userId: string }[]) => [...new Set(rows.map((r) => r.userId))];

export const rosterRepo = {
  /** Certified responders on shift at `at`, in paging order. */
  async onCallAt(db: Queryable, at: Date): Promise<string[]> {
    const rows = await db
      .select({ userId: onCallShift.userId })
      .from(onCallShift)
      .where(and(lte(onCallShift.startsAt, at), gt(onCallShift.endsAt, at), eligibleResponder(onCallShift.userId)))
      .orderBy(asc(onCallShift.position), asc(onCallShift.startsAt), asc(onCallShift.id));
    return uniqueIds(rows);
  },

  /** Certified responders whose shift starts after `from` and by `until`, soonest first. */
  async startingBetween(db: Queryable, from: Date, until: Date): Promise<string[]> {
    const rows = await db
      .select({ userId: onCallShift.userId })
      .from(onCallShift)
      .where(and(gt(onCallShift.startsAt, from), lte(onCallShift.startsAt, until), eligibleResponder(onCallShift.userId)))
      .orderBy(asc(onCallShift.startsAt), asc(onCallShift.position), asc(onCallShift.id));
    return uniqueIds(rows);
  },

  async coordinators(db: Queryable): Promise<string[]> {
    const rows = await db.select({ userId: userRole.userId }).from(userRole).where(eq(userRole.role, 'coordinator')).orderBy(asc(userRole.grantedAt));
    return uniqueIds(rows);
  },

  async mentorOf(db: Queryable, memberId: string): Promise<string | null> {
    const [row] = await db
      .select({ mentorId: mentorship.mentorId })
      .from(mentorship)
      .where(and(eq(mentorship.menteeId, memberId), eq(mentorship.status, 'active')));
    return row?.mentorId ?? null;
  },

  async shifts(db: Queryable, from: Date, to: Date) {
    return db
      .select({ shift: onCallShift, displayName: user.name, certified: sql<boolean>`coalesce(${responder.certified}, false)` })
      .from(onCallShift)
      .innerJoin(user, eq(user.id, onCallShift.userId))
      .leftJoin(responder, eq(responder.userId, onCallShift.userId))
      .where(and(gt(onCallShift.endsAt, from), lt(onCallShift.startsAt, to)))
      .orderBy(asc(onCallShift.startsAt), asc(onCallShift.position), asc(onCallShift.id));
  },

  async addShift(db: Queryable, values: typeof onCallShift.$inferInsert) {
    const [row] = await db.insert(onCallShift).values(values).returning();
    return row!;
  },

  async removeShift(db: Queryable, id: string) {
    const rows = await db.delete(onCallShift).where(eq(onCallShift.id, id)).returning({ userId: onCallShift.userId });
    return rows[0];
  },

  /** A person with their roles and certification (undefined: no such person). */
  async person(db: Queryable, userId: string) {
    const [row] = await rosterRepo.people(db, eq(user.id, userId));
    return row;
  },

  /** Everyone holding a responder role, with their certification. */
  async responders(db: Queryable) {
    return rosterRepo.people(db, sql`exists (select 1 from ${userRole} where ${userRole.userId} = ${user.id} and ${userRole.role} in ('peer_supporter', 'professional'))`);
  },

  async people(db: Queryable, where: SQL | undefined) {
    return db
      .select({
        userId: user.id,
        displayName: user.name,
        certified: sql<boolean>`coalesce(${responder.certified}, false)`,
        roles: sql<string[]>`coalesce((select array_agg(${userRole.role} order by ${userRole.role}) from ${userRole} where ${userRole.userId} = ${user.id}), '{}')`,
      })
      .from(user)
      .leftJoin(responder, eq(responder.userId, user.id))
      .where(where)
      .orderBy(asc(user.name), asc(user.id));
  },

  async setCertified(db: Queryable, userId: string, certified: boolean, by: string) {
    await db
      .insert(responder)
      .values({ userId, certified, updatedBy: by })
      .onConflictDoUpdate({ target: responder.userId, set: { certified, updatedBy: by, updatedAt: sql`now()` } });
  },
};

export const escalationRepo = {
  async insert(db: Queryable, values: NewEscalation) {
    const [row] = await db.insert(escalation).values(values).returning();
    return row!;
  },

  async byId(db: Queryable, id: string) {
    const [row] = await db.select().from(escalation).where(eq(escalation.id, id));
    return row;
  },

  /** Locks the row for the rest of the transaction: one pager (or acknowledger) at a time, across instances. */
  async lock(db: Queryable, id: string) {
    const [row] = await db.select().from(escalation).where(eq(escalation.id, id)).for('update');
    return row;
  },

  async update(db: Queryable, id: string, values: Partial<NewEscalation>) {
    const [row] = await db.update(escalation).set(values).where(eq(escalation.id, id)).returning();
    return row!;
  },

  async notify(db: Queryable, escalationId: string, notices: Notice[]) {
    if (notices.length === 0) return;
    await db
      .insert(escalationNotification)
      .values(notices.map((n) => ({ escalationId, userId: n.userId, reason: n.reason })))
      .onConflictDoNothing();
  },

  async notifiedIds(db: Queryable, escalationId: string): Promise<Set<string>> {
    const rows = await db.select({ userId: escalationNotification.userId }).from(escalationNotification).where(eq(escalationNotification.escalationId, escalationId));
    return new Set(rows.map((r) => r.userId));
  },

  async reasonOf(db: Queryable, escalationId: string, userId: string) {
    const [row] = await db
      .select({ reason: escalationNotification.reason })
      .from(escalationNotification)
      .where(and(eq(escalationNotification.escalationId, escalationId), eq(escalationNotification.userId, userId)));
    return (row?.reason as Notice['reason'] | undefined) ?? null;
  },

  async notifications(db: Queryable, escalationId: string) {
    return db
      .select({ displayName: user.name, reason: escalationNotification.reason, notifiedAt: escalationNotification.notifiedAt })
      .from(escalationNotification)
      .innerJoin(user, eq(user.id, escalationNotification.userId))
      .where(eq(escalationNotification.escalationId, escalationId))
      .orderBy(asc(escalationNotification.notifiedAt), asc(escalationNotification.id));
  },

  async actions(db: Queryable, escalationId: string) {
    return db
      .select({ kind: escalationAction.kind, note: escalationAction.note, by: user.name, at: escalationAction.createdAt })
      .from(escalationAction)
      .leftJoin(user, eq(user.id, escalationAction.actorId))
      .where(eq(escalationAction.escalationId, escalationId))
      .orderBy(asc(escalationAction.createdAt), asc(escalationAction.id));
  },

  async addAction(db: Queryable, values: typeof escalationAction.$inferInsert) {
    await db.insert(escalationAction).values(values);
  },

  async names(db: Queryable, ids: (string | null)[]) {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map<string, string>();
    const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /**
   * Escalations still open or closed since `closedSince`, with the viewer's reason for being told and the names
   * shown in a list. `onlyNotified`: the viewer's own inbox; otherwise all (coordinators).
   */
  async list(db: Queryable, viewerId: string, closedSince: Date, onlyNotified: boolean) {
    const mine = and(eq(escalationNotification.escalationId, escalation.id), eq(escalationNotification.userId, viewerId));
    return db
      .select({ escalation, reason: escalationNotification.reason, memberName: member.name, acknowledgerName: acknowledger.name })
      .from(escalation)
      .leftJoin(escalationNotification, mine)
      .innerJoin(member, eq(member.id, escalation.memberId))
      .leftJoin(acknowledger, eq(acknowledger.id, escalation.acknowledgedBy))
      .where(
        and(
          ne(escalation.memberId, viewerId),
          onlyNotified ? isNotNull(escalationNotification.id) : undefined,
          or(isNull(escalation.closedAt), gte(escalation.closedAt, closedSince)),
        ),
      )
      .orderBy(sql`${escalation.status} = 'closed'`, desc(escalation.openedAt))
      .limit(100);
  },

  async openSosOf(db: Queryable, memberId: string) {
    const [row] = await db
      .select()
      .from(escalation)
      .where(and(eq(escalation.memberId, memberId), eq(escalation.source, 'sos'), ne(escalation.status, 'closed')));
    return row;
  },

  /** The escalation not yet closed that a check-in, post or message raised (a same-day edit answers with it). */
  async openForSource(db: Queryable, source: string, sourceId: string) {
    const [row] = await db
      .select()
      .from(escalation)
      .where(and(eq(escalation.source, source), eq(escalation.sourceId, sourceId), ne(escalation.status, 'closed')))
      .orderBy(desc(escalation.openedAt))
      .limit(1);
    return row;
  },

  /** Unacknowledged escalations whose deadline has passed (the sweep's work). */
  async due(db: Queryable, now: Date) {
    const rows = await db
      .select({ id: escalation.id })
      .from(escalation)
      .where(and(eq(escalation.status, 'open'), lte(escalation.nextPageAt, now)))
      .orderBy(asc(escalation.nextPageAt))
      .limit(100);
    return rows.map((r) => r.id);
  },

  async crisisSharing(db: Queryable, userId: string) {
    const [row] = await db.select({ safetyPlan: crisisSharing.safetyPlan }).from(crisisSharing).where(eq(crisisSharing.userId, userId));
    return row?.safetyPlan ?? false;
  },

  /** Whether the value changed. */
  async setCrisisSharing(db: Queryable, userId: string, safetyPlan: boolean): Promise<boolean> {
    const before = await escalationRepo.crisisSharing(db, userId);
    await db
      .insert(crisisSharing)
      .values({ userId, safetyPlan })
      .onConflictDoUpdate({ target: crisisSharing.userId, set: { safetyPlan, updatedAt: sql`now()` } });
    return before !== safetyPlan;
  },

  /** Counts and times over escalations opened in [from, to): nothing that names or quotes anyone. */
  async stats(db: Queryable, from: Date, to: Date) {
    const inRange = and(gte(escalation.openedAt, from), lt(escalation.openedAt, to));
    const ackSeconds = sql`extract(epoch from ${escalation.acknowledgedAt} - ${escalation.openedAt})`;
    const [totals] = await db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${escalation.status} = 'open'))::int`,
        acknowledged: sql<number>`(count(*) filter (where ${escalation.status} = 'acknowledged'))::int`,
        closed: sql<number>`(count(*) filter (where ${escalation.status} = 'closed'))::int`,
        urgent: sql<number>`(count(*) filter (where ${escalation.level} = 'urgent'))::int`,
        emergency: sql<number>`(count(*) filter (where ${escalation.level} = 'emergency'))::int`,
        median: sql<number | null>`(percentile_cont(0.5) within group (order by ${ackSeconds}) filter (where ${escalation.acknowledgedAt} is not null))::float8`,
        p90: sql<number | null>`(percentile_cont(0.9) within group (order by ${ackSeconds}) filter (where ${escalation.acknowledgedAt} is not null))::float8`,
      })
      .from(escalation)
      .where(inRange);
    const outcomes = await db
      .select({ outcome: escalation.outcome, n: sql<number>`count(*)::int` })
      .from(escalation)
      .where(and(inRange, eq(escalation.status, 'closed')))
      .groupBy(escalation.outcome);
    return { totals: totals!, outcomes };
  },
};
