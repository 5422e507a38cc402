import { ATTENDANCE_OPTIONS, MEETING_TYPE_CODES, type MeetingTypeCode, TIMES_OF_DAY } from '../../../contracts/meetings.ts';

/**
 * The finder's filters as they live in the page's URL (shareable, and the back button undoes a change). Lists are
 * comma-separated as the API reads them. Anything unknown in a hand-edited URL is dropped rather than sent.
 */

export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
/** The finder offers the ways a meeting is held; "temporarily inactive" meetings are not looked for. */
export const FINDER_ATTENDANCE = ATTENDANCE_OPTIONS.filter((a) => a !== 'inactive');
export type FinderAttendance = (typeof FINDER_ATTENDANCE)[number];
export const FINDER_LANGUAGES = ['en', 'es'] as const;
export const RADII = ['5', '10', '25', '50'] as const;

export interface Filters {
  day: string[];
  timeOfDay: TimeOfDay[];
  soon: boolean;
  attendance: FinderAttendance[];
  types: MeetingTypeCode[];
  language: '' | (typeof FINDER_LANGUAGES)[number];
  q: string;
  /** Typed coordinates (the "near me" position is never put in the URL). */
  lat: string;
  lng: string;
  radiusKm: string;
}

export const NO_FILTERS: Filters = { day: [], timeOfDay: [], soon: false, attendance: [], types: [], language: '', q: '', lat: '', lng: '', radiusKm: '' };

const list = <T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] =>
  (params.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is T => (allowed as readonly string[]).includes(v))
    .filter((v, i, all) => all.indexOf(v) === i);

const number = (value: string | null, min: number, max: number) => {
  const n = Number(value);
  return value !== null && value.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? String(n) : '';
};

export function readFilters(params: URLSearchParams): Filters {
  const language = params.get('language');
  const radius = params.get('radiusKm');
  return {
    day: list(params, 'day', ['0', '1', '2', '3', '4', '5', '6']),
    timeOfDay: list(params, 'timeOfDay', TIMES_OF_DAY),
    soon: params.get('soon') === 'true',
    attendance: list(params, 'attendance', FINDER_ATTENDANCE),
    types: list(params, 'types', MEETING_TYPE_CODES),
    language: (FINDER_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Filters['language']) : '',
    q: (params.get('q') ?? '').slice(0, 100),
    lat: number(params.get('lat'), -90, 90),
    lng: number(params.get('lng'), -180, 180),
    radiusKm: (RADII as readonly string[]).includes(radius ?? '') ? radius! : '',
  };
}

/** The URL's own parameters: only what is set, in a stable order. */
export function writeFilters(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.day.length) params.set('day', [...f.day].sort().join(','));
  if (f.timeOfDay.length) params.set('timeOfDay', f.timeOfDay.join(','));
  if (f.soon) params.set('soon', 'true');
  if (f.attendance.length) params.set('attendance', f.attendance.join(','));
  if (f.types.length) params.set('types', f.types.join(','));
  if (f.language) params.set('language', f.language);
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.lat && f.lng) {
    params.set('lat', f.lat);
    params.set('lng', f.lng);
  }
  if (f.radiusKm) params.set('radiusKm', f.radiusKm);
  return params;
}

export interface Position {
  lat: number;
  lng: number;
}

/**
 * The API's query: the filters, the viewer's zone (days and times of day are read in it), and a position: typed
 * coordinates, or the "near me" one held in memory. A radius without a position means nothing and is left out.
 */
export function finderQueryString(f: Filters, zone: string, near: Position | null): string {
  const params = writeFilters(f);
  params.delete('lat');
  params.delete('lng');
  params.delete('radiusKm');
  const at = f.lat && f.lng ? { lat: f.lat, lng: f.lng } : near ? { lat: String(near.lat), lng: String(near.lng) } : null;
  if (at) {
    params.set('lat', at.lat);
    params.set('lng', at.lng);
    params.set('radiusKm', f.radiusKm || '25');
  }
  params.set('tz', zone);
  return params.toString();
}

/** How many filters are set, for the phone's "Filters (3)" button. */
export const activeFilterCount = (f: Filters, near: Position | null) =>
  f.day.length + f.timeOfDay.length + Number(f.soon) + f.attendance.length + f.types.length + Number(Boolean(f.language)) + Number(Boolean(f.q)) + Number(Boolean((f.lat && f.lng) || near));
