import type { z } from 'zod';
import { type attendanceHistory, type attendanceRecord, meetingLimits, type myMeetings, type roster } from '../../../contracts/meetings.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { addDays, daysBetween, todayIn } from '../journey/dates.ts';
import { meetingsPolicy } from './policy.ts';
import { presentMeeting, presentOccurrence, timesOf } from './presenters.ts';
import { nextOccurrence, type Occurrence, occurrenceOn } from './recurrence.ts';
import { audienceOf, type MeetingWithGroup, meetingsRepo } from './repo.ts';
import { isCheckInOpen, type MeetingsService } from './service.ts';

type AttendanceRecord = z.infer<typeof attendanceRecord>;
type Roster = z.infer<typeof roster>;

const HISTORY_DAYS_DEFAULT = 90;
const HISTORY_DAYS_MAX = 366;

/**
 * RSVPs and attendance. A member's attendance is theirs: the history is private, the roster shows a facilitator
 * who came to their own group's meeting, and nothing here is visible to anyone else.
 */
export function createAttendanceService(ctx: ServiceContext, meetings: MeetingsService) {
  const { db } = ctx;

  /** The occurrence on a regular date, with exceptions applied; a date the meeting does not meet on is a field error. */
  async function occurrenceOf(row: MeetingWithGroup, date: string): Promise<Occurrence> {
    const overrides = (await meetingsRepo.overrides.forMeetings(db, [row.meeting.id], addDays(date, -1))).get(row.meeting.id);
    const occ = occurrenceOn(timesOf(row.meeting), date, overrides);
    if (!occ) throw validationFailed({ date: 'noOccurrenceOnDate' });
    return occ;
  }

  async function attendable(actor: Actor | null, meetingId: string) {
    const me = authorize(actor);
    const row = await meetings.visibleMeeting(me, meetingId);
    authorize(me, meetingsPolicy.attend, audienceOf(row.group, row));
    return { me, row };
  }

  return {
    async rsvp(actor: Actor | null, meetingId: string, date: string, now = new Date()) {
      const { me, row } = await attendable(actor, meetingId);
      const occ = await occurrenceOf(row, date);
      if (occ.status === 'cancelled') throw new AppError('conflict', 'occurrenceCancelled');
      if (occ.end <= now) throw new AppError('conflict', 'occurrencePast');
      await meetingsRepo.rsvps.put(db, meetingId, date, me.userId);
    },

    async cancelRsvp(actor: Actor | null, meetingId: string, date: string) {
      const { me } = await attendable(actor, meetingId);
      await meetingsRepo.rsvps.remove(db, meetingId, date, me.userId);
    },

    /** Self check-in: from 15 minutes before the start until the end of the occurrence. */
    async checkIn(actor: Actor | null, meetingId: string, date: string, now = new Date()): Promise<AttendanceRecord> {
      const { me, row } = await attendable(actor, meetingId);
      const occ = await occurrenceOf(row, date);
      if (occ.status === 'cancelled') throw new AppError('conflict', 'occurrenceCancelled');
      if (!isCheckInOpen(occ, now)) throw new AppError('conflict', 'checkInClosed');
      const saved = await meetingsRepo.attendance.record(db, { meetingId, localDate: date, userId: me.userId, startsAt: occ.start, method: 'self', recordedBy: me.userId });
      return {
        meetingId,
        meetingName: row.meeting.name,
        groupName: row.group.name,
        date,
        start: occ.start.toISOString(),
        timeZone: row.meeting.timeZone,
        attendance: row.meeting.attendance as AttendanceRecord['attendance'],
        method: saved.method as AttendanceRecord['method'],
        recordedAt: saved.recordedAt.toISOString(),
      };
    },

    /** Who said they would come and who came, for the group's facilitators. */
    async roster(actor: Actor | null, meetingId: string, date: string): Promise<Roster> {
      const row = await meetings.managedMeeting(actor, meetingId);
      const occ = await occurrenceOf(row, date);
      const [rsvps, attended, members] = await Promise.all([
        meetingsRepo.rsvps.forMeeting(db, meetingId, date, date),
        meetingsRepo.attendance.forMeeting(db, meetingId, date, date),
        meetingsRepo.groups.members(db, row.group.id),
      ]);
      const ids = new Set([...rsvps.map((r) => r.userId), ...attended.map((a) => a.userId), ...members.filter((m) => m.status === 'active').map((m) => m.userId)]);
      const names = await meetingsRepo.attendance.displayNames(db, [...ids]);
      const entries = [...ids]
        .map((userId) => {
          const came = attended.find((a) => a.userId === userId);
          return {
            userId,
            displayName: names.get(userId) ?? '',
            rsvp: rsvps.some((r) => r.userId === userId),
            attended: came !== undefined,
            method: (came?.method ?? null) as Roster['entries'][number]['method'],
          };
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return { occurrence: presentOccurrence(occ), entries };
    },

    /** A facilitator marks someone present or not; only once the occurrence has started. */
    async setRoster(actor: Actor | null, meetingId: string, date: string, body: { userId: string; attended: boolean }, now = new Date()): Promise<Roster> {
      const row = await meetings.managedMeeting(actor, meetingId);
      const occ = await occurrenceOf(row, date);
      if (occ.status === 'cancelled') throw new AppError('conflict', 'occurrenceCancelled');
      if (occ.start.getTime() - 15 * 60_000 > now.getTime()) throw new AppError('conflict', 'rosterNotYet');
      const known = await meetingsRepo.groups.existingUsers(db, [body.userId]);
      if (!known.has(body.userId)) throw validationFailed({ userId: 'facilitatorsMustBeMembers' });
      if (body.attended) {
        await meetingsRepo.attendance.record(db, { meetingId, localDate: date, userId: body.userId, startsAt: occ.start, method: 'roster', recordedBy: actor!.userId });
      } else {
        await meetingsRepo.attendance.remove(db, meetingId, date, body.userId);
      }
      return this.roster(actor, meetingId, date);
    },

    /**
     * The member's own attendance between two dates of their calendar: by default the last 90 days, up to the latest
     * day one can already have attended (check-in opens before the start, so a meeting starting just after midnight
     * is checked in to the day before, and belongs to tomorrow).
     */
    async history(actor: Actor | null, range: { from?: string; to?: string }): Promise<z.infer<typeof attendanceHistory>> {
      const me = authorize(actor);
      const zone = me.profile?.timeZone ?? 'UTC';
      const to = range.to ?? todayIn(zone, new Date(Date.now() + meetingLimits.checkInOpensMinutes * 60_000));
      const from = range.from ?? addDays(to, -HISTORY_DAYS_DEFAULT + 1);
      if (from > to) throw validationFailed({ from: 'rangeReversed' });
      if (daysBetween(from, to) >= HISTORY_DAYS_MAX) throw validationFailed({ from: 'rangeTooLong' });
      // Instants a day wider than the local dates, then exact by the member's calendar.
      const rows = await meetingsRepo.attendance.historyOf(db, me.userId, new Date(`${addDays(from, -1)}T00:00:00Z`), new Date(`${addDays(to, 2)}T00:00:00Z`));
      const records = rows
        .filter((r) => {
          const day = todayIn(zone, r.startsAt);
          return day >= from && day <= to;
        })
        .map((r) => ({
          meetingId: r.meetingId,
          meetingName: r.meetingName,
          groupName: r.groupName,
          date: r.localDate,
          start: r.startsAt.toISOString(),
          timeZone: r.timeZone,
          attendance: r.attendance as AttendanceRecord['attendance'],
          method: r.method as AttendanceRecord['method'],
          recordedAt: r.recordedAt.toISOString(),
        }));
      const perMonth = new Map<string, number>();
      for (const r of records) {
        const month = todayIn(zone, new Date(r.start)).slice(0, 7);
        perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
      }
      return { from, to, records, perMonth: [...perMonth].map(([month, count]) => ({ month, count })) };
    },

    /** The member's coming RSVPs (occurrences not yet over), soonest first. */
    async myMeetings(actor: Actor | null, now = new Date()): Promise<z.infer<typeof myMeetings>> {
      const me = authorize(actor);
      const rows = await meetingsRepo.rsvps.upcomingOf(db, me.userId, addDays(now.toISOString().slice(0, 10), -2));
      const overrides = await meetingsRepo.overrides.forMeetings(db, [...new Set(rows.map((r) => r.meeting.id))], addDays(now.toISOString().slice(0, 10), -2));
      const items = [];
      for (const row of rows) {
        if (!meetingsPolicy.seeGroup(me, audienceOf(row.group, row)) || row.group.archivedAt) continue;
        const own = overrides.get(row.meeting.id);
        const occ = occurrenceOn(timesOf(row.meeting), row.localDate, own);
        if (!occ || occ.end <= now) continue;
        items.push({ meeting: presentMeeting(row, me, nextOccurrence(timesOf(row.meeting), now, own)), occurrence: presentOccurrence(occ) });
      }
      items.sort((a, b) => a.occurrence.start.localeCompare(b.occurrence.start));
      return { items };
    },
  };
}
