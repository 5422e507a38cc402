import { RESOURCE_CATEGORIES, RESOURCE_COSTS, type ResourceCategory, resourceLimits } from '../../../contracts/resources.ts';

/**
 * The directory's filters as they live in the page's URL (shareable; the back button undoes a change). The
 * "near me" position is never put there: it stays in the page's memory and goes only to Kindred's own API.
 */

export const SEARCH_LANGUAGES = ['en', 'es'] as const;
export const RADII = ['5', '10', '25', '50', '100'] as const;
type Cost = (typeof RESOURCE_COSTS)[number];

export interface Filters {
  q: string;
  category: ResourceCategory | '';
  language: (typeof SEARCH_LANGUAGES)[number] | '';
  cost: Cost | '';
  openNow: boolean;
  radiusKm: (typeof RADII)[number];
}

export const NO_FILTERS: Filters = { q: '', category: '', language: '', cost: '', openNow: false, radiusKm: '25' };

export interface Position {
  lat: number;
  lng: number;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => ((allowed as readonly string[]).includes(value ?? '') ? (value as T) : '');

/** Anything unknown in a hand-edited URL is dropped rather than sent. */
export function readFilters(params: URLSearchParams): Filters {
  return {
    q: (params.get('q') ?? '').slice(0, resourceLimits.searchQuery),
    category: oneOf(params.get('category'), RESOURCE_CATEGORIES),
    language: oneOf(params.get('language'), SEARCH_LANGUAGES),
    cost: oneOf(params.get('cost'), RESOURCE_COSTS),
    openNow: params.get('openNow') === 'true',
    radiusKm: oneOf(params.get('radiusKm'), RADII) || NO_FILTERS.radiusKm,
  };
}

/** The URL's own parameters: only what is set, in a stable order. */
export function writeFilters(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.category) params.set('category', f.category);
  if (f.language) params.set('language', f.language);
  if (f.cost) params.set('cost', f.cost);
  if (f.openNow) params.set('openNow', 'true');
  if (f.radiusKm !== NO_FILTERS.radiusKm) params.set('radiusKm', f.radiusKm);
  return params;
}

/** The API's query: the filters and, when the person asked for it, their position; a radius alone means nothing. */
export function searchQueryString(f: Filters, near: Position | null, page = 1): string {
  const params = writeFilters(f);
  params.delete('radiusKm');
  if (near) {
    params.set('near', `${near.lat},${near.lng}`);
    params.set('radiusKm', f.radiusKm);
  }
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

export const activeFilterCount = (f: Filters, near: Position | null) =>
  Number(Boolean(f.category)) + Number(Boolean(f.language)) + Number(Boolean(f.cost)) + Number(f.openNow) + Number(Boolean(near));
