import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { readableCategory } from './visibility.ts';

/** A category the searcher may read, with the name results show. */
export interface SearchCategory {
  id: string;
  name: string;
}

/** One post found, before the presenter decides what of its author the searcher may see. */
export interface SearchHit extends Record<string, unknown> {
  post_id: string;
  topic_id: string;
  number: number;
  title: string;
  category_id: string;
  author_id: string | null;
  author_name: string | null;
  anonymous: boolean;
  created_at: Date;
  /** ts_headline's fragment of the post's HTML: still HTML-escaped text, matches between the sentinels below. */
  headline: string;
}

/** Private-use characters ts_headline puts around matches; removed from the text first, so only it can place them. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * How the search finds its candidates over a large forum (docs/community.md, "Search"). The full-text (GIN) index
 * knows which posts match but not which are newest, and every match it gives is a row read somewhere in the table:
 * cheap for a rare word, hundreds of milliseconds for a word in tens of thousands of posts. Reading the newest posts
 * in order is cheap per row (they are the pages in memory) and finds a common word's candidates quickly.
 */
export const SEARCH_TUNING = {
  /** Only the newest this many matches are ranked (ids are UUIDv7: id order is time order). */
  candidates: 50,
  /** How many of the newest posts are read in order before the index is asked for older matches. */
  recentWindow: 30_000,
  /**
   * At most this many matches by the planner's statistics (an upper bound: the frequencies of all the query's words
   * added up): the index is asked directly, without reading the newest posts first. No statistics yet (a new forum,
   * never analyzed) counts as none.
   */
  rareMatches: 3000,
};

/** The searcher's words in both languages: a Spanish post is found by Spanish stems, an English one by English ones. */
const tsquery = (q: string): SQL => sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;

/**
 * An upper bound of the posts the query matches, from the statistics ANALYZE keeps of forum_post.search: the sum of
 * the frequencies of every word in the query (a word they do not list is rarer than the rarest they do), times the
 * rows. Null without statistics. A sum never underestimates, unlike the planner's own guess for a phrase or for words
 * that go together ("fines de semana" was guessed at 1,000 posts and is in 31,000).
 */
const matchesBound = (q: SQL): SQL => sql`case
  -- "-word" matches every post without the word: no bound (the index would read most of the table).
  when position('!' in ${q}::text) > 0 then 'Infinity'::float8
  else (
    select (select reltuples from pg_class where oid = 'forum_post'::regclass)
         * sum(coalesce(s.freqs[array_position(s.elems, w.lexeme)], s.freqs[array_length(s.elems, 1) + 1]))
    from (select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats
          where schemaname = current_schema() and tablename = 'forum_post' and attname = 'search') s,
         (select distinct replace(m[1], '''''', '''') as lexeme
          from regexp_matches(${q}::text, '''((?:[^'']|'''')+)''', 'g') m) w)
  end`;

/** One excerpt of 15-35 words around the best match (the whole post when it is short). */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=3`;

export interface SearchFilter {
  q: string;
  categoryIds: string[];
  statuses: string[];
  limit: number;
}

export const searchRepo = {
  /**
   * The categories this person may read (readableCategory), resolved once per search so the post query filters on a
   * short list of ids instead of evaluating the rule per post. `only` narrows to one category.
   */
  async readableCategories(db: Queryable, actor: Actor | null, only?: string): Promise<SearchCategory[]> {
    const { rows } = await db.execute<SearchCategory & Record<string, unknown>>(sql`
      select c.id, c.name from forum_category c
      where ${readableCategory(actor, 'c')} ${only ? sql`and c.id = ${only}` : sql``}`);
    return rows;
  },

  /**
   * Posts matching `q` in the given categories with the given statuses (post and topic), best first: posts whose
   * title alone matches, then ts_rank_cd, then the newest. Candidates are filtered by category and status before they
   * count, so what one searcher gets never depends on posts they may not read. A rare query goes to the index
   * directly; any other reads the newest posts first and asks the index only when they held too few matches. Only the
   * final page gets a headline (the costly part).
   *
   * The plan is pinned for the transaction, as the planner cannot guess how many posts a query matches (the query is
   * a parameter): no sequential scan (the index step must use the index), topics joined by their key one match at a
   * time (never by hashing every readable topic), no parallel workers (starting one costs more than these queries).
   */
  async search(db: Db, f: SearchFilter, tuning = SEARCH_TUNING): Promise<SearchHit[]> {
    const q = tsquery(f.q);
    const { candidates, recentWindow, rareMatches } = tuning;
    return db.transaction(async (tx) => {
      const { rows: bound } = await tx.execute<{ matches: number | null }>(sql`
        select set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
               set_config('max_parallel_workers_per_gather', '0', true), ${matchesBound(q)} as matches`);
      const rare = (bound[0]?.matches ?? 0) <= rareMatches;
      const postShown = sql`p.status = any(${sql.param(f.statuses)}::text[])`;
      const topicShown = sql`t.status = any(${sql.param(f.statuses)}::text[]) and t.category_id = any(${sql.param(f.categoryIds)}::uuid[])`;
      const postColumns = sql`id, topic_id, number, author_id, anonymous, locale, created_at, search, status`;
      const columns = sql`p.id, p.topic_id, p.number, p.author_id, p.anonymous, p.locale, p.created_at, p.search, t.title, t.category_id`;
      // Through the index: every match is read and sorted newest first, then topics are looked up in that order until
      // enough are readable (a lookup per match would read as many topic pages again). Ordering by created_at keeps the
      // planner off a backward walk of the primary key, which would read the whole table for a word rarer than it guessed.
      const fromIndex = (when: SQL) => sql`
        select ${columns}
        from (select ${postColumns} from forum_post p where ${when} and p.search @@ (select q from query) and ${postShown}
              order by p.created_at desc, p.id desc) p
        join forum_topic t on t.id = p.topic_id
        where ${topicShown}
        order by p.created_at desc, p.id desc limit ${candidates}`;
      const found = rare
        ? sql`candidates as (${fromIndex(sql`true`)})`
        : sql`recent as (
            select ${columns}
            from (select ${postColumns} from forum_post order by id desc limit ${recentWindow}) p join forum_topic t on t.id = p.topic_id
            where p.search @@ (select q from query) and ${postShown} and ${topicShown}
            order by p.id desc limit ${candidates}
          ), older as (${fromIndex(sql`(select count(*) from recent) < ${candidates}`)}),
          candidates as (select * from recent where (select count(*) from recent) >= ${candidates} union all select * from older)`;
      const { rows } = await tx.execute<SearchHit>(sql`
        with query as (select ${q} as q), ${found},
        ranked as (
          select c.*, ts_filter(c.search, '{a}') @@ (select q from query) as in_title, ts_rank_cd(c.search, (select q from query), 1) as rank
          from candidates c
          order by in_title desc, rank desc, c.id desc
          limit ${f.limit}
        )
        select r.id as post_id, r.topic_id, r.number, r.title, r.category_id, r.author_id, u.name as author_name, r.anonymous, r.created_at,
               ts_headline(case when r.locale = 'es' then 'spanish'::regconfig else 'english'::regconfig end,
                           translate(p.html, ${MARK_START + MARK_END}, ''), (select q from query), ${HEADLINE_OPTIONS}) as headline
        from ranked r
        join forum_post p on p.id = r.id
        left join "user" u on u.id = r.author_id
        order by r.in_title desc, r.rank desc, r.id desc`);
      return rows;
    });
  },
};
