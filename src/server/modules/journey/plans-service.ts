import type { z } from 'zod';
import {
  COPING_STRATEGIES_MAX,
  type copingStrategyBody,
  type goal,
  type goalBody,
  type goalEntryBody,
  type goalPatchBody,
  SAFETY_PLAN_SECTIONS,
  type safetyPlan,
  type safetyPlanBody,
} from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { addDays, endOfMonth, startOfMonth, startOfWeek } from './dates.ts';
import { memberClock } from './member-clock.ts';
import { type GoalRow, plansRepo } from './plans-repo.ts';

type Goal = z.infer<typeof goal>;
type SafetyPlan = z.infer<typeof safetyPlan>;
type Period = Goal['period'];

/** Goals the member counts by hand (mentor contacts until mentoring can count them). */
/** Goals a member may add entries to (mentor contacts also count what the mentor logs). */
const SELF_REPORTED: ReadonlySet<string> = new Set(['self_reported', 'mentor_contacts']);

/** The current ISO week (Monday to Sunday) and calendar month around the member's `today`. */
export function currentPeriods(today: string): Record<Period, { from: string; to: string }> {
  const monday = startOfWeek(today);
  return { week: { from: monday, to: addDays(monday, 6) }, month: { from: startOfMonth(today), to: endOfMonth(today) } };
}

/** A stored plan with every section present, whatever an older version of the plan held. */
export function presentSafetyPlan(row: { sections: unknown; updatedAt: Date } | undefined): SafetyPlan {
  const stored = (row?.sections ?? {}) as Record<string, unknown>;
  const sections = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((k) => [k, Array.isArray(stored[k]) ? stored[k] : []]));
  return { ...(sections as z.infer<typeof safetyPlanBody>), updatedAt: row?.updatedAt.toISOString() ?? null };
}

export function createPlansService(ctx: ServiceContext) {
  const { db } = ctx;

  /** Goals with their progress in the current period, counted from the member's activity or their entries. */
  async function withProgress(userId: string, clock: { today: string; timeZone: string }, rows: GoalRow[]): Promise<Goal[]> {
    if (rows.length === 0) return [];
    const periods = currentPeriods(clock.today);
    const contactGoals = rows.filter((g) => g.measure === 'mentor_contacts').map((g) => g.id);
    const [checkIns, meetings, entries, contacts] = await Promise.all([
      plansRepo.goals.checkInTotals(db, userId, periods.week, periods.month),
      rows.some((g) => g.measure === 'meetings') ? plansRepo.goals.meetingTotals(db, userId, clock.timeZone, periods.week, periods.month) : null,
      plansRepo.goals.entryTotals(db, rows.filter((g) => g.measure === 'self_reported').map((g) => g.id), periods.week, periods.month),
      plansRepo.goals.mentorContactTotals(db, userId, contactGoals, periods.week, periods.month),
    ]);
    const activity = { ...checkIns, ...meetings };
    return rows.map((g) => {
      const period = g.period as Period;
      const count =
        g.measure === 'check_ins'
          ? activity[period === 'week' ? 'weekCheckIns' : 'monthCheckIns']
          : g.measure === 'meetings'
            ? activity[period === 'week' ? 'weekMeetings' : 'monthMeetings']
            : ((g.measure === 'mentor_contacts' ? contacts : entries).get(g.id)?.[period] ?? 0);
      return {
        id: g.id,
        title: g.title,
        measure: g.measure as Goal['measure'],
        target: g.target,
        period,
        progress: { periodStart: periods[period].from, periodEnd: periods[period].to, count, met: count >= g.target },
      };
    });
  }

  /** A member's active goals; `who` is the member (or their actor) whose clock counts. No access check: callers do it. */
  async function goalsFor(userId: string, who: Actor | string = userId): Promise<Goal[]> {
    const clock = await memberClock(db, who);
    return withProgress(userId, clock, await plansRepo.goals.listActive(db, userId));
  }

  async function oneGoal(a: Actor, row: GoalRow): Promise<Goal> {
    const clock = await memberClock(db, a);
    return (await withProgress(a.userId, clock, [row]))[0]!;
  }

  /** A member's safety plan. No access check: callers do it. */
  async function safetyPlanFor(userId: string): Promise<SafetyPlan> {
    return presentSafetyPlan(await plansRepo.safetyPlan.find(db, userId));
  }

  return {
    goalsFor,
    safetyPlanFor,

    // ── Goals ──

    async listGoals(actor: Actor | null) {
      const a = authorize(actor);
      return { goals: await goalsFor(a.userId, a) };
    },

    async createGoal(actor: Actor | null, input: z.output<typeof goalBody>) {
      const a = authorize(actor);
      return oneGoal(a, await plansRepo.goals.create(db, a.userId, input));
    },

    async updateGoal(actor: Actor | null, id: string, patch: z.output<typeof goalPatchBody>) {
      const a = authorize(actor);
      const row = await plansRepo.goals.update(db, a.userId, id, patch);
      if (!row) throw notFound();
      return oneGoal(a, row);
    },

    /** Archived goals leave the list; their entries stay (and are exported). */
    async archiveGoal(actor: Actor | null, id: string) {
      const a = authorize(actor);
      if (!(await plansRepo.goals.archive(db, a.userId, id))) throw notFound();
    },

    /** Progress the member reports themselves, for goals Kindred cannot count. */
    async addGoalEntry(actor: Actor | null, id: string, input: z.output<typeof goalEntryBody>) {
      const a = authorize(actor);
      const row = await plansRepo.goals.findActive(db, a.userId, id);
      if (!row) throw notFound();
      if (!SELF_REPORTED.has(row.measure)) throw validationFailed({}, 'goalCountsItself');
      const clock = await memberClock(db, a);
      // A day of slack, as for check-ins, for a device whose zone is ahead of the profile's.
      if (input.date > addDays(clock.today, 1)) throw validationFailed({ date: 'dateInFuture' });
      await plansRepo.goals.addEntry(db, { goalId: row.id, userId: a.userId, localDate: input.date, amount: input.amount });
      return (await withProgress(a.userId, clock, [row]))[0]!;
    },

    // ── Coping toolbox ──

    async listStrategies(actor: Actor | null) {
      const a = authorize(actor);
      return { strategies: await plansRepo.strategies.list(db, a.userId) };
    },

    async addStrategy(actor: Actor | null, input: z.output<typeof copingStrategyBody>) {
      const a = authorize(actor);
      return db.transaction(async (tx) => {
        await plansRepo.strategies.lock(tx, a.userId);
        if ((await plansRepo.strategies.count(tx, a.userId)) >= COPING_STRATEGIES_MAX) throw validationFailed({}, 'copingToolboxFull');
        return plansRepo.strategies.append(tx, a.userId, input);
      });
    },

    async updateStrategy(actor: Actor | null, id: string, input: z.output<typeof copingStrategyBody>) {
      const a = authorize(actor);
      const row = await plansRepo.strategies.update(db, a.userId, id, input);
      if (!row) throw notFound();
      return row;
    },

    async removeStrategy(actor: Actor | null, id: string) {
      const a = authorize(actor);
      if (!(await plansRepo.strategies.remove(db, a.userId, id))) throw notFound();
    },

    /** A new order for the whole toolbox: exactly the member's strategies, each once. */
    async reorderStrategies(actor: Actor | null, ids: string[]) {
      const a = authorize(actor);
      return db.transaction(async (tx) => {
        await plansRepo.strategies.lock(tx, a.userId);
        const current = new Set((await plansRepo.strategies.list(tx, a.userId)).map((s) => s.id));
        if (ids.length !== current.size || !ids.every((id) => current.has(id))) throw validationFailed({ ids: 'copingOrderMismatch' });
        await plansRepo.strategies.reorder(tx, a.userId, ids);
        return { strategies: await plansRepo.strategies.list(tx, a.userId) };
      });
    },

    // ── Safety plan ──

    async safetyPlan(actor: Actor | null) {
      const a = authorize(actor);
      return safetyPlanFor(a.userId);
    },

    async saveSafetyPlan(actor: Actor | null, input: z.output<typeof safetyPlanBody>) {
      const a = authorize(actor);
      return presentSafetyPlan(await plansRepo.safetyPlan.save(db, a.userId, input));
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
