import type { RouteResult, LoadSettings } from './load.ts';
import type { Footprint } from './proc.ts';

export const TARGETS = { mePercentOfBare: 40, coldStartMs: 3000, idleMemoryMb: 250 };

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
  const valid = Object.values(r.routes).every((route) => route.failures === 0);
  const memoryOk = r.memory.every((m) => m.footprint.pssKb !== undefined && m.footprint.pssKb / 1024 < TARGETS.idleMemoryMb);
  return { mePercent, coldMedianMs, valid, memoryOk };
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

export function renderMarkdown(r: BenchResults): string {
  const s = summarize(r);
  const { bare, health, me } = r.routes;
  const routeRow = (x: RouteResult) =>
    `| ${x.label} | \`GET ${x.path}\` | ${Math.round(x.reqPerSec)} | ${ms(x.p50Ms)} | ${ms(x.p99Ms)} | ${x.requests} | ${x.failures} | ${x.statusCodes} ` +
    `| ${Math.round(x.kindredCpuUs)} | ${Math.round(x.postgresCpuUs)} |`;
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
    'From spawning `node bin/kindred.js serve` on an existing data directory to the first 200 from `/api/health` (polled every 25 ms), and from SIGTERM to a clean exit.',
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
  ].join('\n');
}
