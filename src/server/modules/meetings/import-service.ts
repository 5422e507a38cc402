import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { importBody, importReport } from '../../../contracts/meetings.ts';
import { type Actor, authorize, type Rule } from '../../access.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { importRepo, type MeetingInsert, type StoredMeeting } from './feeds-repo.ts';
import { type ImportRow, parseMeetingGuideFeed, type SkippedRow, toSlug } from './meeting-guide-import.ts';

export type ImportReport = z.infer<typeof importReport>;

/** Importing meetings is the coordinators' (it can create groups and change any meeting). */
const mayImport: Rule = (actor) => actor.roles.has('coordinator');

export const FEED_MAX_BYTES = 20 * 1024 * 1024;
const FEED_MAX_ROWS = 20_000;
const FETCH_TIMEOUT_MS = 10_000;

/** A feed address that could not be used; the message says why, for a person. */
export class FeedFetchError extends Error {}

/** A Meeting Guide feed from an http(s) address: 10 seconds, 20 MB and a JSON array at most. */
export async function fetchMeetingGuideFeed(address: string): Promise<unknown[]> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FeedFetchError('This is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedFetchError('Use an address starting with http:// or https://');
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const timedOut = () => new FeedFetchError('The address did not answer within 10 seconds');
  let res: Response;
  try {
    res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'application/json' } });
  } catch {
    throw signal.aborted ? timedOut() : new FeedFetchError('The address could not be reached');
  }
  if (!res.ok) throw new FeedFetchError(`The address answered with status ${res.status}`);
  const tooLarge = () => new FeedFetchError('The feed is larger than 20 MB');
  if (Number(res.headers.get('content-length')) > FEED_MAX_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > FEED_MAX_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof FeedFetchError) throw err;
    throw signal.aborted ? timedOut() : new FeedFetchError('The feed could not be read to the end');
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new FeedFetchError('The address did not give JSON');
  }
  if (!Array.isArray(data)) throw new FeedFetchError('The address gave JSON, but not an array of meetings');
  if (data.length > FEED_MAX_ROWS) throw new FeedFetchError('The feed has more than 20,000 meetings');
  return data;
}

/** The meeting's columns as the import writes them; fields the format does not carry (languages) are left alone. */
function columnsOf(m: ImportRow['meeting'], groupId: string) {
  return {
    groupId,
    slug: m.slug,
    name: m.name,
    days: m.schedule.kind === 'weekly' ? m.schedule.days : [],
    onceOn: null,
    startTime: m.startTime,
    endTime: m.endTime,
    timeZone: m.timeZone,
    attendance: m.attendance,
    locationName: m.location?.name ?? '',
    formattedAddress: m.location?.formattedAddress ?? null,
    latitude: m.location?.latitude ?? null,
    longitude: m.location?.longitude ?? null,
    locationNotes: m.location?.notes ?? '',
    region: m.location?.region ?? '',
    approximateAddress: m.approximateAddress,
    conferenceUrl: m.conference?.url ?? null,
    conferenceUrlNotes: m.conference?.urlNotes ?? '',
    conferencePhone: m.conference?.phone ?? null,
    conferencePhoneNotes: m.conference?.phoneNotes ?? '',
    types: m.types,
    customTypes: m.customTypes,
    notes: m.notes,
    readings: m.readings,
  } satisfies MeetingInsert;
}
type MeetingColumns = ReturnType<typeof columnsOf>;

const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b);
const sorted = (days: readonly number[]) => [...days].sort((a, b) => a - b);

function isUnchanged(stored: StoredMeeting, next: MeetingColumns): boolean {
  const current: Record<string, unknown> = { ...stored, days: sorted(stored.days) };
  return (Object.keys(next) as (keyof MeetingColumns)[]).every((k) => sameValue(current[k], k === 'days' ? sorted(next.days) : next[k]));
}

/** The group a row belongs to: a live group of that name, or a new public, open, twelve-step one. */
async function groupFor(tx: Queryable, row: ImportRow, known: Map<string, string>): Promise<string> {
  const key = row.groupName.toLowerCase();
  let id = known.get(key) ?? (await importRepo.groupByName(tx, row.groupName));
  if (!id) {
    const base = toSlug(row.groupName) || 'group';
    const taken = await importRepo.groupSlugsLike(tx, base);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    id = await importRepo.createGroup(tx, { slug, name: row.groupName, description: row.groupNotes });
  }
  known.set(key, id);
  return id;
}

/**
 * Writes a feed's meetings in one transaction: new slugs are created, known ones updated when something differs,
 * so importing the same feed twice changes nothing the second time. The audit log gets the counts only.
 */
export async function importMeetingGuideFeed(db: Db, feed: unknown, opts: { actorId: string | null; via: 'api' | 'cli'; defaultTimeZone?: string }): Promise<ImportReport> {
  const parsed = parseMeetingGuideFeed(feed, { defaultTimeZone: opts.defaultTimeZone });
  const skipped: SkippedRow[] = [...parsed.skipped];
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await db.transaction(async (tx) => {
    // One import at a time: two at once would race to create the same slugs.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kindred.meetings.import'))`);
    const existing = await importRepo.meetingsBySlug(tx, parsed.rows.map((r) => r.slug));
    const groups = new Map<string, string>();
    const inserts: MeetingInsert[] = [];
    for (const row of parsed.rows) {
      const stored = existing.get(row.slug);
      if (stored?.archivedAt) {
        skipped.push({ row: row.row, slug: row.slug, reason: 'A meeting with this slug was archived here; restore it before importing it again' });
        continue;
      }
      const next = columnsOf(row.meeting, await groupFor(tx, row, groups));
      if (!stored) {
        inserts.push(next);
        counts.created++;
      } else if (isUnchanged(stored, next)) {
        counts.unchanged++;
      } else {
        await importRepo.updateMeeting(tx, stored.id, next);
        counts.updated++;
      }
    }
    await importRepo.insertMeetings(tx, inserts);
    await auditRepo.record(tx, { actorId: opts.actorId, action: 'meetings.imported', details: { ...counts, skipped: skipped.length, via: opts.via } });
  });
  return { ...counts, skipped: skipped.sort((a, b) => a.row - b.row) };
}

export function createMeetingImportService(ctx: ServiceContext) {
  return {
    /** A coordinator imports a feed given inline or by address; a bad address is a 422 on `url`. */
    async importFeed(actor: Actor | null, body: z.output<typeof importBody>): Promise<ImportReport> {
      const a = authorize(actor, mayImport, undefined);
      let feed: unknown[];
      if ('url' in body) {
        try {
          feed = await fetchMeetingGuideFeed(body.url);
        } catch (err) {
          if (err instanceof FeedFetchError) throw validationFailed({ url: err.message });
          throw err;
        }
      } else {
        feed = body.feed;
      }
      // Kindred has no instance-wide time zone setting yet, so every row must name its own.
      return importMeetingGuideFeed(ctx.db, feed, { actorId: a.userId, via: 'api' });
    },
  };
}
