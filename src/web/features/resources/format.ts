import type { TFunction } from 'i18next';
import type { Locale } from '../../../contracts/common.ts';
import type { OpeningHours } from '../../../contracts/resources.ts';
import { wallTime, weekdayName, weekOrder } from '../meetings/format.ts';

export { formatKm, languageName } from '../meetings/format.ts';

/** The ISO weekdays (1 Monday ... 7 Sunday) in the order the reader's calendar shows them. */
export const isoWeek = (locale: Locale): number[] => weekOrder(locale).map((d) => (d === 0 ? 7 : d));
export const isoDayName = (day: number, locale: Locale) => weekdayName(day % 7, locale);

/** `sms:` with the keyword ready to send (RFC 5724); phones open their messages app with both filled in. */
export function smsHref(line: { number: string; keyword: string | null }): string {
  const number = line.number.replace(/[^\d+]/g, '');
  return `sms:${number}${line.keyword ? `?body=${encodeURIComponent(line.keyword)}` : ''}`;
}

/** Five stars as characters, for the eye only: the words "4 out of 5" go with them for everyone. */
export const starsFor = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

/** A website as people read it: the host and path without the scheme ("988lifeline.org"). */
export function websiteLabel(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname === '/' ? '' : u.pathname}${u.search}`;
    return `${u.host.replace(/^www\./, '')}${rest}`;
  } catch {
    return url;
  }
}

/** Each weekday with its periods ("9:00 AM – 5:00 PM, 6:00 PM – 8:00 PM"), in the reader's week order. */
export function hoursByDay(hours: OpeningHours, locale: Locale, t: TFunction): { day: number; name: string; times: string }[] {
  return isoWeek(locale).map((day) => {
    const periods = hours.periods
      .filter((p) => p.day === day)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((p) => t('resources.hours.range', { opens: wallTime(p.opens, locale), closes: p.closes === '24:00' ? t('resources.hours.midnight') : wallTime(p.closes, locale) }));
    return { day, name: isoDayName(day, locale), times: periods.length ? periods.join(', ') : t('resources.hours.closed') };
  });
}
