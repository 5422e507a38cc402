import { and, asc, type Column, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { uuidArray } from '../../db/ids.ts';
import { meetingAttendance } from '../meetings/tables.ts';
import { mentoringContact, mentorship } from '../mentoring/tables.ts';
import { checkIn, copingStrategy, goal, goalEntry, safetyPlan } from './tables.ts';

export type GoalRow = Pick<typeof goal.$inferSelect, 'id' | 'title' | 'measure' | 'target' | 'period'>;
type Range = { from: string; to: string };

const goalColumns = { id: goal.id, title: goal.title, measure: goal.measure, target: goal.target, period: goal.period };
const strategyColumns = { id: copingStrategy.id, title: copingStrategy.title, steps: copingStrategy.steps, position: copingStrategy.position };
const activeGoal = (userId: string, id: string) => and(eq(goal.id, id), eq(goal.userId, userId), isNull(goal.archivedAt));
const ownStrategy = (userId: string, id: string) => and(eq(copingStrategy.id, id), eq(copingStrategy.userId, userId));
const within = (column: Column, r: Range) => sql`${column} between ${r.from} and ${r.to}`;

export const plansRepo = {
  goals: {
    async listActive(db: Queryable, userId: string): Promise<GoalRow[]> {
      return db
        .select(goalColumns)
        .from(goal)
        .where(and(eq(goal.userId, userId), isNull(goal.archivedAt)))
        .orderBy(asc(goal.createdAt), asc(goal.id));
    },

    async findActive(db: Queryable, userId: string, id: string): Promise<GoalRow | undefined> {
      const [row] = await db.select(goalColumns).from(goal).where(activeGoal(userId, id));
      return row;
    },

    async create(db: Queryable, userId: string, v: { title: string; measure: string; target: number; period: string }): Promise<GoalRow> {
      const [row] = await db
        .insert(goal)
        .values({ userId, ...v })
        .returning(goalColumns);
      return row!;
    },

    async update(db: Queryable, userId: string, id: string, patch: { title?: string; target?: number; period?: string }) {
      const [row] = await db.update(goal).set(patch).where(activeGoal(userId, id)).returning(goalColumns);
      return row;
    },

    async archive(db: Queryable, userId: string, id: string) {
      const rows = await db.update(goal).set({ archivedAt: sql`now()` }).where(activeGoal(userId, id)).returning({ id: goal.id });
      return rows.length === 1;
    },

    async addEntry(db: Queryable, v: { goalId: string; userId: string; localDate: string; amount: number }) {
      await db.insert(goalEntry).values(v);
    },

    /** Check-ins and meetings (as reported in check-ins) of a member in the current week and month. */
    async checkInTotals(db: Queryable, userId: string, week: Range, month: Range) {
      const [row] = await db
        .select({
          weekCheckIns: sql<number>`count(*) filter (where ${within(checkIn.localDate, week)})`.mapWith(Number),
          monthCheckIns: sql<number>`count(*) filter (where ${within(checkIn.localDate, month)})`.mapWith(Number),
          weekMeetings: sql<number>`coalesce(sum(${checkIn.meetings}) filter (where ${within(checkIn.localDate, week)}), 0)`.mapWith(Number),
          monthMeetings: sql<number>`coalesce(sum(${checkIn.meetings}) filter (where ${within(checkIn.localDate, month)}), 0)`.mapWith(Number),
        })
        .from(checkIn)
        // Either range lies within these bounds: one index scan for both.
        .where(and(eq(checkIn.userId, userId), within(checkIn.localDate, { from: minOf(week.from, month.from), to: maxOf(week.to, month.to) })));
      return row ?? { weekCheckIns: 0, monthCheckIns: 0, weekMeetings: 0, monthMeetings: 0 };
    },

    /**
     * Meetings in the current week and month: each day counts the meetings Kindred recorded (check-in at the meeting
     * or a facilitator's roster) or the number the member reported in that day's check-in, whichever is larger, so a
     * meeting both recorded and reported counts once.
     */
    async meetingTotals(db: Queryable, userId: string, timeZone: string, week: Range, month: Range) {
      const from = minOf(week.from, month.from);
      const to = maxOf(week.to, month.to);
      const rows = await db.execute<{ day: string; n: number }>(sql`
        with reported as (
          select ${checkIn.localDate} as day, ${checkIn.meetings}::int as n from ${checkIn}
          where ${checkIn.userId} = ${userId} and ${checkIn.localDate} between ${from} and ${to}
        ), recorded as (
          select (${meetingAttendance.startsAt} at time zone ${timeZone})::date as day, count(*)::int as n from ${meetingAttendance}
          where ${meetingAttendance.userId} = ${userId}
            and ${meetingAttendance.startsAt} >= ${from}::date - 1 and ${meetingAttendance.startsAt} < ${to}::date + 2
          group by 1
        )
        select coalesce(reported.day, recorded.day)::text as day, greatest(coalesce(reported.n, 0), coalesce(recorded.n, 0)) as n
        from reported full join recorded on reported.day = recorded.day`);
      let weekMeetings = 0;
      let monthMeetings = 0;
      for (const { day, n } of rows.rows) {
        if (day >= week.from && day <= week.to) weekMeetings += Number(n);
        if (day >= month.from && day <= month.to) monthMeetings += Number(n);
      }
      return { weekMeetings, monthMeetings };
    },

    /**
     * "Mentor contacts" goals: each day counts the larger of the contacts the member's mentors logged with them and
     * what the member reported for that goal, so a contact both logged and reported counts once.
     */
    async mentorContactTotals(db: Queryable, userId: string, goalIds: string[], week: Range, month: Range) {
      const out = new Map<string, { week: number; month: number }>(goalIds.map((id) => [id, { week: 0, month: 0 }]));
      if (goalIds.length === 0) return out;
      const from = minOf(week.from, month.from);
      const to = maxOf(week.to, month.to);
      const rows = await db.execute<{ goal_id: string; day: string; n: number }>(sql`
        with reported as (
          select ${goalEntry.goalId} as goal_id, ${goalEntry.localDate} as day, sum(${goalEntry.amount})::int as n from ${goalEntry}
          where ${inArray(goalEntry.goalId, goalIds)} and ${goalEntry.localDate} between ${from} and ${to}
          group by 1, 2
        ), logged as (
          select ${mentoringContact.date} as day, count(*)::int as n
          from ${mentoringContact} join ${mentorship} on ${mentorship.id} = ${mentoringContact.mentorshipId}
          where ${mentorship.menteeId} = ${userId} and ${mentoringContact.date} between ${from} and ${to}
          group by 1
        ), goals as (
          select distinct goal_id from (values ${sql.join(goalIds.map((id) => sql`(${id}::uuid)`), sql`, `)}) as g(goal_id)
        ), days as (
          select day from reported union select day from logged
        )
        select goals.goal_id, days.day::text as day, greatest(coalesce(reported.n, 0), coalesce(logged.n, 0)) as n
        from goals cross join days
        left join reported on reported.goal_id = goals.goal_id and reported.day = days.day
        left join logged on logged.day = days.day`);
      for (const { goal_id, day, n } of rows.rows) {
        const totals = out.get(goal_id)!;
        if (day >= week.from && day <= week.to) totals.week += Number(n);
        if (day >= month.from && day <= month.to) totals.month += Number(n);
      }
      return out;
    },

    /** Self-reported amounts per goal in the current week and month. */
    async entryTotals(db: Queryable, goalIds: string[], week: Range, month: Range) {
      if (goalIds.length === 0) return new Map<string, { week: number; month: number }>();
      const rows = await db
        .select({
          goalId: goalEntry.goalId,
          week: sql<number>`coalesce(sum(${goalEntry.amount}) filter (where ${within(goalEntry.localDate, week)}), 0)`.mapWith(Number),
          month: sql<number>`coalesce(sum(${goalEntry.amount}) filter (where ${within(goalEntry.localDate, month)}), 0)`.mapWith(Number),
        })
        .from(goalEntry)
        .where(and(inArray(goalEntry.goalId, goalIds), within(goalEntry.localDate, { from: minOf(week.from, month.from), to: maxOf(week.to, month.to) })))
        .groupBy(goalEntry.goalId);
      return new Map(rows.map((r) => [r.goalId, { week: r.week, month: r.month }]));
    },
  },

  strategies: {
    async list(db: Queryable, userId: string) {
      return db
        .select(strategyColumns)
        .from(copingStrategy)
        .where(eq(copingStrategy.userId, userId))
        .orderBy(asc(copingStrategy.position), asc(copingStrategy.createdAt), asc(copingStrategy.id));
    },

    /** Serialises a member's toolbox changes (the count limit and the order hold under concurrent requests). */
    async lock(db: Queryable, userId: string) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`coping_strategy:${userId}`}, 0))`);
    },

    async count(db: Queryable, userId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(copingStrategy).where(eq(copingStrategy.userId, userId));
      return row?.n ?? 0;
    },

    /** Adds a strategy at the end of the member's list. */
    async append(db: Queryable, userId: string, v: { title: string; steps: string[] }) {
      const [row] = await db
        .insert(copingStrategy)
        .values({
          userId,
          ...v,
          position: sql`(select coalesce(max(${copingStrategy.position}) + 1, 0) from ${copingStrategy} where ${copingStrategy.userId} = ${userId})`,
        })
        .returning(strategyColumns);
      return row!;
    },

    async update(db: Queryable, userId: string, id: string, v: { title: string; steps: string[] }) {
      const [row] = await db
        .update(copingStrategy)
        .set({ ...v, updatedAt: sql`now()` })
        .where(ownStrategy(userId, id))
        .returning(strategyColumns);
      return row;
    },

    async remove(db: Queryable, userId: string, id: string) {
      const rows = await db.delete(copingStrategy).where(ownStrategy(userId, id)).returning({ id: copingStrategy.id });
      return rows.length === 1;
    },

    /** Positions follow the order of `ids` (the caller checked they are exactly the member's). */
    async reorder(db: Queryable, userId: string, ids: string[]) {
      if (ids.length === 0) return;
      await db.execute(sql`
        update coping_strategy s set position = o.position - 1, updated_at = now()
          from unnest(${uuidArray(ids)}) with ordinality as o(id, position)
         where s.id = o.id and s.user_id = ${userId}`);
    },
  },

  safetyPlan: {
    async find(db: Queryable, userId: string) {
      const [row] = await db.select({ sections: safetyPlan.sections, updatedAt: safetyPlan.updatedAt }).from(safetyPlan).where(eq(safetyPlan.userId, userId));
      return row;
    },

    async save(db: Queryable, userId: string, sections: unknown) {
      const [row] = await db
        .insert(safetyPlan)
        .values({ userId, sections })
        .onConflictDoUpdate({ target: safetyPlan.userId, set: { sections, updatedAt: sql`now()` } })
        .returning({ sections: safetyPlan.sections, updatedAt: safetyPlan.updatedAt });
      return row!;
    },
  },
};

const minOf = (a: string, b: string) => (a < b ? a : b);
const maxOf = (a: string, b: string) => (a > b ? a : b);
