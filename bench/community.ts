// The community forum benchmark (issue 6's "Done when"): a topic page with 200 replies over HTTP (autocannon, signed
// in as a member) and search over ~1,000,000 posts (the search service in this process, a realistic mix of queries
// and searchers, one at a time). The forum is built by bench/community-data.ts.
// Alone: `npx tsx bench/community.ts` (its own embedded PostgreSQL and an API-only server; see bench/README.md).
import fs from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { SeededRandom } from '../src/cli/demo/random.ts';
import type { Actor } from '../src/server/access.ts';
import type { Db } from '../src/server/db/client.ts';
import type { ServiceContext } from '../src/server/modules/context.ts';
import * as schema from '../src/server/db/schema.ts';
import { SEARCH_TUNING } from '../src/server/modules/community/search-repo.ts';
import { createSearchService } from '../src/server/modules/community/search-service.ts';
import { type CommunityLoad, type CommunityWorld, communityWorld, createPageTopic, loadCommunityData, phrasePools, withClient } from './community-data.ts';
import { createCoordinator, type Instance, signIn } from './kindred.ts';
import type { RouteResult } from './load.ts';

export const COMMUNITY_TARGETS = { topicPageReqPerSec: 800, searchP99Ms: 50 };

/** Loads one route with autocannon (bench/load.ts), the way run.ts does for every HTTP measurement. */
export type LoadRoute = (label: string, path: string, headers?: Record<string, string>) => Promise<RouteResult>;

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SearchKindResult extends LatencyStats {
  kind: string;
  examples: string[];
  /** Results per search, on average (the page size is 20). */
  meanResults: number;
}

export interface QueryPlanText {
  label: string;
  executionMs: number;
  text: string;
}

export interface CommunityResults {
  data: CommunityLoad | { cached: true; posts: number; topics: number; spanishPosts: number };
  topicPage: ({ replies: number; route: RouteResult } | { replies: number; error: string }) & { plans?: QueryPlanText[] };
  search: {
    overall: LatencyStats;
    kinds: SearchKindResult[];
    searchers: Record<string, number>;
    candidates: number;
    /** The slowest searches: the query, who searched, and the worst time it took. */
    slowest: Array<{ q: string; searcher: string; ms: number }>;
    plans: QueryPlanText[];
  };
}

const SEARCH_KINDS = (rare: string[]) => ({
  'one common word': ['craving', 'sponsor', 'meeting', 'tonight', 'sleep', 'family', 'anxiety', 'days', 'grateful', 'relapse'],
  'two words': ['sleep anxiety', 'family dinner', 'first meeting', 'cold shower', 'urge surfing', 'work party', 'craving -alcohol', 'sponsor step'],
  'less common word': ['mail', 'license', 'dog', 'debt', 'daughter', 'cristal', 'gabapentin', 'naltrexone'],
  'rare word': rare,
  Spanish: ['ganas', 'consumiendo', 'recaída', 'reunión familia', 'padrino', 'fines de semana', 'antojos', 'cerveza'],
  phrase: ['"one day at a time"', '"called my sponsor"', '"un día a la vez"', '"first meeting"', '"the craving passed"', '"pink cloud"'],
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;
function stats(times: number[]): LatencyStats {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? 0) };
}

const actor = (userId: string, roles: string[]): Actor => ({ userId, sessionId: 'bench', roles: new Set(roles) as Actor['roles'] });

/** Who searches: mostly members, then people signed out, members of the group behind 12-Step Study, moderators. */
function searchers(world: CommunityWorld) {
  return {
    member: { weight: 60, actor: actor(world.memberId, ['member']) },
    'signed out': { weight: 25, actor: null },
    'group member': { weight: 10, actor: actor(world.groupMemberId, ['member']) },
    moderator: { weight: 5, actor: actor(world.moderatorId, ['member', 'moderator']) },
  };
}

/**
 * The search service in this process against the loaded forum: `requests` searches one at a time, kinds in turn,
 * queries and searchers drawn with a fixed seed; then EXPLAIN ANALYZE of the post query for one query of each kind.
 */
export async function measureSearch(dbUrl: string, requests: number, progress: (line: string) => void): Promise<CommunityResults['search']> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  let capture = false;
  const logger = { logQuery: (query: string, params: unknown[]) => capture && statements.push({ sql: query, params }) };
  try {
    const world = await communityWorld(dbUrl);
    const service = createSearchService({ db: drizzle(pool, { schema, logger }) as unknown as Db });
    const kinds = SEARCH_KINDS(phrasePools().rare.slice(0, 12));
    const who = searchers(world);
    const r = new SeededRandom(606);
    const kindNames = Object.keys(kinds) as (keyof typeof kinds)[];
    const draw = (i: number) => {
      const kind = kindNames[i % kindNames.length]!;
      const name = r.weighted(Object.fromEntries(Object.entries(who).map(([k, v]) => [k, v.weight])) as Record<keyof typeof who, number>);
      return { kind, q: r.pick(kinds[kind]), searcher: name, actor: who[name].actor };
    };
    progress('community: search warm-up (50 searches)');
    for (let i = 0; i < 50; i++) {
      const d = draw(i);
      await service.search(d.actor, { q: d.q, limit: 20 });
    }
    progress(`community: ${requests} searches, one at a time`);
    const times: number[] = [];
    const byKind = new Map<string, { times: number[]; results: number }>();
    const bySearcher: Record<string, number> = {};
    const worst = new Map<string, { q: string; searcher: string; ms: number }>();
    for (let i = 0; i < requests; i++) {
      const d = draw(i);
      const t0 = performance.now();
      const { results } = await service.search(d.actor, { q: d.q, limit: 20 });
      const ms = performance.now() - t0;
      times.push(ms);
      const k = byKind.get(d.kind) ?? { times: [], results: 0 };
      k.times.push(ms);
      k.results += results.length;
      byKind.set(d.kind, k);
      bySearcher[d.searcher] = (bySearcher[d.searcher] ?? 0) + 1;
      const key = `${d.q}\u0000${d.searcher}`;
      if ((worst.get(key)?.ms ?? -1) < ms) worst.set(key, { q: d.q, searcher: d.searcher, ms: round(ms) });
    }
    progress('community: EXPLAIN ANALYZE of one search of each kind, as a member');
    const plans: QueryPlanText[] = [];
    for (const kind of kindNames) {
      const q = kinds[kind][0]!;
      statements.length = 0;
      capture = true;
      await service.search(who.member.actor, { q, limit: 20 });
      capture = false;
      // The post query, with the settings the repository sets for it (set_config in the same transaction).
      const main = statements.find((st) => st.sql.includes('ts_headline'))!;
      const settings = statements.find((st) => st.sql.includes('set_config'))!;
      const client = await pool.connect();
      let text: string;
      try {
        await client.query('begin');
        await client.query(settings.sql, settings.params);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${main.sql}`, main.params);
        text = rows.map((x) => x['QUERY PLAN']).join('\n');
      } finally {
        await client.query('rollback');
        client.release();
      }
      plans.push({ label: `${kind}: ${q}`, executionMs: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN), text });
    }
    return {
      overall: stats(times),
      kinds: kindNames.map((kind) => {
        const k = byKind.get(kind)!;
        return { kind, examples: kinds[kind].slice(0, 4), ...stats(k.times), meanResults: round(k.results / k.times.length) };
      }),
      searchers: bySearcher,
      candidates: SEARCH_TUNING.candidates,
      slowest: [...worst.values()].sort((a, b) => b.ms - a.ms).slice(0, 8),
      plans,
    };
  } finally {
    await pool.end();
  }
}

/** The issue's forum: a million posts in ~100,000 topics by 5,000 people; searches measured. */
export const COMMUNITY_DEFAULTS = { posts: 1_000_000, topics: 100_000, authors: 5000, searches: 1000, replies: 200 };
/** The sizes, from BENCH_COMMUNITY_POSTS (topics a tenth of it) and BENCH_COMMUNITY_SEARCHES, for a quicker run. */
export function communitySettings(envInt: (name: string, fallback: number) => number) {
  const posts = envInt('BENCH_COMMUNITY_POSTS', COMMUNITY_DEFAULTS.posts);
  return {
    ...COMMUNITY_DEFAULTS,
    posts,
    topics: Math.round(posts / 10),
    authors: Math.min(COMMUNITY_DEFAULTS.authors, Math.max(100, Math.round(posts / 200))),
    searches: envInt('BENCH_COMMUNITY_SEARCHES', COMMUNITY_DEFAULTS.searches),
  };
}

const READER = { email: 'bench-forum-reader@example.org', password: 'bench harness password 2026', name: 'Forum reader' };
const PAGE_TITLE = 'Evenings are the hardest part: what works for you?';

/**
 * The whole community section on a running Kindred: the forum (loaded, or found already loaded when `reuse` and the
 * data directory was kept), the topic page over HTTP as a signed-in member, then search.
 */
export async function measureCommunity(
  instance: Instance,
  dbUrl: string,
  load: LoadRoute,
  opts: typeof COMMUNITY_DEFAULTS & { reuse?: boolean },
  progress: (line: string) => void,
): Promise<CommunityResults> {
  const existing = await withClient(dbUrl, async (c) => {
    const { rows } = await c.query(`select (select count(*) from forum_post)::int as posts, (select count(*) from forum_topic)::int as topics,
      (select count(*) from forum_post where locale = 'es')::int as es, (select id from forum_topic where title = $1 limit 1) as page`, [PAGE_TITLE]);
    return rows[0] as { posts: number; topics: number; es: number; page: string | null };
  });
  let data: CommunityResults['data'];
  let topicId = existing.page;
  if (opts.reuse && existing.posts >= opts.posts && topicId) {
    progress(`community: ${existing.posts} posts already loaded (kept data directory)`);
    data = { cached: true, posts: existing.posts, topics: existing.topics, spanishPosts: existing.es };
  } else {
    progress(`community: loading ${opts.posts} posts in ${opts.topics} topics`);
    data = await loadCommunityData(dbUrl, opts, progress);
    topicId = await createPageTopic(dbUrl, opts.replies);
  }

  const topicPage = await measureTopicPage(instance, dbUrl, topicId!, opts.replies, load, progress);
  const search = await measureSearch(dbUrl, opts.searches, progress);
  return { data, topicPage, search };
}

/** A member signs in like anyone else (created with `kindred admin create`, then made a plain member) and loads the page. */
async function measureTopicPage(instance: Instance, dbUrl: string, topicId: string, replies: number, load: LoadRoute, progress: (line: string) => void) {
  const exists = await withClient(dbUrl, async (c) => (await c.query(`select 1 from "user" where email = $1`, [READER.email])).rowCount === 1);
  if (!exists) await createCoordinator(instance, READER.email, READER.password, READER.name);
  await withClient(dbUrl, async (c) => {
    await c.query(`delete from user_role where user_id = (select id from "user" where email = $1) and role <> 'member'`, [READER.email]);
    await c.query(`insert into user_role (user_id, role) select id, 'member' from "user" where email = $1 on conflict do nothing`, [READER.email]);
  });
  const cookie = await signIn(instance, READER.email, READER.password);
  progress(`community: topic page with ${replies} replies`);
  let measured: CommunityResults['topicPage'];
  try {
    measured = { replies, route: await load(`community topic page, ${replies} replies`, `/api/v1/community/topics/${topicId}`, { cookie }) };
  } catch (err) {
    // The route is another part of the forum's work: until it answers, the rest of the section is still measured.
    return { replies, error: (err as Error).message.slice(0, 300) };
  }
  progress('community: EXPLAIN ANALYZE of the statements behind the topic page');
  return { ...measured, plans: await explainTopicPage(dbUrl, topicId, READER.email) };
}

/**
 * The statements the topic page sends for the reader (the posts service through a logging handle, after the load,
 * so the read marker no longer moves), each EXPLAIN ANALYZEd with its parameters on a warm cache.
 */
async function explainTopicPage(dbUrl: string, topicId: string, email: string): Promise<QueryPlanText[]> {
  const { createPostsService } = await import('../src/server/modules/community/posts-service.ts');
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  try {
    const userId = (await pool.query<{ id: string }>(`select id from "user" where email = $1`, [email])).rows[0]!.id;
    const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void statements.push({ sql: query, params }) } }) as unknown as Db;
    const posts = createPostsService({ db } as ServiceContext);
    const reader = actor(userId, ['member']);
    await posts.topic(reader, topicId, { limit: 200 });
    statements.length = 0;
    await posts.topic(reader, topicId, { limit: 200 });
    const plans: QueryPlanText[] = [];
    for (const st of statements) {
      if (!/^\s*(select|with)\b/i.test(st.sql)) continue;
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${st.sql}`, st.params);
      const text = rows.map((x) => x['QUERY PLAN']).join('\n');
      plans.push({ label: st.sql.replace(/\s+/g, ' ').trim().slice(0, 90), executionMs: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN), text });
    }
    return plans;
  } catch (err) {
    return [{ label: `could not explain: ${(err as Error).message.slice(0, 200)}`, executionMs: Number.NaN, text: '' }];
  } finally {
    await pool.end();
  }
}

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const ms = (v: number) => (v < 1 ? '<1' : String(v));
const thousands = (n: number) => n.toLocaleString('en-US');

/** The report's section; `note` (how and where it was measured, for a run of this file alone) goes under the title. */
export function communitySection(r: CommunityResults, note?: string): string[] {
  const d = r.data;
  const loaded =
    'cached' in d
      ? `${thousands(d.posts)} posts in ${thousands(d.topics)} topics (${thousands(d.spanishPosts)} in Spanish), from a kept data directory (BENCH_COMMUNITY_DIR).`
      : `${thousands(d.posts)} posts in ${thousands(d.topics)} topics over 8 categories (${thousands(d.spanishPosts)} in Spanish), ${thousands(d.authors)} authors, ` +
        `built from seeded phrase pools inside PostgreSQL in ${(d.loadMs / 1000).toFixed(0)} s (${Object.entries(d.stepsMs)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ')}), then VACUUM ANALYZE and CHECKPOINT ${(d.settleMs / 1000).toFixed(0)} s. ` +
        `forum_post with its indexes: ${(d.postBytes / 1024 ** 2).toFixed(0)} MB, of which the search index ${(d.searchIndexBytes / 1024 ** 2).toFixed(0)} MB.`;
  const page = r.topicPage;
  const s = r.search;
  const searchOk = s.overall.p99 < COMMUNITY_TARGETS.searchP99Ms;
  return [
    '',
    '## Community forum',
    '',
    ...(note ? [note, ''] : []),
    loaded,
    '',
    '### Topic page',
    '',
    ...('route' in page
      ? [
          `\`GET /api/v1/community/topics/{id}\` for a topic with ${page.replies} replies (Markdown rendered at write time, reactions, some anonymous), ` +
            'signed in as a member, loaded like the routes above.',
          '',
          '| Route | Request | req/s | p50 ms | p99 ms | requests | errors + non-2xx | status codes | Kindred CPU µs/req | PostgreSQL CPU µs/req | target |',
          '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|',
          `| ${page.route.label} | \`GET ${page.route.path}\` | ${Math.round(page.route.reqPerSec)} | ${ms(page.route.p50Ms)} | ${ms(page.route.p99Ms)} | ${page.route.requests} | ` +
            `${page.route.failures} | ${page.route.statusCodes} | ${Math.round(page.route.kindredCpuUs)} | ${Math.round(page.route.postgresCpuUs)} | ` +
            `${verdict(page.route.reqPerSec >= COMMUNITY_TARGETS.topicPageReqPerSec)} (>= ${COMMUNITY_TARGETS.topicPageReqPerSec} req/s) |`,
        ]
      : [`Not measured: ${page.error}`]),
    // Where a request's time goes, when the page misses its target.
    ...(page.plans?.length && 'route' in page && page.route.reqPerSec < COMMUNITY_TARGETS.topicPageReqPerSec
      ? [
          '',
          'The statements behind the page for the measured member (the posts service through a logging handle), EXPLAIN (ANALYZE, BUFFERS) on a warm cache:',
          '',
          ...page.plans.flatMap((p) => [`<details><summary>${p.executionMs.toFixed(2)} ms: <code>${p.label.replace(/</g, '&lt;')}…</code></summary>`, '', '```', p.text, '```', '', '</details>', '']),
        ]
      : []),
    '',
    '### Search',
    '',
    `The search service in the harness process (no HTTP), one search at a time: ${thousands(s.overall.n)} searches, the kinds in turn, the query and the searcher ` +
      `drawn with a fixed seed (${Object.entries(s.searchers)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}). The ${s.candidates} newest matches are ranked (docs/community.md, "Search").`,
    '',
    '| Queries | examples | n | p50 ms | p95 ms | p99 ms | max ms | results (mean) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...s.kinds.map((k) => `| ${k.kind} | ${k.examples.map((e) => `\`${e}\``).join(', ')} | ${k.n} | ${k.p50} | ${k.p95} | ${k.p99} | ${k.max} | ${k.meanResults} |`),
    `| **all** | | ${s.overall.n} | ${s.overall.p50} | ${s.overall.p95} | **${s.overall.p99}** | ${s.overall.max} | |`,
    '',
    `Search p99 **${s.overall.p99} ms**: ${verdict(searchOk)} (target < ${COMMUNITY_TARGETS.searchP99Ms} ms).`,
    '',
    `Slowest searches (each query and searcher once): ${s.slowest.map((x) => `\`${x.q}\` ${x.searcher} ${x.ms} ms`).join('; ')}.`,
    '',
    `The post query of one search of each kind, as a member, EXPLAIN (ANALYZE, BUFFERS): ${s.plans.map((p) => `${p.label} ${p.executionMs.toFixed(1)} ms`).join('; ')}. ` +
      'The plan of the slowest of them:',
    '',
    ...[s.plans.reduce((a, b) => (b.executionMs > a.executionMs ? b : a))].flatMap((p) => [`<details><summary>${p.label}</summary>`, '', '```', p.text, '```', '', '</details>', '']),
  ];
}

// Alone: an API-only server (bench/community-server.ts: `serve` without the web build) on a throwaway data directory,
// or on BENCH_COMMUNITY_DIR, kept between runs so the forum is built once.
if (import.meta.url === `file://${process.argv[1]}`) {
  const os = await import('node:os');
  const path = await import('node:path');
  const { postmasterPid, recordSectionInLatest, root, startApiServer } = await import('./kindred.ts');
  const { loadRoute } = await import('./load.ts');
  const { cpuTime } = await import('./proc.ts');
  const { runningEmbeddedUrl } = await import('../src/server/db/embedded.ts');
  const envInt = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
  const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const loadBefore = os.loadavg();

  const keep = process.env.BENCH_COMMUNITY_DIR;
  const { instance, child, cleanUp } = await startApiServer(keep, progress);
  try {
    const dbUrl = runningEmbeddedUrl(instance.dataDir)!;
    const settings = { connections: envInt('BENCH_CONNECTIONS', 10), durationS: envInt('BENCH_DURATION', 10), warmupS: envInt('BENCH_WARMUP', 2) };
    const load: LoadRoute = (label, p, headers) => loadRoute(instance.url, { label, path: p, headers }, settings, () => cpuTime(child.pid!, postmasterPid(instance.dataDir)));
    const results = await measureCommunity(instance, dbUrl, load, { ...communitySettings(envInt), reuse: Boolean(keep) }, progress);
    const { rows } = await withClient(dbUrl, (c) => c.query<{ version: string }>('select version()'));
    const note =
      `Measured alone (\`npx tsx bench/community.ts\`) on ${new Date().toISOString()}: Node ${process.version}, ${rows[0]!.version.split(' on ')[0]}, ` +
      `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.availableParallelism()}, autocannon ${settings.connections} connections ${settings.durationS} s after ${settings.warmupS} s; ` +
      `load average before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, after ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}.`;
    const section = communitySection(results, note).join('\n');
    process.stdout.write(`${section}\n`);
    recordSectionInLatest('Community forum', section);
    progress('written to bench/results/latest.md (its community section)');
  } finally {
    await cleanUp();
  }
}
