import type { JourneyLoad, QueryPlan } from './journey.ts';
import { type MeetingsResults, meetingsSection } from './meetings.ts';
import { type MatchingResults, matchingSection } from './matching.ts';
import { type MentoringResults, renderMentoring } from './mentoring.ts';
import { type CommunityResults, communitySection } from './community.ts';
import { type ResourcesResults, resourcesSection } from './resources.ts';
import { type MessagingResults, messagingSection } from './messaging.ts';
import { type SafetyResults, safetySection } from './safety.ts';
import type { RouteResult, LoadSettings } from './load.ts';
import type { Footprint } from './proc.ts';

export const TARGETS = { mePercentOfBare: 40, coldStartMs: 3000, idleMemoryMb: 250, journeyReqPerSec: 1500 };

export interface JourneyResults {
  data: JourneyLoad;
  /** The measured member: check-ins in all, the range asked for, periods of their recovery date. */
  member: { checkIns: number; rangeDays: number; periods: number; timeZone: string };
  routes: { checkIns: RouteResult; sobriety: RouteResult };
  plans: QueryPlan[];
}

export interface MemorySnapshot {
  label: string;
  footprint: Footprint;
  kindredPid: number;
}

export interface BenchResults {
  startedAt: Date;
  elapsedS: number;
  node: string;
  postgres: string;
  cpu: string;
  loadAverage: { before: number[]; after: number[] };
  autocannon: string;
  settings: LoadSettings;
  routes: { bare: RouteResult; health: RouteResult; me: RouteResult };
  journey: JourneyResults;
  meetings?: MeetingsResults;
  mentoring?: MentoringResults;
  community?: CommunityResults;
  resources?: ResourcesResults;
  messaging?: MessagingResults;
  assignment?: MatchingResults;
  safety?: SafetyResults;
  firstStart: { startMs: number; stopMs: number };
  coldStarts: Array<{ startMs: number; stopMs: number }>;
  memory: MemorySnapshot[];
}

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(1));
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ms = (v: number) => (v < 1 ? '<1' : String(v));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function summarize(r: BenchResults) {
  const mePercent = (r.routes.me.reqPerSec / r.routes.bare.reqPerSec) * 100;
  const coldMedianMs = median(r.coldStarts.map((c) => c.startMs));
  const valid = [...Object.values(r.routes), ...Object.values(r.journey.routes)].every((route) => route.failures === 0);
  const memoryOk = r.memory.every((m) => m.footprint.pssKb !== undefined && m.footprint.pssKb / 1024 < TARGETS.idleMemoryMb);
  const journeyOk = Object.values(r.journey.routes).every((route) => route.reqPerSec >= TARGETS.journeyReqPerSec);
  return { mePercent, coldMedianMs, valid, memoryOk, journeyOk };
}

function memoryRow({ label, footprint, kindredPid }: MemorySnapshot) {
  const node = footprint.processes.filter((p) => p.pid === kindredPid);
  const rest = footprint.processes.filter((p) => p.pid !== kindredPid);
  const counts = new Map<string, number>();
  for (const p of rest) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const names = [...counts].map(([name, n]) => `${name}×${n}`);
  const sum = (ps: typeof rest, key: 'rssKb' | 'pssKb') => ps.reduce((a, p) => a + (p[key] ?? Number.NaN), 0);
  const ok = footprint.pssKb !== undefined && footprint.pssKb / 1024 < TARGETS.idleMemoryMb;
  return (
    `| ${label} | ${mb(sum(node, 'rssKb'))} / ${mb(sum(node, 'pssKb'))} | ${mb(sum(rest, 'rssKb'))} / ${mb(sum(rest, 'pssKb'))} (${names.join(', ')}) ` +
    `| ${mb(footprint.rssKb)} | ${mb(footprint.pssKb)} | ${verdict(ok)} |`
  );
}

const routeRow = (x: RouteResult) =>
  `| ${x.label} | \`GET ${x.path}\` | ${Math.round(x.reqPerSec)} | ${ms(x.p50Ms)} | ${ms(x.p99Ms)} | ${x.requests} | ${x.failures} | ${x.statusCodes} ` +
  `| ${Math.round(x.kindredCpuUs)} | ${Math.round(x.postgresCpuUs)} |`;
const thousands = (n: number) => n.toLocaleString('en-US');

function journeySection(j: JourneyResults): string[] {
  const d = j.data;
  const steps = Object.entries(d.stepsMs)
    .map(([name, t]) => `${name} ${seconds(t)} s`)
    .join(', ');
  const target = (x: RouteResult) => `${verdict(x.reqPerSec >= TARGETS.journeyReqPerSec)}`;
  const seqScans = j.plans.filter((p) => p.seqScans.length > 0);
  return [
    '## Journey',
    '',
    `${thousands(d.members)} members (role \`member\`), ${thousands(d.checkIns)} check-ins (check_in with its indexes: ${(d.checkInBytes / 1024 / 1024).toFixed(0)} MB), ` +
      `${thousands(d.tracks)} recovery dates with ${thousands(d.periods)} periods (two setbacks each) and ${thousands(d.milestones)} milestones on record, ` +
      'inserted with generate_series inside PostgreSQL in one transaction.',
    '',
    `Data load **${seconds(d.loadMs)} s** (${steps}), then VACUUM ANALYZE and CHECKPOINT ${seconds(d.settleMs)} s (so the planner has statistics and no autovacuum or checkpoint of the new rows runs during the measurement).`,
    '',
    `Measured as one more member who signs in like anyone else (time zone ${j.member.timeZone}): ${j.member.checkIns} check-ins over ${j.member.rangeDays}+ days, ` +
      `every one of the last ${j.member.rangeDays} days present (the largest answer), and a recovery date with ${j.member.periods} periods.`,
    '',
    `| Route | Request | req/s | p50 ms | p99 ms | requests | errors + non-2xx | status codes | Kindred CPU µs/req | PostgreSQL CPU µs/req | >= ${thousands(TARGETS.journeyReqPerSec)} req/s |`,
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|',
    `${routeRow(j.routes.checkIns)} ${target(j.routes.checkIns)} |`,
    `${routeRow(j.routes.sobriety)} ${target(j.routes.sobriety)} |`,
    '',
    `Journey routes at or above ${thousands(TARGETS.journeyReqPerSec)} req/s: ${verdict(Object.values(j.routes).every((x) => x.reqPerSec >= TARGETS.journeyReqPerSec))}.`,
    '',
    '### Queries behind the routes',
    '',
    'The repository functions each route calls, run for the measured member with a logging database handle; every statement they sent',
    'EXPLAIN ANALYZEd with its parameters (second run, warm cache). The member\'s time zone comes from the cached session, so these are all',
    'the queries of a request.',
    '',
    '| Route | Statement | execution ms | planning ms | plan |',
    '|---|---|---:|---:|---|',
    ...j.plans.map((p) => `| ${p.route} | \`${p.query.replace(/\|/g, '\\|')}…\` | ${p.executionMs.toFixed(3)} | ${p.planningMs.toFixed(3)} | ${p.nodes.join(' → ')} |`),
    '',
    ...(seqScans.length === 0
      ? ['No sequential scan on a large table.']
      : seqScans.map(
          (p) =>
            `**Sequential scan** in the ${p.route} route: ${p.seqScans.join(', ')} read for one member's rows (${p.executionMs.toFixed(1)} ms). ` +
            'The statement filters on a column no index leads with: see the plan below.',
        )),
    '',
    ...seqScans.flatMap((p) => ['```', p.text, '```', '']),
  ];
}

export function renderMarkdown(r: BenchResults): string {
  const s = summarize(r);
  const { bare, health, me } = r.routes;
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  return [
    `# Kindred benchmark, ${r.startedAt.toISOString().slice(0, 10)}`,
    '',
    '| | |',
    '|---|---|',
    `| Date | ${r.startedAt.toISOString()} |`,
    `| Node | ${r.node} |`,
    `| PostgreSQL | ${r.postgres} (embedded) |`,
    `| CPU | ${r.cpu} |`,
    `| Load generator | autocannon ${r.autocannon} in the harness process, ${r.settings.connections} connections, ` +
      `${r.settings.durationS} s per route after a ${r.settings.warmupS} s warm-up |`,
    `| Load average (1/5/15 min) | before ${load(r.loadAverage.before)}, after ${load(r.loadAverage.after)} |`,
    `| Harness run time | ${r.elapsedS.toFixed(0)} s |`,
    '',
    '## Throughput',
    '',
    '| Route | Request | req/s | p50 ms | p99 ms | requests | errors + non-2xx | status codes | Kindred CPU µs/req | PostgreSQL CPU µs/req |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|',
    routeRow(bare),
    routeRow(health),
    routeRow(me),
    '',
    `Signed-in \`/api/v1/me\` at **${s.mePercent.toFixed(1)}%** of the bare route: ${verdict(s.mePercent >= TARGETS.mePercentOfBare)} (target >= ${TARGETS.mePercentOfBare}%).`,
    s.valid ? 'No errors and no non-2xx answers.' : '**INVALID RUN: some requests failed or answered other than 2xx.**',
    'CPU µs/req is the server-side CPU time (user + system) of the measured run divided by its requests; it moves less than',
    'req/s when other work shares the machine.',
    '',
    '## Cold start',
    '',
    'From spawning `kindred serve` as `npm start` runs it on an existing data directory to the first 200 from `/api/health` (polled every 25 ms), and from SIGTERM to a clean exit.',
    '',
    '| Start | to healthy (s) | stop (s) |',
    '|---|---:|---:|',
    `| first (initialises the data directory; not counted) | ${seconds(r.firstStart.startMs)} | ${seconds(r.firstStart.stopMs)} |`,
    ...r.coldStarts.map((c, i) => `| cold ${i + 1} | ${seconds(c.startMs)} | ${seconds(c.stopMs)} |`),
    '',
    `Median cold start **${seconds(s.coldMedianMs)} s**: ${verdict(s.coldMedianMs < TARGETS.coldStartMs)} (target < ${TARGETS.coldStartMs / 1000} s).`,
    '',
    '## Idle memory',
    '',
    'The Kindred node process plus every process of its embedded PostgreSQL cluster, after ~5 s idle. MB = 1024 kB as in /proc.',
    'RSS counts shared pages (PostgreSQL shared buffers, binaries) once per process; PSS divides them among the sharers and is the verdict.',
    '',
    '| When | Kindred node RSS / PSS (MB) | its child processes RSS / PSS (MB) | RSS sum (MB) | PSS sum (MB) | PSS < 250 MB |',
    '|---|---:|---:|---:|---:|---|',
    ...r.memory.map(memoryRow),
    '',
    ...journeySection(r.journey),
    ...(r.meetings ? meetingsSection(r.meetings) : []),
    ...(r.mentoring ? ['', renderMentoring(r.mentoring)] : []),
    ...(r.community ? communitySection(r.community) : []),
    ...(r.resources ? resourcesSection(r.resources) : []),
    ...(r.messaging ? messagingSection(r.messaging) : []),
    ...(r.assignment ? matchingSection(r.assignment) : []),
    ...(r.safety ? safetySection(r.safety) : []),
  ].join('\n');
}
