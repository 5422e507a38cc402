import type { Locale } from '../../../contracts/common.ts';
import type { Resource, ResourceSummary } from '../../../contracts/resources.ts';
import type { Actor } from '../../access.ts';
import { displayPhone } from './entries-input.ts';
import type { EntryRow } from './entries-repo.ts';
import { isOpenAt, joinHours } from './hours.ts';
import { isCoordinator } from './policy.ts';
import type { TipRow } from './tips-repo.ts';

/** What the starter set's entries say verified them (they have no verifying person). */
export const STARTER_VERIFIER = 'Kindred starter set';

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres (the same haversine the search orders by). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SummaryOptions {
  locale: Locale;
  now: Date;
  near?: { lat: number; lng: number } | null;
  /** The instance's country: its numbers are written the national way, others internationally. */
  phoneCountry: string;
}

/** An entry in a list: the name and description in the reader's language when a translation exists. */
export function presentSummary(row: EntryRow, o: SummaryOptions): ResourceSummary {
  const translated = row.locale !== o.locale ? row.translations[o.locale] : undefined;
  const location = row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null;
  return {
    id: row.id,
    name: translated?.name ?? row.name,
    category: row.category as ResourceSummary['category'],
    description: translated?.description || row.description,
    audience: row.audience as ResourceSummary['audience'],
    phone: row.phone ? { tel: row.phone, display: displayPhone(row.phone, o.phoneCountry) } : null,
    textLine: row.textNumber ? { number: displayPhone(row.textNumber, o.phoneCountry), keyword: row.textKeyword } : null,
    website: row.website,
    address: row.address,
    location,
    languages: row.languages,
    costs: row.costs as ResourceSummary['costs'],
    inPerson: row.inPerson,
    online: row.online,
    openNow: isOpenAt(row, o.now),
    distanceKm: o.near && location ? Math.round(distanceKm(o.near, location) * 10) / 10 : null,
    verifiedAt: row.verifiedAt,
  };
}

/** Whether a published entry is past its re-verification date (never verified counts as past). */
export function needsReverification(row: Pick<EntryRow, 'status' | 'verifiedAt'>, reverifyAfterDays: number, now: Date): boolean {
  if (row.status !== 'published') return false;
  if (!row.verifiedAt) return true;
  return now.getTime() - new Date(row.verifiedAt).getTime() > reverifyAfterDays * 86_400_000;
}

export interface ResourceOptions extends SummaryOptions {
  actor: Actor | null;
  verifierName: string | null;
  reverifyAfterDays: number;
  tips: Resource['tips'];
  rating: Resource['rating'];
  can: Resource['can'];
}

/**
 * One entry in full. Who verified it is shown to signed-in readers (the starter set names itself to everyone);
 * re-verification is the coordinators' concern only.
 */
export function presentResource(row: EntryRow, o: ResourceOptions): Resource {
  const verifiedBy = row.origin === 'starter' && !row.verifiedBy ? STARTER_VERIFIER : o.actor ? o.verifierName : null;
  return {
    ...presentSummary(row, o),
    locale: row.locale,
    // The entry's own text too, under its language: `name` and `description` above are in the reader's language, and
    // an editor needs the original (the server ignores the entry's own language when the form sends it back).
    translations: { ...row.translations, [row.locale]: { name: row.name, description: row.description } },
    hours: row.timeZone ? { timeZone: row.timeZone, alwaysOpen: row.alwaysOpen, periods: joinHours(row.hours) } : null,
    costNote: row.costNote,
    eligibility: row.eligibility,
    crisisScreen: row.crisisScreen,
    status: row.status as Resource['status'],
    origin: row.origin as Resource['origin'],
    verifiedBy,
    needsReverification: isCoordinator(o.actor) && needsReverification(row, o.reverifyAfterDays, o.now),
    tips: o.tips,
    rating: o.rating,
    can: o.can,
    updatedAt: row.updatedAt,
  };
}

/** A tip without its author: `mine` marks the reader's own, and only they read a rejection's note. */
export function presentTip(t: TipRow, actor: Actor | null): Resource['tips'][number] {
  const mine = actor !== null && actor.userId === t.authorId;
  return {
    id: t.id,
    kind: t.kind,
    body: t.body,
    rating: t.rating,
    status: t.status,
    mine,
    reviewNote: mine && t.status === 'rejected' ? t.reviewNote : null,
    createdAt: t.createdAt,
  };
}
