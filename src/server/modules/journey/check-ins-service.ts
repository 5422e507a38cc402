import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { checkIn as checkInSchema, checkInBody, checkInRangeQuery } from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import { emit } from '../../events/emit.ts';
import { validationFailed } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { type CrisisHandled, createCrisisAnswers, memberLocale, readOwnWords } from '../safety/crisis.ts';
import { renderChart } from './chart.ts';
import { checkInsRepo, type PresentedCheckIn, streakOn } from './check-ins-repo.ts';
import { NotifiedCache } from '../../http/notified-cache.ts';
import { addDays, daysBetween } from './dates.ts';
import { memberClock } from './member-clock.ts';
import { sobrietyRepo } from './sobriety-repo.ts';
import { riskSuggestions } from '../resources/suggestions.ts';
import type { checkIn } from './tables.ts';

type Row = typeof checkIn.$inferSelect;
type RiskReason = 'craving' | 'mood' | 'used';

export function presentCheckIn(row: Row): z.infer<typeof checkInSchema> {
  return {
    date: row.localDate,
    mood: row.mood,
    craving: row.craving,
    triggers: row.triggers as z.infer<typeof checkInSchema>['triggers'],
    triggerNote: row.triggerNote,
    used: row.used as z.infer<typeof checkInSchema>['used'],
    hoursSlept: row.hoursSlept,
    meetings: row.meetings,
    gratitude: row.gratitude,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A check-in that shows risk: a strong craving, the lowest mood, or having used today. */
export function riskReasons(c: { craving: number; mood: number; used: string }): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (c.craving >= 8) reasons.push('craving');
  if (c.mood === 1) reasons.push('mood');
  if (c.used === 'yes') reasons.push('used');
  return reasons;
}

const MAX_RANGE_DAYS = 366;

const chartLabels = {
  en: { title: 'Mood and craving', mood: 'Mood', craving: 'Craving', setback: 'Setback', desc: (n: number, d: number) => `${n} check-ins in the last ${d} days.` },
  es: { title: 'Ánimo y ganas de consumir', mood: 'Ánimo', craving: 'Ganas', setback: 'Tropiezo', desc: (n: number, d: number) => `${n} registros en los últimos ${d} días.` },
} as const;

/** Channel the check_in triggers notify (migration 0004). */
export const CHECK_INS_CHANNEL = 'kindred_check_ins';

type CheckInList = { checkIns: PresentedCheckIn[]; streak: { current: number; longest: number } };

export function createCheckInsService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;
  const crisis = createCrisisAnswers(ctx, deps);
  // A member reads their list far more often than they write: keep it until a trigger says it changed.
  const lists = new NotifiedCache<CheckInList>(ctx.notifications, CHECK_INS_CHANNEL, { ttlMs: 60_000, maxEntries: 5_000 });

  const listFor = (userId: string, from: string, to: string) => checkInsRepo.range(db, userId, from, to);

  return {
    listFor,

    /**
     * Saves today's check-in (a day of slack either side for a device whose zone differs from the profile's). The
     * answer carries the risk signal so the screen can show help at once; the text itself never leaves as an event.
     * Words the crisis detector reads as urgent or emergency are still saved, and in the same transaction open an
     * escalation (or find the one this check-in already opened); the answer then carries crisis lines in the
     * member's language and the screener's next question.
     */
    async save(actor: Actor | null, date: string, input: z.output<typeof checkInBody>) {
      const a = authorize(actor);
      const { today } = await memberClock(db, a);
      if (Math.abs(daysBetween(today, date)) > 1) throw validationFailed({ date: 'checkInDateOutOfRange' });
      const values = {
        mood: input.mood,
        craving: input.craving,
        triggers: [...new Set(input.triggers)],
        triggerNote: input.triggerNote || null,
        used: input.used,
        hoursSlept: input.hoursSlept ?? null,
        meetings: input.meetings,
        gratitude: input.gratitude || null,
        notes: input.notes || null,
      };
      const reasons = riskReasons(values);
      const locale = await memberLocale(db, a);
      const reading = readOwnWords([values.notes, values.triggerNote, values.gratitude], locale);
      let streak = { current: 0, longest: 0 };
      let handled: CrisisHandled | null = null;
      const row = await db.transaction(async (tx) => {
        const saved = await checkInsRepo.upsert(tx, a.userId, date, values);
        streak = streakOn(await checkInsRepo.recomputeStreak(tx, a.userId), today);
        if (values.notes || values.gratitude || values.triggerNote) {
          await emit(tx, { type: 'text.saved', userId: a.userId, payload: { kind: 'check_in', id: saved.id } });
        }
        if (reasons.length) {
          await emit(tx, { type: 'journey.risk_signal', userId: a.userId, payload: { checkInId: saved.id, date, reasons } });
        }
        if (reading) handled = await crisis.escalateIn(tx, { memberId: a.userId, source: 'check_in', sourceId: saved.id, reading });
        return saved;
      });
      return {
        checkIn: presentCheckIn(row),
        streak,
        // One more query, only when there is a risk: strategies from the library for these moments.
        risk: reasons.length ? { reasons, suggestions: await riskSuggestions(db, a.userId, locale, reasons) } : null,
        crisis: handled ? await crisis.answer(handled, locale) : null,
      };
    },

    async list(actor: Actor | null, query: z.output<typeof checkInRangeQuery>) {
      const a = authorize(actor);
      const { today } = await memberClock(db, a);
      const to = query.to ?? today;
      const from = query.from ?? addDays(to, -29);
      if (from > to) throw validationFailed({ from: 'rangeReversed' });
      if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw validationFailed({ from: 'rangeTooLong' });
      const key = `${a.userId}|${from}|${to}|${today}`;
      let list = lists.get(key);
      if (!list) {
        const epoch = lists.begin();
        list = await checkInsRepo.rangeWithStreak(db, a.userId, from, to, today);
        lists.set(key, a.userId, list, epoch);
      }
      return { from, to, ...list };
    },

    async chart(actor: Actor | null, days: 30 | 90, locale: Locale) {
      const a = authorize(actor);
      const { today } = await memberClock(db, a);
      const from = addDays(today, -(days - 1));
      const [rows, tracks] = await Promise.all([checkInsRepo.range(db, a.userId, from, today), sobrietyRepo.tracksOf(db, a.userId)]);
      const labels = chartLabels[locale];
      return renderChart({
        days: Array.from({ length: days }, (_, i) => addDays(from, i)),
        points: rows.map((r) => ({ date: r.date, mood: r.mood, craving: r.craving })),
        setbacks: tracks.flatMap((t) => t.periods.flatMap((p) => (p.endedOn ? [p.endedOn] : []))),
        labels: { ...labels, desc: labels.desc(rows.length, days) },
        formatDate: (date) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
      });
    },
  };
}

export type CheckInsService = ReturnType<typeof createCheckInsService>;
