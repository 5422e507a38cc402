import type { z } from 'zod';
import type { caseload, caseloadEntry } from '../../../contracts/mentoring.ts';
import { type Actor, authorize } from '../../access.ts';
import type { ServiceContext } from '../context.ts';
import { loadAudience } from '../journey/audience.ts';
import { createCheckInsService, riskReasons } from '../journey/check-ins-service.ts';
import { addDays, daysBetween, startOfWeek, todayIn } from '../journey/dates.ts';
import { memberClock } from '../journey/member-clock.ts';
import { journeyPolicy, type ShareCategory } from '../journey/policy.ts';
import { createSobrietyService } from '../journey/sobriety-service.ts';
import { effectiveCapacity, mentoringPolicy } from './policy.ts';
import { contactRepo, mentorshipRepo, peopleRepo } from './repo.ts';
import { createMentorshipService } from './service.ts';
import { mentoringSettingsRepo } from './settings.ts';

type Caseload = z.infer<typeof caseload>;
type Shared = z.infer<typeof caseloadEntry>['shared'];

/** A milestone reached this recently is shown (to celebrate); otherwise the next one. */
const RECENT_MILESTONE_DAYS = 7;
/** How far back a risk signal in a check-in is shown. */
const RISK_DAYS = 7;
/** Weeks before this one that make the mentor's own norm. */
const NORM_WEEKS = 8;
/** The prompt: this week at least twice the norm and at least this many minutes; or this many contacts with no norm yet. */
const LOAD_FACTOR = 2;
const LOAD_MIN_MINUTES = 180;
const LOAD_CONTACTS_WITHOUT_NORM = 6;

/** Whether a week's load is far above the mentor's own norm (docs/mentoring.md). */
export function loadPrompt(thisWeek: { minutes: number; contacts: number }, normMinutes: number): boolean {
  if (normMinutes > 0) return thisWeek.minutes >= LOAD_FACTOR * normMinutes && thisWeek.minutes >= LOAD_MIN_MINUTES;
  return thisWeek.contacts >= LOAD_CONTACTS_WITHOUT_NORM;
}

/**
 * The mentor's caseload: each open relationship with its last contact, next step, overdue flag and what the mentee
 * shares; and the week's contact load against the mentor's own norm, with a gentle prompt and where to find
 * supervision. What a mentee shares is decided by the journey's own consent rules (journeyPolicy), read fresh.
 */
export function createCaseloadService(ctx: ServiceContext) {
  const { db } = ctx;
  const mentorships = createMentorshipService(ctx);
  const sobriety = createSobrietyService(ctx);
  const checkIns = createCheckInsService(ctx);

  async function sharedBy(a: Actor, menteeId: string): Promise<Shared> {
    const audience = await loadAudience(db, menteeId);
    const shares = (category: ShareCategory) => journeyPolicy.seeCategory(a, { ...audience, category });
    const shared: Shared = {};
    if (shares('sobriety')) {
      const summary = await sobriety.summaryFor(menteeId, menteeId, { recordMilestones: false });
      const recent = summary.tracks
        .flatMap((t) => t.reached)
        .filter((m) => daysBetween(m.on, summary.today) <= RECENT_MILESTONE_DAYS)
        .sort((x, y) => y.on.localeCompare(x.on))[0];
      const next = summary.tracks.map((t) => t.next).sort((x, y) => x.on.localeCompare(y.on))[0];
      const pick = recent ?? next;
      shared.milestone = pick ? { key: pick.key, on: pick.on } : null;
    }
    if (shares('check_ins')) {
      const { today } = await memberClock(db, menteeId);
      const list = await checkIns.listFor(menteeId, addDays(today, -(RISK_DAYS - 1)), today);
      const risky = list
        .map((c) => ({ date: c.date, reasons: riskReasons(c) }))
        .filter((c) => c.reasons.length > 0)
        .sort((x, y) => y.date.localeCompare(x.date))[0];
      shared.risk = risky ?? null;
    }
    return shared;
  }

  async function load(mentorId: string, today: string) {
    const monday = startOfWeek(today);
    const weeks = await contactRepo.weeklyLoad(db, mentorId, addDays(monday, -7 * NORM_WEEKS), addDays(monday, 6));
    const current = weeks.find((w) => w.week === monday) ?? { minutes: 0, contacts: 0 };
    const before = weeks.filter((w) => w.week < monday && w.contacts > 0);
    const normMinutes = before.length ? Math.round((before.reduce((s, w) => s + w.minutes, 0) / before.length) * 10) / 10 : 0;
    return { thisWeekMinutes: current.minutes, thisWeekContacts: current.contacts, normMinutes, prompt: loadPrompt(current, normMinutes) };
  }

  return {
    async caseload(actor: Actor | null): Promise<Caseload> {
      const a = authorize(actor, mentoringPolicy.mentor, undefined);
      const [{ timeZone, today }, settings, profile, rows] = await Promise.all([
        memberClock(db, a),
        mentoringSettingsRepo.get(db),
        peopleRepo.profile(db, a.userId),
        mentorshipRepo.openOfMentor(db, a.userId),
      ]);
      const [presented, latest, weekLoad] = await Promise.all([
        mentorships.present(a, rows).then((list) => new Map(list.map((m) => [m.id, m]))),
        contactRepo.latestOf(db, rows.map((m) => m.id)),
        load(a.userId, today),
      ]);
      const entries: Caseload['entries'] = [];
      for (const m of rows) {
        const last = latest.get(m.id);
        // No contact yet: the wait is counted from the day the relationship became active.
        const since = last?.date ?? (m.startedAt ? todayIn(timeZone, m.startedAt) : null);
        entries.push({
          mentorship: presented.get(m.id)!,
          lastContact: last?.date ?? null,
          nextStep: last?.nextStep ?? null,
          overdue: m.status === 'active' && since !== null && daysBetween(since, today) >= settings.overdueDays,
          shared: m.status === 'active' ? await sharedBy(a, m.menteeId) : {},
        });
      }
      return {
        capacity: profile ? effectiveCapacity(profile) : 0,
        active: rows.length,
        entries,
        load: { ...weekLoad, supervisionContact: settings.supervisionContact },
      };
    },
  };
}

export type CaseloadService = ReturnType<typeof createCaseloadService>;
