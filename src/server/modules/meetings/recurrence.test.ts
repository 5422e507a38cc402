import { describe, expect, test } from 'vitest';
import { type MeetingTimes, type OccurrenceOverride, nextOccurrence, occurrenceOn, occurrencesBetween, zonedToInstant } from './recurrence.ts';

// Expected instants are written out by hand from each zone's published rules, so a mistake in the engine cannot
// hide behind the same mistake in the test.

const weekly = (days: number[], startTime: string, endTime: string, timeZone: string): MeetingTimes => ({ days, onceOn: null, startTime, endTime, timeZone });
const once = (onceOn: string, startTime: string, endTime: string, timeZone: string): MeetingTimes => ({ days: [], onceOn, startTime, endTime, timeZone });
const at = (iso: string) => new Date(iso);
const starts = (m: MeetingTimes, from: string, to: string, overrides?: OccurrenceOverride[]) =>
  occurrencesBetween(m, at(from), at(to), overrides).map((o) => o.start.toISOString());
const override = (localDate: string, o: Partial<OccurrenceOverride>): OccurrenceOverride => ({
  localDate,
  status: 'scheduled',
  movedDate: null,
  movedStart: null,
  movedEnd: null,
  topic: null,
  ...o,
});

describe('a weekly meeting keeps its wall-clock time across daylight-saving changes', () => {
  test('America/New_York, 19:00 on Sundays: the UTC instant moves by an hour in March and November', () => {
    const m = weekly([0], '19:00', '20:00', 'America/New_York');
    // Clocks go forward on 9 March 2025 and back on 2 November 2025.
    expect(starts(m, '2025-03-01T00:00:00Z', '2025-03-11T00:00:00Z')).toEqual(['2025-03-03T00:00:00.000Z', '2025-03-09T23:00:00.000Z']);
    expect(starts(m, '2025-10-25T00:00:00Z', '2025-11-04T00:00:00Z')).toEqual(['2025-10-26T23:00:00.000Z', '2025-11-03T00:00:00.000Z']);
  });

  test('Europe/London changes on the last Sundays of March and October', () => {
    const m = weekly([0], '19:00', '20:00', 'Europe/London');
    expect(starts(m, '2025-03-22T00:00:00Z', '2025-04-01T00:00:00Z')).toEqual(['2025-03-23T19:00:00.000Z', '2025-03-30T18:00:00.000Z']);
    expect(starts(m, '2025-10-18T00:00:00Z', '2025-10-28T00:00:00Z')).toEqual(['2025-10-19T18:00:00.000Z', '2025-10-26T19:00:00.000Z']);
  });

  test('Australia/Sydney: summer time ends in April and starts in October (southern hemisphere)', () => {
    const m = weekly([0], '19:00', '20:00', 'Australia/Sydney');
    // +11 until 6 April 2025, +10 until 5 October 2025, then +11 again.
    expect(starts(m, '2025-03-29T00:00:00Z', '2025-04-07T00:00:00Z')).toEqual(['2025-03-30T08:00:00.000Z', '2025-04-06T09:00:00.000Z']);
    expect(starts(m, '2025-09-27T00:00:00Z', '2025-10-06T00:00:00Z')).toEqual(['2025-09-28T09:00:00.000Z', '2025-10-05T08:00:00.000Z']);
  });

  test('Asia/Kolkata (+05:30, no DST) is at the same instant every week of the year', () => {
    const m = weekly([3], '19:00', '20:30', 'Asia/Kolkata');
    const all = occurrencesBetween(m, at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'));
    expect(all).toHaveLength(53);
    expect(new Set(all.map((o) => o.start.toISOString().slice(11)))).toEqual(new Set(['13:30:00.000Z']));
    expect(new Set(all.map((o) => o.end.getTime() - o.start.getTime()))).toEqual(new Set([90 * 60_000]));
  });

  test('Australia/Lord_Howe shifts by 30 minutes', () => {
    const m = weekly([0], '19:00', '20:00', 'Australia/Lord_Howe');
    // +11 until 6 April 2025, +10:30 until 5 October 2025.
    expect(starts(m, '2025-03-29T00:00:00Z', '2025-04-07T00:00:00Z')).toEqual(['2025-03-30T08:00:00.000Z', '2025-04-06T08:30:00.000Z']);
    expect(starts(m, '2025-09-27T00:00:00Z', '2025-10-06T00:00:00Z')).toEqual(['2025-09-28T08:30:00.000Z', '2025-10-05T08:00:00.000Z']);
  });
});

describe('wall-clock times that do not exist or happen twice', () => {
  test('02:30 on the spring-forward night moves forward by the gap, to 03:30 local', () => {
    // 02:30 EST would be 07:30Z, which New York clocks show as 03:30 EDT.
    expect(zonedToInstant('2025-03-09', '02:30', 'America/New_York').toISOString()).toBe('2025-03-09T07:30:00.000Z');
    const occ = occurrenceOn(weekly([0], '02:30', '03:30', 'America/New_York'), '2025-03-09');
    expect(occ?.start.toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(occ!.end > occ!.start).toBe(true);
  });

  test('01:30 on the fall-back night is the first, earlier instant (EDT, not EST)', () => {
    expect(zonedToInstant('2025-11-02', '01:30', 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
    const occ = occurrenceOn(weekly([0], '01:30', '02:30', 'America/New_York'), '2025-11-02');
    expect(occ?.start.toISOString()).toBe('2025-11-02T05:30:00.000Z');
    // 02:30 EST: the meeting lasts two hours of real time that night.
    expect(occ?.end.toISOString()).toBe('2025-11-02T07:30:00.000Z');
  });

  test('the same rules with Lord Howe’s 30-minute gap and repeat', () => {
    // 02:00–02:30 is skipped on 5 October 2025; 01:30–02:00 happens twice on 6 April 2025.
    expect(zonedToInstant('2025-10-05', '02:15', 'Australia/Lord_Howe').toISOString()).toBe('2025-10-04T15:45:00.000Z');
    expect(zonedToInstant('2025-04-06', '01:45', 'Australia/Lord_Howe').toISOString()).toBe('2025-04-05T14:45:00.000Z');
  });
});

describe('occurrences', () => {
  test('a meeting across midnight (23:00–01:00) ends the next day', () => {
    const occ = occurrenceOn(weekly([5], '23:00', '01:00', 'America/Chicago'), '2025-06-13');
    expect(occ?.start.toISOString()).toBe('2025-06-14T04:00:00.000Z');
    expect(occ?.end.toISOString()).toBe('2025-06-14T06:00:00.000Z');
    // Seen from the small hours of Saturday, Friday's meeting is still going on.
    const found = occurrencesBetween(weekly([5], '23:00', '01:00', 'America/Chicago'), at('2025-06-14T05:30:00Z'), at('2025-06-14T05:45:00Z'));
    expect(found.map((o) => o.date)).toEqual(['2025-06-13']);
  });

  test('several days a week: Monday, Wednesday and Friday', () => {
    const m = weekly([1, 3, 5], '07:00', '08:00', 'America/Denver');
    const all = occurrencesBetween(m, at('2025-06-01T00:00:00Z'), at('2025-06-15T00:00:00Z'));
    expect(all.map((o) => o.date)).toEqual(['2025-06-02', '2025-06-04', '2025-06-06', '2025-06-09', '2025-06-11', '2025-06-13']);
    expect(all.every((o) => o.start.toISOString().endsWith('T13:00:00.000Z'))).toBe(true);
  });

  test('occurrenceOn gives nothing on a day the meeting does not meet', () => {
    const m = weekly([1, 3, 5], '07:00', '08:00', 'America/Denver');
    expect(occurrenceOn(m, '2025-06-03')).toBeNull();
    expect(occurrenceOn(once('2025-09-20', '12:00', '15:00', 'America/Chicago'), '2025-09-21')).toBeNull();
  });

  test('a moved occurrence appears at its new time and keeps its regular date as its key', () => {
    const m = weekly([2], '19:00', '20:00', 'America/Chicago');
    const moved = [override('2025-06-10', { status: 'moved', movedDate: '2025-06-12', movedStart: '18:00', movedEnd: '19:30', topic: 'Step 3' })];
    const all = occurrencesBetween(m, at('2025-06-08T00:00:00Z'), at('2025-06-20T00:00:00Z'), moved);
    expect(all.map((o) => [o.date, o.start.toISOString(), o.status, o.topic])).toEqual([
      ['2025-06-10', '2025-06-12T23:00:00.000Z', 'moved', 'Step 3'],
      ['2025-06-17', '2025-06-18T00:00:00.000Z', 'scheduled', null],
    ]);
    expect(all[0]!.end.toISOString()).toBe('2025-06-13T00:30:00.000Z');
  });

  test('a moved occurrence is found when it moves into the window from outside it', () => {
    const m = weekly([2], '19:00', '20:00', 'America/Chicago');
    // The regular date (Tuesday 17 June) is after the window; the move brings it to Saturday 14 June.
    const moved = [override('2025-06-17', { status: 'moved', movedDate: '2025-06-14', movedStart: '10:00', movedEnd: '11:00' })];
    const all = occurrencesBetween(m, at('2025-06-13T00:00:00Z'), at('2025-06-15T00:00:00Z'), moved);
    expect(all.map((o) => [o.date, o.start.toISOString()])).toEqual([['2025-06-17', '2025-06-14T15:00:00.000Z']]);
    // And the reverse: moved out of the window, it is no longer in it.
    const away = [override('2025-06-10', { status: 'moved', movedDate: '2025-06-21', movedStart: '19:00', movedEnd: '20:00' })];
    expect(occurrencesBetween(m, at('2025-06-10T00:00:00Z'), at('2025-06-12T00:00:00Z'), away)).toEqual([]);
  });

  test('a topic on a regular occurrence is carried without changing its time', () => {
    const m = weekly([2], '19:00', '20:00', 'America/Chicago');
    const occ = occurrenceOn(m, '2025-06-10', [override('2025-06-10', { topic: 'Gratitude' })]);
    expect(occ).toMatchObject({ date: '2025-06-10', status: 'scheduled', topic: 'Gratitude' });
    expect(occ?.start.toISOString()).toBe('2025-06-11T00:00:00.000Z');
  });
});

describe('nextOccurrence', () => {
  const tuesday = weekly([2], '19:00', '20:00', 'America/Chicago');

  test('returns the occurrence in progress', () => {
    // 19:30 CDT on Tuesday 10 June.
    const next = nextOccurrence(tuesday, at('2025-06-11T00:30:00Z'));
    expect(next).toMatchObject({ date: '2025-06-10', status: 'scheduled' });
  });

  test('moves on once the occurrence has ended', () => {
    expect(nextOccurrence(tuesday, at('2025-06-11T01:00:00Z'))?.date).toBe('2025-06-17');
  });

  test('skips cancelled occurrences, several in a row included', () => {
    const cancelled = ['2025-06-17', '2025-06-24', '2025-07-01'].map((d) => override(d, { status: 'cancelled' }));
    expect(nextOccurrence(tuesday, at('2025-06-12T00:00:00Z'), cancelled)?.date).toBe('2025-07-08');
  });

  test('a one-off in the past has none', () => {
    expect(nextOccurrence(once('2025-06-14', '12:00', '15:00', 'America/Chicago'), at('2025-06-14T21:00:00Z'))).toBeNull();
  });

  test('a one-off later today, or in progress, is next', () => {
    const picnic = once('2025-06-14', '12:00', '15:00', 'America/Chicago');
    expect(nextOccurrence(picnic, at('2025-06-14T12:00:00Z'))?.start.toISOString()).toBe('2025-06-14T17:00:00.000Z');
    expect(nextOccurrence(picnic, at('2025-06-14T19:00:00Z'))?.date).toBe('2025-06-14');
  });

  test('a one-off more than two weeks ahead is next', () => {
    // A recovery-month picnic announced in August for 20 September.
    const picnic = once('2025-09-20', '12:00', '15:00', 'America/Chicago');
    expect(nextOccurrence(picnic, at('2025-08-01T00:00:00Z'))?.start.toISOString()).toBe('2025-09-20T17:00:00.000Z');
  });

  test('a moved occurrence that now comes before the regular one is next', () => {
    const moved = [override('2025-06-17', { status: 'moved', movedDate: '2025-06-13', movedStart: '19:00', movedEnd: '20:00' })];
    const next = nextOccurrence(tuesday, at('2025-06-12T00:00:00Z'), moved);
    expect(next).toMatchObject({ date: '2025-06-17', status: 'moved' });
    expect(next?.start.toISOString()).toBe('2025-06-14T00:00:00.000Z');
  });
});
