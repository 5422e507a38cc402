import type { TFunction } from 'i18next';

/** A milestone key from the API ("1d", "7d", "6m", "1y", "18m", "3y") in words: "24 hours", "One week", "3 years". */
export function milestoneName(key: string, t: TFunction): string {
  const years = /^(\d+)y$/.exec(key);
  if (years && Number(years[1]) >= 2) return t('journey.milestones.years', { count: Number(years[1]) });
  return t(`journey.milestones.${key}`, { defaultValue: key });
}

/** 1 year, 2 months and 5 days; only the parts that are not zero; "today" for a date that starts today. */
export function spanText(span: { years: number; months: number; days: number }, t: TFunction, locale: string): string {
  const parts = (['years', 'months', 'days'] as const).filter((unit) => span[unit] > 0).map((unit) => t(`journey.span.${unit}`, { count: span[unit] }));
  if (parts.length === 0) return t('journey.span.startsToday');
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}
