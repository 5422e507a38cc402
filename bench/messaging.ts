// The messaging benchmark (issue 8's "Done when"): 10,000 WebSocket connections held by one instance, memory per idle
// connection, and message delivery at 1,000 messages a second one-to-one, first within one instance, then sent
// through instance 1 to sockets on a second instance sharing its PostgreSQL. The sockets and the messages come from
// bench/messaging-load.ts, a separate process on loopback; this file loads the members, starts the second instance,
// measures memory and CPU from /proc and writes the report's section. Alone: `npx tsx bench/messaging.ts`.
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { SESSION_COOKIE } from '../src/server/http/session.ts';
import { freePort, type Instance, postmasterPid, root, serverNodeFlags } from './kindred.ts';
import type { CheckResult, ConnectResult, LoadCommand, LoadMember, LoadPair, SendResult } from './messaging-load.ts';
import { cpuTime, memoryFootprint } from './proc.ts';

export const MESSAGING_TARGETS = { connections: 10_000, rate: 1000, oneInstanceP99Ms: 50, twoInstancesP99Ms: 100 };
export const MESSAGING_DEFAULTS = { members: 10_000, rate: 1000, warmupS: 5, durationS: 20, holdS: 10, lostAfterMs: 5000 };
/** The messaging service's limit (30 a minute per account): the harness keeps every account well under it. */
const SEND_LIMIT_PER_MINUTE = 30;

/**
 * Sizes from BENCH_MESSAGING_MEMBERS, BENCH_MESSAGING_RATE, BENCH_MESSAGING_DURATION, BENCH_MESSAGING_WARMUP and
 * BENCH_MESSAGING_HOLD (seconds the sockets are held idle before memory is read), for a quicker run.
 */
export function messagingSettings(envInt: (name: string, fallback: number) => number) {
  return {
    ...MESSAGING_DEFAULTS,
    members: envInt('BENCH_MESSAGING_MEMBERS', MESSAGING_DEFAULTS.members),
    rate: envInt('BENCH_MESSAGING_RATE', MESSAGING_DEFAULTS.rate),
    durationS: envInt('BENCH_MESSAGING_DURATION', MESSAGING_DEFAULTS.durationS),
    warmupS: envInt('BENCH_MESSAGING_WARMUP', MESSAGING_DEFAULTS.warmupS),
    holdS: envInt('BENCH_MESSAGING_HOLD', MESSAGING_DEFAULTS.holdS),
  };
}
export type MessagingSettings = ReturnType<typeof messagingSettings>;

// ── The members ───────────────────────────────────────────────────────────────────────────────────────────────

export interface MessagingData {
  members: number;
  pairs: number;
  /** Absent when an earlier run loaded them (a kept data directory). */
  loadMs?: number;
}

const EMAIL = (i: string) => `'bench-msg-' || ${i} || '@example.invalid'`;

/**
 * Members in pairs (odd: the mentor, a peer supporter; even: the mentee) with an active mentorship and the direct
 * conversation the messaging service keeps for it (basis `mentorship`, pair_key `smaller:larger`, two participant
 * rows), and a session each expiring in 30 days (no renewal write during the run). One transaction, inside PostgreSQL.
 */
async function loadMembers(client: pg.Client, members: number): Promise<void> {
  await client.query('begin');
  await client.query(
    `create temp table bench_msg on commit drop as
       select i, gen_random_uuid() as id, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '') as token
         from generate_series(1, $1::int) i`,
    [members],
  );
  await client.query(
    `insert into "user" (id, name, email, email_verified, locale)
       select id, 'Messaging member ' || i, ${EMAIL('i')}, true, case when i % 3 = 0 then 'es' else 'en' end from bench_msg`,
  );
  await client.query(`insert into user_role (user_id, role) select id, 'member' from bench_msg union all select id, 'peer_supporter' from bench_msg where i % 2 = 1`);
  await client.query(`insert into session (id, token, user_id, expires_at) select gen_random_uuid(), token, id, now() + interval '30 days' from bench_msg`);
  await client.query(
    `create temp table bench_pair on commit drop as
       select a.id as mentor, b.id as mentee, gen_random_uuid() as conversation_id from bench_msg a join bench_msg b on b.i = a.i + 1 where a.i % 2 = 1`,
  );
  await client.query(
    `insert into mentorship (id, mentor_id, mentee_id, status, origin, requested_at, responded_at, started_at)
       select gen_random_uuid(), mentor, mentee, 'active', 'coordinator', now(), now(), now() from bench_pair`,
  );
  await client.query(
    `insert into conversation (id, kind, basis, status, pair_key)
       select conversation_id, 'direct', 'mentorship', 'active', least(mentor::text, mentee::text) || ':' || greatest(mentor::text, mentee::text) from bench_pair`,
  );
  await client.query(
    `insert into conversation_participant (conversation_id, user_id)
       select conversation_id, mentor from bench_pair union all select conversation_id, mentee from bench_pair`,
  );
  await client.query('commit');
  for (const table of ['"user"', 'user_role', 'session', 'mentorship', 'conversation', 'conversation_participant']) await client.query(`vacuum (analyze) ${table}`);
}

/** The session secret: KINDRED_SECRET when the server has one, else the one it generated into the database. */
async function sessionSecret(client: pg.Client, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.KINDRED_SECRET) return env.KINDRED_SECRET;
  const { rows } = await client.query<{ secret: string }>(`select value #>> '{}' as secret from instance_setting where key = 'auth_secret'`);
  if (!rows[0]) throw new Error('No KINDRED_SECRET and no auth_secret in instance_setting: is the server running?');
  return rows[0].secret;
}

/** Signed as better-auth signs it: `token.base64(HMAC-SHA256(secret, token))`, URI-encoded. */
const sessionCookie = (token: string, secret: string) =>
  `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${crypto.createHmac('sha256', secret).update(token).digest('base64')}`)}`;

async function prepareMembers(dbUrl: string, env: NodeJS.ProcessEnv, members: number, progress: (line: string) => void) {
  const client = new pg.Client(dbUrl);
  await client.connect();
  try {
    const existing = Number((await client.query(`select count(*) from "user" where email like 'bench-msg-%'`)).rows[0].count);
    let loadMs: number | undefined;
    if (existing === 0) {
      progress(`messaging: loading ${members} members in ${members / 2} active mentorships with their conversations`);
      const started = performance.now();
      await loadMembers(client, members);
      loadMs = performance.now() - started;
    } else if (existing !== members) {
      throw new Error(`The data directory holds ${existing} messaging members, not ${members}: use another BENCH_MESSAGING_DIR.`);
    } else progress(`messaging: ${existing} members already loaded (kept data directory)`);
    const secret = await sessionSecret(client, env);
    const users = await client.query<{ id: string; token: string }>(
      `select u.id, s.token from "user" u join session s on s.user_id = u.id
        where u.email like 'bench-msg-%' and s.expires_at > now() + interval '2 days'
        order by substring(u.email from 'bench-msg-(\\d+)')::int`,
    );
    const index = new Map(users.rows.map((u, i) => [u.id, i]));
    const conversations = await client.query<{ id: string; mentor: string; mentee: string }>(
      `select c.id, m.mentor_id as mentor, m.mentee_id as mentee from mentorship m
         join conversation c on c.kind = 'direct' and c.pair_key = least(m.mentor_id::text, m.mentee_id::text) || ':' || greatest(m.mentor_id::text, m.mentee_id::text)
        where m.status = 'active' and m.mentor_id = any($1::uuid[])`,
      [users.rows.map((u) => u.id)],
    );
    const forLoad: LoadMember[] = users.rows.map((u) => ({ id: u.id, cookie: sessionCookie(u.token, secret) }));
    const pairs: LoadPair[] = conversations.rows.map((c) => ({ conversationId: c.id, a: index.get(c.mentor)!, b: index.get(c.mentee)! }));
    if (forLoad.length !== members || pairs.length !== members / 2) throw new Error(`Expected ${members} members and ${members / 2} pairs, found ${forLoad.length} and ${pairs.length}`);
    return { data: { members, pairs: pairs.length, loadMs } satisfies MessagingData, members: forLoad, pairs };
  } finally {
    await client.end();
  }
}

// ── The load generator process ────────────────────────────────────────────────────────────────────────────────

interface LoadProcess {
  command<T>(command: LoadCommand, onEvent?: (event: string) => void): Promise<T>;
  exit(): Promise<void>;
}

/** Spawned with its open-files soft limit raised to the hard one: it holds a socket per member. */
function spawnLoad(membersFile: string): LoadProcess {
  const child: ChildProcess = spawn(
    'sh',
    ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, '--import', 'tsx', path.join(root, 'bench/messaging-load.ts'), membersFile],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = readline.createInterface({ input: child.stdout! });
  let waiter: { resolve: (line: Record<string, unknown>) => void; onEvent?: (event: string) => void } | undefined;
  lines.on('line', (line) => {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.event === 'string') return waiter?.onEvent?.(value.event);
    waiter?.resolve(value);
  });
  return {
    command<T>(command: LoadCommand, onEvent?: (event: string) => void) {
      return new Promise<T>((resolve, reject) => {
        const gone = () => reject(new Error(`the load generator exited during ${command.cmd}`));
        child.once('exit', gone);
        waiter = {
          onEvent,
          resolve: (value) => {
            child.removeListener('exit', gone);
            waiter = undefined;
            if (typeof value.error === 'string') reject(new Error(`load generator: ${value.error}`));
            else resolve(value as T);
          },
        };
        child.stdin!.write(`${JSON.stringify(command)}\n`);
      });
    },
    async exit() {
      if (child.exitCode === null && child.signalCode === null) child.stdin!.end(`${JSON.stringify({ cmd: 'exit' })}\n`);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

// ── The second instance ───────────────────────────────────────────────────────────────────────────────────────

interface Target {
  url: string;
  pid: number;
}

/**
 * Another API-only Kindred (bench/community-server.ts) on the first one's PostgreSQL (DATABASE_URL) and its own port
 * and public URL (the socket checks the Origin against it); the same secret, from the environment or the database.
 */
async function startSecondInstance(instance: Instance, dbUrl: string): Promise<Target & { stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(root, '.tmp', 'bench-second-'));
  const env = { ...instance.env, DATABASE_URL: dbUrl, PORT: String(port), PUBLIC_URL: url, KINDRED_DATA_DIR: dataDir };
  const child = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', path.join(root, 'bench/community-server.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error('the second instance did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, stop };
}

// ── Measuring ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface HeldConnections {
  instance: string;
  connect: ConnectResult;
  check: CheckResult;
  heldS: number;
  /** The server's node process alone (its PostgreSQL does not grow with sockets), median of three samples. */
  before: { rssKb: number; pssKb: number };
  after: { rssKb: number; pssKb: number };
  pssPerConnectionKb: number;
  /** The server's open-files limit, read from /proc. */
  openFilesLimit: number | undefined;
}

export interface Delivery {
  setup: string;
  target: number;
  result: SendResult;
  /** CPU used during the measured window, as a share of one core. */
  cpu: Array<{ process: string; percent: number }>;
}

export interface MessagingResults {
  settings: MessagingSettings;
  data: MessagingData;
  held: HeldConnections[];
  delivery: Delivery[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The node process's own RSS and PSS (its PostgreSQL, a child when embedded, left out): median of three, 1 s apart. */
async function serverMemory(pid: number): Promise<{ rssKb: number; pssKb: number }> {
  const samples: Array<{ rssKb: number; pssKb: number }> = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(1000);
    const own = memoryFootprint([pid]).processes.find((p) => p.pid === pid);
    if (!own || own.pssKb === undefined) throw new Error(`cannot read the memory of process ${pid}`);
    samples.push({ rssKb: own.rssKb, pssKb: own.pssKb });
  }
  return samples.sort((a, b) => a.pssKb - b.pssKb)[1]!;
}

const openFilesLimit = (pid: number) => {
  const line = fs.readFileSync(`/proc/${pid}/limits`, 'utf8').match(/^Max open files\s+(\d+)/m);
  return line ? Number(line[1]) : undefined;
};

/** Memory with no socket, every member's socket opened, held idle, pinged, memory again. */
async function holdConnections(load: LoadProcess, label: string, target: Target, s: MessagingSettings, progress: (line: string) => void): Promise<HeldConnections> {
  const limit = openFilesLimit(target.pid);
  if (limit !== undefined && limit < s.members + 200) progress(`messaging: WARNING the ${label} server may open only ${limit} files`);
  await sleep(3000);
  const before = await serverMemory(target.pid);
  progress(`messaging: opening ${s.members} sockets on ${label}`);
  const connect = await load.command<ConnectResult>({ cmd: 'connect', url: target.url, origin: target.url, concurrency: 100 });
  progress(`messaging: ${connect.opened} open in ${(connect.ms / 1000).toFixed(1)} s (${connect.failed} failed${connect.failed ? `: ${JSON.stringify(connect.failures)}` : ''}); holding them idle ${s.holdS} s`);
  await sleep(s.holdS * 1000);
  const after = await serverMemory(target.pid);
  const check = await load.command<CheckResult>({ cmd: 'check', timeoutMs: 15_000 });
  progress(`messaging: ${check.answered} of ${check.open} open sockets answered a ping; PSS ${(before.pssKb / 1024).toFixed(1)} → ${(after.pssKb / 1024).toFixed(1)} MB`);
  return {
    instance: label,
    connect,
    check,
    heldS: s.holdS,
    before,
    after,
    pssPerConnectionKb: connect.opened ? (after.pssKb - before.pssKb) / connect.opened : Number.NaN,
    openFilesLimit: limit,
  };
}

/** Sends through `sendTo` at the target rate; CPU of the given processes sampled over the measured window only. */
async function deliver(load: LoadProcess, setup: string, sendTo: Target, processes: Array<{ name: string; sample: () => number }>, s: MessagingSettings, progress: (line: string) => void): Promise<Delivery> {
  progress(`messaging: ${setup}: ${s.rate} messages/s for ${s.durationS} s after ${s.warmupS} s warm-up`);
  let start: number[] = [];
  let end: number[] = [];
  let startedAt = 0;
  let endedAt = 0;
  const result = await load.command<SendResult>(
    { cmd: 'send', url: sendTo.url, origin: sendTo.url, rate: s.rate, warmupS: s.warmupS, durationS: s.durationS, lostAfterMs: s.lostAfterMs, httpSockets: 256 },
    (event) => {
      if (event === 'measure-start') [start, startedAt] = [processes.map((p) => p.sample()), performance.now()];
      if (event === 'measure-end') [end, endedAt] = [processes.map((p) => p.sample()), performance.now()];
    },
  );
  const cpu = processes.map((p, i) => ({ process: p.name, percent: Math.round(((end[i]! - start[i]!) / (endedAt - startedAt)) * 1000) / 10 }));
  const d = result.delivery;
  progress(
    `messaging: ${setup}: sent ${result.sentRate}/s, delivered ${result.delivered}/${result.sent}, lost ${result.lost}, HTTP errors ${JSON.stringify(result.httpErrors)}; ` +
      `delivery p50 ${d.p50} p95 ${d.p95} p99 ${d.p99} max ${d.max} ms; CPU ${cpu.map((c) => `${c.process} ${c.percent}%`).join(', ')}`,
  );
  return { setup, target: s.rate, result, cpu };
}

/**
 * The whole section against a running Kindred (`server`: its node process), its embedded PostgreSQL at `dbUrl`:
 * members loaded (or found loaded), then one instance, then two.
 */
export async function measureMessaging(instance: Instance, serverPid: number, dbUrl: string, s: MessagingSettings, progress: (line: string) => void): Promise<MessagingResults> {
  const perMinute = (s.rate * 60) / s.members;
  if (perMinute > SEND_LIMIT_PER_MINUTE / 2) progress(`messaging: WARNING ${perMinute.toFixed(0)} messages a minute per account nears the limit of ${SEND_LIMIT_PER_MINUTE}: expect 429s`);
  const { data, members, pairs } = await prepareMembers(dbUrl, instance.env, s.members, progress);
  const file = path.join(root, '.tmp', `bench-messaging-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ members, pairs }), { mode: 0o600 });
  const load = spawnLoad(file);
  const first: Target = { url: instance.url, pid: serverPid };
  const postmaster = postmasterPid(instance.dataDir);
  const firstCpu = { name: 'instance 1', sample: () => cpuTime(serverPid, undefined).kindredMs };
  const postgresCpu = { name: 'PostgreSQL', sample: () => cpuTime(serverPid, postmaster).postgresMs };
  try {
    const held = [await holdConnections(load, 'instance 1', first, s, progress)];
    const delivery = [await deliver(load, 'one instance', first, [firstCpu, postgresCpu], s, progress)];
    await load.command({ cmd: 'close' });

    progress('messaging: starting a second instance on the same PostgreSQL');
    const second = await startSecondInstance(instance, dbUrl);
    try {
      held.push(await holdConnections(load, 'instance 2', second, s, progress));
      const secondCpu = { name: 'instance 2', sample: () => cpuTime(second.pid, undefined).kindredMs };
      delivery.push(await deliver(load, 'sent to instance 1, sockets on instance 2', first, [firstCpu, secondCpu, postgresCpu], s, progress));
      await load.command({ cmd: 'close' });
    } finally {
      await second.stop();
    }
    return { settings: s, data, held, delivery };
  } finally {
    await load.exit();
    fs.rmSync(file, { force: true });
  }
}

// ── Report ────────────────────────────────────────────────────────────────────────────────────────────────────

const verdict = (ok: boolean) => (ok ? '**PASS**' : '**FAIL**');
const thousands = (n: number) => n.toLocaleString('en-US');
const mb = (kb: number) => (kb / 1024).toFixed(1);
/** A latency, or n/a when nothing arrived (NaN in process, null once through JSON). */
const num = (v: number | null) => (v === null || Number.isNaN(v) ? 'n/a' : String(v));
const counts = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k}×${n}`).join(' ') || '0';

export function messagingSummary(r: MessagingResults) {
  const heldOk = (h: HeldConnections) => h.connect.opened >= MESSAGING_TARGETS.connections && h.check.answered >= MESSAGING_TARGETS.connections;
  // A p99 under target counts only at the target rate with nothing lost and nothing refused.
  const deliveryOk = (d: Delivery | undefined, p99Ms: number) =>
    d !== undefined &&
    d.result.sentRate >= MESSAGING_TARGETS.rate * 0.99 &&
    d.result.answeredRate >= MESSAGING_TARGETS.rate * 0.98 &&
    d.result.lost === 0 &&
    Object.keys(d.result.httpErrors).length === 0 &&
    d.result.delivery.p99 < p99Ms;
  return {
    connections: r.held[0] !== undefined && heldOk(r.held[0]),
    oneInstance: deliveryOk(r.delivery[0], MESSAGING_TARGETS.oneInstanceP99Ms),
    twoInstances: deliveryOk(r.delivery[1], MESSAGING_TARGETS.twoInstancesP99Ms),
  };
}

/** The report's section; `note` (how and where it was measured, for a run of this file alone) goes under the title. */
export function messagingSection(r: MessagingResults, note?: string): string[] {
  const s = r.settings;
  const v = messagingSummary(r);
  const row = (d: Delivery) => {
    const x = d.result;
    return (
      `| ${d.setup} | ${thousands(d.target)} | **${x.sentRate}** | **${x.answeredRate}** | ${thousands(x.sent)} | ${thousands(x.delivered)} | ${thousands(x.lost)} | ${counts(x.httpErrors)} ` +
      `| ${num(x.delivery.p50)} | ${num(x.delivery.p95)} | **${num(x.delivery.p99)}** | ${num(x.delivery.max)} | ${num(x.http.p50)} / ${num(x.http.p99)} | ${d.cpu.map((c) => `${c.process} ${c.percent}%`).join(', ')} ` +
      `| ${x.loopDelayP99Ms} / ${x.loopDelayMaxMs} ms, ${x.cpuPercent}% |`
    );
  };
  const [one, two] = r.delivery;
  return [
    '',
    '## Messaging',
    '',
    ...(note ? [note, ''] : []),
    `${thousands(r.data.members)} members in ${thousands(r.data.pairs)} active mentorships, each pair with its direct conversation, and a session each, ` +
      (r.data.loadMs === undefined ? 'loaded by an earlier run into a kept data directory (BENCH_MESSAGING_DIR). ' : `inserted by SQL in ${(r.data.loadMs / 1000).toFixed(1)} s. `) +
      'The load generator (`bench/messaging-load.ts`) is a separate node process on loopback: one WebSocket per member at `/api/v1/realtime` ' +
      '(session cookie signed by the harness, Origin of the instance), messages over keep-alive HTTP.',
    '',
    '### Connections held',
    '',
    `Every member's socket opened (100 at a time: upgrade, \`hello\`, \`resume\`, \`resumed\`), held idle ${s.holdS} s, then a \`ping\` frame on each. ` +
      "Memory is the server's node process alone (PSS, median of three samples), before the first socket and after the idle hold.",
    '',
    '| Instance | opened | failed | open time s | answered ping after hold | closed by server | PSS before MB | PSS with sockets MB | **PSS per idle connection KB** | RSS before / after MB |',
    '|---|---:|---:|---:|---:|---|---:|---:|---:|---|',
    ...r.held.map(
      (h) =>
        `| ${h.instance} | ${thousands(h.connect.opened)} | ${h.connect.failed}${h.connect.failed ? ` (${counts(h.connect.failures)})` : ''} | ${(h.connect.ms / 1000).toFixed(1)} ` +
        `| ${thousands(h.check.answered)} of ${thousands(h.check.open)} | ${counts(h.check.closed)} | ${mb(h.before.pssKb)} | ${mb(h.after.pssKb)} | **${h.pssPerConnectionKb.toFixed(1)}** ` +
        `| ${mb(h.before.rssKb)} / ${mb(h.after.rssKb)} |`,
    ),
    '',
    `${thousands(MESSAGING_TARGETS.connections)} connections held by one instance: ${verdict(v.connections)}.`,
    '',
    '### Delivery',
    '',
    `Open loop at ${thousands(s.rate)} messages/s for ${s.durationS} s after a ${s.warmupS} s warm-up: \`POST /api/v1/conversations/{id}/messages\` as one side of a pair, ` +
      `pairs in rotation, both sides taking turns (each account sends one message every ${((2 * r.data.pairs) / s.rate).toFixed(0)} s). ` +
      "Each send names the sender's own socket (`kindred-socket`, as the web app does), so that socket gets no frame for it: one frame a message " +
      `(frames that reached a sender's own socket anyway: ${r.delivery.map((d) => `${d.setup} ${thousands(d.result.echoes)}`).join(', ')}). ` +
      'Delivery is the time from issuing the POST to the `message.created` frame on the recipient\'s socket, in the load generator (one clock); ' +
      'its percentiles are over the frames that arrived, late ones included. ' +
      `Answered /s: 201 answers received during the measured window, per second (what the server kept up with; below the sent rate, requests queue ` +
      `and latency grows without bound). Lost: sent in the window and no frame within ${s.lostAfterMs / 1000} s of its send (late, never answered, or answered without a frame). ` +
      "CPU is over the measured window, in % of one core (the machine's two cores are shared by all of it).",
    '',
    '| Setup | target /s | **sent /s** | **answered /s** | sent | delivered | lost | HTTP errors | p50 ms | p95 ms | **p99 ms** | max ms | POST answer p50 / p99 ms | server CPU | load generator loop delay p99 / max, CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|---|',
    ...r.delivery.map(row),
    '',
    'Seconds of the window whose slowest delivery took over 100 ms (a stall shows as one or two such seconds):',
    '',
    ...r.delivery.map((d) => {
      const seconds = d.result.worstPerSecondMs;
      const bad = seconds.flatMap((ms, second) => (ms > 100 ? [`${second} s (${ms} ms)`] : []));
      return `- ${d.setup}: ${bad.length > 5 ? `${bad.length} of ${seconds.length}` : bad.join(', ') || 'none'}`;
    }),
    '',
    `One instance, p99 < ${MESSAGING_TARGETS.oneInstanceP99Ms} ms at ${thousands(MESSAGING_TARGETS.rate)}/s with nothing lost: ${verdict(v.oneInstance)}` +
      (one ? ` (p99 ${num(one.result.delivery.p99)} ms; sent ${one.result.sentRate}/s, answered ${one.result.answeredRate}/s).` : '.'),
    `Across two instances, p99 < ${MESSAGING_TARGETS.twoInstancesP99Ms} ms at ${thousands(MESSAGING_TARGETS.rate)}/s with nothing lost: ${verdict(v.twoInstances)}` +
      (two ? ` (p99 ${num(two.result.delivery.p99)} ms; sent ${two.result.sentRate}/s, answered ${two.result.answeredRate}/s).` : '.'),
  ];
}

// Alone: an API-only server (bench/community-server.ts) with a known KINDRED_SECRET on a throwaway data directory, or
// on BENCH_MESSAGING_DIR, kept between runs so the members are loaded once.
if (import.meta.url === `file://${process.argv[1]}`) {
  const os = await import('node:os');
  const { recordSectionInLatest, startApiServer } = await import('./kindred.ts');
  const { runningEmbeddedUrl } = await import('../src/server/db/embedded.ts');
  const envInt = (name: string, fallback: number) => Number.parseInt(process.env[name] ?? '', 10) || fallback;
  const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const loadBefore = os.loadavg();
  // createInstance copies this environment into the server's (and so into the second instance's).
  process.env.KINDRED_SECRET ??= crypto.randomBytes(36).toString('base64url');

  const { instance, child, cleanUp } = await startApiServer(process.env.BENCH_MESSAGING_DIR, progress);
  try {
    const dbUrl = runningEmbeddedUrl(instance.dataDir)!;
    const results = await measureMessaging(instance, child.pid!, dbUrl, messagingSettings(envInt), progress);
    const client = new pg.Client(dbUrl);
    await client.connect();
    const version = (await client.query<{ version: string }>('select version()')).rows[0]!.version.split(' on ')[0];
    await client.end();
    const note =
      `Measured alone (\`npx tsx bench/messaging.ts\`) on ${new Date().toISOString()}: Node ${process.version}, ${version}, ` +
      `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.availableParallelism()}; load average before ${loadBefore.map((v) => v.toFixed(2)).join(' ')}, ` +
      `after ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}.`;
    const section = messagingSection(results, note).join('\n');
    process.stdout.write(`${section}\n`);
    recordSectionInLatest('Messaging', section);
    fs.writeFileSync(path.join(root, 'bench/results', `${new Date().toISOString().slice(0, 10)}-messaging.json`), `${JSON.stringify(results, null, 1)}\n`);
    progress('written to bench/results/latest.md (its messaging section)');
  } finally {
    await cleanUp();
  }
}
