import { and, asc, count, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { user } from '../accounts/tables.ts';
import type { GroupAudience } from './policy.ts';
import { groupMember, meeting, meetingAttendance, meetingOccurrence, meetingRsvp, supportGroup } from './tables.ts';

export type GroupRow = typeof supportGroup.$inferSelect;
export type MeetingRow = typeof meeting.$inferSelect;
export type OverrideRow = typeof meetingOccurrence.$inferSelect;
export type NewMeeting = typeof meeting.$inferInsert;

/** The viewer's membership, joined to a group (null user: nobody matches). */
const viewerJoin = (viewerId: string | null) =>
  and(eq(groupMember.groupId, supportGroup.id), eq(groupMember.userId, viewerId ?? '00000000-0000-0000-0000-000000000000'));

const audienceColumns = {
  viewerRole: groupMember.role,
  viewerStatus: groupMember.status,
};

export function audienceOf(g: GroupRow, viewer: { viewerRole: string | null; viewerStatus: string | null }): GroupAudience {
  return {
    visibility: g.visibility as GroupAudience['visibility'],
    conferenceVisibility: g.conferenceVisibility as GroupAudience['conferenceVisibility'],
    archived: g.archivedAt !== null,
    viewerRole: viewer.viewerRole as GroupAudience['viewerRole'],
    viewerStatus: viewer.viewerStatus as GroupAudience['viewerStatus'],
  };
}

export interface MeetingWithGroup {
  meeting: MeetingRow;
  group: GroupRow;
  viewerRole: string | null;
  viewerStatus: string | null;
}

export type FinderCandidate = Pick<MeetingRow, 'id' | 'name' | 'days' | 'onceOn' | 'startTime' | 'endTime' | 'timeZone' | 'attendance' | 'latitude' | 'longitude'>;

/** The finder's filters that SQL applies; day, time and "soon" are decided on computed occurrences. */
export interface FinderFilter {
  includeMembersOnly: boolean;
  box?: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  attendance?: string[];
  types?: string[];
  language?: string;
  q?: string;
  groupId?: string;
  /**
   * Weekly days that could fall on the viewer's chosen days: exactly those for meetings in the viewer's zone, the
   * looser set for meetings elsewhere. One-offs always pass.
   */
  days?: { zone: string; exact: number[]; loose: number[] };
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const meetingsRepo = {
  groups: {
    async list(db: Queryable, viewerId: string | null, includeMembersOnly: boolean) {
      return db
        .select({ group: supportGroup, ...audienceColumns })
        .from(supportGroup)
        .leftJoin(groupMember, viewerJoin(viewerId))
        .where(and(isNull(supportGroup.archivedAt), includeMembersOnly ? undefined : eq(supportGroup.visibility, 'public')))
        .orderBy(asc(supportGroup.name));
    },

    async byId(db: Queryable, id: string, viewerId: string | null) {
      const [row] = await db
        .select({ group: supportGroup, ...audienceColumns })
        .from(supportGroup)
        .leftJoin(groupMember, viewerJoin(viewerId))
        .where(eq(supportGroup.id, id));
      return row;
    },

    async facilitators(db: Queryable, groupIds: string[]) {
      if (groupIds.length === 0) return [];
      return db
        .select({ groupId: groupMember.groupId, id: user.id, displayName: user.name })
        .from(groupMember)
        .innerJoin(user, eq(user.id, groupMember.userId))
        .where(and(inArray(groupMember.groupId, groupIds), eq(groupMember.role, 'facilitator'), eq(groupMember.status, 'active')))
        .orderBy(asc(user.name));
    },

    async meetingCounts(db: Queryable, groupIds: string[]) {
      if (groupIds.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ groupId: meeting.groupId, n: count() })
        .from(meeting)
        .where(and(inArray(meeting.groupId, groupIds), isNull(meeting.archivedAt)))
        .groupBy(meeting.groupId);
      return new Map(rows.map((r) => [r.groupId, r.n]));
    },

    async insert(db: Queryable, values: typeof supportGroup.$inferInsert) {
      const [row] = await db.insert(supportGroup).values(values).returning();
      return row!;
    },

    async update(db: Queryable, id: string, values: Partial<typeof supportGroup.$inferInsert>) {
      await db.update(supportGroup).set({ ...values, updatedAt: new Date() }).where(eq(supportGroup.id, id));
    },

    async slugTaken(db: Queryable, slug: string) {
      const [row] = await db.select({ id: supportGroup.id }).from(supportGroup).where(eq(supportGroup.slug, slug));
      return row !== undefined;
    },

    async members(db: Queryable, groupId: string) {
      return db
        .select({ userId: groupMember.userId, displayName: user.name, role: groupMember.role, status: groupMember.status, joinedAt: groupMember.createdAt })
        .from(groupMember)
        .innerJoin(user, eq(user.id, groupMember.userId))
        .where(eq(groupMember.groupId, groupId))
        .orderBy(asc(groupMember.status), asc(user.name));
    },

    async member(db: Queryable, groupId: string, userId: string) {
      const [row] = await db.select().from(groupMember).where(and(eq(groupMember.groupId, groupId), eq(groupMember.userId, userId)));
      return row;
    },

    async putMember(db: Queryable, values: typeof groupMember.$inferInsert) {
      await db
        .insert(groupMember)
        .values(values)
        .onConflictDoUpdate({ target: [groupMember.groupId, groupMember.userId], set: { role: values.role, status: values.status } });
    },

    async removeMember(db: Queryable, groupId: string, userId: string) {
      await db.delete(groupMember).where(and(eq(groupMember.groupId, groupId), eq(groupMember.userId, userId)));
    },

    /** Facilitators not in the list become members again (they stay in the group). */
    async demoteFacilitatorsExcept(db: Queryable, groupId: string, keep: string[]) {
      await db
        .update(groupMember)
        .set({ role: 'member' })
        .where(and(eq(groupMember.groupId, groupId), eq(groupMember.role, 'facilitator'), sql`${groupMember.userId} <> all(${sql.param(keep)}::uuid[])`));
    },

    async existingUsers(db: Queryable, ids: string[]) {
      const rows = await db.select({ id: user.id }).from(user).where(inArray(user.id, ids));
      return new Set(rows.map((r) => r.id));
    },
  },

  meetings: {
    async byId(db: Queryable, id: string, viewerId: string | null): Promise<MeetingWithGroup | undefined> {
      const [row] = await db
        .select({ meeting, group: supportGroup, ...audienceColumns })
        .from(meeting)
        .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
        .leftJoin(groupMember, viewerJoin(viewerId))
        .where(eq(meeting.id, id));
      return row;
    },

    async ofGroup(db: Queryable, groupId: string, viewerId: string | null): Promise<MeetingWithGroup[]> {
      return db
        .select({ meeting, group: supportGroup, ...audienceColumns })
        .from(meeting)
        .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
        .leftJoin(groupMember, viewerJoin(viewerId))
        .where(and(eq(meeting.groupId, groupId), isNull(meeting.archivedAt)))
        .orderBy(asc(meeting.name));
    },

    /** These meetings with their group and the viewer's membership (the finder's page of results). */
    async byIds(db: Queryable, ids: string[], viewerId: string | null): Promise<MeetingWithGroup[]> {
      if (ids.length === 0) return [];
      return db
        .select({ meeting, group: supportGroup, ...audienceColumns })
        .from(meeting)
        .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
        .leftJoin(groupMember, viewerJoin(viewerId))
        .where(sql`${meeting.id} = any(${sql.param(ids)}::uuid[])`);
    },

    /**
     * Meetings the finder's SQL filters let through: only what deciding a match needs (the page's full rows are read
     * afterwards, for the few that are shown).
     */
    async candidates(db: Queryable, f: FinderFilter, max: number): Promise<FinderCandidate[]> {
      const where: (SQL | undefined)[] = [isNull(meeting.archivedAt), isNull(supportGroup.archivedAt)];
      if (!f.includeMembersOnly) where.push(eq(supportGroup.visibility, 'public'));
      if (f.box) {
        where.push(
          sql`${meeting.latitude} between ${f.box.minLat} and ${f.box.maxLat}`,
          f.box.minLng <= f.box.maxLng
            ? sql`${meeting.longitude} between ${f.box.minLng} and ${f.box.maxLng}`
            : // The box crosses the antimeridian.
              sql`(${meeting.longitude} >= ${f.box.minLng} or ${meeting.longitude} <= ${f.box.maxLng})`,
        );
      }
      if (f.attendance?.length) where.push(inArray(meeting.attendance, f.attendance));
      if (f.types?.length) {
        // Near a point, the place narrows far more than the types: keep the planner off the types index there (ANDing
        // it in read tens of thousands of index entries to save a few hundred row checks).
        const types = f.box ? sql`coalesce(${meeting.types}, '{}')` : sql`${meeting.types}`;
        where.push(sql`${types} @> ${sql.param(f.types)}::text[]`);
      }
      if (f.language) where.push(sql`(${meeting.languages} @> array[${f.language}]::text[] or (cardinality(${meeting.languages}) = 0 and ${supportGroup.languages} @> array[${f.language}]::text[]))`);
      if (f.groupId) where.push(eq(meeting.groupId, f.groupId));
      if (f.days) {
        // In the viewer's own zone a weekly meeting's day is the viewer's day; elsewhere it may be a day or two off.
        const { zone, exact, loose } = f.days;
        where.push(
          sql`(${meeting.onceOn} is not null or (${meeting.timeZone} = ${zone} and ${meeting.days} && ${sql.param(exact)}::smallint[]) or (${meeting.timeZone} <> ${zone} and ${meeting.days} && ${sql.param(loose)}::smallint[]))`,
        );
      }
      if (f.q) {
        const pattern = `%${likeEscape(f.q)}%`;
        where.push(
          sql`(${meeting.name} ilike ${pattern} or ${supportGroup.name} ilike ${pattern} or ${meeting.locationName} ilike ${pattern} or ${meeting.formattedAddress} ilike ${pattern} or ${meeting.region} ilike ${pattern} or ${meeting.approximateAddress} ilike ${pattern})`,
        );
      }
      // A raw statement: for hundreds of rows, mapping them through the query builder cost as much as running it.
      const result = await db.execute<FinderCandidate>(sql`
        select ${meeting.id} as "id", ${meeting.name} as "name", ${meeting.days} as "days", ${meeting.onceOn}::text as "onceOn",
          ${meeting.startTime} as "startTime", ${meeting.endTime} as "endTime", ${meeting.timeZone} as "timeZone",
          ${meeting.attendance} as "attendance", ${meeting.latitude} as "latitude", ${meeting.longitude} as "longitude"
        from ${meeting} inner join ${supportGroup} on ${supportGroup.id} = ${meeting.groupId}
        where ${and(...where)}
        limit ${max}`);
      return result.rows;
    },

    async insert(db: Queryable, values: NewMeeting) {
      const [row] = await db.insert(meeting).values(values).returning();
      return row!;
    },

    async update(db: Queryable, id: string, values: Partial<NewMeeting>) {
      await db.update(meeting).set({ ...values, updatedAt: new Date() }).where(eq(meeting.id, id));
    },

    async slugTaken(db: Queryable, slug: string) {
      const [row] = await db.select({ id: meeting.id }).from(meeting).where(eq(meeting.slug, slug));
      return row !== undefined;
    },
  },

  overrides: {
    /** Exceptions and topics of these meetings from a regular date on (a week earlier, for moves into the window). */
    async forMeetings(db: Queryable, meetingIds: string[], fromDate: string) {
      const map = new Map<string, OverrideRow[]>();
      if (meetingIds.length === 0) return map;
      const rows = await db
        .select()
        .from(meetingOccurrence)
        .where(and(sql`${meetingOccurrence.meetingId} = any(${sql.param(meetingIds)}::uuid[])`, gte(meetingOccurrence.localDate, sql`${fromDate}::date - 8`)));
      for (const r of rows) map.set(r.meetingId, [...(map.get(r.meetingId) ?? []), r]);
      return map;
    },

    async put(db: Queryable, values: typeof meetingOccurrence.$inferInsert) {
      await db
        .insert(meetingOccurrence)
        .values(values)
        .onConflictDoUpdate({
          target: [meetingOccurrence.meetingId, meetingOccurrence.localDate],
          set: { status: values.status, movedDate: values.movedDate, movedStart: values.movedStart, movedEnd: values.movedEnd, topic: values.topic, updatedAt: new Date() },
        });
    },
  },

  rsvps: {
    async put(db: Queryable, meetingId: string, localDate: string, userId: string) {
      await db.insert(meetingRsvp).values({ meetingId, localDate, userId }).onConflictDoNothing();
    },
    async remove(db: Queryable, meetingId: string, localDate: string, userId: string) {
      await db.delete(meetingRsvp).where(and(eq(meetingRsvp.meetingId, meetingId), eq(meetingRsvp.localDate, localDate), eq(meetingRsvp.userId, userId)));
    },
    async forMeeting(db: Queryable, meetingId: string, from: string, to: string) {
      return db
        .select({ localDate: meetingRsvp.localDate, userId: meetingRsvp.userId })
        .from(meetingRsvp)
        .where(and(eq(meetingRsvp.meetingId, meetingId), gte(meetingRsvp.localDate, from), lte(meetingRsvp.localDate, to)));
    },
    /** A member's RSVPs from a date on, with each meeting and its group. */
    async upcomingOf(db: Queryable, userId: string, fromDate: string) {
      return db
        .select({ localDate: meetingRsvp.localDate, meeting, group: supportGroup, ...audienceColumns })
        .from(meetingRsvp)
        .innerJoin(meeting, eq(meeting.id, meetingRsvp.meetingId))
        .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
        .leftJoin(groupMember, viewerJoin(userId))
        .where(and(eq(meetingRsvp.userId, userId), gte(meetingRsvp.localDate, fromDate), isNull(meeting.archivedAt)))
        .orderBy(asc(meetingRsvp.localDate))
        .limit(200);
    },
  },

  attendance: {
    /** Records one attendance; a second record of the same occurrence changes nothing (roster wins over self). */
    async record(db: Queryable, values: typeof meetingAttendance.$inferInsert) {
      const [row] = await db
        .insert(meetingAttendance)
        .values(values)
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.localDate, meetingAttendance.userId],
          set: values.method === 'roster' ? { method: 'roster', recordedBy: values.recordedBy ?? null } : { method: sql`${meetingAttendance.method}` },
        })
        .returning();
      return row!;
    },
    async remove(db: Queryable, meetingId: string, localDate: string, userId: string) {
      await db
        .delete(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.localDate, localDate), eq(meetingAttendance.userId, userId)));
    },
    async forMeeting(db: Queryable, meetingId: string, from: string, to: string) {
      return db
        .select({ localDate: meetingAttendance.localDate, userId: meetingAttendance.userId, method: meetingAttendance.method })
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meetingId), gte(meetingAttendance.localDate, from), lte(meetingAttendance.localDate, to)));
    },
    /** A member's attendance with the meeting and group, by the occurrence's start. */
    async historyOf(db: Queryable, userId: string, from: Date, to: Date) {
      return db
        .select({
          meetingId: meetingAttendance.meetingId,
          localDate: meetingAttendance.localDate,
          startsAt: meetingAttendance.startsAt,
          method: meetingAttendance.method,
          recordedAt: meetingAttendance.recordedAt,
          meetingName: meeting.name,
          timeZone: meeting.timeZone,
          attendance: meeting.attendance,
          groupName: supportGroup.name,
        })
        .from(meetingAttendance)
        .innerJoin(meeting, eq(meeting.id, meetingAttendance.meetingId))
        .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
        .where(and(eq(meetingAttendance.userId, userId), gte(meetingAttendance.startsAt, from), lte(meetingAttendance.startsAt, to)))
        .orderBy(asc(meetingAttendance.startsAt));
    },
    async displayNames(db: Queryable, ids: string[]) {
      if (ids.length === 0) return new Map<string, string>();
      const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  },
};
