// The messaging benchmark's load generator (bench/messaging.ts spawns it as `node --import tsx bench/messaging-load.ts
// <members.json>`): a process of its own, so the server's event loop and this one's are measured apart. It holds one
// WebSocket per member at /api/v1/realtime and sends messages over keep-alive HTTP, both on loopback only, and times
// each message from its POST to the `message.created` frame on the recipient's socket (one clock: this process's).
// Commands arrive as JSON lines on stdin; each is answered by one JSON line on stdout (`event` lines come first
// during a send, so the harness can sample the server's CPU over exactly the measured window). Progress: stderr.
import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';
import WebSocket from 'ws';

export interface LoadMember {
  id: string;
  /** `kindred.session_token=<signed token>` */
  cookie: string;
}

export interface LoadPair {
  conversationId: string;
  /** Indexes into members. */
  a: number;
  b: number;
}

export type LoadCommand =
  | { cmd: 'connect'; url: string; origin: string; concurrency: number }
  | { cmd: 'check'; timeoutMs: number }
  | { cmd: 'send'; url: string; origin: string; rate: number; warmupS: number; durationS: number; lostAfterMs: number; httpSockets: number }
  | { cmd: 'close' }
  | { cmd: 'exit' };

export interface ConnectResult {
  opened: number;
  failed: number;
  /** Why sockets failed to open: HTTP status of a refused upgrade, or the error's code. */
  failures: Record<string, number>;
  ms: number;
}

export interface CheckResult {
  /** Sockets that answered a `ping` frame with `pong` within the timeout. */
  answered: number;
  open: number;
  /** Sockets the server closed since they opened, by close code. */
  closed: Record<string, number>;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SendResult {
  targetRate: number;
  /** Messages whose POST was issued during the measured window, per second of that window. */
  sentRate: number;
  sent: number;
  /** Answered 201 (of the measured ones). */
  accepted: number;
  /** 201 answers (to any message) received during the measured window, per second: what the server kept up with. */
  answeredRate: number;
  /** Requests still unanswered when the measured window ended. */
  inFlightAtEnd: number;
  delivered: number;
  /** Sent in the window, no `message.created` frame on the recipient's socket within lostAfterMs of the send. */
  lost: number;
  /** Answers other than 201 and request errors, by status or error code. */
  httpErrors: Record<string, number>;
  /** From the POST being issued to the frame on the recipient's socket. */
  delivery: Latency;
  /** From the POST being issued to its answer's last byte. */
  http: Latency;
  /**
   * The same message's frame arriving on the sender's own socket, counted, not timed. Each send names that socket
   * (`kindred-socket`, as the web app does), so the server should send none.
   */
  echoes: number;
  /** How late sends left against the schedule (ms): this process keeping up or not. */
  scheduleLagP99Ms: number;
  maxInFlight: number;
  /** This process's event-loop delay during the measured window (ms) and its CPU use (of one core). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  cpuPercent: number;
  measuredS: number;
  /** The slowest delivery of the messages sent in each second of the window (ms): a stall shows as one bad second. */
  worstPerSecondMs: number[];
}

const [membersFile] = process.argv.slice(2);
if (!membersFile) throw new Error('usage: messaging-load.ts <members.json>');
const { members, pairs } = JSON.parse(fs.readFileSync(membersFile, 'utf8')) as { members: LoadMember[]; pairs: LoadPair[] };
const log = (line: string) => process.stderr.write(`[load] ${line}\n`);
const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const latency = (values: number[]): Latency => {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? Number.NaN) };
};
const round = (v: number) => Math.round(v * 10) / 10;
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

// ── Sockets ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Each member's socket, by index; what arrives on it once live goes to `onFrame` as text (parsed only if needed). */
const sockets: Array<WebSocket | undefined> = [];
/** Each socket's id from its `hello`: a send names the sender's socket (`kindred-socket`), as the web app does. */
const socketIds: Array<string | undefined> = [];
const closedCodes: Record<string, number> = {};
let onFrame: (member: number, text: string) => void = () => {};

/** Opens one member's socket: the `hello`, then `resume` with no id (start live) and its `resumed`. */
function open(index: number, url: string, origin: string): Promise<void> {
  const member = members[index]!;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/realtime`, { headers: { cookie: member.cookie, origin }, perMessageDeflate: false });
    let live = false;
    const timer = setTimeout(() => fail(new Error('timeout')), 30_000);
    const fail = (err: Error & { code?: string }) => {
      clearTimeout(timer);
      ws.terminate();
      reject(err);
    };
    ws.once('unexpected-response', (_req, res) => fail(Object.assign(new Error(`HTTP ${res.statusCode}`), { code: `HTTP ${res.statusCode}` })));
    ws.once('error', fail);
    ws.on('message', (data) => {
      if (live) return onFrame(index, String(data));
      const frame = JSON.parse(String(data)) as { type: string; socketId?: string };
      if (frame.type === 'hello') {
        socketIds[index] = frame.socketId;
        ws.send(JSON.stringify({ type: 'resume' }));
      }
      else if (frame.type === 'resumed') {
        live = true;
        clearTimeout(timer);
        ws.removeListener('error', fail);
        ws.on('error', () => {}); // a close follows and is counted there
        ws.once('close', (code) => {
          if (sockets[index] === ws) sockets[index] = socketIds[index] = undefined;
          bump(closedCodes, String(code));
        });
        sockets[index] = ws;
        resolve();
      }
    });
  });
}

async function connect(c: Extract<LoadCommand, { cmd: 'connect' }>): Promise<ConnectResult> {
  const started = performance.now();
  const failures: Record<string, number> = {};
  let next = 0;
  let opened = 0;
  const worker = async () => {
    while (next < members.length) {
      const index = next++;
      try {
        await open(index, c.url, c.origin);
        if (++opened % 1000 === 0) log(`${opened} sockets open`);
      } catch (err) {
        bump(failures, (err as { code?: string }).code ?? (err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: c.concurrency }, worker));
  for (const key of Object.keys(closedCodes)) delete closedCodes[key];
  return { opened, failed: members.length - opened, failures, ms: Math.round(performance.now() - started) };
}

/** A `ping` frame on every open socket; counts the `pong`s. */
async function check(c: Extract<LoadCommand, { cmd: 'check' }>): Promise<CheckResult> {
  const waiting = new Set<number>();
  let answered = 0;
  onFrame = (member, text) => {
    if ((JSON.parse(text) as { type: string }).type === 'pong' && waiting.delete(member)) answered++;
  };
  sockets.forEach((ws, i) => {
    if (!ws) return;
    waiting.add(i);
    ws.send('{"type":"ping"}');
  });
  const deadline = Date.now() + c.timeoutMs;
  while (waiting.size > 0 && Date.now() < deadline) await sleep(50);
  onFrame = () => {};
  return { answered, open: sockets.filter(Boolean).length, closed: { ...closedCodes } };
}

async function closeAll(): Promise<{ closed: number }> {
  const open = sockets.filter((ws): ws is WebSocket => ws !== undefined);
  await Promise.all(
    open.map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(1000);
          setTimeout(() => (ws.terminate(), resolve()), 5000).unref();
        }),
    ),
  );
  sockets.length = 0;
  socketIds.length = 0;
  for (const key of Object.keys(closedCodes)) delete closedCodes[key];
  return { closed: open.length };
}

// ── Sending ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Ordinary words (nothing for the crisis detector or the off-platform check to flag), some Markdown. */
const LINES = [
  'Made it to the Tuesday meeting, thanks for the push.',
  'How did the **job interview** go?',
  'Doing the gratitude list tonight: coffee, my sister, *sleep*.',
  'Rough afternoon but I went for a walk and it passed.',
  'Want to go over step four on Sunday?',
  'Thanks for listening yesterday, it helped a lot.',
];

async function send(c: Extract<LoadCommand, { cmd: 'send' }>): Promise<SendResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: c.httpSockets });
  const target = new URL(c.url);
  /** Sent at (performance.now()), by tag, until the recipient's frame arrives. */
  const pending = new Map<string, { at: number; measured: boolean }>();
  const delivery: number[] = [];
  const worstPerSecond: number[] = [];
  const httpMs: number[] = [];
  const lags: number[] = [];
  const httpErrors: Record<string, number> = {};
  let echoes = 0;
  let sent = 0;
  let accepted = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let answeredInWindow = 0;
  let measureStart = 0;
  let measureEnd = 0;
  const run = `${Date.now().toString(36)}`;

  // A frame a message arrives here (two if the server ignored the sender's socket id): read with string searches, not
  // JSON.parse, so this process stays light (the tag and `"mine":true` cannot appear otherwise: inside the body's
  // JSON string quotes are escaped).
  onFrame = (_member, text) => {
    if (!text.includes('"type":"message.created"')) return;
    if (text.includes('"mine":true')) return void echoes++;
    const tag = /\(m ([a-z0-9]+ \d+)\)/.exec(text)?.[1];
    const entry = tag ? pending.get(tag) : undefined;
    if (!entry) return;
    pending.delete(tag!);
    if (!entry.measured) return;
    const ms = performance.now() - entry.at;
    delivery.push(ms);
    const second = Math.floor((entry.at - measureStart) / 1000);
    worstPerSecond[second] = Math.max(worstPerSecond[second] ?? 0, ms);
  };

  const post = (k: number, measured: boolean) => {
    const pair = pairs[k % pairs.length]!;
    // Both sides take turns; pairs in rotation: each account sends once every 2 × pairs / rate seconds.
    const fromA = Math.floor(k / pairs.length) % 2 === 0;
    const senderIndex = fromA ? pair.a : pair.b;
    const sender = members[senderIndex]!;
    const socketId = socketIds[senderIndex];
    // The tag is words and parentheses, so it leaves a plain line plain: four of the six lines take the renderer's
    // shortcut, as a chat's one-line messages do (src/server/modules/messaging/render.ts), the other two Markdown.
    const tag = `${run} ${k}`;
    const body = JSON.stringify({ body: `${LINES[k % LINES.length]} (m ${tag})` });
    const at = performance.now();
    pending.set(tag, { at, measured });
    if (measured) sent++;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: `/api/v1/conversations/${pair.conversationId}/messages`,
        agent,
        headers: {
          cookie: sender.cookie,
          origin: c.origin,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(socketId ? { 'kindred-socket': socketId } : {}),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => {
          inFlight--;
          if (res.statusCode === 201 && measureStart > 0 && measureEnd === 0) answeredInWindow++;
          if (res.statusCode === 201) {
            if (measured) {
              accepted++;
              httpMs.push(performance.now() - at);
            }
          } else {
            pending.delete(tag);
            if (measured) bump(httpErrors, String(res.statusCode));
          }
        });
      },
    );
    req.once('error', (err: Error & { code?: string }) => {
      inFlight--;
      pending.delete(tag);
      if (measured) bump(httpErrors, err.code ?? err.message);
    });
    req.end(body);
  };

  // Open loop: every few ms, send what the schedule says is due by now, whether or not earlier answers came back
  // (a closed loop would slow down with the server and hide its latency).
  const totalS = c.warmupS + c.durationS;
  const due = Math.round(c.rate * totalS);
  const warmupCount = Math.round(c.rate * c.warmupS);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  let cpuBefore = process.cpuUsage();
  const started = performance.now();
  let k = 0;
  log(`sending ${due} messages at ${c.rate}/s (${c.warmupS} s warm-up)`);
  while (k < due) {
    const now = performance.now();
    const dueNow = Math.min(due, Math.floor(((now - started) / 1000) * c.rate) + 1);
    for (; k < dueNow; k++) {
      const measured = k >= warmupCount;
      if (k === warmupCount) {
        reply({ event: 'measure-start' });
        measureStart = performance.now();
        loop.enable();
        cpuBefore = process.cpuUsage();
      }
      if (measured) lags.push(now - (started + (k / c.rate) * 1000));
      post(k, measured);
    }
    await sleep(2);
  }
  measureEnd = performance.now();
  const inFlightAtEnd = inFlight;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  reply({ event: 'measure-end' });
  const measuredS = (measureEnd - measureStart) / 1000;

  // Everything answered, then whatever is still pending gets until lostAfterMs after its own send.
  const deadline = performance.now() + c.lostAfterMs;
  while ((inFlight > 0 || [...pending.values()].some((p) => p.measured)) && performance.now() < deadline) await sleep(20);
  const lost = [...pending.values()].filter((p) => p.measured).length;
  const late = delivery.filter((ms) => ms > c.lostAfterMs).length;
  onFrame = () => {};
  agent.destroy();
  return {
    targetRate: c.rate,
    sentRate: round(sent / measuredS),
    sent,
    accepted,
    answeredRate: round(answeredInWindow / measuredS),
    inFlightAtEnd,
    delivered: delivery.length - late,
    lost: lost + late,
    httpErrors,
    delivery: latency(delivery),
    http: latency(httpMs),
    echoes,
    scheduleLagP99Ms: latency(lags).p99,
    maxInFlight,
    // The histogram counts the 1 ms timer itself: what is over it is delay.
    loopDelayP99Ms: round(Math.max(0, loop.percentile(99) / 1e6 - 1)),
    loopDelayMaxMs: round(Math.max(0, loop.max / 1e6 - 1)),
    cpuPercent: round(((cpu.user + cpu.system) / 1000 / (measureEnd - measureStart)) * 100),
    measuredS: round(measuredS),
    worstPerSecondMs: Array.from(worstPerSecond, (ms) => round(ms ?? Number.NaN)),
  };
}

// ── Commands ──────────────────────────────────────────────────────────────────────────────────────────────────

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const command = JSON.parse(line) as LoadCommand;
  try {
    if (command.cmd === 'connect') reply(await connect(command));
    else if (command.cmd === 'check') reply(await check(command));
    else if (command.cmd === 'send') reply(await send(command));
    else if (command.cmd === 'close') reply(await closeAll());
    else break;
  } catch (err) {
    reply({ error: (err as Error).stack ?? String(err) });
  }
}
await closeAll();
process.exit(0);
