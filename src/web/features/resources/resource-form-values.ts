import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import { RESOURCE_CATEGORIES, type ResourceCategory, type resourceInput } from '../../../contracts/resources.ts';
import { browserTimeZone } from '../../lib/time.ts';
import type { Resource } from './api.ts';
import { type HoursMode, type PeriodRow, periodRow } from './HoursEditor.tsx';

/**
 * The resource form keeps one flat value per input, named by the body's dotted path ("textLine.number"), which is
 * also how the server names a field in a 422. The hours' periods are rows of their own.
 */
export interface ResourceFormValues {
  name: string;
  category: ResourceCategory;
  description: string;
  audience: 'public' | 'members';
  locale: Locale;
  'translation.name': string;
  'translation.description': string;
  phone: string;
  'textLine.number': string;
  'textLine.keyword': string;
  website: string;
  address: string;
  'location.lat': string;
  'location.lng': string;
  'hours.mode': HoursMode;
  'hours.timeZone': string;
  periods: PeriodRow[];
  languages: string[];
  otherLanguages: string;
  costs: string[];
  costNote: string;
  eligibility: string;
  inPerson: boolean;
  online: boolean;
  crisisScreen: boolean;
}

/** The languages offered as checkboxes; any other code is typed. */
export const COMMON_LANGUAGES = ['en', 'es'];
export const otherLocale = (l: Locale): Locale => (l === 'en' ? 'es' : 'en');

export function initialValues(r: Resource | undefined, locale: Locale): ResourceFormValues {
  const entryLocale = r?.locale ?? locale;
  // The entry's own text: the answer's name and description are the reader's translation when there is one.
  const own = r?.translations[entryLocale] ?? (r ? { name: r.name, description: r.description } : { name: '', description: '' });
  const other = r?.translations[otherLocale(entryLocale)];
  return {
    name: own.name,
    category: r?.category ?? RESOURCE_CATEGORIES[0],
    description: own.description,
    audience: r?.audience ?? 'public',
    locale: entryLocale,
    'translation.name': other?.name ?? '',
    'translation.description': other?.description ?? '',
    phone: r?.phone?.display ?? '',
    'textLine.number': r?.textLine?.number ?? '',
    'textLine.keyword': r?.textLine?.keyword ?? '',
    website: r?.website ?? '',
    address: r?.address ?? '',
    'location.lat': r?.location ? String(r.location.lat) : '',
    'location.lng': r?.location ? String(r.location.lng) : '',
    'hours.mode': !r?.hours ? 'unknown' : r.hours.alwaysOpen ? 'always' : 'periods',
    'hours.timeZone': r?.hours?.timeZone ?? browserTimeZone(),
    periods: (r?.hours?.periods ?? []).map(periodRow),
    languages: (r?.languages ?? []).filter((l) => COMMON_LANGUAGES.includes(l)),
    otherLanguages: (r?.languages ?? []).filter((l) => !COMMON_LANGUAGES.includes(l)).join(', '),
    costs: r?.costs ?? [],
    costNote: r?.costNote ?? '',
    eligibility: r?.eligibility ?? '',
    inPerson: r?.inPerson ?? false,
    online: r?.online ?? false,
    crisisScreen: r?.crisisScreen ?? false,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);
const number = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));
const codes = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/** The body the API takes; a member's suggestion leaves out who sees it and the crisis screen (coordinators decide). */
export function toBody(v: ResourceFormValues, mode: 'coordinator' | 'suggestion'): z.input<typeof resourceInput> {
  const hasTranslation = v['translation.name'].trim() !== '' || v['translation.description'].trim() !== '';
  const hasText = v['textLine.number'].trim() !== '' || v['textLine.keyword'].trim() !== '';
  const hasLocation = v['location.lat'].trim() !== '' || v['location.lng'].trim() !== '';
  const hours = v['hours.mode'];
  return {
    name: v.name,
    category: v.category,
    description: v.description,
    ...(mode === 'coordinator' ? { audience: v.audience } : {}),
    locale: v.locale,
    translations: hasTranslation ? { [otherLocale(v.locale)]: { name: v['translation.name'], description: v['translation.description'] } } : {},
    phone: orNull(v.phone),
    textLine: hasText ? { number: v['textLine.number'], keyword: orNull(v['textLine.keyword']) } : null,
    website: orNull(v.website),
    address: orNull(v.address),
    location: hasLocation ? { lat: number(v['location.lat']) as number, lng: number(v['location.lng']) as number } : null,
    hours:
      hours === 'unknown'
        ? null
        : { timeZone: v['hours.timeZone'], alwaysOpen: hours === 'always', periods: hours === 'periods' ? v.periods.map((p) => ({ day: Number(p.day), opens: p.opens, closes: p.closes })) : [] },
    languages: [...v.languages, ...codes(v.otherLanguages)],
    costs: v.costs as z.input<typeof resourceInput>['costs'],
    costNote: orNull(v.costNote),
    eligibility: orNull(v.eligibility),
    inPerson: v.inPerson,
    online: v.online,
    ...(mode === 'coordinator' ? { crisisScreen: v.category === 'crisis_lines' && v.crisisScreen } : {}),
  };
}

/** Every input's name in page order, so focus goes to the first one that needs a change. */
export function fieldNames(v: ResourceFormValues, mode: 'coordinator' | 'suggestion'): string[] {
  const hours = v['hours.mode'] === 'unknown' ? [] : ['hours.timeZone', ...(v['hours.mode'] === 'periods' ? ['hours.periods', ...v.periods.flatMap((_, i) => ['day', 'opens', 'closes'].map((f) => `hours.periods.${i}.${f}`))] : [])];
  return [
    'name',
    'category',
    'description',
    ...(mode === 'coordinator' ? ['audience'] : []),
    'locale',
    'translation.name',
    'translation.description',
    'phone',
    'textLine.number',
    'textLine.keyword',
    'website',
    'address',
    'location.lat',
    'location.lng',
    'hours.mode',
    ...hours,
    'languages',
    'otherLanguages',
    'costs',
    'costNote',
    'eligibility',
    'inPerson',
    ...(mode === 'coordinator' ? ['crisisScreen'] : []),
  ];
}

/**
 * The input a message belongs to, from the body's path (client check or the server's 422): a translation in either
 * language goes to the translation's inputs, a typed language code to the "other languages" box.
 */
export function inputFor(path: string, v: ResourceFormValues, names: string[]): string | undefined {
  const parts = path.split('.');
  if (parts[0] === 'translations') return parts[2] === 'description' ? 'translation.description' : 'translation.name';
  if (parts[0] === 'languages') return parts[1] !== undefined && Number(parts[1]) >= v.languages.length ? 'otherLanguages' : 'languages';
  if (path === 'textLine') return 'textLine.number';
  if (path === 'location') return 'location.lat';
  if (path === 'hours' || path === 'hours.alwaysOpen') return 'hours.mode';
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (names.includes(name)) return name;
  }
  return undefined;
}
