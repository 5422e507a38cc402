import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const bin = path.resolve('bin/kindred.js');
const dataDir = path.resolve('.tmp', `cli-test-${process.pid}`);
const env = { ...process.env, KINDRED_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('kindred command', { timeout: 180_000 }, () => {
  test('--help lists the commands', () => {
    const res = run(['--help']);
    expect(res.status).toBe(0);
    for (const command of ['serve', 'migrate', 'admin', 'outbox', 'demo']) expect(res.stdout).toContain(command);
  });

  test('runs as a program, with the node flags `npm start` gives it (docs/decisions/0016)', () => {
    // The shebang carries the flags for `kindred serve` run directly; `npm start` names them itself.
    const shebang = fs.readFileSync(bin, 'utf8').split('\n')[0]!;
    const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    const flags = (line: string) => line.split(/\s+/).filter((a) => a.startsWith('--'));
    expect(flags(shebang)).toEqual(['--v8-pool-size=0']);
    expect(flags(start.slice(0, start.indexOf('bin/kindred.js')))).toEqual(flags(shebang));
    const direct = spawnSync(bin, ['--help'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('serve');
  });

  test('bad arguments print usage and exit 2', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/i);
    expect(unknown.stderr).toContain('kindred --help');
    const missing = run(['admin', 'create', '--email', 'a@example.org']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--name/);
    expect(run(['outbox', '--limit', 'lots']).status).toBe(2);
  });

  // One embedded PostgreSQL on a fresh data directory for the rest: migrate, admin create, outbox.
  test('migrate, admin create and outbox work on the embedded database', () => {
    const migrate = run(['migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('up to date');
    expect(fs.statSync(path.join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, 'kindred.lock'))).toBe(false);

    const weak = run(['admin', 'create', '--email', 'coord@example.org', '--name', 'Coord'], 'password123\n');
    expect(weak.status).toBe(2);
    const ok = run(['admin', 'create', '--email', 'coord@example.org', '--name', 'Coord'], 'a long and quiet morning\n');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Coordinator Coord');
    const twice = run(['admin', 'create', '--email', 'coord@example.org', '--name', 'Coord'], 'a long and quiet morning\n');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/already exists/);

    const outbox = run(['outbox']);
    expect(outbox.status).toBe(0);
    expect(outbox.stdout).toContain('empty');
  });

  test('a second process on the same data directory is refused with a clear message', async () => {
    // Hold the lock from a live child process.
    const holder = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(path.join(dataDir, 'kindred.lock'))}, JSON.stringify({pid: process.pid})); setTimeout(() => {}, 20000)`]);
    await new Promise((r) => setTimeout(r, 300));
    try {
      const res = run(['migrate']);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(`Another Kindred process (pid ${holder.pid})`);
      expect(res.stderr).toContain('KINDRED_DATA_DIR');
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.on('exit', r));
    // The holder is gone: its lock is stale and taken over.
    expect(run(['migrate']).status).toBe(0);
  });
});
