import { and, arrayContains, arrayOverlaps, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/common.ts';
import type { CopingLibraryStrategy } from '../../../contracts/resources.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { copingStrategy } from '../journey/tables.ts';
import { mentorship } from '../mentoring/tables.ts';
import { copingLibraryHelped, copingLibraryStrategy as strategy, resource } from './tables.ts';

type When = CopingLibraryStrategy['whenHelps'][number];

/**
 * The strategy's id written out with its table: drizzle leaves columns unqualified in a select list, where a
 * subquery on another table with its own `id` would otherwise read that one.
 */
const strategyId = sql`${strategy}.id`;

/** The library is small (a starter set and what members write); a list stops here rather than paging. */
const LIST_MAX = 200;

/**
 * A strategy as one reader sees it. The count of "this helped me" is public; whether the reader marked it or saved
 * it is theirs alone, so both are computed for that one reader and nobody else's marks are ever read out.
 */
function columnsFor(readerId: string | null) {
  const helpedByMe = readerId
    ? sql<boolean>`exists (select 1 from ${copingLibraryHelped} h where h.strategy_id = ${strategyId} and h.user_id = ${readerId})`
    : sql<boolean>`false`;
  const saved = readerId
    ? sql<boolean>`exists (select 1 from ${copingStrategy} t where t.library_strategy_id = ${strategyId} and t.user_id = ${readerId})`
    : sql<boolean>`false`;
  return {
    id: strategy.id,
    title: strategy.title,
    summary: strategy.summary,
    whenHelps: strategy.whenHelps,
    steps: strategy.steps,
    locale: strategy.locale,
    source: strategy.source,
    programme: strategy.programme,
    status: strategy.status,
    authorId: strategy.authorId,
    reviewNote: strategy.reviewNote,
    createdAt: strategy.createdAt,
    helpedCount: helpedCount(),
    helpedByMe,
    saved,
  };
}

const helpedCount = () => sql<number>`(select count(*) from ${copingLibraryHelped} h where h.strategy_id = ${strategyId})`.mapWith(Number);

export type StrategyRow = NonNullable<Awaited<ReturnType<typeof libraryRepo.find>>>;

/** The row as the contract's shape: `mine` for its author, the review note only for its author and reviewers. */
export function presentStrategy(row: StrategyRow, reader: { userId: string | null; reviewer: boolean }): CopingLibraryStrategy {
  const mine = row.authorId !== null && row.authorId === reader.userId;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    whenHelps: row.whenHelps as When[],
    steps: row.steps,
    locale: row.locale as Locale,
    source: row.source as CopingLibraryStrategy['source'],
    programme: row.programme,
    status: row.status as CopingLibraryStrategy['status'],
    helpedCount: row.helpedCount,
    helpedByMe: Boolean(row.helpedByMe),
    saved: Boolean(row.saved),
    mine,
    reviewNote: mine || reader.reviewer ? row.reviewNote : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `%` and `_` in what a person typed are letters, not wildcards. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface LibraryFilter {
  /** Null when signed out: the approved library only. */
  readerId: string | null;
  locale: Locale;
  when?: When;
  q?: string;
  /** Also the reader's own strategies, of any status and language. */
  mine?: boolean;
}

export const libraryRepo = {
  async list(db: Queryable, f: LibraryFilter) {
    const approved = and(eq(strategy.status, 'approved'), eq(strategy.locale, f.locale));
    const conditions: (SQL | undefined)[] = [f.mine && f.readerId ? or(approved, eq(strategy.authorId, f.readerId)) : approved];
    if (f.when) conditions.push(arrayContains(strategy.whenHelps, [f.when]));
    if (f.q) {
      const like = likeText(f.q);
      conditions.push(or(ilike(strategy.title, like), ilike(strategy.summary, like), sql`array_to_string(${strategy.steps}, ' ') ilike ${like}`));
    }
    return db
      .select(columnsFor(f.readerId))
      .from(strategy)
      .where(and(...conditions))
      .orderBy(desc(helpedCount()), asc(strategy.title), asc(strategy.id))
      .limit(LIST_MAX);
  },

  /** One strategy of any status; the service decides who may see it. */
  async find(db: Queryable, id: string, readerId: string | null = null) {
    const [row] = await db.select(columnsFor(readerId)).from(strategy).where(eq(strategy.id, id));
    return row;
  },

  async insert(db: Queryable, v: typeof strategy.$inferInsert): Promise<string> {
    const [row] = await db.insert(strategy).values(v).returning({ id: strategy.id });
    return row!.id;
  },

  async remove(db: Queryable, id: string) {
    await db.delete(strategy).where(eq(strategy.id, id));
  },

  /** The reviewer's decision; answers the status it had before (to notify the author only on the first approval). */
  async review(db: Queryable, id: string, v: { status: 'approved' | 'rejected' | 'hidden'; reviewedBy: string; reviewNote: string | null }) {
    const [before] = await db.select({ status: strategy.status, authorId: strategy.authorId }).from(strategy).where(eq(strategy.id, id)).for('update');
    if (!before) return undefined;
    await db
      .update(strategy)
      .set({ ...v, reviewedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(strategy.id, id));
    return before;
  },

  /** Marks only an approved strategy (checked in the same statement, so one removed meanwhile is simply not marked). */
  async setHelped(db: Queryable, id: string, userId: string, helped: boolean) {
    if (helped) {
      await db.execute(sql`
        insert into ${copingLibraryHelped} (strategy_id, user_id)
        select ${strategy.id}, ${userId} from ${strategy} where ${strategy.id} = ${id} and ${strategy.status} = 'approved'
        on conflict do nothing`);
    } else await db.delete(copingLibraryHelped).where(and(eq(copingLibraryHelped.strategyId, id), eq(copingLibraryHelped.userId, userId)));
  },

  /** The member's toolbox item saved from this strategy, if they still have it. */
  async savedItem(db: Queryable, userId: string, libraryStrategyId: string) {
    const [row] = await db
      .select({ id: copingStrategy.id, title: copingStrategy.title, steps: copingStrategy.steps, position: copingStrategy.position })
      .from(copingStrategy)
      .where(and(eq(copingStrategy.userId, userId), eq(copingStrategy.libraryStrategyId, libraryStrategyId)));
    return row;
  },

  /** Keeps the strategy from being deleted until the toolbox item linked to it is written; false when it is gone. */
  async holdForSave(db: Queryable, id: string): Promise<boolean> {
    const [row] = await db.select({ id: strategy.id }).from(strategy).where(eq(strategy.id, id)).for('key share');
    return row !== undefined;
  },

  /** Marks a toolbox item as saved from the library (the journey's own append wrote it). */
  async linkToolboxItem(db: Queryable, itemId: string, libraryStrategyId: string) {
    await db.update(copingStrategy).set({ libraryStrategyId }).where(eq(copingStrategy.id, itemId));
  },

  /**
   * Up to `limit` approved strategies in the member's language for any of these moments, most helped first, leaving
   * out the ones already in their toolbox. One query: the check-in answer waits on it.
   */
  async suggestions(db: Queryable, userId: string, locale: Locale, whens: When[], limit: number) {
    return db
      .select(columnsFor(userId))
      .from(strategy)
      .where(
        and(
          eq(strategy.status, 'approved'),
          eq(strategy.locale, locale),
          arrayOverlaps(strategy.whenHelps, whens),
          sql`not exists (select 1 from ${copingStrategy} t where t.library_strategy_id = ${strategyId} and t.user_id = ${userId})`,
        ),
      )
      .orderBy(desc(helpedCount()), asc(strategy.createdAt), asc(strategy.id))
      .limit(limit);
  },

  // ── Sending to a mentee ──

  /** True when `mentorId` is the mentor of an active relationship with `menteeId` (paused, ended and others are not). */
  async mentorsActively(db: Queryable, mentorId: string, menteeId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: mentorship.id })
      .from(mentorship)
      .where(and(eq(mentorship.mentorId, mentorId), eq(mentorship.menteeId, menteeId), eq(mentorship.status, 'active')))
      .limit(1);
    return row !== undefined;
  },

  /** A directory entry any member may read: published, for the public or for members. */
  async publishedEntryExists(db: Queryable, id: string): Promise<boolean> {
    const [row] = await db.select({ id: resource.id }).from(resource).where(and(eq(resource.id, id), eq(resource.status, 'published')));
    return row !== undefined;
  },
};

/** Members' strategies waiting for review, oldest first (the reviewers' work list; authors are not named). */
export async function listPendingStrategies(db: Db): Promise<CopingLibraryStrategy[]> {
  const rows = await db.select(columnsFor(null)).from(strategy).where(eq(strategy.status, 'pending')).orderBy(asc(strategy.createdAt), asc(strategy.id));
  return rows.map((row) => presentStrategy(row, { userId: null, reviewer: true }));
}
