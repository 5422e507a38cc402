import { addDays, addMonths } from './dates.ts';

/**
 * Recovery milestones, counted from the first day of a period: 24 hours, 7, 30, 60 and 90 days, 6 and 9 months,
 * 1 year, 18 months, then every year. Keys are stable ("1d", "7d", "6m", "1y", "18m", "2y"...); the web app words
 * them.
 */
export interface Milestone {
  key: string;
  on: string;
}

const FIXED: Array<{ key: string; days?: number; months?: number }> = [
  { key: '1d', days: 1 },
  { key: '7d', days: 7 },
  { key: '30d', days: 30 },
  { key: '60d', days: 60 },
  { key: '90d', days: 90 },
  { key: '6m', months: 6 },
  { key: '9m', months: 9 },
  { key: '1y', months: 12 },
  { key: '18m', months: 18 },
];

/** Every milestone of a period starting on `startedOn`, in order, until (and including) the first after `until`. */
export function milestonesThrough(startedOn: string, until: string): { reached: Milestone[]; next: Milestone } {
  const reached: Milestone[] = [];
  const dateOf = (m: { days?: number; months?: number }) => (m.days !== undefined ? addDays(startedOn, m.days) : addMonths(startedOn, m.months!));
  for (const m of FIXED) {
    const on = dateOf(m);
    if (on > until) return { reached, next: { key: m.key, on } };
    reached.push({ key: m.key, on });
  }
  for (let years = 2; ; years++) {
    const on = addMonths(startedOn, years * 12);
    if (on > until) return { reached, next: { key: `${years}y`, on } };
    reached.push({ key: `${years}y`, on });
  }
}
