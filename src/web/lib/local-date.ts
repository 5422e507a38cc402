/**
 * Local calendar dates (YYYY-MM-DD), as the journey API speaks them. "Today" is the member's own day, in the time
 * zone of their account, not the device's: a check-in belongs to the day the member lives in.
 */

export function todayIn(timeZone: string, now = new Date()): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const atNoonUtc = (date: string) => new Date(`${date}T12:00:00Z`);

export function addDays(date: string, days: number): string {
  const d = atNoonUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A local date in the reader's language, e.g. "14 mar 2025" or "Mar 14, 2025"; `long` adds the weekday. */
export function formatLocalDate(date: string, locale: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : style === 'short'
        ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(atNoonUtc(date));
  } catch {
    return date;
  }
}
