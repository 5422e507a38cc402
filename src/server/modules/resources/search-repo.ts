import { type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import { RESOURCE_CATEGORIES, type ResourceSearchQuery, type ResourceSummary } from '../../../contracts/resources.ts';
import type { Queryable } from '../../db/client.ts';
import { microDegrees } from './entries-input.ts';
import { type EntryRow, entryColumns } from './entries-repo.ts';
import { openAtSql } from './hours.ts';
import { presentSummary } from './presenters.ts';
import { resourceSettingsFor } from './settings.ts';

const EARTH_KM = 6371;
const KM_PER_DEGREE = (EARTH_KM * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The category order of an unsearched list: the contract's order (crisis lines first). */
const CATEGORY_ORDER = sql.raw(`array[${RESOURCE_CATEGORIES.map((c) => `'${c}'`).join(', ')}]::text[]`);

/** The searcher's words as a name (simple), in English and in Spanish stems, matched against the `search` vector. */
const tsquery = (q: string): SQL =>
  sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;

/** Haversine distance in km from a point to the entry `r`, the same formula as presenters.ts distanceKm. */
const distanceSql = (p: { lat: number; lng: number }): SQL => sql`(2 * ${EARTH_KM} * asin(least(1, sqrt(
  power(sin(radians(r.latitude - ${p.lat}::float8) / 2), 2)
  + cos(radians(${p.lat}::float8)) * cos(radians(r.latitude)) * power(sin(radians(r.longitude - ${p.lng}::float8) / 2), 2)))))`;

/**
 * A latitude/longitude box holding every point within `km` (so the lat/lng index can find candidates before the
 * exact distance is computed). Near a pole the box spans every longitude; across the antimeridian it is two ranges.
 */
export function boundingBox(p: { lat: number; lng: number }, km: number): SQL {
  const dLat = km / KM_PER_DEGREE;
  const latLo = p.lat - dLat;
  const latHi = p.lat + dLat;
  const ratio = Math.sin(km / EARTH_KM) / Math.cos((p.lat * Math.PI) / 180);
  const lat = sql`r.latitude between ${latLo}::float8 and ${latHi}::float8`;
  if (latLo <= -90 || latHi >= 90 || ratio >= 1) return lat;
  const dLng = deg(Math.asin(ratio));
  const lo = p.lng - dLng;
  const hi = p.lng + dLng;
  if (lo < -180) return sql`${lat} and (r.longitude >= ${lo + 360}::float8 or r.longitude <= ${hi}::float8)`;
  if (hi > 180) return sql`${lat} and (r.longitude >= ${lo}::float8 or r.longitude <= ${hi - 360}::float8)`;
  return sql`${lat} and r.longitude between ${lo}::float8 and ${hi}::float8`;
}

/** At most this many one-degree cells are looked up; a wider box (a long radius, near a pole) uses the box alone. */
const MAX_CELLS = 24;

/**
 * The one-degree cells (the `geo_cell` column's formula) a box around `p` touches, or null when there are too many
 * to be worth listing. A superset: the box and the exact distance still decide.
 */
export function cellsAround(p: { lat: number; lng: number }, km: number): number[] | null {
  const dLat = km / KM_PER_DEGREE;
  const latLo = p.lat - dLat;
  const latHi = p.lat + dLat;
  const ratio = Math.sin(km / EARTH_KM) / Math.cos((p.lat * Math.PI) / 180);
  if (latLo <= -90 || latHi >= 90 || ratio >= 1) return null;
  const dLng = deg(Math.asin(ratio));
  const lats: number[] = [];
  for (let f = Math.floor(latLo); f <= Math.floor(latHi); f++) lats.push(f);
  const lngs: number[] = [];
  // Across the antimeridian the longitudes wrap: -181 is 179.
  for (let f = Math.floor(p.lng - dLng); f <= Math.floor(p.lng + dLng); f++) lngs.push(((((f + 180) % 360) + 360) % 360) - 180);
  if (Math.floor(p.lng + dLng) >= 180 || Math.floor(p.lng - dLng) <= -180) lngs.push(180); // a longitude of exactly 180
  if (lats.length * lngs.length > MAX_CELLS) return null;
  return lats.flatMap((la) => lngs.map((lo) => (la + 90) * 360 + lo + 180));
}

export interface SearchOptions {
  signedIn: boolean;
  locale: Locale;
  /** The moment "open now" is judged at (tests fix it). */
  now?: Date;
  /** The instance's phone country; read from the settings when not given. */
  phoneCountry?: string;
}

/** The search as SQL: the page with its total (one statement), and the count alone for a page past the end. */
export function searchStatements(query: ResourceSearchQuery, o: { signedIn: boolean; now: Date }): { page: SQL; count: SQL } {
  const q = query.q?.trim() || null;
  const near = query.near ? { lat: microDegrees(query.near.lat), lng: microDegrees(query.near.lng) } : null;
  const where: SQL[] = [query.status === 'archived' ? sql`r.status = 'archived'` : sql`r.status = 'published'`];
  if (!o.signedIn) where.push(sql`r.audience = 'public'`);
  if (q) where.push(sql`r.search @@ ${tsquery(q)}`);
  if (query.category) where.push(sql`r.category = ${query.category}`);
  if (query.language) where.push(sql`${query.language}::text = any(r.languages)`);
  if (query.cost) where.push(sql`${query.cost}::text = any(r.costs)`);
  if (query.openNow) where.push(openAtSql(o.now));
  const filter = sql.join(where, sql` and `);

  const rank = q ? sql`ts_rank_cd(r.search, ${tsquery(q)})` : sql`0::float4`;
  // Near a point: the entries in the box and the national lines (no address) are two branches, so each uses its own
  // index (an OR of the two kept the planner to a bitmap over the whole box, visiting every entry in it).
  // The cells first when words or a category narrow the search: with the category they shrink a dense city to its
  // own entries before any row is read. Near a point alone (open now, say), the covering near index answers the box
  // without reading rows, and the cells (not in it) would only make it read them (bench/README.md).
  const cells = near && (q || query.category) ? cellsAround(near, query.radiusKm) : null;
  const cellFilter = cells ? sql`r.geo_cell = any(${`{${cells.join(',')}}`}::int[])` : sql`true`;
  const candidates = near
    ? sql`select r.id, r.name, r.category, ${distanceSql(near)} as dist, ${rank} as rank from resource r
          where ${filter} and ${cellFilter} and ${boundingBox(near, query.radiusKm)} and ${distanceSql(near)} <= ${query.radiusKm}::float8
        union all
        select r.id, r.name, r.category, null::float8, ${rank} from resource r
          where ${filter} and r.latitude is null and (r.online or r.phone is not null or r.text_number is not null)`
    : // `offset 0` keeps the subquery whole: flattened, the rank was computed after the window, whose rows then
      // carried the search vector (8.5 MB spilled to disk for a word in 12,800 entries).
      sql`select r.id, r.name, r.category, null::float8 as dist, ${rank} as rank from resource r where ${filter} offset 0`;
  // The same order inside (to cut the page) and outside (to return it in), over the columns of `e`.
  const orderBy = (e: string) => {
    const a = sql.raw(e);
    if (near) return sql`${a}.dist is null, ${a}.dist, ${a}.rank desc, ${a}.name, ${a}.id`;
    if (q) return sql`${a}.rank desc, ${a}.name, ${a}.id`;
    return sql`array_position(${CATEGORY_ORDER}, ${a}.category), ${a}.name, ${a}.id`;
  };
  const page = sql`
    with p as (
      select m.*, count(*) over () as total
      from (${candidates}) m
      order by ${orderBy('m')}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
    )
    select ${entryColumns('r')}, p.total::int as total
    from p join resource r on r.id = p.id
    order by ${orderBy('p')}`;
  return { page, count: sql`select count(*)::int as n from (${candidates}) m` };
}

/**
 * The directory's search (docs/resources.md): published entries only, members-only ones for signed-in readers. With
 * `near`, entries within the radius (box on the lat/lng index, then the exact distance) plus entries without an
 * address that reach people anywhere (online, or a phone or text line: national lines), so "naloxone near me" finds
 * both; located ones first by distance, then the rest by rank. With `q` only: rank, then name. Otherwise: category
 * order, then name. One statement answers the page and the total.
 */
export async function searchResources(db: Queryable, query: ResourceSearchQuery, opts: SearchOptions): Promise<{ rows: ResourceSummary[]; total: number }> {
  const now = opts.now ?? new Date();
  const { page, count } = searchStatements(query, { signedIn: opts.signedIn, now });
  const [settings, result] = await Promise.all([opts.phoneCountry ? null : resourceSettingsFor(db), db.execute<EntryRow & { total: number }>(page)]);
  const phoneCountry = opts.phoneCountry ?? settings!.phoneCountry;
  let total = result.rows[0]?.total ?? 0;
  // Past the last page the window has no row to carry the total: count apart (only for a stale link).
  if (result.rows.length === 0 && query.page > 1) total = (await db.execute<{ n: number }>(count)).rows[0]?.n ?? 0;
  const near = query.near ?? null;
  return { rows: result.rows.map((row) => presentSummary(row, { locale: opts.locale, now, near, phoneCountry })), total };
}
