// The resources benchmark (issue 9's "Done when"): directory search over 50,000 entries, `GET /api/v1/resources`
// over HTTP against a running Kindred (a separate process), one request at a time, with a mix of searches people
// make: words + category + near a point, words alone, near a point + open now. The directory is built by
// bench/resources-data.ts. Alone: `npx tsx bench/resources.ts` (its own embedded PostgreSQL and an API-only server).
import fs from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { SeededRandom } from '../src/cli/demo/random.ts';
import { type ResourceCategory, resourceSearchQuery } from '../src/contracts/resources.ts';
import type { Db } from '../src/server/db/client.ts';
import * as schema from '../src/server/db/schema.ts';
import { searchResources, searchStatements } from '../src/server/modules/resources/search-repo.ts';
import { createCoordinator, type Instance, signIn } from './kindred.ts';
import { type LatencyStats, latencyStats } from './meetings.ts';
import { describeLoaded, loadedResources, loadResources, type ResourcesLoad, US_CITIES } from './resources-data.ts';

export const RESOURCES_TARGETS = { searchP99Ms: 20 };
export const RESOURCES_DEFAULTS = { entries: 50_000, requests: 1000, warmup: 100 };

/** The sizes, from BENCH_RESOURCES (entries) and BENCH_RESOURCE_REQUESTS, for a quicker run. */
export function resourcesSettings(envInt: (name: string, fallback: number) => number) {
  return { ...RESOURCES_DEFAULTS, entries: envInt('BENCH_RESOURCES', RESOURCES_DEFAULTS.entries), requests: envInt('BENCH_RESOURCE_REQUESTS', RESOURCES_DEFAULTS.requests) };
}

// ── The searches ──────────────────────────────────────────────────────────────────────────────────────────────

const KINDS = ['words + category + near', 'words only', 'near + open now'] as const;
type Kind = (typeof KINDS)[number];

/** What people type with the category they chose, in English and Spanish. */
const WORDS_IN_CATEGORY: Array<[string, ResourceCategory]> = [
  ['naloxone', 'harm_reduction'], ['test strips', 'harm_reduction'], ['detox', 'treatment_detox'], ['outpatient', 'treatment_detox'],
  ['buprenorphine', 'medication_treatment'], ['methadone', 'medication_treatment'], ['counseling', 'mental_health'], ['trauma', 'mental_health'],
  ['sober living', 'housing'], ['shelter', 'housing'], ['food pantry', 'food'], ['meals', 'food'], ['jobs', 'employment'], ['expungement', 'legal_aid'],
  ['rides', 'transport'], ['parents', 'family_support'], ['meeting', 'mutual_aid'], ['crisis', 'crisis_lines'], ['naloxona', 'harm_reduction'],
  ['alimentos', 'food'], ['vivienda', 'housing'], ['metadona', 'medication_treatment'],
];
const WORDS_ALONE = ['naloxone', 'recovery', 'free', 'walk-ins', 'spanish', 'medicaid', 'peer recovery coaches', 'women', 'detox', 'recuperación', 'reuniones', 'fentanyl', 'grief', 'telehealth'];

interface Search {
  kind: Kind;
  params: Record<string, string>;
  signedIn: boolean;
  /** For the report: the words, the category, the city. */
  label: string;
}

/** `n` searches, kinds in a 2:1:1 mix, cities drawn by population (busy places are searched more), 30% signed in. */
export function draws(n: number, seed: number): Search[] {
  const r = new SeededRandom(seed);
  const weights = Object.fromEntries(US_CITIES.map((c, i) => [String(i), c.populationK])) as Record<string, number>;
  const city = () => US_CITIES[Number(r.weighted(weights))]!;
  return Array.from({ length: n }, (_, i): Search => {
    const kind: Kind = i % 4 < 2 ? KINDS[0] : i % 4 === 2 ? KINDS[1] : KINDS[2];
    const signedIn = r.chance(0.3);
    if (kind === 'words only') {
      const q = r.pick(WORDS_ALONE);
      return { kind, signedIn, params: { q }, label: `\`${q}\`` };
    }
    const c = city();
    const near = `${c.lat},${c.lng}`;
    if (kind === 'near + open now') return { kind, signedIn, params: { near, openNow: 'true' }, label: `near ${c.name}, ${c.region}` };
    const [q, category] = r.pick(WORDS_IN_CATEGORY);
    return { kind, signedIn, params: { q, category, near }, label: `\`${q}\` in ${category} near ${c.name}, ${c.region}` };
  });
}

// ── Measuring ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface KindStats extends LatencyStats {
  kind: string;
  examples: string[];
  /** Entries matched (`total`), on average. */
  meanTotal: number;
}

export interface QueryPlanText {
  label: string;
  executionMs: number;
  planningMs: number;
  text: string;
}

export interface ResourcesResults {
  /** Without load times when the directory was loaded by an earlier run (a kept data directory). */
  data: ResourcesLoad | (Omit<ResourcesLoad, 'loadMs' | 'settleMs'> & { cached: true });
  http: { overall: LatencyStats; kinds: KindStats[] };
  inProcess: { overall: LatencyStats; kinds: KindStats[] };
  signedIn: number;
  slowest: Array<{ label: string; signedIn: boolean; ms: number; total: number }>;
  plans: QueryPlanText[];
}

const round = (n: number) => Math.round(n * 10) / 10;
const roundStats = (s: LatencyStats): LatencyStats => ({ n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) });

function summarize(searches: Search[], times: number[], totals: number[]) {
  const kinds = KINDS.map((kind) => {
    const idx = searches.flatMap((s, i) => (s.kind === kind ? [i] : []));
    return {
      kind,
      examples: [...new Set(idx.map((i) => searches[i]!.label))].slice(0, 2),
      ...roundStats(latencyStats(idx.map((i) => times[i]!))),
      meanTotal: round(idx.reduce((s, i) => s + totals[i]!, 0) / idx.length),
    };
  });
  return { overall: roundStats(latencyStats(times)), kinds };
}

const MEMBER = { email: 'bench-resources-member@example.org', password: 'bench harness password 2026', name: 'Directory reader' };

/** A plain member (created with `kindred admin create`, then left with the member role only) and their cookie. */
async function memberCookie(instance: Instance, dbUrl: string): Promise<string> {
  const client = new pg.Client(dbUrl);
  await client.connect();
  try {
    const exists = (await client.query(`select 1 from "user" where email = $1`, [MEMBER.email])).rowCount === 1;
    if (!exists) await createCoordinator(instance, MEMBER.email, MEMBER.password, MEMBER.name);
    await client.query(`delete from user_role where user_id = (select id from "user" where email = $1) and role <> 'member'`, [MEMBER.email]);
    await client.query(`insert into user_role (user_id, role) select id, 'member' from "user" where email = $1 on conflict do nothing`, [MEMBER.email]);
  } finally {
    await client.end();
  }
  return signIn(instance, MEMBER.email, MEMBER.password);
}

/** One search over HTTP on a kept-alive connection, timed to the last byte. */
async function timedSearch(baseUrl: string, s: Search, cookie: string): Promise<{ ms: number; total: number }> {
  const url = `${baseUrl}/api/v1/resources?${new URLSearchParams(s.params)}`;
  const started = performance.now();
  const res = await fetch(url, { headers: s.signedIn ? { cookie } : {} });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return { ms, total: (JSON.parse(body) as { total: number }).total };
}

/** The page statement of one search of each kind (near the busiest city), EXPLAIN (ANALYZE, BUFFERS) on a warm cache. */
async function explainKinds(pool: pg.Pool, searches: Search[]): Promise<QueryPlanText[]> {
  const busiest = US_CITIES.reduce((a, b) => (b.populationK > a.populationK ? b : a));
  const dialect = new PgDialect();
  const plans: QueryPlanText[] = [];
  for (const kind of KINDS) {
    const s = searches.find((x) => x.kind === kind);
    if (!s) continue; // BENCH_RESOURCES_ONLY measured one kind
    const params = 'near' in s.params ? { ...s.params, near: `${busiest.lat},${busiest.lng}` } : s.params;
    const { page } = searchStatements(resourceSearchQuery.parse(params), { signedIn: false, now: new Date() });
    const q = dialect.sqlToQuery(page);
    await pool.query(`explain (analyze) ${q.sql}`, q.params);
    const text = (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.params)).rows.map((x) => x['QUERY PLAN']).join('\n');
    const label = `${kind}: ${Object.entries(params).map(([k, v]) => `${k}=${k === 'near' ? busiest.name : v}`).join('&')}`;
    plans.push({ label, executionMs: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN), planningMs: Number(/Planning Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN), text });
  }
  return plans;
}

/**
 * The whole section on a running Kindred: the directory loaded (or found already loaded when `reuse`), the searches
 * over HTTP, the same searches through the search function in this process, and the plans of one of each kind.
 */
export async function measureResources(
  instance: Instance,
  dbUrl: string,
  opts: typeof RESOURCES_DEFAULTS & { reuse?: boolean },
  progress: (line: string) => void,
): Promise<ResourcesResults> {
  const existing = await loadedResources(dbUrl);
  let data: ResourcesResults['data'];
  if (opts.reuse && existing >= opts.entries) {
    progress(`resources: ${existing} entries already loaded (kept data directory)`);
    data = { ...(await describeLoaded(dbUrl)), cached: true };
  } else {
    progress(`resources: loading ${opts.entries} directory entries`);
    data = await loadResources(dbUrl, opts.entries, progress);
    progress(`resources: loaded in ${(data.loadMs / 1000).toFixed(1)} s (+ VACUUM ANALYZE ${(data.settleMs / 1000).toFixed(1)} s)`);
  }
  const cookie = await memberCookie(instance, dbUrl);
  const warm = draws(opts.warmup, 7);
  // BENCH_RESOURCES_ONLY="<kind>" measures one kind alone (to see what the mix does to it).
  const searches = draws(opts.requests, 1122).filter((s) => !process.env.BENCH_RESOURCES_ONLY || s.kind === process.env.BENCH_RESOURCES_ONLY);

  progress(`resources: ${opts.warmup} warm-up searches, then ${opts.requests} over HTTP, one at a time`);
  for (const s of warm) await timedSearch(instance.url, s, cookie);
  const http: number[] = [];
  const totals: number[] = [];
  const worst = new Map<string, ResourcesResults['slowest'][number]>();
  for (const s of searches) {
    const { ms, total } = await timedSearch(instance.url, s, cookie);
    http.push(ms);
    totals.push(total);
    const key = `${s.label}\u0000${s.signedIn}`;
    if ((worst.get(key)?.ms ?? -1) < ms) worst.set(key, { label: s.label, signedIn: s.signedIn, ms: round(ms), total });
  }

  progress('resources: the same searches through searchResources() in this process');
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  try {
    const db = drizzle(pool, { schema }) as unknown as Db;
    const run = (s: Search) => searchResources(db, resourceSearchQuery.parse(s.params), { signedIn: s.signedIn, locale: 'en' });
    for (const s of warm) await run(s);
    const inProcess: number[] = [];
    for (const s of searches) {
      const started = performance.now();
      await run(s);
      inProcess.push(performance.now() - started);
    }
    progress('resources: EXPLAIN ANALYZE of one search of each kind');
    const plans = await explainKinds(pool, searches);
    return {
      data,
      http: summarize(searches, http, totals),
      inProcess: summarize(searches, inProcess, totals),
      signedIn: searches.filter((s) => s.signedIn).length,
      slowest: [...worst.values()].sort((a, b) => b.ms - a.ms).slice(0, 8),
      plans,
    };
  } finally {
    await pool.end();
  }
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────────────────────

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const thousands = (n: number) => n.toLocaleString('en-US');

/** The report's section; `note` (how and where it was measured, for a run of this file alone) goes under the title. */
export function resourcesSection(r: ResourcesResults, note?: string): string[] {
  const d = r.data;
  const loaded =
    `${thousands(d.entries)} directory entries (${thousands(d.published)} published, ${thousands(d.membersOnly)} for members only, ${thousands(d.spanish)} written in Spanish, ` +
    `${thousands(d.located)} with coordinates around ${US_CITIES.length} US city centres, ${thousands(d.withHours)} with opening hours; ` +
    `${Object.values(d.perCategory).length} categories of ${Math.min(...Object.values(d.perCategory))}-${Math.max(...Object.values(d.perCategory))} entries), ` +
    ('cached' in d
      ? 'loaded by an earlier run into a kept data directory (BENCH_RESOURCES_DIR). '
      : `inserted in ${(d.loadMs / 1000).toFixed(1)} s, then VACUUM ANALYZE and CHECKPOINT ${(d.settleMs / 1000).toFixed(1)} s. `) +
    `resource with its indexes: ${(d.tableBytes / 1024 ** 2).toFixed(0)} MB, of which the search index ${(d.searchIndexBytes / 1024 ** 2).toFixed(1)} MB.`;
  const table = (rows: KindStats[], overall: LatencyStats) => [
    '| Searches | examples | n | p50 ms | p95 ms | p99 ms | max ms | matched (mean) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((k) => `| ${k.kind} | ${k.examples.join('; ')} | ${k.n} | ${k.p50} | ${k.p95} | ${k.p99} | ${k.max} | ${k.meanTotal} |`),
    `| **all** | | ${overall.n} | ${overall.p50} | ${overall.p95} | **${overall.p99}** | ${overall.max} | |`,
  ];
  const target = RESOURCES_TARGETS.searchP99Ms;
  const issueKind = r.http.kinds.find((k) => k.kind === KINDS[0])!;
  return [
    '',
    '## Resources directory',
    '',
    ...(note ? [note, ''] : []),
    loaded,
    '',
    '### Search over HTTP',
    '',
    `\`GET /api/v1/resources?…\` against the running server from the harness process, one request at a time after ${RESOURCES_DEFAULTS.warmup} warm-up ones, ` +
      `timed to the last byte on localhost: words + category + near a city centre (half), words alone (a quarter), near a city centre + open now (a quarter); ` +
      `cities drawn by population, ${r.signedIn} of ${r.http.overall.n} as a signed-in member (members-only entries too), the rest signed out; 20 results a page.`,
    '',
    ...table(r.http.kinds, r.http.overall),
    '',
    `Words + category + near a point (the issue's measure) p99 over HTTP **${issueKind.p99} ms**: ${verdict(issueKind.p99 < target)} (target < ${target} ms). ` +
      `All searches p99 over HTTP **${r.http.overall.p99} ms**: ${verdict(r.http.overall.p99 < target)} (target < ${target} ms).`,
    '',
    `Slowest searches: ${r.slowest.map((s) => `${s.label}${s.signedIn ? ' (member)' : ''} ${s.ms} ms, ${s.total} matched`).join('; ')}.`,
    '',
    '### The search function in process',
    '',
    'The same searches through `searchResources()` in the harness process against the same database (no HTTP, no response check, no JSON):',
    '',
    ...table(r.inProcess.kinds, r.inProcess.overall),
    '',
    `The page statement of one search of each kind near the busiest centre, signed out, EXPLAIN (ANALYZE, BUFFERS) on a warm cache: ${r.plans
      .map((p) => `${p.label} ${p.executionMs.toFixed(1)} ms (planning ${p.planningMs.toFixed(1)} ms)`)
      .join('; ')}.`,
    '',
    ...r.plans.flatMap((p) => [`<details><summary>${p.label.replace(/</g, '&lt;')}</summary>`, '', '```', p.text, '```', '', '</details>', '']),
  ];
}

// Alone: an API-only server (bench/community-server.ts: `serve` without the web build) on a throwaway data directory,
// or on BENCH_RESOURCES_DIR, kept between runs so the directory is loaded once.
if (import.meta.url === `file://${process.argv[1]}`) {
  const os = await import('node:os');
  const path = await import('node:path');
  const { recordSectionInLatest, root, startApiServer } = await import('./kindred.ts');
  const { runningEmbeddedUrl } = await import('../src/server/db/embedded.ts');
  const envInt = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
  const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const loadBefore = os.loadavg();

  const keep = process.env.BENCH_RESOURCES_DIR;
  const { instance, cleanUp } = await startApiServer(keep, progress);
  try {
    const dbUrl = runningEmbeddedUrl(instance.dataDir)!;
    const results = await measureResources(instance, dbUrl, { ...resourcesSettings(envInt), reuse: Boolean(keep) }, progress);
    const client = new pg.Client(dbUrl);
    await client.connect();
    const version = (await client.query<{ version: string }>('select version()')).rows[0]!.version.split(' on ')[0];
    await client.end();
    const note =
      `Measured alone (\`npx tsx bench/resources.ts\`) on ${new Date().toISOString()}: Node ${process.version}, ${version}, ` +
      `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.availableParallelism()}; load average before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, ` +
      `after ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}.`;
    const section = resourcesSection(results, note).join('\n');
    process.stdout.write(`${section}\n`);
    recordSectionInLatest('Resources directory', section);
    progress('written to bench/results/latest.md (its resources section)');
  } finally {
    await cleanUp();
  }
}
