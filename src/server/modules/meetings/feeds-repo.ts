import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { userRole } from '../accounts/tables.ts';
import type { FeedMeetingRow } from './meeting-guide.ts';
import type { OccurrenceOverride } from './recurrence.ts';
import { calendarToken, groupMember, meeting, meetingOccurrence, meetingRsvp, meetingsFeedState, supportGroup } from './tables.ts';

/** In the public feeds: a live meeting of a live public group. Members-only groups never are. */
const isPublic = and(eq(supportGroup.visibility, 'public'), isNull(supportGroup.archivedAt), isNull(meeting.archivedAt));

/** What the public feeds carry about a meeting, with its group's facts. */
const feedColumns = {
  id: meeting.id,
  slug: meeting.slug,
  name: meeting.name,
  days: meeting.days,
  onceOn: meeting.onceOn,
  startTime: meeting.startTime,
  endTime: meeting.endTime,
  timeZone: meeting.timeZone,
  attendance: meeting.attendance,
  locationName: meeting.locationName,
  formattedAddress: meeting.formattedAddress,
  latitude: meeting.latitude,
  longitude: meeting.longitude,
  locationNotes: meeting.locationNotes,
  region: meeting.region,
  approximateAddress: meeting.approximateAddress,
  conferenceUrl: meeting.conferenceUrl,
  conferenceUrlNotes: meeting.conferenceUrlNotes,
  conferencePhone: meeting.conferencePhone,
  conferencePhoneNotes: meeting.conferencePhoneNotes,
  types: meeting.types,
  notes: meeting.notes,
  readings: meeting.readings,
  createdAt: meeting.createdAt,
  updatedAt: meeting.updatedAt,
  groupName: supportGroup.name,
  groupDescription: supportGroup.description,
  conferenceVisibility: supportGroup.conferenceVisibility,
};
export type FeedRow = FeedMeetingRow & { createdAt: Date };

const overrideColumns = {
  meetingId: meetingOccurrence.meetingId,
  localDate: meetingOccurrence.localDate,
  status: meetingOccurrence.status,
  movedDate: meetingOccurrence.movedDate,
  movedStart: meetingOccurrence.movedStart,
  movedEnd: meetingOccurrence.movedEnd,
  topic: meetingOccurrence.topic,
};

/** One-off meetings stay in the calendar feed for a month after their date. */
const RECENT_DAYS = 30;

export const feedsRepo = {
  /** The one row the triggers bump on every change to meetings, groups and occurrences (drizzle/0006). */
  async state(db: Queryable): Promise<{ version: number; changedAt: Date }> {
    const [row] = await db.select({ version: meetingsFeedState.version, changedAt: meetingsFeedState.changedAt }).from(meetingsFeedState).where(eq(meetingsFeedState.id, 1));
    return row ?? { version: 0, changedAt: new Date(0) };
  },

  /**
   * Every public weekly meeting, in slug order: one query, the group joined. Arrays and the timestamp come as plain
   * text, split here: for 10,000 meetings that is about half the time of node-postgres parsing array literals and
   * timestamps (or of PostgreSQL building the rows as JSON).
   */
  async weeklyMeetings(db: Queryable): Promise<FeedMeetingRow[]> {
    const { createdAt: _c, days: _d, types: _t, updatedAt: _u, onceOn: _o, ...plain } = feedColumns;
    const fields = sql.join(
      [
        ...Object.entries(plain).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`),
        sql`array_to_string(${meeting.days}, ',') as "days"`,
        sql`array_to_string(${meeting.types}, ',') as "types"`,
        sql`(extract(epoch from ${meeting.updatedAt}) * 1000)::bigint::text as "updatedAt"`,
      ],
      sql`, `,
    );
    const result = await db.execute<Record<string, unknown>>(
      sql`select ${fields} from ${meeting} join ${supportGroup} on ${supportGroup.id} = ${meeting.groupId}
          where ${and(isPublic, isNull(meeting.onceOn))} order by ${meeting.slug}`,
    );
    const list = (v: unknown) => (v ? String(v).split(',') : []);
    return result.rows.map((row) => ({
      ...(row as Omit<FeedMeetingRow, 'days' | 'types' | 'updatedAt' | 'onceOn'>),
      onceOn: null,
      days: list(row.days).map(Number),
      types: list(row.types),
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
      updatedAt: new Date(Number(row.updatedAt)),
    }));
  },

  /** Public weekly meetings and recent or coming one-off ones; or the one with `slug`. */
  async calendarMeetings(db: Queryable, slug?: string): Promise<FeedRow[]> {
    const which = slug === undefined ? or(isNull(meeting.onceOn), gte(meeting.onceOn, sql`current_date - ${RECENT_DAYS}::int`)) : eq(meeting.slug, slug);
    return db
      .select(feedColumns)
      .from(meeting)
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .where(and(isPublic, which))
      .orderBy(asc(meeting.slug));
  },

  /** Exceptions of public meetings from `sinceDays` ago on, grouped by meeting. */
  async overrides(db: Queryable, sinceDays: number, meetingId?: string): Promise<Map<string, OccurrenceOverride[]>> {
    const rows = await db
      .select(overrideColumns)
      .from(meetingOccurrence)
      .innerJoin(meeting, eq(meeting.id, meetingOccurrence.meetingId))
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .where(and(isPublic, gte(meetingOccurrence.localDate, sql`current_date - ${sinceDays}::int`), meetingId ? eq(meeting.id, meetingId) : undefined))
      .orderBy(asc(meetingOccurrence.meetingId), asc(meetingOccurrence.localDate));
    const map = new Map<string, OccurrenceOverride[]>();
    for (const { meetingId: id, ...o } of rows) map.set(id, [...(map.get(id) ?? []), o]);
    return map;
  },

  calendarTokens: {
    async forUser(db: Queryable, userId: string): Promise<string | undefined> {
      const [row] = await db.select({ token: calendarToken.token }).from(calendarToken).where(eq(calendarToken.userId, userId));
      return row?.token;
    },

    async owner(db: Queryable, token: string): Promise<string | undefined> {
      const [row] = await db.select({ userId: calendarToken.userId }).from(calendarToken).where(eq(calendarToken.token, token));
      return row?.userId;
    },

    /** Replaces any earlier token: the old address stops working at once. */
    async replace(db: Queryable, userId: string, token: string) {
      await db
        .insert(calendarToken)
        .values({ userId, token })
        .onConflictDoUpdate({ target: calendarToken.userId, set: { token, createdAt: sql`now()` } });
    },

    async remove(db: Queryable, userId: string) {
      await db.delete(calendarToken).where(eq(calendarToken.userId, userId));
    },
  },

  /**
   * A member's RSVPs from `sinceDays` ago on, with the meeting, any exception for that date, and whether the
   * member may see the conference details (the group shows them to all, or the member belongs to the group, or
   * is a coordinator). Archived meetings and groups are left out.
   */
  async rsvps(db: Queryable, userId: string, sinceDays: number) {
    const membership = db
      .select({ one: sql`1` })
      .from(groupMember)
      .where(and(eq(groupMember.groupId, meeting.groupId), eq(groupMember.userId, userId), eq(groupMember.status, 'active')));
    const coordinator = db
      .select({ one: sql`1` })
      .from(userRole)
      .where(and(eq(userRole.userId, userId), eq(userRole.role, 'coordinator')));
    return db
      .select({
        meeting: feedColumns,
        date: meetingRsvp.localDate,
        override: overrideColumns,
        conferenceVisible: sql<boolean>`${supportGroup.conferenceVisibility} = 'public' or exists (${membership}) or exists (${coordinator})`,
      })
      .from(meetingRsvp)
      .innerJoin(meeting, eq(meeting.id, meetingRsvp.meetingId))
      .innerJoin(supportGroup, eq(supportGroup.id, meeting.groupId))
      .leftJoin(meetingOccurrence, and(eq(meetingOccurrence.meetingId, meetingRsvp.meetingId), eq(meetingOccurrence.localDate, meetingRsvp.localDate)))
      .where(and(eq(meetingRsvp.userId, userId), gte(meetingRsvp.localDate, sql`current_date - ${sinceDays}::int`), isNull(meeting.archivedAt), isNull(supportGroup.archivedAt)))
      .orderBy(asc(meetingRsvp.localDate), asc(meeting.slug));
  },
};

// ── Import ───────────────────────────────────────────────────────────────────────────────────────────────────

export type MeetingInsert = typeof meeting.$inferInsert;
export type StoredMeeting = typeof meeting.$inferSelect;

export const importRepo = {
  async meetingsBySlug(db: Queryable, slugs: string[]): Promise<Map<string, StoredMeeting>> {
    const map = new Map<string, StoredMeeting>();
    // Chunks keep the parameter list well under PostgreSQL's limit for a 20,000-row feed.
    for (let i = 0; i < slugs.length; i += 5000) {
      for (const row of await db.select().from(meeting).where(inArray(meeting.slug, slugs.slice(i, i + 5000)))) map.set(row.slug, row);
    }
    return map;
  },

  /** The live group with this name (case-insensitive), the oldest when several share it. */
  async groupByName(db: Queryable, name: string): Promise<string | undefined> {
    const [row] = await db
      .select({ id: supportGroup.id })
      .from(supportGroup)
      .where(and(sql`lower(${supportGroup.name}) = lower(${name})`, isNull(supportGroup.archivedAt)))
      .orderBy(asc(supportGroup.createdAt), asc(supportGroup.id))
      .limit(1);
    return row?.id;
  },

  async groupSlugsLike(db: Queryable, base: string): Promise<Set<string>> {
    const rows = await db
      .select({ slug: supportGroup.slug })
      .from(supportGroup)
      .where(sql`${supportGroup.slug} = ${base} or ${supportGroup.slug} like ${`${base}-%`}`);
    return new Set(rows.map((r) => r.slug));
  },

  /** An imported group: public, open, twelve-step (what Meeting Guide feeds list). */
  async createGroup(db: Queryable, v: { slug: string; name: string; description: string }): Promise<string> {
    const [row] = await db
      .insert(supportGroup)
      .values({ ...v, pathway: 'twelve_step', languages: ['en'], visibility: 'public', membership: 'open', conferenceVisibility: 'public' })
      .returning({ id: supportGroup.id });
    return row!.id;
  },

  async insertMeetings(db: Queryable, rows: MeetingInsert[]) {
    for (let i = 0; i < rows.length; i += 500) await db.insert(meeting).values(rows.slice(i, i + 500));
  },

  async updateMeeting(db: Queryable, id: string, v: Partial<MeetingInsert>) {
    await db
      .update(meeting)
      .set({ ...v, updatedAt: sql`now()` })
      .where(eq(meeting.id, id));
  },
};
