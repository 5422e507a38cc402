import type { z } from 'zod';
import { type FinderQuery, type finderResult, meetingLimits, TIME_OF_DAY_HOURS } from '../../../contracts/meetings.ts';
import type { Actor } from '../../access.ts';
import { validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { presentMeeting, presentOccurrence, timesOf } from './presenters.ts';
import { instantToZoned, nextOccurrence, type Occurrence, occurrencesBetween } from './recurrence.ts';
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
      ...(sqlDays && sqlDays.length < 7 ? { days: sqlDays } : {}),
    };
    const candidates = await meetingsRepo.meetings.candidates(ctx.db, filter, actor?.userId ?? null, FINDER_CANDIDATES_MAX);
    const overrides = await meetingsRepo.overrides.forMeetings(ctx.db, candidates.map((c) => c.meeting.id), instantToZoned(now, 'UTC').date);

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

    const found: FinderResult['results'] = [];
    for (const row of candidates) {
      const m = row.meeting;
      // Temporarily inactive meetings are listed only to someone asking for them.
      if (m.attendance === 'inactive' && !q.attendance?.includes('inactive')) continue;
      let distance: number | null = null;
      if (near) {
        if (m.latitude === null || m.longitude === null) continue;
        distance = distanceKm(near.lat, near.lng, m.latitude, m.longitude);
        if (distance > near.radiusKm) continue;
      }
      const times = timesOf(m);
      const own = overrides.get(m.id);
      const occurrences = occurrencesBetween(times, now, m.onceOn ? eventHorizon : horizon, own);
      const match = occurrences.find(matches);
      if (!match) continue;
      // Within an eight-day horizon the first occurrence not cancelled is the next one; only "soon" looks less far.
      const next = (!q.soon && occurrences.find((o) => o.status !== 'cancelled')) || nextOccurrence(times, now, own);
      found.push({
        ...presentMeeting(row, actor, next),
        match: presentOccurrence(match),
        inProgress: match.start <= now && match.end > now,
        distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
      });
    }
    found.sort((a, b) => a.match.start.localeCompare(b.match.start) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.name.localeCompare(b.name));
    return { total: found.length, timeZone: viewerZone, now: now.toISOString(), results: found.slice(0, q.limit) };
  };
}
