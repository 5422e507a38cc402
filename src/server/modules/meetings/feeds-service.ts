import crypto from 'node:crypto';
import { type Actor, authorize } from '../../access.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type FeedRow, feedsRepo } from './feeds-repo.ts';
import { type IcsMeeting, meetingsCalendar, rsvpCalendar } from './ical.ts';
import { buildMeetingGuideFeed } from './meeting-guide.ts';

/** A generated public feed: the body and what a client needs to revalidate it. */
export interface FeedBody {
  version: number;
  body: Buffer;
  etag: string;
  lastModified: Date;
}

/** Exceptions (cancelled, moved, themed dates) the public calendar carries: from three months back on. */
const EXCEPTION_DAYS = 90;
/** How far back a member's calendar keeps their RSVPs. */
const RSVP_DAYS = 30;

const etagOf = (version: number, body: Buffer) => `"${version}-${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

/**
 * A public feed kept in this instance's memory and rebuilt only when the meetings changed: every request reads the
 * one version row (a primary-key read), and the triggers of drizzle/0006 bump it on any change, so every instance
 * notices at once. The version and the rows are read in one snapshot, so a body is never labelled with a version
 * it does not show. Concurrent requests for a stale feed share one rebuild.
 */
function versionedFeed(db: Db, build: (tx: Queryable) => Promise<string>) {
  let cached: FeedBody | null = null;
  let pending: Promise<FeedBody> | null = null;

  const generate = () =>
    db.transaction(
      async (tx) => {
        const state = await feedsRepo.state(tx);
        const body = Buffer.from(await build(tx), 'utf8');
        cached = { version: state.version, body, etag: etagOf(state.version, body), lastModified: state.changedAt };
        return cached;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

  return async (): Promise<FeedBody> => {
    const { version } = await feedsRepo.state(db);
    for (;;) {
      if (cached?.version === version) return cached;
      pending ??= generate().finally(() => {
        pending = null;
      });
      const result = await pending;
      // A rebuild that started before this request saw the change is not good enough: go again.
      if (result.version >= version) return result;
    }
  };
}

/** A meeting as the calendars show it; conference details only where the reader may see them. */
function icsMeeting(row: FeedRow, conferenceVisible: boolean): IcsMeeting {
  const hasConference = row.conferenceUrl !== null || row.conferencePhone !== null;
  return {
    ...row,
    conference:
      conferenceVisible && hasConference && (row.attendance === 'online' || row.attendance === 'hybrid')
        ? { url: row.conferenceUrl, urlNotes: row.conferenceUrlNotes, phone: row.conferencePhone, phoneNotes: row.conferencePhoneNotes }
        : null,
  };
}

export const publicConference = (row: FeedRow) => row.conferenceVisibility === 'public';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function createMeetingFeedsService(ctx: ServiceContext) {
  const { db, config } = ctx;
  const site = () => ({ publicUrl: config.publicUrl, entity: ctx.settings.name(), name: ctx.settings.name() });
  const calendarUrl = (token: string) => `${config.publicUrl}/feeds/calendar/${token}.ics`;

  const meetingGuide = versionedFeed(db, async (tx) => buildMeetingGuideFeed(await feedsRepo.weeklyMeetings(tx), site()));
  const meetingsIcs = versionedFeed(db, async (tx) => {
    const [rows, overrides] = await Promise.all([feedsRepo.calendarMeetings(tx), feedsRepo.overrides(tx, EXCEPTION_DAYS)]);
    return meetingsCalendar(rows.map((r) => icsMeeting(r, publicConference(r))), overrides, site(), `${site().name}: meetings`);
  });

  return {
    /** The Meeting Guide JSON feed of every public weekly meeting. */
    meetingGuide,

    /** Every public meeting as iCalendar. */
    meetingsIcs,

    /** One public meeting as iCalendar; anything else is not found. */
    async meetingIcs(slug: string): Promise<FeedBody> {
      const { version, changedAt } = await feedsRepo.state(db);
      const [row] = await feedsRepo.calendarMeetings(db, slug);
      if (!row) throw notFound();
      const overrides = await feedsRepo.overrides(db, EXCEPTION_DAYS, row.id);
      const body = Buffer.from(meetingsCalendar([icsMeeting(row, publicConference(row))], overrides, site(), row.name), 'utf8');
      return { version, body, etag: etagOf(version, body), lastModified: changedAt };
    },

    async calendarLink(actor: Actor | null) {
      const a = authorize(actor);
      const token = await feedsRepo.calendarTokens.forUser(db, a.userId);
      return { url: token ? calendarUrl(token) : null };
    },

    /** A new private address for the member's calendar; any earlier one stops working. */
    async createCalendarLink(actor: Actor | null) {
      const a = authorize(actor);
      const token = crypto.randomBytes(32).toString('base64url');
      await feedsRepo.calendarTokens.replace(db, a.userId, token);
      return { url: calendarUrl(token) };
    },

    async revokeCalendarLink(actor: Actor | null) {
      const a = authorize(actor);
      await feedsRepo.calendarTokens.remove(db, a.userId);
    },

    /**
     * The member's RSVP'd occurrences, for whoever holds the token: the token is the member's own right, so
     * meetings of members-only groups are included. An unknown or revoked token is not found.
     */
    async memberCalendar(token: string): Promise<string> {
      if (!TOKEN_SHAPE.test(token)) throw notFound();
      const userId = await feedsRepo.calendarTokens.owner(db, token);
      if (!userId) throw notFound();
      const rows = await feedsRepo.rsvps(db, userId, RSVP_DAYS);
      const entries = rows.map((r) => ({
        meeting: icsMeeting(r.meeting, r.conferenceVisible),
        date: r.date,
        override: r.override?.localDate ? r.override : null,
      }));
      return rsvpCalendar(entries, site(), `${site().name}: my meetings`);
    },
  };
}

export type MeetingFeedsService = ReturnType<typeof createMeetingFeedsService>;
