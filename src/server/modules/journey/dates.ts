/**
 * Calendar arithmetic on local dates (YYYY-MM-DD). Recovery is counted in the member's calendar days: "today" comes
 * from their time zone (Intl), and spans between two dates are computed on day numbers (days since 1970-01-01 at
 * UTC midnight), where no DST change can add or lose a day. Plain integer arithmetic: these run on every journey
 * request (bench/README.md); dates.property.test.ts checks them against independent oracles.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a date, and back: integer arithmetic for loops over many days. */
export const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return formatterFor(timeZone).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29), as people count months. */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The span from `from` to `to` (not earlier) as years, months and days: whole months first, then the days left. */
export function span(from: string, to: string): { years: number; months: number; days: number } {
  let months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (addMonths(from, months) > to) months--;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12, days: daysBetween(addMonths(from, months), to) };
}

/** Monday of the date's ISO week. */
export function startOfWeek(date: string): string {
  const weekday = (new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: string): string {
  return addDays(addMonths(startOfMonth(date), 1), -1);
}
