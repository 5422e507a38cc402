import { spawn } from 'node:child_process';
import path from 'node:path';

export const kindredBin = path.resolve('bin/kindred.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kindred <args>` as a real process, with `input` on standard input (closed at once when absent). */
export function runKindred(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [kindredBin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * For commands that must need no database: DATABASE_URL points at a port nothing listens on and the data directory
 * does not exist.
 */
export const NO_DATABASE = {
  DATABASE_URL: 'postgres://kindred@127.0.0.1:1/none',
  KINDRED_DATA_DIR: path.resolve('.tmp', `no-such-dir-${process.pid}`),
};
