import { eq, sql } from 'drizzle-orm';
import { RESOURCE_CATEGORIES, type ResourceCategory } from '../../../contracts/resources.ts';
import type { Queryable } from '../../db/client.ts';
import { type EntryRow, entryColumns } from './entries-repo.ts';
import { resource } from './tables.ts';

/** An entry exported without an external id is written as `kindred:<its id>`, so the file comes back to it. */
export const OWN_ID_PREFIX = 'kindred:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Directory order: the categories as the contract lists them (crisis lines first), then names. */
const categoryOrder = sql`array_position(${sql.raw(`array[${RESOURCE_CATEGORIES.map((c) => `'${c}'`).join(',')}]::text[]`)}, r.category)`;

/** The text search the directory uses: the generated vector against the words in any of its three configurations. */
export const matchesText = (q: string) =>
  sql`r.search @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;

export const transferRepo = {
  /**
   * The entries an import's external ids name: by `external_id`, or an exported `kindred:<id>` naming a published
   * or archived entry that has none. Answers external id → entry id and status.
   */
  async matches(db: Queryable, externalIds: string[]): Promise<Map<string, { id: string; status: string }>> {
    if (externalIds.length === 0) return new Map();
    const own = externalIds.filter((x) => x.startsWith(OWN_ID_PREFIX) && UUID.test(x.slice(OWN_ID_PREFIX.length))).map((x) => x.slice(OWN_ID_PREFIX.length).toLowerCase());
    const { rows } = await db.execute<{ id: string; status: string; key: string }>(sql`
      select id, status, external_id as key from resource where external_id = any(${sql.param(externalIds)}::text[])
      union all
      select id, status, ${OWN_ID_PREFIX} || id::text as key from resource
       where id = any(${sql.param(own)}::uuid[]) and external_id is null and status in ('published', 'archived')`);
    const byKey = new Map(rows.map((r) => [r.key, { id: r.id, status: r.status }]));
    // `kindred:` ids match whatever case the file wrote the uuid in.
    return new Map(externalIds.flatMap((x) => {
      const hit = byKey.get(x) ?? byKey.get(x.toLowerCase());
      return hit ? [[x, hit] as const] : [];
    }));
  },

  async setStatus(db: Queryable, id: string, status: 'published' | 'archived') {
    await db.update(resource).set({ status, updatedAt: sql`now()` }).where(eq(resource.id, id));
  },

  /** Every published and archived entry, with its opening rows, in directory order. */
  async exportRows(db: Queryable): Promise<EntryRow[]> {
    const { rows } = await db.execute<EntryRow>(sql`
      select ${entryColumns('r')} from resource r where r.status in ('published', 'archived') order by ${categoryOrder}, r.name, r.id`);
    return rows;
  },

  /**
   * The published entries a reader may see (public ones; members-only ones too when signed in), filtered like the
   * directory, in directory order: at most `limit`, with how many there are in all.
   */
  async sheetRows(db: Queryable, f: { signedIn: boolean; category?: ResourceCategory; q?: string; limit: number }): Promise<{ rows: EntryRow[]; total: number }> {
    const where = sql.join(
      [
        sql`r.status = 'published'`,
        ...(f.signedIn ? [] : [sql`r.audience = 'public'`]),
        ...(f.category ? [sql`r.category = ${f.category}`] : []),
        ...(f.q ? [matchesText(f.q)] : []),
      ],
      sql` and `,
    );
    // The page is chosen first, so the opening rows are gathered for the printed entries only.
    const { rows } = await db.execute<EntryRow & { total: number }>(sql`
      with hits as (
        select r.id, count(*) over ()::int as total, row_number() over (order by ${categoryOrder}, r.name, r.id) as n
          from resource r where ${where} order by n limit ${f.limit})
      select ${entryColumns('r')}, h.total from hits h join resource r on r.id = h.id order by h.n`);
    return { rows, total: rows[0]?.total ?? 0 };
  },
};
