import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postmasterPid as embeddedPostmasterPid, stopPostmaster as stopEmbeddedPostmaster } from '../src/server/db/embedded.ts';
import { isRunning } from '../src/server/db/lock.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/kindred.js');

/**
 * The node flags `npm start` runs Kindred with (package.json, docs/decisions/0016): every server a benchmark starts
 * gets them, so it measures the server as it is deployed.
 */
export const serverNodeFlags: string[] = (() => {
  const start = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  return start.slice(1, start.indexOf('bin/kindred.js')).filter((a) => a.startsWith('--'));
})();

/**
 * For a benchmark file run alone: replaces its section (`## <heading>`) of bench/results/latest.md, or adds it, and
 * leaves the other sections as the last full run wrote them.
 */
export function recordSectionInLatest(heading: string, section: string) {
  const file = path.join(root, 'bench/results/latest.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Kindred benchmark\n';
  const start = current.indexOf(`\n## ${heading}\n`);
  if (start < 0) return fs.writeFileSync(file, `${current.trimEnd()}\n${section}\n`);
  const next = current.indexOf('\n## ', start + 1);
  fs.writeFileSync(file, `${current.slice(0, start).trimEnd()}\n${section}\n${next < 0 ? '' : current.slice(next)}`);
}

/** The environment of one benchmarked instance: its own data directory and port, no external database. */
export interface Instance {
  dataDir: string;
  port: number;
  url: string;
  env: NodeJS.ProcessEnv;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().unref().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function createInstance(): Promise<Instance> {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(root, '.tmp', 'bench-'));
  // Run as root, the embedded PostgreSQL drops to the `postgres` user, which must be able to reach its directory.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const env = {
    ...inherited,
    KINDRED_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    KINDRED_BENCH_ROUTES: 'true',
    // Request logs would be part of what we measure.
    LOG_LEVEL: 'warn',
  };
  return { dataDir, port, url, env };
}

/** A running `kindred serve` and the last lines it printed, for the error message when something goes wrong. */
export interface Server {
  child: ChildProcess;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  startMs: number;
  /** The start rebuilt the web app (its sources changed): its time and memory are not a cold start's. */
  builtWeb: boolean;
  output(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process the harness spawned that has not exited yet, so an interrupted run can stop them. */
const live = new Set<ChildProcess>();

function spawnKindred(instance: Instance, args: string[], stdin: 'ignore' | 'pipe') {
  const child = spawn(process.execPath, args, { cwd: root, env: instance.env, stdio: [stdin, 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

function capture(child: ChildProcess) {
  const lines: string[] = [];
  let builtWeb = false;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    builtWeb ||= text.includes('Building the web app');
    lines.push(...text.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { output: () => lines.join('\n'), builtWeb: () => builtWeb };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `node bin/kindred.js serve` and polls /api/health every 25 ms until it answers 200. nodeArgs go to node
 * itself, e.g. ['--cpu-prof'] to profile the server.
 */
export async function startServer(instance: Instance, timeoutMs: number, nodeArgs: string[] = []): Promise<Server> {
  const started = performance.now();
  const child = spawnKindred(instance, [...serverNodeFlags, ...nodeArgs, cli, 'serve'], 'ignore');
  const { output, builtWeb } = capture(child);
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!(await healthy(instance.url))) {
    if (exited) throw new Error(`kindred serve exited before it was healthy (code ${child.exitCode}):\n${output()}`);
    if (performance.now() - started > timeoutMs) {
      await stopServer({ child, pid: child.pid!, startMs: 0, builtWeb: builtWeb(), output }, instance).catch(() => {});
      throw new Error(`kindred serve was not healthy after ${timeoutMs} ms:\n${output()}`);
    }
    await sleep(25);
  }
  return { child, pid: child.pid!, startMs: performance.now() - started, builtWeb: builtWeb(), output };
}

/** The embedded PostgreSQL's postmaster (absent when the cluster is stopped). */
export const postmasterPid = (dataDir: string) => embeddedPostmasterPid(path.join(dataDir, 'postgres'));

/**
 * SIGTERM, then checks a clean stop within the limit: the process exited, the embedded PostgreSQL is gone and the
 * data directory lock is released. Returns how long the stop took. Kills only the processes it started.
 */
export async function stopServer(server: Server, instance: Instance, limitMs = 10_000): Promise<number> {
  const postmaster = postmasterPid(instance.dataDir);
  const started = performance.now();
  const exited = exitOf(server.child);
  server.child.kill('SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), sleep(limitMs).then(() => false)]);
  const stopMs = performance.now() - started;
  const postgresGone = postmaster === undefined || !isRunning(postmaster);
  const lockGone = !fs.existsSync(path.join(instance.dataDir, 'kindred.lock'));
  if (inTime && postgresGone && lockGone) return stopMs;

  if (!inTime) server.child.kill('SIGKILL');
  await stopPostmaster(instance);
  throw new Error(
    `Kindred did not stop cleanly within ${limitMs} ms (exited: ${inTime}, PostgreSQL stopped: ${postgresGone}, lock released: ${lockGone}):\n${server.output()}`,
  );
}

/** A Kindred killed before its own shutdown ran (interrupted mid-start, say) leaves its PostgreSQL running. */
const stopPostmaster = (instance: Instance) => stopEmbeddedPostmaster(path.join(instance.dataDir, 'postgres'), 10_000);

/** Stops whatever the harness started and is still running, then the cluster if it outlived them. */
export async function stopEverything(instance: Instance): Promise<void> {
  await Promise.all(
    [...live].map(async (child) => {
      child.kill('SIGTERM');
      const inTime = await Promise.race([exitOf(child).then(() => true), sleep(10_000).then(() => false)]);
      if (!inTime) child.kill('SIGKILL');
    }),
  );
  await stopPostmaster(instance);
}

/** `kindred admin create`, joining the running server's embedded database; the password goes in on stdin. */
export async function createCoordinator(instance: Instance, email: string, password: string, name = 'Bench'): Promise<void> {
  const child = spawnKindred(instance, [cli, 'admin', 'create', '--email', email, '--name', name], 'pipe');
  const { output } = capture(child);
  child.stdin?.end(`${password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`kindred admin create failed (code ${code}):\n${output()}`);
}

/** Signs in and returns the Cookie header value carrying the session. */
export async function signIn(instance: Instance, email: string, password: string): Promise<string> {
  const res = await fetch(`${instance.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: instance.url },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${body}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('kindred.session_token='));
  if (!session) throw new Error(`sign-in set no kindred.session_token cookie: ${res.headers.getSetCookie().join(' | ')}`);
  return session.split(';')[0]!;
}

/**
 * For a benchmark run alone: an API-only Kindred (bench/community-server.ts: `serve` without the web build) on a
 * throwaway data directory, or on `keep` (relative to the repository, kept between runs so data is loaded once).
 * `cleanUp` stops the server and its PostgreSQL (and removes a throwaway directory) once, whether the run ends, fails
 * or is interrupted (SIGINT, SIGTERM); the caller awaits it in a `finally`.
 */
export async function startApiServer(keep: string | undefined, progress: (line: string) => void): Promise<{ instance: Instance; child: ChildProcess; cleanUp: () => Promise<void> }> {
  const instance = await createInstance();
  if (keep) {
    fs.rmSync(instance.dataDir, { recursive: true, force: true });
    instance.dataDir = path.resolve(root, keep);
    instance.env.KINDRED_DATA_DIR = instance.dataDir;
    fs.mkdirSync(instance.dataDir, { recursive: true });
    fs.chmodSync(instance.dataDir, 0o755);
  }
  const child = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', path.join(root, 'bench/community-server.ts')], { cwd: root, env: instance.env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await stopEverything(instance);
      if (!keep) fs.rmSync(instance.dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping the server`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`${instance.url}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('the API server did not become healthy');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await cleanUp();
    throw err;
  }
  return { instance, child, cleanUp };
}
