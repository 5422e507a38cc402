import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort } from '../../src/server/db/embedded.ts';

const dataDir = path.resolve('.tmp', `serve-test-${process.pid}`);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function postgresPidsFor(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path.join(dir, 'postgres'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function startServe() {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/kindred.js', 'serve'], {
    env: { ...process.env, KINDRED_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Kindred is running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain(`Kindred is running at http://127.0.0.1:${port}`);
  return { child, port, exited, output: () => output };
}

test('serve starts on the embedded database, serves the app, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
  const { child, port, exited } = await startServe();

  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
  const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('<div id="root">');
  expect(postgresPidsFor(dataDir).length).toBeGreaterThan(0);
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'kindred.lock'), 'utf8')).pid).toBe(child.pid);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(fs.existsSync(path.join(dataDir, 'kindred.lock'))).toBe(false);
  expect(postgresPidsFor(dataDir)).toEqual([]);
});

test('after a hard kill, the next start takes over the data directory and its orphaned PostgreSQL', { timeout: 150_000 }, async () => {
  const first = await startServe();
  first.child.kill('SIGKILL');
  await first.exited;
  // PostgreSQL outlives a SIGKILLed parent, and the lock file names a dead pid.
  expect(postgresPidsFor(dataDir).length).toBeGreaterThan(0);

  const second = await startServe();
  const health = await fetch(`http://127.0.0.1:${second.port}/api/health`);
  expect(health.status).toBe(200);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
  expect(postgresPidsFor(dataDir)).toEqual([]);
});
