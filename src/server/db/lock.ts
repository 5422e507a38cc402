import fs from 'node:fs';
import path from 'node:path';

/**
 * One Kindred process per data directory. The lock file holds the owner's pid; a lock left by a process that
 * no longer runs (a crash, a kill -9) is stale and taken over, so a restart right after a crash just works.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Another Kindred process (pid ${pid}) is already using the data directory ${dir}.\n` +
        `Stop it first, or point this one at another directory with KINDRED_DATA_DIR.`,
    );
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  /** Port of the embedded PostgreSQL the owner started, so `kindred` commands can reach it while it runs. */
  port?: number;
}

const lockFile = (dir: string) => path.join(dir, 'kindred.lock');

export function readLock(dir: string): LockInfo | undefined {
  try {
    const text = fs.readFileSync(lockFile(dir), 'utf8').trim();
    const info = text.startsWith('{') ? (JSON.parse(text) as LockInfo) : { pid: Number.parseInt(text, 10) };
    return Number.isInteger(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The live process holding the lock, if any. */
export function lockOwner(dir: string): LockInfo | undefined {
  const info = readLock(dir);
  return info && info.pid !== process.pid && isRunning(info.pid) ? info : undefined;
}

export interface DataDirLock {
  release(): void;
  /** Records the embedded server's port for other `kindred` commands. */
  setPort(port: number): void;
}

export function acquireDataDirLock(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid }), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLock(dir)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
        setPort(port) {
          fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = lockOwner(dir);
      if (owner) throw new DataDirLockedError(dir, owner.pid);
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the data directory ${dir}`);
}
