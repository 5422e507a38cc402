import type { z } from 'zod';
import type { meetingSummary, occurrence, Schedule } from '../../../contracts/meetings.ts';
import type { Actor } from '../../access.ts';
import { meetingsPolicy } from './policy.ts';
import type { Occurrence } from './recurrence.ts';
import { audienceOf, type MeetingWithGroup } from './repo.ts';
import type { MeetingTimes } from './recurrence.ts';

type MeetingSummary = z.infer<typeof meetingSummary>;

export const timesOf = (m: MeetingWithGroup['meeting']): MeetingTimes => ({
  days: m.days,
  onceOn: m.onceOn,
  startTime: m.startTime,
  endTime: m.endTime,
  timeZone: m.timeZone,
});

export const presentOccurrence = (o: Occurrence): z.infer<typeof occurrence> => ({
  date: o.date,
  start: o.start.toISOString(),
  end: o.end.toISOString(),
  status: o.status,
  topic: o.topic,
});

export function scheduleOf(m: MeetingWithGroup['meeting']): Schedule {
  return m.onceOn ? { kind: 'once', date: m.onceOn } : { kind: 'weekly', days: [...m.days].sort((a, b) => a - b) };
}

/**
 * A meeting as the viewer may see it. The conference link, phone and their notes are left out when the group
 * keeps them for its members and the viewer is not one.
 */
export function presentMeeting(row: MeetingWithGroup, actor: Actor | null, next: Occurrence | null): MeetingSummary {
  const { meeting: m, group: g } = row;
  const hasConference = m.conferenceUrl !== null || m.conferencePhone !== null;
  const showConference = hasConference && meetingsPolicy.seeConference(actor, audienceOf(g, row));
  return {
    id: m.id,
    slug: m.slug,
    name: m.name,
    group: { id: g.id, slug: g.slug, name: g.name },
    schedule: scheduleOf(m),
    startTime: m.startTime,
    endTime: m.endTime,
    timeZone: m.timeZone,
    attendance: m.attendance as MeetingSummary['attendance'],
    location:
      m.formattedAddress !== null && m.latitude !== null && m.longitude !== null
        ? { name: m.locationName, formattedAddress: m.formattedAddress, latitude: m.latitude, longitude: m.longitude, notes: m.locationNotes, region: m.region }
        : null,
    approximateAddress: m.approximateAddress,
    conference: showConference ? { url: m.conferenceUrl, urlNotes: m.conferenceUrlNotes, phone: m.conferencePhone, phoneNotes: m.conferencePhoneNotes } : null,
    conferenceHidden: hasConference && !showConference,
    types: m.types as MeetingSummary['types'],
    customTypes: m.customTypes,
    languages: m.languages.length > 0 ? m.languages : g.languages,
    notes: m.notes,
    readings: m.readings,
    updatedAt: m.updatedAt.toISOString(),
    next: next ? presentOccurrence(next) : null,
  };
}
