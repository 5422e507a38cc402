import { eq, type SQL, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Locale } from '../../../contracts/common.ts';
import type { Queryable } from '../../db/client.ts';
import type { NormalizedResource } from './entries-input.ts';
import type { HoursRow } from './hours.ts';
import { resource, resourceHours } from './tables.ts';

/** Timestamps leave the database as ISO strings (raw queries do not parse them). */
export const isoOf = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An entry as the presenters read it: its normalised content and hours, and what the directory keeps about it (a type
 * alias, not an interface, so raw queries accept it as a row). */
export type EntryRow = NormalizedResource & {
  id: string;
  status: string;
  origin: string;
  externalId: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The columns of EntryRow, hours included, from `resource` aliased `r`. */
export function entryColumns(r = 'r'): SQL {
  const e = sql.raw(r);
  return sql`${e}.id, ${e}.name, ${e}.category, ${e}.description, ${e}.audience, ${e}.status, ${e}.origin, ${e}.locale, ${e}.translations,
    ${e}.phone, ${e}.text_number as "textNumber", ${e}.text_keyword as "textKeyword", ${e}.website, ${e}.address, ${e}.latitude, ${e}.longitude,
    ${e}.time_zone as "timeZone", ${e}.always_open as "alwaysOpen", ${e}.languages, ${e}.costs, ${e}.cost_note as "costNote",
    ${e}.eligibility, ${e}.in_person as "inPerson", ${e}.online, ${e}.crisis_screen as "crisisScreen", ${e}.external_id as "externalId",
    ${isoOf(sql`${e}.verified_at`)} as "verifiedAt", ${e}.verified_by as "verifiedBy",
    ${isoOf(sql`${e}.created_at`)} as "createdAt", ${isoOf(sql`${e}.updated_at`)} as "updatedAt",
    coalesce((select json_agg(json_build_object('day', h.day, 'opens', h.opens, 'closes', h.closes) order by h.day, h.opens)
              from resource_hours h where h.resource_id = ${e}.id), '[]'::json) as hours`;
}

/** What the one who writes an entry decides about it, beside its content. */
export interface EntryMeta {
  status: 'published' | 'suggested' | 'rejected' | 'archived';
  origin: 'starter' | 'coordinator' | 'suggestion' | 'import';
  externalId?: string | null;
  verifiedAt?: Date | null;
  verifiedBy?: string | null;
  suggestedBy?: string | null;
}

/** Enough of a database handle to write entries: the starter seed and the import pass their transaction. */
type Writer = Pick<NodePgDatabase, 'insert'>;
type Replacer = Pick<NodePgDatabase, 'insert' | 'update' | 'delete'>;

const columnsOf = ({ hours: _hours, ...columns }: NormalizedResource) => columns;

async function insertHours(db: Writer, resourceId: string, hours: HoursRow[]) {
  if (hours.length) await db.insert(resourceHours).values(hours.map((h) => ({ resourceId, day: h.day, opens: h.opens, closes: h.closes })));
}

/** A person's own suggestions, newest first. */
export type SuggestionRow = { id: string; name: string; category: string; status: string; reviewNote: string | null; createdAt: string };

export const entriesRepo = {
  /** A new entry and its opening rows; answers its id. */
  async insert(db: Writer, value: NormalizedResource, meta: EntryMeta): Promise<string> {
    const [row] = await db
      .insert(resource)
      .values({
        ...columnsOf(value),
        status: meta.status,
        origin: meta.origin,
        externalId: meta.externalId ?? null,
        verifiedAt: meta.verifiedAt ?? null,
        verifiedBy: meta.verifiedBy ?? null,
        suggestedBy: meta.suggestedBy ?? null,
      })
      .returning({ id: resource.id });
    await insertHours(db, row!.id, value.hours);
    return row!.id;
  },

  /** Replaces an entry's content and opening rows (status, origin and verification stay). */
  async replace(db: Replacer, id: string, value: NormalizedResource): Promise<void> {
    await db
      .update(resource)
      .set({ ...columnsOf(value), updatedAt: sql`now()` })
      .where(eq(resource.id, id));
    await db.delete(resourceHours).where(eq(resourceHours.resourceId, id));
    await insertHours(db, id, value.hours);
  },

  /** One entry whatever its status (the service decides who may read it), with its verifier's display name. */
  async find(db: Queryable, id: string): Promise<(EntryRow & { verifierName: string | null; suggestedBy: string | null }) | null> {
    const { rows } = await db.execute<EntryRow & { verifierName: string | null; suggestedBy: string | null }>(sql`
      select ${entryColumns('r')}, r.suggested_by as "suggestedBy", (select u.name from "user" u where u.id = r.verified_by) as "verifierName"
      from resource r where r.id = ${id}`);
    return rows[0] ?? null;
  },

  /** Locks the entry's row for a decision; answers its status, origin and who suggested it. */
  async lock(db: Queryable, id: string) {
    const { rows } = await db.execute<{ status: string; origin: string; suggestedBy: string | null }>(
      sql`select status, origin, suggested_by as "suggestedBy" from resource where id = ${id} for update`,
    );
    return rows[0] ?? null;
  },

  async verify(db: Queryable, id: string, by: string) {
    await db.update(resource).set({ verifiedAt: sql`now()`, verifiedBy: by }).where(eq(resource.id, id));
  },

  async archive(db: Queryable, id: string) {
    await db.update(resource).set({ status: 'archived', updatedAt: sql`now()` }).where(eq(resource.id, id));
  },

  /** A reviewer's decision on a suggestion: published (not yet verified: coordinators see it to re-verify) or rejected. */
  async decideSuggestion(db: Queryable, id: string, d: { status: 'published' | 'rejected'; by: string; note: string | null }) {
    await db
      .update(resource)
      .set({ status: d.status, reviewedBy: d.by, reviewedAt: sql`now()`, reviewNote: d.note, updatedAt: sql`now()` })
      .where(eq(resource.id, id));
  },

  async suggestionsOf(db: Queryable, userId: string): Promise<SuggestionRow[]> {
    const { rows } = await db.execute<SuggestionRow>(sql`
      select r.id, r.name, r.category, r.status, r.review_note as "reviewNote", ${isoOf(sql`r.created_at`)} as "createdAt"
      from resource r where r.suggested_by = ${userId} order by r.created_at desc, r.id desc limit 200`);
    return rows;
  },
};
