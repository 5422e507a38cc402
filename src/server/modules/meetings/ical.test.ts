import { describe, expect, test } from 'vitest';
import { type IcsMeeting, meetingsCalendar, rsvpCalendar } from './ical.ts';
import type { OccurrenceOverride } from './recurrence.ts';

const site = { publicUrl: 'https://kindred.example.org', name: 'Kindred' };

function meeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    id: '0190b6a0-0000-7000-8000-000000000001',
    name: 'Evening Serenity',
    days: [1, 3],
    onceOn: null,
    startTime: '19:00',
    endTime: '20:00',
    timeZone: 'America/New_York',
    attendance: 'hybrid',
    locationName: 'Grace Church',
    formattedAddress: '1 Elm St, Albany, NY 12207, USA',
    approximateAddress: '',
    conference: { url: 'https://zoom.us/j/123', urlNotes: '', phone: null, phoneNotes: '' },
    notes: 'Newcomers welcome; coffee, tea.',
    groupName: 'Albany Home Group',
    // A Monday.
    createdAt: new Date('2024-01-01T12:00:00Z'),
    updatedAt: new Date('2024-02-01T08:30:00Z'),
    ...overrides,
  };
}

const override = (o: Partial<OccurrenceOverride> & { localDate: string }): OccurrenceOverride => ({
  status: 'scheduled',
  movedDate: null,
  movedStart: null,
  movedEnd: null,
  topic: null,
  ...o,
});

type Property = { name: string; params: Record<string, string>; value: string };

/** A small RFC 5545 reader: unfolds lines and splits components into their properties. */
function parse(text: string) {
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const components: { type: string; props: Property[] }[] = [];
  const stack: { type: string; props: Property[] }[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
    const [name, ...paramList] = head.split(';');
    if (name === 'BEGIN') stack.push({ type: value, props: [] });
    else if (name === 'END') components.push(stack.pop()!);
    else stack.at(-1)?.props.push({ name: name!, params: Object.fromEntries(paramList.map((p) => p.split('=') as [string, string])), value });
  }
  const events = components.filter((c) => c.type === 'VEVENT');
  const prop = (c: { props: Property[] }, name: string) => c.props.find((p) => p.name === name);
  return { components, events, prop };
}

describe('public meetings calendar', () => {
  const overrides = new Map([
    [
      meeting().id,
      [
        override({ localDate: '2024-03-13', status: 'cancelled' }),
        override({ localDate: '2024-03-18', status: 'moved', movedDate: '2024-03-19', movedStart: '18:00', movedEnd: '19:00' }),
        override({ localDate: '2024-03-20', topic: 'Step 3' }),
      ],
    ],
  ]);
  const text = meetingsCalendar([meeting()], overrides, site, 'Kindred: meetings');
  const { components, events, prop } = parse(text);

  test('a weekly 19:00 New York meeting starts at local wall time with its zone, weekly on its days', () => {
    const series = events.find((e) => !prop(e, 'RECURRENCE-ID'))!;
    expect(prop(series, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'America/New_York' }, value: '20240101T190000' });
    expect(prop(series, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'America/New_York' }, value: '20240101T200000' });
    expect(prop(series, 'RRULE')!.value).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(prop(series, 'UID')!.value).toBe(`${meeting().id}@kindred.example.org`);
    expect(prop(series, 'SUMMARY')!.value).toBe('Evening Serenity');
    expect(prop(series, 'LOCATION')!.value).toBe('Grace Church\\, 1 Elm St\\, Albany\\, NY 12207\\, USA');
    expect(prop(series, 'DESCRIPTION')!.value).toContain('Join online: https://zoom.us/j/123');
  });

  test('the zone is defined once, with both its standard (EST) and daylight (EDT) rules', () => {
    const zones = components.filter((c) => c.type === 'VTIMEZONE');
    expect(zones.map((z) => prop(z, 'TZID')!.value)).toEqual(['America/New_York']);
    const names = components.filter((c) => c.type === 'STANDARD' || c.type === 'DAYLIGHT').map((c) => `${c.type}:${prop(c, 'TZNAME')!.value}`);
    expect(names).toEqual(expect.arrayContaining(['STANDARD:EST', 'DAYLIGHT:EDT']));
  });

  test('a cancelled date is an EXDATE at the regular local time', () => {
    const series = events.find((e) => !prop(e, 'RECURRENCE-ID'))!;
    expect(prop(series, 'EXDATE')).toEqual({ name: 'EXDATE', params: { TZID: 'America/New_York' }, value: '20240313T190000' });
  });

  test('a moved date and a themed date override their occurrence under the same UID', () => {
    const overriding = events.filter((e) => prop(e, 'RECURRENCE-ID'));
    expect(overriding).toHaveLength(2);
    const moved = overriding.find((e) => prop(e, 'RECURRENCE-ID')!.value === '20240318T190000')!;
    expect(prop(moved, 'RECURRENCE-ID')!.params).toEqual({ TZID: 'America/New_York' });
    expect(prop(moved, 'DTSTART')!.value).toBe('20240319T180000');
    expect(prop(moved, 'UID')!.value).toBe(`${meeting().id}@kindred.example.org`);
    const themed = overriding.find((e) => prop(e, 'RECURRENCE-ID')!.value === '20240320T190000')!;
    expect(prop(themed, 'SUMMARY')!.value).toBe('Evening Serenity: Step 3');
    expect(prop(themed, 'DTSTART')!.value).toBe('20240320T190000');
    expect(prop(themed, 'RRULE')).toBeUndefined();
  });

  test('DTSTART is the first regular day on or after creation, and the text depends only on the data', () => {
    // Created on a Tuesday: the first Wednesday.
    const { events: later, prop: p } = parse(meetingsCalendar([meeting({ createdAt: new Date('2024-01-02T15:00:00Z') })], new Map(), site, 'x'));
    expect(p(later[0]!, 'DTSTART')!.value).toBe('20240103T190000');
    expect(meetingsCalendar([meeting()], overrides, site, 'Kindred: meetings')).toBe(text);
  });

  test('a one-off meeting is a single event; without conference access the link is nowhere', () => {
    const once = meeting({ days: [], onceOn: '2024-07-04', attendance: 'online', formattedAddress: null, approximateAddress: 'Albany, NY, USA', conference: null });
    const out = meetingsCalendar([once], new Map(), site, 'x');
    const { events: one, prop: p } = parse(out);
    expect(one).toHaveLength(1);
    expect(p(one[0]!, 'RRULE')).toBeUndefined();
    expect(p(one[0]!, 'DTSTART')!.value).toBe('20240704T190000');
    expect(out).not.toContain('zoom.us');
  });

  test('UTC meetings name a zone every calendar can resolve', () => {
    const { components: c, events: e, prop: p } = parse(meetingsCalendar([meeting({ timeZone: 'UTC' })], new Map(), site, 'x'));
    expect(p(e[0]!, 'DTSTART')!.params.TZID).toBe('Etc/UTC');
    expect(c.filter((x) => x.type === 'VTIMEZONE').map((z) => p(z, 'TZID')!.value)).toEqual(['Etc/UTC']);
  });

  test('several zones: one VTIMEZONE each', () => {
    const out = meetingsCalendar([meeting(), meeting({ id: '0190b6a0-0000-7000-8000-000000000002', timeZone: 'Europe/Madrid' })], new Map(), site, 'x');
    const { components: c, prop: p } = parse(out);
    expect(c.filter((x) => x.type === 'VTIMEZONE').map((z) => p(z, 'TZID')!.value).sort()).toEqual(['America/New_York', 'Europe/Madrid']);
  });
});

describe("a member's calendar", () => {
  test('each RSVP is one event; cancelled ones say so; moved ones at their new time', () => {
    const m = meeting();
    const out = rsvpCalendar(
      [
        { meeting: m, date: '2024-03-11', override: null },
        { meeting: m, date: '2024-03-13', override: override({ localDate: '2024-03-13', status: 'cancelled' }) },
        { meeting: m, date: '2024-03-18', override: override({ localDate: '2024-03-18', status: 'moved', movedDate: '2024-03-19', movedStart: '18:00', movedEnd: '19:30' }) },
      ],
      site,
      'Kindred: my meetings',
    );
    const { events, prop } = parse(out);
    expect(events.map((e) => prop(e, 'UID')!.value)).toEqual([`${m.id}-2024-03-11@kindred.example.org`, `${m.id}-2024-03-13@kindred.example.org`, `${m.id}-2024-03-18@kindred.example.org`]);
    expect(events.map((e) => prop(e, 'RRULE'))).toEqual([undefined, undefined, undefined]);
    expect(events.map((e) => prop(e, 'STATUS')?.value)).toEqual([undefined, 'CANCELLED', undefined]);
    expect(prop(events[2]!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'America/New_York' }, value: '20240319T180000' });
    expect(prop(events[2]!, 'DTEND')!.value).toBe('20240319T193000');
  });

  test('a meeting across midnight ends the next day', () => {
    const { events, prop } = parse(rsvpCalendar([{ meeting: meeting({ startTime: '23:30', endTime: '00:30' }), date: '2024-03-11', override: null }], site, 'x'));
    expect(prop(events[0]!, 'DTEND')!.value).toBe('20240312T003000');
  });
});
