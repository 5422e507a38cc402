import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../src/server/db/embedded.ts';
import { createTestApp, type TestContext, until } from '../helpers/app.ts';
import { createMentorship, createUser, type TestUser } from '../helpers/factories.ts';
import { isMessageFrame, RealtimeClient } from '../helpers/realtime-client.ts';

/**
 * deploy/nginx/kindred.conf in front of two real `kindred serve` processes on one PostgreSQL (DATABASE_URL): HTTP and
 * the realtime socket work through it, requests are spread over both instances without stickiness, and a message
 * sent through one instance reaches sockets held by both. CI installs nginx; elsewhere this skips without it.
 */
const NGINX = '/usr/sbin/nginx';
const hasNginx = fs.existsSync(NGINX);

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: Record<string, string>, ready: (out: string) => boolean, label: string): Promise<Proc> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 90_000;
    const poll = setInterval(() => {
      if (ready(output)) {
        clearInterval(poll);
        resolve({ child, output: () => output, exited });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`${label} did not start:\n${output}`));
      }
    }, 100);
  });
}

const httpReady = async (url: string) => {
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
};

describe.skipIf(!hasNginx)(hasNginx ? 'nginx in front of two instances' : `nginx test skipped: ${NGINX} is not installed (apt-get install nginx)`, () => {
  let ctx: TestContext;
  let dir: string;
  let base: string;
  const procs: Proc[] = [];
  let mentor: TestUser;
  let mentee: TestUser;

  beforeAll(async () => {
    // The test's own instance creates the database (cloned, migrated), the shared secret and the people.
    ctx = await createTestApp();
    [mentor, mentee] = await Promise.all([createUser(ctx), createUser(ctx)]);
    await createMentorship(ctx, mentor.id, mentee.id);

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-nginx-'));
    const [nginxPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
    base = `http://127.0.0.1:${nginxPort}`;
    for (const port of [port1, port2]) {
      const env = {
        DATABASE_URL: ctx.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: base,
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'info',
        KINDRED_DATA_DIR: path.join(dir, `data-${port}`),
      };
      // One after the other: the second finds migrations applied and the queue's schema in place.
      procs.push(await start(process.execPath, ['bin/kindred.js', 'serve'], env, (out) => out.includes('Kindred is running'), `kindred serve on ${port}`));
    }

    // The shipped configuration, with only the addresses changed.
    const site = fs
      .readFileSync('deploy/nginx/kindred.conf', 'utf8')
      .replace(/server 127\.0\.0\.1:3001/, `server 127.0.0.1:${port1}`)
      .replace(/server 127\.0\.0\.1:3002/, `server 127.0.0.1:${port2}`)
      .replace(/listen 80;/, `listen 127.0.0.1:${nginxPort};`);
    expect(site).toContain(`127.0.0.1:${port2}`);
    fs.writeFileSync(path.join(dir, 'kindred.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `daemon off; worker_processes 1; pid ${path.join(dir, 'nginx.pid')}; error_log ${path.join(dir, 'error.log')} warn;
       ${process.getuid?.() === 0 ? 'user root;' : ''}
       events { worker_connections 256; }
       http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')}
              include ${path.join(dir, 'kindred.conf')}; }`,
    );
    procs.push(await start(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], {}, () => fs.existsSync(path.join(dir, 'nginx.pid')), 'nginx'));
    await httpReady(`${base}/api/health`);
  }, 180_000);

  afterAll(async () => {
    for (const p of procs.reverse()) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    await ctx?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const api = (user: TestUser, method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, {
      method,
      headers: { cookie: user.cookie, origin: base, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const served = (proc: Proc, url: string) => proc.output().split('\n').filter((l) => l.includes('incoming request') && l.includes(`"path":"${url}"`)).length;
  // An instance's log line reaches this process through a pipe, possibly after the answer it logged: wait for them all.
  const logged = (url: string, n: number) => until(async () => served(procs[0]!, url) + served(procs[1]!, url) >= n, 5000);

  test('HTTP is spread over both instances, and a session from one works on every one', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 4; i++) {
      const res = await api(mentee, 'GET', '/api/v1/me');
      expect(res.status).toBe(200);
      expect((await res.json()).id).toBe(mentee.id);
    }
    await logged('/api/v1/me', 4);
    expect(served(procs[0]!, '/api/v1/me')).toBeGreaterThan(0);
    expect(served(procs[1]!, '/api/v1/me')).toBeGreaterThan(0);
  });

  test('the client cannot choose its address: a forged X-Forwarded-For does not escape the per-address limit', { timeout: 60_000 }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
        body: JSON.stringify({ email: `nobody-${i}@example.org`, password: 'not the password' }),
      });
      statuses.push(res.status);
    }
    // Ten failures from one address are allowed in 15 minutes; the eleventh is refused.
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  test('a message sent over HTTP reaches the recipient’s sockets on both instances, through the proxy', { timeout: 60_000 }, async () => {
    // Consecutive upgrades go to the instances in turn (round robin, no stickiness).
    const phone = await RealtimeClient.live(base, mentee.cookie, undefined, base);
    const laptop = await RealtimeClient.live(base, mentee.cookie, undefined, base);
    await logged('/api/v1/realtime', 2);
    expect(served(procs[0]!, '/api/v1/realtime')).toBe(1);
    expect(served(procs[1]!, '/api/v1/realtime')).toBe(1);

    const created = await api(mentor, 'POST', '/api/v1/conversations', { participants: [mentee.id] });
    expect([200, 201]).toContain(created.status);
    const conversationId = (await created.json()).conversation.id;
    const sent = await api(mentor, 'POST', `/api/v1/conversations/${conversationId}/messages`, { body: 'see you at the meeting' });
    expect(sent.status).toBe(201);
    for (const socket of [phone, laptop]) {
      const frame = await socket.waitFor((f) => isMessageFrame(f) && f.message.body === 'see you at the meeting', 5000);
      expect(frame).toMatchObject({ conversationId, message: { mine: false } });
    }
    await Promise.all([phone.close(), laptop.close()]);
  });
});
