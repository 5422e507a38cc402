import type { TFunction } from 'i18next';
import type { Locale } from '../../../contracts/common.ts';
import type { AvailabilityWindow, Reason } from '../../../contracts/mentoring.ts';

/** Languages offered as choices; any other code already saved is kept and shown too. */
export const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'ht', 'zh', 'vi', 'tl', 'ko', 'ar', 'ru', 'de', 'it'];

/** "Spanish" / "español" as Intl names it (lower case inside a Spanish sentence, as Spanish writes it). */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const capitalise = (text: string, locale: Locale) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** A label on its own: "Spanish", "Español". */
export const languageLabel = (code: string, locale: Locale) => capitalise(languageName(code, locale), locale);

/** "A, B and C" / "A, B y C". */
export function listText(items: string[], locale: Locale, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Common-noun labels in one list, as a sentence writes them: "In person, video call and phone". */
export const labelList = (labels: string[], locale: Locale) => capitalise(listText(labels.map((l, i) => (i === 0 ? l : l.toLocaleLowerCase(locale))), locale), locale);

/** Languages in one list: "English and Spanish", "Inglés y español". */
export const languageList = (codes: string[], locale: Locale) => capitalise(listText(codes.map((c) => languageName(c, locale)), locale), locale);

/** A language code from a recovery profile ("es-MX") as matching compares it ("es"). */
export const baseLanguage = (code: string) => code.split('-')[0]!.toLowerCase();

/** The week as the reader's calendar shows it: Sunday first in English (US), Monday first in Spanish. */
export const weekOrder = (locale: Locale): number[] => (locale === 'es' ? [1, 2, 3, 4, 5, 6, 0] : [0, 1, 2, 3, 4, 5, 6]);

/** "Monday" / "Lunes". 2023-01-01 was a Sunday. */
export function weekdayName(day: number, locale: Locale): string {
  try {
    return capitalise(new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day, 12))), locale);
  } catch {
    return String(day);
  }
}

/** A wall-clock "19:00" in the reader's style ("7:00 PM" / "19:00"); "24:00" is midnight at the end of the day. */
export function wallTime(hhmm: string, locale: Locale, t: TFunction): string {
  if (hhmm === '24:00') return t('mentoring.time.midnight');
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
  } catch {
    return hhmm;
  }
}

/** Half-hour steps for a window's start (00:00 to 23:30) or end (00:30 to 24:00). */
export function halfHours(kind: 'start' | 'end'): string[] {
  const all = Array.from({ length: 49 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
  return kind === 'start' ? all.slice(0, 48) : all.slice(1);
}

/** "Monday, 6:00 PM – 8:00 PM". */
export const windowText = (w: AvailabilityWindow, locale: Locale, t: TFunction) =>
  t('mentoring.time.window', { day: weekdayName(w.day, locale), start: wallTime(w.start, locale, t), end: wallTime(w.end, locale, t) });

/** The windows in the order of the reader's week. */
export function sortedWindows(windows: AvailabilityWindow[], locale: Locale): AvailabilityWindow[] {
  const order = weekOrder(locale);
  return [...windows].sort((a, b) => order.indexOf(a.day) - order.indexOf(b.day) || a.start.localeCompare(b.start));
}

/** Numbers the reader's way: "5", "2.5" / "2,5". */
const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);

/**
 * Why a mentor is suggested, one short phrase per reason, in the reader's language ("Both SMART Recovery", "Both speak
 * Spanish", "5 h a week when you're both free", "4 of 5 places free"). A reason with no facts to show is left out.
 */
export function reasonPhrases(reasons: Reason[], t: TFunction, locale: Locale): string[] {
  const phrases: string[] = [];
  for (const r of reasons) {
    if (r.value <= 0) continue;
    switch (r.part) {
      case 'pathway':
        if (r.pathways?.length) phrases.push(t('mentoring.reasons.pathway', { list: listText(r.pathways.map((p) => t(`journey.pathways.${p}`)), locale) }));
        break;
      case 'language':
        if (r.languages?.length) phrases.push(t('mentoring.reasons.language', { list: listText(r.languages.map((l) => languageName(l, locale)), locale) }));
        break;
      case 'availability':
        if (r.hoursPerWeek !== undefined && r.hoursPerWeek > 0) phrases.push(t('mentoring.reasons.availability', { hours: number(r.hoursPerWeek, locale) }));
        break;
      case 'contact':
        if (r.contactModes?.length) phrases.push(t('mentoring.reasons.contact', { list: listText(r.contactModes.map((m) => t(`mentoring.modesInline.${m}`)), locale, 'conjunction') }));
        break;
      case 'capacity':
        if (r.free !== undefined && r.capacity !== undefined) phrases.push(t('mentoring.reasons.capacity', { count: r.free, capacity: r.capacity }));
        break;
    }
  }
  return phrases;
}

/** How long until an ISO instant, in whole hours (at least 1) for "answer within about N hours". */
export const hoursUntil = (iso: string, now = Date.now()) => Math.max(1, Math.round((new Date(iso).getTime() - now) / 3_600_000));

/** Minutes as "45 min" / "1 h 30 min". */
export function durationText(minutes: number, t: TFunction): string {
  if (minutes < 60) return t('mentoring.time.minutes', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? t('mentoring.time.hoursMinutes', { hours: h, minutes: m }) : t('mentoring.time.hours', { count: h });
}
