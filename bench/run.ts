// `npm run bench`: boots Kindred for real (embedded PostgreSQL, temp data directory) and measures throughput,
// cold start, idle memory, and the journey routes with 10,000 members and 1,000,000 check-ins loaded. Progress goes
// to stderr, the markdown report to stdout and bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { webBuildIsStale } from '../src/cli/web-build.ts';
import { runningEmbeddedUrl } from '../src/server/db/embedded.ts';
import { addDays } from '../src/server/modules/journey/dates.ts';
import { explainJourneyQueries, loadJourneyData, prepareMeasuredMember } from './journey.ts';
import { measureMeetings } from './meetings.ts';
import { measureAssignment } from './matching.ts';
import { measureMentoring } from './mentoring.ts';
import { communitySettings, measureCommunity } from './community.ts';
import { measureResources, resourcesSettings } from './resources.ts';
import { measureMessaging, messagingSettings } from './messaging.ts';
import { measureDetector } from './safety.ts';
import {
  createCoordinator,
  createInstance,
  type Instance,
  postmasterPid,
  root,
  type Server,
  signIn,
  startServer,
  stopEverything,
  stopServer,
} from './kindred.ts';
import { type LoadSettings, loadRoute } from './load.ts';
import { cpuTime, memoryFootprint } from './proc.ts';
import { type BenchResults, type JourneyResults, type MemorySnapshot, renderMarkdown, summarize } from './report.ts';

const envInt = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
const settings: LoadSettings = {
  connections: envInt('BENCH_CONNECTIONS', 10),
  durationS: envInt('BENCH_DURATION', 10),
  warmupS: envInt('BENCH_WARMUP', 2),
};
const COLD_STARTS = 3;
const IDLE_MS = 5000;
const EMAIL = 'bench@example.org';
const PASSWORD = 'bench harness password 2026';
/** The journey data set: the 10,000 members and 1,000,000 check-ins by default. */
const JOURNEY = { members: envInt('BENCH_MEMBERS', 10_000), checkInsPerMember: envInt('BENCH_CHECK_INS', 100) };
const MEMBER_EMAIL = 'bench-member@example.org';
const MEMBER_ZONE = 'America/Chicago';
/** The measured member's check-ins go back this far; the measured range is the last 90 days. */
const MEMBER_DAYS = 120;
const RANGE_DAYS = 90;
/** The meetings data set: the 100,000 meetings, the feed measured on its first 10,000. */
const MEETINGS = { meetings: envInt('BENCH_MEETINGS', 100_000), feedMeetings: envInt('BENCH_FEED_MEETINGS', 10_000), finderRequests: envInt('BENCH_FINDER_REQUESTS', 1000) };

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let running: { server: Server; instance: Instance } | undefined;

async function start(instance: Instance, timeoutMs = 60_000) {
  const server = await startServer(instance, timeoutMs);
  running = { server, instance };
  return server;
}

/** A start that did not rebuild the web app; one that did (its sources changed meanwhile) is stopped and retried. */
async function cleanStart(instance: Instance) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const server = await start(instance, 180_000);
    if (!server.builtWeb) return server;
    await stop();
    progress('that start rebuilt the web app (its sources changed meanwhile): not counted');
  }
  throw new Error('The web app was rebuilt at every start: its sources keep changing. Run the benchmark on a quiet checkout.');
}

async function stop() {
  if (!running) return 0;
  const { server, instance } = running;
  running = undefined;
  return stopServer(server, instance);
}

async function snapshot(label: string, server: Server, instance: Instance): Promise<MemorySnapshot> {
  const postmaster = postmasterPid(instance.dataDir);
  const footprint = memoryFootprint(postmaster ? [server.pid, postmaster] : [server.pid]);
  progress(`memory ${label}: ${footprint.processes.length} processes, RSS ${(footprint.rssKb / 1024).toFixed(1)} MB, PSS ${((footprint.pssKb ?? Number.NaN) / 1024).toFixed(1)} MB`);
  return { label, footprint, kindredPid: server.pid };
}

async function postgresVersion(instance: Instance): Promise<string> {
  const client = new pg.Client(runningEmbeddedUrl(instance.dataDir));
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('select version()');
    return rows[0]!.version.split(' on ')[0]!;
  } finally {
    await client.end();
  }
}

async function measureAll(instance: Instance): Promise<Omit<BenchResults, 'startedAt' | 'elapsedS' | 'loadAverage'>> {
  // First, before Kindred starts: the detector is synchronous, so this is one core of the harness, and its heap is
  // still small. Measured last, after the other sections, the harness's heap (hundreds of MB) added GC pauses: one
  // run read 18,022 texts/s and 88.7 ms on one input, against 22,500-24,300 and 16 ms alone (bench/README.md).
  progress('safety: crisis detector throughput and adversarial 1 MB inputs');
  const safety = measureDetector();
  const stale = webBuildIsStale();
  progress(`first start on ${instance.dataDir}${stale ? ' (builds the web app first: may take a while)' : ''}`);
  const first = await start(instance, stale ? 600_000 : 60_000);
  const firstStart = { startMs: first.startMs, stopMs: await stop() };

  const coldStarts: BenchResults['coldStarts'] = [];
  for (let i = 1; i <= COLD_STARTS; i++) {
    const server = await cleanStart(instance);
    coldStarts.push({ startMs: server.startMs, stopMs: await stop() });
    progress(`cold start ${i}: ${(server.startMs / 1000).toFixed(2)} s`);
  }

  const server = await cleanStart(instance);
  await sleep(IDLE_MS);
  const memory = [await snapshot('idle after start', server, instance)];

  await createCoordinator(instance, EMAIL, PASSWORD);
  const cookie = await signIn(instance, EMAIL, PASSWORD);
  const postmaster = postmasterPid(instance.dataDir);
  const sampleCpu = () => cpuTime(server.pid, postmaster);
  const load: LoadOne = async (label, path, headers) => {
    progress(`loading ${path} (${settings.warmupS} s warm-up + ${settings.durationS} s)`);
    return loadRoute(instance.url, { label, path, headers }, settings, sampleCpu);
  };
  const bare = await load('bare Fastify route (ceiling)', '/api/bench/bare');
  const health = await load('health (select 1)', '/api/health');
  const me = await load('signed-in me (session + user)', '/api/v1/me', { cookie });

  await sleep(IDLE_MS);
  memory.push(await snapshot('idle after load', server, instance));
  // After the memory snapshots, so the sections above stay comparable with earlier runs.
  const journey = await measureJourney(instance, load);
  const meetings = await measureMeetings(instance.url, runningEmbeddedUrl(instance.dataDir)!, MEETINGS, progress);
  const mentoring = await measureMentoring(runningEmbeddedUrl(instance.dataDir)!, { mentors: 2000, mentees: 2000, requests: 1000 }, progress);
  const community = await measureCommunity(instance, runningEmbeddedUrl(instance.dataDir)!, load, communitySettings(envInt), progress);
  const resources = await measureResources(instance, runningEmbeddedUrl(instance.dataDir)!, resourcesSettings(envInt), progress);
  const messaging = await measureMessaging(instance, server.pid, runningEmbeddedUrl(instance.dataDir)!, messagingSettings(envInt), progress);
  const postgres = await postgresVersion(instance);
  await stop();
  progress('mentoring: program-wide assignment, 20,000 mentees and 2,000 mentors');
  const assignment = measureAssignment();

  const cpus = os.cpus();
  const autocannon = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version;
  return {
    node: process.version,
    postgres,
    cpu: `${cpus[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores`,
    autocannon,
    settings,
    routes: { bare, health, me },
    journey,
    meetings,
    mentoring,
    community,
    resources,
    messaging,
    assignment,
    safety,
    firstStart,
    coldStarts,
    memory,
  };
}

type LoadOne = (label: string, path: string, headers?: Record<string, string>) => ReturnType<typeof loadRoute>;

/**
 * The journey routes with the data set loaded: members with check-ins and recovery dates inserted by SQL
 * (generate_series inside PostgreSQL), then one member who signs in like anyone else, with a full 90-day range and a
 * recovery date with two setbacks. The queries the routes run are EXPLAIN ANALYZEd afterwards for the report.
 */
async function measureJourney(instance: Instance, load: LoadOne): Promise<JourneyResults> {
  const url = runningEmbeddedUrl(instance.dataDir);
  if (!url) throw new Error(`No running embedded PostgreSQL for ${instance.dataDir}`);
  progress(`journey: loading ${JOURNEY.members} members with ${JOURNEY.checkInsPerMember} check-ins each`);
  const data = await loadJourneyData(url, JOURNEY);
  progress(`journey: ${data.checkIns} check-ins, ${data.periods} periods, ${data.milestones} milestones in ${(data.loadMs / 1000).toFixed(1)} s (+ VACUUM ANALYZE and CHECKPOINT ${(data.settleMs / 1000).toFixed(1)} s)`);

  await createCoordinator(instance, MEMBER_EMAIL, PASSWORD, 'Bench member');
  const member = await prepareMeasuredMember(url, MEMBER_EMAIL, { timeZone: MEMBER_ZONE, days: MEMBER_DAYS });
  const cookie = await signIn(instance, MEMBER_EMAIL, PASSWORD);
  const range = { from: addDays(member.today, -(RANGE_DAYS - 1)), to: member.today };
  const checkIns = await load(`my check-ins, ${RANGE_DAYS} days`, `/api/v1/me/check-ins?from=${range.from}&to=${range.to}`, { cookie });
  const sobriety = await load('my recovery dates (sobriety summary)', '/api/v1/me/sobriety', { cookie });
  progress('journey: EXPLAIN ANALYZE of the queries behind both routes');
  const plans = await explainJourneyQueries(url, member.userId, { ...range, today: member.today });
  return {
    data,
    member: { checkIns: member.checkIns, rangeDays: RANGE_DAYS, periods: member.periods, timeZone: MEMBER_ZONE },
    routes: { checkIns, sobriety },
    plans,
  };
}

function writeResults(markdown: string, startedAt: Date) {
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const dated = path.join(dir, `${startedAt.toISOString().slice(0, 10)}.md`);
  fs.writeFileSync(dated, markdown);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  return dated;
}

async function main() {
  const startedAt = new Date();
  const before = os.loadavg();
  const instance = await createInstance();
  // Once, whether the run ends, fails or is interrupted (the signal handler and main's finally may both call it).
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await stop().catch((err: Error) => progress(err.message));
      await stopEverything(instance);
      fs.rmSync(instance.dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping Kindred and removing ${instance.dataDir}`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  let measured;
  try {
    measured = await measureAll(instance);
  } finally {
    await cleanUp();
  }
  const results: BenchResults = {
    ...measured,
    startedAt,
    elapsedS: (Date.now() - startedAt.getTime()) / 1000,
    loadAverage: { before, after: os.loadavg() },
  };
  const markdown = renderMarkdown(results);
  const file = writeResults(markdown, startedAt);
  process.stdout.write(`${markdown}\n`);
  progress(`written to ${path.relative(root, file)} and bench/results/latest.md`);
  if (!summarize(results).valid) process.exitCode = 1;
}

await main();
