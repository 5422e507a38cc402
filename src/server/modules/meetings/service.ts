import type { z } from 'zod';
import type {
  group,
  groupBody,
  groupMember as groupMemberSchema,
  groupPatchBody,
  MeetingBody,
  meetingDetail,
  meetingUpdateBody,
  occurrence as occurrenceSchema,
  occurrenceBody,
} from '../../../contracts/meetings.ts';
import { meetingLimits } from '../../../contracts/meetings.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { meetingsPolicy } from './policy.ts';
import { presentMeeting, presentOccurrence, timesOf } from './presenters.ts';
import { nextOccurrence, occurrenceOn, occurrencesBetween } from './recurrence.ts';
import { audienceOf, type GroupRow, type MeetingWithGroup, meetingsRepo, type NewMeeting } from './repo.ts';
import { uniqueSlug } from './slugs.ts';
import { isUniqueViolation } from '../../db/errors.ts';

type Group = z.infer<typeof group>;
type MeetingDetail = z.infer<typeof meetingDetail>;
type GroupBody = z.output<typeof groupBody>;

const DAY = 86_400_000;
const UPCOMING_DAYS = 28;

/** The meeting's columns from a validated body; a room needs no link and an online meeting no street address. */
export function meetingColumns(body: z.output<typeof meetingUpdateBody>): Omit<NewMeeting, 'groupId' | 'slug'> {
  const room = body.attendance === 'online' ? null : body.location;
  const conference = body.attendance === 'in_person' ? null : body.conference;
  return {
    name: body.name,
    days: body.schedule.kind === 'weekly' ? [...body.schedule.days].sort((a, b) => a - b) : [],
    onceOn: body.schedule.kind === 'once' ? body.schedule.date : null,
    startTime: body.startTime,
    endTime: body.endTime,
    timeZone: body.timeZone,
    attendance: body.attendance,
    locationName: room?.name ?? '',
    formattedAddress: room?.formattedAddress ?? null,
    latitude: room?.latitude ?? null,
    longitude: room?.longitude ?? null,
    locationNotes: room?.notes ?? '',
    region: room?.region ?? '',
    approximateAddress: body.approximateAddress,
    conferenceUrl: conference?.url ?? null,
    conferenceUrlNotes: conference?.urlNotes ?? '',
    conferencePhone: conference?.phone ?? null,
    conferencePhoneNotes: conference?.phoneNotes ?? '',
    types: body.types,
    customTypes: body.customTypes,
    languages: body.languages,
    notes: body.notes,
    readings: body.readings,
  };
}

export function createMeetingsService(ctx: ServiceContext) {
  const { db } = ctx;

  async function presentGroups(rows: { group: GroupRow; viewerRole: string | null; viewerStatus: string | null }[], actor: Actor | null): Promise<Group[]> {
    const ids = rows.map((r) => r.group.id);
    const [facilitators, counts] = await Promise.all([meetingsRepo.groups.facilitators(db, ids), meetingsRepo.groups.meetingCounts(db, ids)]);
    return rows.map((r) => {
      const g = r.group;
      const audience = audienceOf(g, r);
      const myStatus = r.viewerStatus === 'pending' ? 'pending' : r.viewerRole === 'facilitator' ? 'facilitator' : r.viewerRole ? 'member' : 'none';
      return {
        id: g.id,
        slug: g.slug,
        name: g.name,
        description: g.description,
        pathway: g.pathway as Group['pathway'],
        fellowship: g.fellowship,
        languages: g.languages,
        visibility: audience.visibility,
        membership: g.membership as Group['membership'],
        conferenceVisibility: audience.conferenceVisibility,
        facilitators: facilitators.filter((f) => f.groupId === g.id).map(({ id, displayName }) => ({ id, displayName })),
        meetingCount: counts.get(g.id) ?? 0,
        myStatus,
        canManage: actor !== null && meetingsPolicy.manageGroup(actor, audience),
      };
    });
  }

  /** The group if the viewer may see it; 404 otherwise (a members-only group does not exist for the public). */
  async function visibleGroup(actor: Actor | null, id: string) {
    const row = await meetingsRepo.groups.byId(db, id, actor?.userId ?? null);
    if (!row || !meetingsPolicy.seeGroup(actor, audienceOf(row.group, row))) throw notFound();
    return row;
  }

  async function managedGroup(actor: Actor | null, id: string) {
    const row = await visibleGroup(actor, id);
    authorize(actor, meetingsPolicy.manageGroup, audienceOf(row.group, row));
    return row;
  }

  async function visibleMeeting(actor: Actor | null, id: string): Promise<MeetingWithGroup> {
    const row = await meetingsRepo.meetings.byId(db, id, actor?.userId ?? null);
    if (!row || row.meeting.archivedAt || !meetingsPolicy.seeGroup(actor, audienceOf(row.group, row))) throw notFound();
    return row;
  }

  async function managedMeeting(actor: Actor | null, id: string) {
    const row = await visibleMeeting(actor, id);
    authorize(actor, meetingsPolicy.manageGroup, audienceOf(row.group, row));
    return row;
  }

  async function groupById(actor: Actor | null, id: string): Promise<Group> {
    const row = await visibleGroup(actor, id);
    return (await presentGroups([row], actor))[0]!;
  }

  async function meetingDetailOf(actor: Actor | null, row: MeetingWithGroup, now = new Date()): Promise<MeetingDetail> {
    const times = timesOf(row.meeting);
    const overrides = (await meetingsRepo.overrides.forMeetings(db, [row.meeting.id], now.toISOString().slice(0, 10))).get(row.meeting.id) ?? [];
    const upcoming = occurrencesBetween(times, now, new Date(now.getTime() + UPCOMING_DAYS * DAY), overrides).slice(0, 40);
    const canManage = actor !== null && meetingsPolicy.manageGroup(actor, audienceOf(row.group, row));
    const dates = upcoming.map((o) => o.date);
    const [first, last] = [dates[0] ?? '9999-12-31', dates.at(-1) ?? '0000-01-01'];
    // The check-in window may belong to an occurrence that started up to a day ago (a long or late meeting).
    const openFrom = new Date(now.getTime() - DAY);
    const windowOccurrences = occurrencesBetween(times, openFrom, new Date(now.getTime() + meetingLimits.checkInOpensMinutes * 60_000), overrides);
    const checkFrom = [first, ...windowOccurrences.map((o) => o.date)].sort()[0]!;
    const [rsvps, attended] = actor
      ? await Promise.all([meetingsRepo.rsvps.forMeeting(db, row.meeting.id, checkFrom, last), meetingsRepo.attendance.forMeeting(db, row.meeting.id, checkFrom, last)])
      : [[], []];
    const mine = (list: { localDate: string; userId: string }[], date: string) => list.some((r) => r.localDate === date && r.userId === actor?.userId);
    const open = actor
      ? windowOccurrences.find((o) => o.status !== 'cancelled' && isCheckInOpen(o, now) && !mine(attended, o.date))
      : undefined;
    return {
      // The next one is usually among the coming four weeks already computed; only a far one-off looks again.
      ...presentMeeting(row, actor, upcoming.find((o) => o.status !== 'cancelled') ?? nextOccurrence(times, now, overrides)),
      upcoming: upcoming.map((o) => ({
        ...presentOccurrence(o),
        rsvp: mine(rsvps, o.date),
        attended: mine(attended, o.date),
        rsvpCount: canManage ? rsvps.filter((r) => r.localDate === o.date).length : null,
      })),
      canManage,
      checkInOpen: open ? presentOccurrence(open) : null,
    };
  }

  return {
    visibleMeeting,
    managedMeeting,
    meetingDetailOf,

    async listGroups(actor: Actor | null): Promise<Group[]> {
      const rows = await meetingsRepo.groups.list(db, actor?.userId ?? null, actor !== null);
      return presentGroups(rows, actor);
    },

    getGroup: groupById,

    async createGroup(actor: Actor | null, body: GroupBody): Promise<Group> {
      const me = authorize(actor, meetingsPolicy.createGroup, undefined);
      const created = await db.transaction(async (tx) => {
        const slug = await uniqueSlug(body.name, (s) => meetingsRepo.groups.slugTaken(tx, s));
        const row = await meetingsRepo.groups.insert(tx, { ...body, slug });
        await meetingsRepo.groups.putMember(tx, { groupId: row.id, userId: me.userId, role: 'facilitator', status: 'active' });
        return row;
      });
      return groupById(me, created.id);
    },

    async updateGroup(actor: Actor | null, id: string, body: z.output<typeof groupPatchBody>): Promise<Group> {
      await managedGroup(actor, id);
      await meetingsRepo.groups.update(db, id, body);
      return groupById(actor, id);
    },

    async archiveGroup(actor: Actor | null, id: string) {
      await managedGroup(actor, id);
      await meetingsRepo.groups.update(db, id, { archivedAt: new Date() });
    },

    async setFacilitators(actor: Actor | null, id: string, userIds: string[]): Promise<Group> {
      authorize(actor, meetingsPolicy.setFacilitators, undefined);
      await visibleGroup(actor, id);
      const unique = [...new Set(userIds)];
      const known = await meetingsRepo.groups.existingUsers(db, unique);
      if (known.size !== unique.length) throw validationFailed({ userIds: 'facilitatorsMustBeMembers' });
      await db.transaction(async (tx) => {
        await meetingsRepo.groups.demoteFacilitatorsExcept(tx, id, unique);
        for (const userId of unique) await meetingsRepo.groups.putMember(tx, { groupId: id, userId, role: 'facilitator', status: 'active' });
      });
      return groupById(actor, id);
    },

    /** Joining an open group is immediate; a group by approval gets a request its facilitators answer. */
    async join(actor: Actor | null, id: string): Promise<Group> {
      const me = authorize(actor);
      const row = await visibleGroup(me, id);
      if (row.viewerRole) return groupById(me, id);
      await meetingsRepo.groups.putMember(db, { groupId: id, userId: me.userId, role: 'member', status: row.group.membership === 'open' ? 'active' : 'pending' });
      return groupById(me, id);
    },

    async leave(actor: Actor | null, id: string) {
      const me = authorize(actor);
      const row = await visibleGroup(me, id);
      if (row.viewerRole === 'facilitator') {
        const facilitators = await meetingsRepo.groups.facilitators(db, [id]);
        if (facilitators.length <= 1) throw new AppError('conflict', 'keepOneFacilitator');
      }
      await meetingsRepo.groups.removeMember(db, id, me.userId);
    },

    async members(actor: Actor | null, id: string): Promise<z.infer<typeof groupMemberSchema>[]> {
      await managedGroup(actor, id);
      const rows = await meetingsRepo.groups.members(db, id);
      return rows.map((r) => ({ ...r, role: r.role as 'member' | 'facilitator', status: r.status as 'pending' | 'active', joinedAt: r.joinedAt.toISOString() }));
    },

    async approveMember(actor: Actor | null, id: string, userId: string) {
      await managedGroup(actor, id);
      const member = await meetingsRepo.groups.member(db, id, userId);
      if (!member) throw notFound();
      await meetingsRepo.groups.putMember(db, { ...member, status: 'active' });
    },

    async removeMember(actor: Actor | null, id: string, userId: string) {
      await managedGroup(actor, id);
      const member = await meetingsRepo.groups.member(db, id, userId);
      if (!member) throw notFound();
      if (member.role === 'facilitator' && (await meetingsRepo.groups.facilitators(db, [id])).length <= 1) throw new AppError('conflict', 'keepOneFacilitator');
      await meetingsRepo.groups.removeMember(db, id, userId);
    },

    async groupMeetings(actor: Actor | null, id: string, now = new Date()) {
      await visibleGroup(actor, id);
      const rows = await meetingsRepo.meetings.ofGroup(db, id, actor?.userId ?? null);
      const overrides = await meetingsRepo.overrides.forMeetings(db, rows.map((r) => r.meeting.id), now.toISOString().slice(0, 10));
      return rows.map((r) => presentMeeting(r, actor, nextOccurrence(timesOf(r.meeting), now, overrides.get(r.meeting.id))));
    },

    async getMeeting(actor: Actor | null, id: string) {
      return meetingDetailOf(actor, await visibleMeeting(actor, id));
    },

    async createMeeting(actor: Actor | null, body: MeetingBody): Promise<MeetingDetail> {
      await managedGroup(actor, body.groupId);
      const id = await withSlug(body.slug, body.name, async (slug) => (await meetingsRepo.meetings.insert(db, { ...meetingColumns(body), groupId: body.groupId, slug })).id);
      return meetingDetailOf(actor, (await meetingsRepo.meetings.byId(db, id, actor!.userId))!);
    },

    async updateMeeting(actor: Actor | null, id: string, body: z.output<typeof meetingUpdateBody>): Promise<MeetingDetail> {
      const row = await managedMeeting(actor, id);
      const slug = body.slug ?? row.meeting.slug;
      try {
        await meetingsRepo.meetings.update(db, id, { ...meetingColumns(body), slug });
      } catch (err) {
        if (isUniqueViolation(err)) throw validationFailed({ slug: 'slugTaken' });
        throw err;
      }
      return meetingDetailOf(actor, (await meetingsRepo.meetings.byId(db, id, actor!.userId))!);
    },

    async archiveMeeting(actor: Actor | null, id: string) {
      await managedMeeting(actor, id);
      await meetingsRepo.meetings.update(db, id, { archivedAt: new Date() });
    },

    /** Cancels, moves or gives a topic to one occurrence, named by its regular date. */
    async setOccurrence(actor: Actor | null, id: string, date: string, body: z.output<typeof occurrenceBody>): Promise<z.infer<typeof occurrenceSchema>> {
      const row = await managedMeeting(actor, id);
      if (!occurrenceOn(timesOf(row.meeting), date)) throw validationFailed({ date: 'noOccurrenceOnDate' });
      const override = {
        meetingId: id,
        localDate: date,
        status: body.status,
        movedDate: body.movedTo?.date ?? null,
        movedStart: body.movedTo?.startTime ?? null,
        movedEnd: body.movedTo?.endTime ?? null,
        topic: body.topic,
      };
      await meetingsRepo.overrides.put(db, override);
      return presentOccurrence(occurrenceOn(timesOf(row.meeting), date, [override])!);
    },
  };

  /** Inserts with the given slug (409-free: a clash is a field message) or one made from the name. */
  async function withSlug<T>(given: string | undefined, name: string, insert: (slug: string) => Promise<T>): Promise<T> {
    if (given) {
      try {
        return await insert(given);
      } catch (err) {
        if (isUniqueViolation(err)) throw validationFailed({ slug: 'slugTaken' });
        throw err;
      }
    }
    for (let attempt = 0; ; attempt++) {
      const slug = await uniqueSlug(name, (s) => meetingsRepo.meetings.slugTaken(db, s));
      try {
        return await insert(slug);
      } catch (err) {
        // Another request took the same slug between the check and the insert: try again.
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }
}

/** Members check in from 15 minutes before the start until the end. */
export function isCheckInOpen(o: { start: Date; end: Date; status: string }, now: Date): boolean {
  return o.status !== 'cancelled' && now.getTime() >= o.start.getTime() - meetingLimits.checkInOpensMinutes * 60_000 && now < o.end;
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
