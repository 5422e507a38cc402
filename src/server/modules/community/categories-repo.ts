import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { readableCategory } from './visibility.ts';

/** Timestamps leave the database as ISO strings (raw queries do not parse them). */
export const isoOf = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A category and the reader's place in it (type aliases, not interfaces, so raw queries accept them as rows). */
export type CategoryPlace = {
  id: string;
  slug: string;
  name: string;
  description: string;
  readAccess: 'public' | 'members' | 'group';
  postAccess: 'members' | 'group' | 'moderators';
  groupId: string | null;
  locale: 'en' | 'es';
  celebrations: boolean;
  position: number;
  archivedAt: string | null;
  /** The reader is an active member of the category's group. */
  inGroup: boolean;
};
export type CategoryRow = CategoryPlace & { topicCount: number; lastPostedAt: string | null };

/** The columns of a category as CategoryRow, with the reader's group membership. `c`: forum_category. */
export function categoryColumns(actor: Actor | null, c = 'c'): SQL {
  const cat = sql.raw(c);
  const inGroup = actor
    ? sql`exists (select 1 from group_member gm where gm.group_id = ${cat}.group_id and gm.user_id = ${actor.userId} and gm.status = 'active')`
    : sql`false`;
  return sql`${cat}.id, ${cat}.slug, ${cat}.name, ${cat}.description, ${cat}.read_access as "readAccess", ${cat}.post_access as "postAccess",
    ${cat}.group_id as "groupId", ${cat}.locale, ${cat}.celebrations, ${cat}.position, ${isoOf(sql`${cat}.archived_at`)} as "archivedAt",
    ${inGroup} as "inGroup"`;
}

/** Visible topics of the category (held and hidden ones are not counted) and the last activity among them. */
const topicStats = (c = 'c') => sql`lateral (
  select count(*)::int as "topicCount", ${isoOf(sql`max(st.last_posted_at)`)} as "lastPostedAt"
  from forum_topic st where st.category_id = ${sql.raw(c)}.id and st.status = 'visible') s`;

export const categoriesRepo = {
  /** Categories this reader may read (archived ones only for moderators), in their order. */
  async list(db: Queryable, actor: Actor | null): Promise<CategoryRow[]> {
    const res = await db.execute<CategoryRow>(sql`
      select ${categoryColumns(actor)}, s."topicCount", s."lastPostedAt"
      from forum_category c cross join ${topicStats()}
      where ${readableCategory(actor)}
      order by c.archived_at is not null, c.position, c.name`);
    return res.rows;
  },

  /** One category by id or slug, whether or not the reader may read it (the service decides, 404 either way). */
  async find(db: Queryable, actor: Actor | null, idOrSlug: string): Promise<CategoryRow | null> {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const res = await db.execute<CategoryRow>(sql`
      select ${categoryColumns(actor)}, s."topicCount", s."lastPostedAt"
      from forum_category c cross join ${topicStats()}
      where ${isId ? sql`c.id = ${idOrSlug}` : sql`c.slug = ${idOrSlug}`}`);
    return res.rows[0] ?? null;
  },

  /** Visible topics of one category and the last activity among them. */
  async stats(db: Queryable, categoryId: string): Promise<{ topicCount: number; lastPostedAt: string | null }> {
    const res = await db.execute<{ topicCount: number; lastPostedAt: string | null }>(sql`
      select s."topicCount", s."lastPostedAt" from (select ${categoryId}::uuid as id) c cross join ${topicStats()}`);
    return res.rows[0]!;
  },

  async insert(
    db: Queryable,
    v: { slug: string; name: string; description: string; readAccess: string; postAccess: string; groupId: string | null; locale: string; celebrations: boolean; position: number },
  ): Promise<string> {
    const id = newId();
    await db.execute(sql`
      insert into forum_category (id, slug, name, description, read_access, post_access, group_id, locale, celebrations, position)
      values (${id}, ${v.slug}, ${v.name}, ${v.description}, ${v.readAccess}, ${v.postAccess}, ${v.groupId}, ${v.locale}, ${v.celebrations}, ${v.position})`);
    return id;
  },

  async update(
    db: Queryable,
    id: string,
    patch: Partial<{ name: string; description: string; readAccess: string; postAccess: string; groupId: string | null; locale: string; celebrations: boolean; position: number; archived: boolean }>,
  ) {
    const sets: SQL[] = [sql`updated_at = now()`];
    const column = { name: 'name', description: 'description', readAccess: 'read_access', postAccess: 'post_access', groupId: 'group_id', locale: 'locale', celebrations: 'celebrations', position: 'position' } as const;
    for (const [key, col] of Object.entries(column)) {
      const value = patch[key as keyof typeof column];
      if (value !== undefined) sets.push(sql`${sql.raw(col)} = ${value}`);
    }
    if (patch.archived !== undefined) sets.push(patch.archived ? sql`archived_at = coalesce(archived_at, now())` : sql`archived_at = null`);
    await db.execute(sql`update forum_category set ${sql.join(sets, sql`, `)} where id = ${id}`);
  },

  async groupExists(db: Queryable, groupId: string): Promise<boolean> {
    const res = await db.execute(sql`select 1 from support_group where id = ${groupId}`);
    return res.rows.length > 0;
  },
};
