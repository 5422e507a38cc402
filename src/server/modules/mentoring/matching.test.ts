import { describe, expect, test } from 'vitest';
import type { AvailabilityWindow, Weights } from '../../../contracts/mentoring.ts';
import {
  explain,
  isCandidate,
  type MatchContext,
  type MentorFacts,
  overlapMinutes,
  type RequestFacts,
  scoreMatch,
  utcWeekIntervals,
  violations,
  weeklyOverlapMinutes,
} from './matching.ts';
import { DEFAULT_WEIGHTS } from './settings.ts';

const DAY = 1440;
const JULY = new Date('2025-07-09T12:00:00Z');
const JANUARY = new Date('2025-01-15T12:00:00Z');
/** The United States changed clocks on 9 March 2025, Europe on 30 March: for three weeks they are an hour closer. */
const MID_MARCH = new Date('2025-03-19T12:00:00Z');

const w = (day: number, start: string, end: string): AvailabilityWindow => ({ day, start, end });

const mentor = (over: Partial<MentorFacts> = {}): MentorFacts => ({
  userId: 'mentor',
  isPeerSupporter: true,
  pathways: ['smart_recovery', 'twelve_step'],
  languages: ['en', 'es'],
  gender: 'woman',
  timeZone: 'America/New_York',
  availability: [w(1, '18:00', '23:00')],
  contactModes: ['phone', 'video'],
  capacity: 5,
  capacityCap: null,
  accepting: true,
  certified: false,
  open: 1,
  ...over,
});

const request = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  menteeId: 'mentee',
  pathways: ['smart_recovery'],
  languages: ['es'],
  genderPreference: null,
  timeZone: 'America/New_York',
  availability: [w(1, '17:00', '23:30')],
  contactModes: [],
  ...over,
});

const open: MatchContext = { requireCertification: false, endedForSafety: new Set(), refused: new Set() };

describe('availability in UTC-week minutes', () => {
  test("a window moves by the zone's offset at the time", () => {
    // Monday 18:00-21:00 in New York: 22:00-01:00 UTC in summer (EDT), 23:00-02:00 in winter (EST).
    expect(utcWeekIntervals([w(1, '18:00', '21:00')], 'America/New_York', JULY)).toEqual([[DAY + 22 * 60, 2 * DAY + 60]]);
    expect(utcWeekIntervals([w(1, '18:00', '21:00')], 'America/New_York', JANUARY)).toEqual([[DAY + 23 * 60, 2 * DAY + 120]]);
    // A window may end at 24:00.
    expect(utcWeekIntervals([w(3, '20:00', '24:00')], 'UTC', JULY)).toEqual([[3 * DAY + 20 * 60, 4 * DAY]]);
  });

  test('a window pushed past either end of the week wraps around', () => {
    // Sunday 08:00-10:00 in Tokyo (UTC+9) is Saturday 23:00 to Sunday 01:00 UTC.
    expect(utcWeekIntervals([w(0, '08:00', '10:00')], 'Asia/Tokyo', JULY)).toEqual([
      [0, 60],
      [6 * DAY + 23 * 60, 7 * DAY],
    ]);
    // Saturday 22:00-24:00 in Los Angeles (UTC-7 in summer) is Sunday 05:00-07:00 UTC.
    expect(utcWeekIntervals([w(6, '22:00', '24:00')], 'America/Los_Angeles', JULY)).toEqual([[5 * 60, 7 * 60]]);
    // Both pieces still meet a Sunday-morning window in Tokyo.
    expect(weeklyOverlapMinutes({ availability: [w(0, '08:00', '10:00')], timeZone: 'Asia/Tokyo' }, { availability: [w(6, '00:00', '24:00'), w(0, '00:00', '24:00')], timeZone: 'UTC' }, JULY)).toBe(120);
  });

  test("one person's overlapping windows count once", () => {
    const a = { availability: [w(2, '10:00', '12:00'), w(2, '11:00', '13:00'), w(2, '10:30', '11:30')], timeZone: 'Europe/Madrid' };
    const b = { availability: [w(2, '09:00', '14:00')], timeZone: 'Europe/Madrid' };
    expect(weeklyOverlapMinutes(a, b, JULY)).toBe(180);
    expect(overlapMinutes([[0, 10], [20, 30]], [[5, 25]])).toBe(10);
    expect(overlapMinutes([], [[0, 100]])).toBe(0);
  });

  test('across zones, following daylight-saving changes on both sides', () => {
    const newYork = { availability: [w(1, '18:00', '21:00')], timeZone: 'America/New_York' };
    // Monday 23:00-24:00 in Madrid.
    const madrid = { availability: [w(1, '23:00', '24:00')], timeZone: 'Europe/Madrid' };
    // Summer: New York 22:00-01:00 UTC, Madrid 21:00-22:00 UTC. Winter: 23:00-02:00 and 22:00-23:00. No overlap.
    expect(weeklyOverlapMinutes(newYork, madrid, JULY)).toBe(0);
    expect(weeklyOverlapMinutes(newYork, madrid, JANUARY)).toBe(0);
    // Mid-March New York is already on summer time, Madrid not yet: 22:00-01:00 and 22:00-23:00 UTC.
    expect(weeklyOverlapMinutes(newYork, madrid, MID_MARCH)).toBe(60);
    // Sydney's summer is January: 09:00 Tuesday in Sydney is 22:00 Monday UTC (UTC+11), 23:00 in July (UTC+10).
    const sydney = { availability: [w(2, '09:00', '10:00')], timeZone: 'Australia/Sydney' };
    const london = { availability: [w(1, '22:00', '23:00')], timeZone: 'Europe/London' };
    expect(weeklyOverlapMinutes(sydney, london, JANUARY)).toBe(60);
    expect(weeklyOverlapMinutes(sydney, london, JULY)).toBe(0);
  });
});

describe('hard constraints', () => {
  test('a pair that breaks none is a candidate', () => {
    expect(violations(mentor(), request(), open)).toEqual([]);
    expect(isCandidate(mentor(), request(), open)).toBe(true);
  });

  test.each<[string, Partial<MentorFacts>, Partial<RequestFacts>, Partial<MatchContext>]>([
    ['self', { userId: 'mentee' }, {}, {}],
    ['not_mentor', { isPeerSupporter: false }, {}, {}],
    ['not_accepting', { accepting: false }, {}, {}],
    ['not_certified', {}, {}, { requireCertification: true }],
    ['no_free_place', { open: 5 }, {}, {}],
    ['no_free_place', { capacityCap: 1 }, {}, {}],
    ['no_free_place', { capacityCap: 0, open: 0 }, {}, {}],
    ['no_common_language', {}, { languages: ['fr'] }, {}],
    ['gender_preference', {}, { genderPreference: 'man' }, {}],
    ['gender_preference', { gender: null }, { genderPreference: 'woman' }, {}],
    ['ended_for_safety', {}, {}, { endedForSafety: new Set(['mentor']) }],
    ['refused', {}, {}, { refused: new Set(['mentor']) }],
  ])('%s', (code, m, r, c) => {
    expect(violations(mentor(m), request(r), { ...open, ...c })).toEqual([code]);
    expect(isCandidate(mentor(m), request(r), { ...open, ...c })).toBe(false);
  });

  test('a certified mentor passes when certification is required; a preference matches the stated gender', () => {
    expect(violations(mentor({ certified: true }), request({ genderPreference: 'woman' }), { ...open, requireCertification: true })).toEqual([]);
  });
});

describe('score and explanation', () => {
  test('each part, weighted, over the sum of the weights', () => {
    // 5 h 30 of overlap (capped at 3 h: 1), SMART Recovery shared (1), the first language spoken (1), no mode named
    // (1), 4 of 5 free places (0.8).
    const { score, reasons } = scoreMatch(mentor(), request(), DEFAULT_WEIGHTS, JULY);
    expect(score).toBeCloseTo((3 + 2.5 + 1 + 1.5 + 0.8) / 9, 10);
    expect(reasons.map((r) => r.part)).toEqual(['pathway', 'availability', 'contact', 'language', 'capacity']);
    expect(reasons).toContainEqual({ part: 'availability', value: 1, hoursPerWeek: 5 });
    expect(reasons).toContainEqual({ part: 'capacity', value: 0.8, free: 4, capacity: 5 });

    const partial = scoreMatch(
      mentor({ availability: [w(1, '18:00', '19:30')], open: 4 }),
      request({ pathways: ['smart_recovery', 'secular'], languages: ['fr', 'es'], contactModes: ['phone', 'in_person', 'messages', 'video'] }),
      DEFAULT_WEIGHTS,
      JULY,
    );
    expect(partial.reasons).toEqual([
      { part: 'pathway', value: 0.5, pathways: ['smart_recovery'] },
      { part: 'availability', value: 0.5, hoursPerWeek: 1.5 },
      { part: 'contact', value: 0.5, contactModes: ['phone', 'video'] },
      { part: 'language', value: 0.5, languages: ['es'] },
      { part: 'capacity', value: 0.2, free: 1, capacity: 5 },
    ]);
    expect(partial.score).toBeCloseTo((3 * 0.5 + 2.5 * 0.5 + 1.5 * 0.5 + 1 * 0.5 + 0.2) / 9, 10);
  });

  test('parts worth nothing are not given as reasons; no windows is a middle value with nothing to say', () => {
    const none = scoreMatch(mentor({ pathways: ['faith_based'], availability: [w(4, '08:00', '09:00')] }), request(), DEFAULT_WEIGHTS, JULY);
    expect(none.reasons.map((r) => r.part)).toEqual(['contact', 'language', 'capacity']);
    const noWindows = scoreMatch(mentor({ availability: [] }), request(), DEFAULT_WEIGHTS, JULY);
    expect(noWindows.reasons).toContainEqual({ part: 'availability', value: 0.5 });
    expect(explain(noWindows.reasons, 'en')).not.toMatch(/availability/);
  });

  test('weights set the order of the reasons and can make a part count for nothing', () => {
    const weights: Weights = { pathway: 0, language: 5, availability: 1, contact: 1, capacity: 2 };
    const { score, reasons } = scoreMatch(mentor(), request({ pathways: ['secular'] }), weights, JULY);
    expect(reasons.map((r) => r.part)).toEqual(['language', 'capacity', 'availability', 'contact']);
    expect(score).toBeCloseTo((5 + 2 * 0.8 + 1 + 1) / 9, 10);
    expect(scoreMatch(mentor(), request(), { pathway: 0, language: 0, availability: 0, contact: 0, capacity: 0 }, JULY).score).toBe(0);
  });

  test("the issue's example, in English and Spanish", () => {
    const weights: Weights = { pathway: 3, language: 2.8, availability: 2.5, contact: 1.5, capacity: 1 };
    const { reasons } = scoreMatch(mentor(), request(), weights, JULY);
    expect(explain(reasons, 'en')).toBe('both SMART Recovery; both speak Spanish; 5 h of overlapping availability a week; 4 of 5 free places');
    expect(explain(reasons, 'es')).toBe('ambos SMART Recovery; ambos hablan español; 5 h de disponibilidad en común por semana; 4 de 5 plazas libres');
  });

  test('lists, half hours and ways to meet read naturally', () => {
    const { reasons } = scoreMatch(
      mentor({ availability: [w(1, '18:00', '20:30')] }),
      request({ pathways: ['smart_recovery', 'twelve_step'], languages: ['en', 'es'], contactModes: ['video', 'phone'] }),
      DEFAULT_WEIGHTS,
      JULY,
    );
    expect(explain(reasons, 'en')).toBe('both SMART Recovery and 12-step; 2.5 h of overlapping availability a week; can meet by video or by phone; both speak English and Spanish; 4 of 5 free places');
    expect(explain(reasons, 'es')).toBe(
      'ambos SMART Recovery y 12 pasos; 2,5 h de disponibilidad en común por semana; pueden verse por videollamada o por teléfono; ambos hablan inglés y español; 4 de 5 plazas libres',
    );
  });
});
