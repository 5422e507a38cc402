import type { z } from 'zod';
import { type FinderQuery, type finderResult, meetingLimits, TIME_OF_DAY_HOURS } from '../../../contracts/meetings.ts';
import type { Actor } from '../../access.ts';
import { validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { presentMeeting, presentOccurrence, timesOf } from './presenters.ts';
import { instantToZoned, nextOccurrence, type Occurrence, occurrencesBetween, offsetAt } from './recurrence.ts';
import { type FinderFilter, meetingsRepo } from './repo.ts';

type FinderResult = z.infer<typeof finderResult>;

const MINUTE = 60_000;
const DAY = 86_400_000;
const EARTH_KM = 6371.0088;
const DEFAULT_RADIUS_KM = 25;
/** How many meetings the finder orders at most; an instance with more should narrow by place or day. */
export const FINDER_CANDIDATES_MAX = 10_000;

export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A latitude/longitude box holding the circle (the index narrows to it; the exact distance decides). */
export function boundingBox(lat: number, lng: number, radiusKm: number) {
  const dLat = (radiusKm / EARTH_KM) * (180 / Math.PI);
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  if (dLng >= 180) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const wrap = (x: number) => (x < -180 ? x + 360 : x > 180 ? x - 360 : x);
  return { minLat, maxLat, minLng: wrap(lng - dLng), maxLng: wrap(lng + dLng) };
}

/**
 * A quick, conservative test on a weekly meeting's days and start time: false only when none of its occurrences in
 * the coming days can start on the viewer's chosen days and times of day (allowing an hour either way for a
 * daylight-saving change in either zone). Anything it lets through is decided exactly on computed occurrences.
 */
export function plausibleMatcher(now: Date, viewerZone: string, q: FinderQuery) {
  if (!q.day?.length && !q.timeOfDay?.length) return () => true;
  const viewerOffset = offsetAt(now.getTime(), viewerZone);
  const shifts = new Map<string, number>();
  return (m: { days: readonly number[]; onceOn: string | null; startTime: string; timeZone: string }) => {
    if (m.onceOn) return true;
    let shift = shifts.get(m.timeZone);
    if (shift === undefined) shifts.set(m.timeZone, (shift = viewerOffset - offsetAt(now.getTime(), m.timeZone)));
    const start = Number(m.startTime.slice(0, 2)) * 60 + Number(m.startTime.slice(3, 5));
    for (const day of m.days) {
      for (const wiggle of [-60, 0, 60]) {
        const at = (((day * 1440 + start + shift + wiggle) % 10080) + 10080) % 10080;
        if ((!q.day?.length || q.day.includes(Math.floor(at / 1440))) && (!q.timeOfDay?.length || inTimeOfDay(at % 1440, q.timeOfDay))) return true;
      }
    }
    return false;
  };
}

const inTimeOfDay = (minutes: number, wanted: readonly (keyof typeof TIME_OF_DAY_HOURS)[]) =>
  wanted.some((w) => {
    const [from, to] = TIME_OF_DAY_HOURS[w];
    const hour = Math.floor(minutes / 60);
    return from < to ? hour >= from && hour < to : hour >= from || hour < to;
  });

/**
 * The meeting finder. SQL narrows by place, attendance option, types, language, text and (loosely) weekday; the
 * occurrences of what is left are computed, and each meeting is matched by its next occurrence that falls on the
 * viewer's chosen days and times of day, in the viewer's zone. Results are ordered by that occurrence.
 */
export function createFinder(ctx: ServiceContext) {
  return async function findMeetings(actor: Actor | null, q: FinderQuery, now = new Date()): Promise<FinderResult> {
    if ((q.lat === undefined) !== (q.lng === undefined)) throw validationFailed({ [q.lat === undefined ? 'lat' : 'lng']: 'Give both latitude and longitude' });
    const viewerZone = q.tz ?? actor?.profile?.timeZone ?? 'UTC';
    const near = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng, radiusKm: q.radiusKm ?? DEFAULT_RADIUS_KM } : null;
    // A viewer's weekday is at most two days from the same instant's weekday anywhere on Earth (UTC-12 to UTC+14).
    const sqlDays = q.day?.length ? [...new Set(q.day.flatMap((d) => [-2, -1, 0, 1, 2].map((k) => (d + k + 7) % 7)))] : undefined;
    const filter: FinderFilter = {
      includeMembersOnly: actor !== null,
      ...(near ? { box: boundingBox(near.lat, near.lng, near.radiusKm) } : {}),
      ...(q.attendance?.length ? { attendance: q.attendance } : {}),
      ...(q.types?.length ? { types: q.types } : {}),
      ...(q.language ? { language: q.language } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.groupId ? { groupId: q.groupId } : {}),
      ...(q.day?.length && sqlDays ? { days: { zone: viewerZone, exact: q.day, loose: sqlDays } } : {}),
    };
    const candidates = await meetingsRepo.meetings.candidates(ctx.db, filter, FINDER_CANDIDATES_MAX);
    const overrides = await meetingsRepo.overrides.forMeetings(ctx.db, candidates.map((c) => c.id), instantToZoned(now, 'UTC').date);

    const soonUntil = now.getTime() + meetingLimits.soonMinutes * MINUTE;
    // Every weekly meeting happens within eight days; one-off events are listed up to two months ahead.
    const horizon = new Date(now.getTime() + (q.soon ? meetingLimits.soonMinutes * MINUTE : 8 * DAY));
    const eventHorizon = new Date(now.getTime() + (q.soon ? meetingLimits.soonMinutes * MINUTE : 60 * DAY));
    const matches = (o: Occurrence) => {
      if (o.status === 'cancelled') return false;
      if (q.soon && o.start.getTime() > soonUntil) return false;
      if (!q.day?.length && !q.timeOfDay?.length) return true;
      const local = instantToZoned(o.start, viewerZone);
      return (!q.day?.length || q.day.includes(local.weekday)) && (!q.timeOfDay?.length || inTimeOfDay(local.minutes, q.timeOfDay));
    };

    // A weekly meeting that cannot fall on the chosen days or times of day, whatever daylight saving does in the
    // next week, is passed over before its occurrences are computed (most of them, in a search by day).
    const mayMatch = plausibleMatcher(now, viewerZone, q);

    // Match every candidate on the cheap columns; read and present only the page.
    const matched: { id: string; name: string; match: Occurrence; distance: number | null }[] = [];
    for (const m of candidates) {
      if (!mayMatch(m)) continue;
      // Temporarily inactive meetings are listed only to someone asking for them.
      if (m.attendance === 'inactive' && !q.attendance?.includes('inactive')) continue;
      let distance: number | null = null;
      if (near) {
        if (m.latitude === null || m.longitude === null) continue;
        distance = distanceKm(near.lat, near.lng, m.latitude, m.longitude);
        if (distance > near.radiusKm) continue;
      }
      const match = occurrencesBetween(m, now, m.onceOn ? eventHorizon : horizon, overrides.get(m.id)).find(matches);
      if (match) matched.push({ id: m.id, name: m.name, match, distance });
    }
    matched.sort((a, b) => a.match.start.getTime() - b.match.start.getTime() || (a.distance ?? 0) - (b.distance ?? 0) || a.name.localeCompare(b.name));
    const page = matched.slice(0, q.limit);
    const rows = new Map((await meetingsRepo.meetings.byIds(ctx.db, page.map((p) => p.id), actor?.userId ?? null)).map((r) => [r.meeting.id, r]));
    const found: FinderResult['results'] = [];
    for (const p of page) {
      const row = rows.get(p.id);
      if (!row) continue; // archived between the two reads
      const own = overrides.get(p.id);
      found.push({
        ...presentMeeting(row, actor, nextOccurrence(timesOf(row.meeting), now, own)),
        match: presentOccurrence(p.match),
        inProgress: p.match.start <= now && p.match.end > now,
        distanceKm: p.distance === null ? null : Math.round(p.distance * 10) / 10,
      });
    }
    return { total: matched.length, timeZone: viewerZone, now: now.toISOString(), results: found };
  };
}
