import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSecondInstance, createTestApp, type TestContext, until } from '../../../test/helpers/app.ts';
import { Client } from '../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../test/helpers/factories.ts';
import type { KindredApp } from '../app.ts';

// Two Kindred instances on one database, as behind a load balancer.
let a: TestContext;
let second: Awaited<ReturnType<typeof createSecondInstance>>;
let b: KindredApp;
beforeAll(async () => {
  a = await createTestApp();
  second = await createSecondInstance(a);
  b = second.app;
});
afterAll(async () => {
  await second?.close();
  await a?.close();
});


describe('sessions resolved from the actor cache', () => {
  test('a repeated request is served from the cache', async () => {
    const person = await createUser(a);
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    const cached = b.actorCache.size;
    expect(cached).toBeGreaterThan(0);
    expect((await onB.get('/api/v1/me')).json().id).toBe(person.id);
    expect(b.actorCache.size).toBe(cached);
  });

  test('a cached session under a forged signature is no session', async () => {
    const [person, other] = await Promise.all([createUser(a), createUser(a)]);
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    expect((await new Client(b, other.cookie).get('/api/v1/me')).statusCode).toBe(200);
    // Both are cached now; the person's token under the other's signature, and under none.
    const value = (cookie: string) => decodeURIComponent(cookie.split('=').slice(1).join('='));
    const withValue = (v: string) => person.cookie.replace(/=.*$/, `=${encodeURIComponent(v)}`);
    const token = value(person.cookie).replace(/\.[^.]*$/, '');
    for (const forged of [`${token}.${value(other.cookie).split('.').at(-1)}`, token, `${token}.`]) {
      expect((await new Client(b, withValue(forged)).get('/api/v1/me')).statusCode).toBe(401);
    }
    expect((await onB.get('/api/v1/me')).json().id).toBe(person.id);
  });

  test('sessions read together: each request gets its own person; a forged or ended session, none', async () => {
    const people = await Promise.all([0, 1, 2, 3].map(() => createUser(a)));
    const ended = await createUser(a);
    await a.database.pool.query(`delete from session where user_id = $1`, [ended.id]);
    // One person's token under another's signature.
    const signature = (cookie: string) => decodeURIComponent(cookie.split('=').slice(1).join('=')).split('.').at(-1)!;
    const forged = people[0]!.cookie.replace(/=.*$/, (v) => `=${encodeURIComponent(`${decodeURIComponent(v.slice(1)).replace(/\.[^.]*$/, '')}.${signature(people[1]!.cookie)}`)}`);
    // On B nothing is cached yet: these arrive together and share the batched session reads.
    const answers = await Promise.all([
      ...people.map((p) => new Client(b, p.cookie).get('/api/v1/me')),
      new Client(b, ended.cookie).get('/api/v1/me'),
      new Client(b, forged).get('/api/v1/me'),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 401, 401]);
    expect(answers.slice(0, 4).map((r) => r.json().id)).toEqual(people.map((p) => p.id));
  });

  test('signing out on one instance ends the session on the other within moments', async () => {
    const person = await createUser(a);
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    expect((await person.client.post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect(await until(async () => (await onB.get('/api/v1/me')).statusCode === 401)).toBe(true);
  });

  test('on the instance that made the change, the very next request already sees it', async () => {
    const coordinator = await createCoordinator(a);
    const person = await createUser(a);
    expect((await person.client.get('/api/v1/admin/settings')).statusCode).toBe(404);
    expect((await coordinator.client.put(`/api/v1/admin/users/${person.id}/roles`, { roles: ['member', 'coordinator'] })).statusCode).toBe(200);
    // The role change was made by another person's request; the cached session of `person` must not survive it.
    expect((await person.client.get('/api/v1/admin/settings')).statusCode).toBe(200);
    expect((await person.client.patch('/api/v1/me', { displayName: 'Renamed' })).statusCode).toBe(200);
    expect((await person.client.get('/api/v1/me')).json().displayName).toBe('Renamed');
  });

  test('any writer is seen, even plain SQL: a revoked role and a deleted session', async () => {
    const person = await createUser(a, { roles: ['coordinator'] });
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/admin/settings')).statusCode).toBe(200);
    await a.database.pool.query(`delete from user_role where user_id = $1 and role = 'coordinator'`, [person.id]);
    expect(await until(async () => (await onB.get('/api/v1/admin/settings')).statusCode === 404)).toBe(true);
    await a.database.pool.query(`delete from session where user_id = $1`, [person.id]);
    expect(await until(async () => (await onB.get('/api/v1/me')).statusCode === 401)).toBe(true);
  });

  test('an expired session is no session, cached or not', async () => {
    const person = await createUser(a);
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    await a.database.pool.query(`update session set expires_at = now() - interval '1 second' where user_id = $1`, [person.id]);
    expect(await until(async () => (await onB.get('/api/v1/me')).statusCode === 401)).toBe(true);
  });

  test('an entry cached before the notifications connection dropped is not trusted after it comes back', async () => {
    const person = await createUser(a);
    const onB = new Client(b, person.cookie);
    expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
    const listeners = async () =>
      Number(
        (await a.database.pool.query(`select count(*) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`)).rows[0]
          .count,
      );
    // One listening connection per instance: A's and B's.
    expect(await listeners()).toBe(2);
    // Cut both instances' LISTEN connections, and wait until both have reconnected.
    await a.database.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    expect(await until(async () => (await listeners()) === 0, 1000)).toBe(true);
    expect(await until(async () => (await listeners()) === 2, 5000)).toBe(true);
    await new Promise((r) => setTimeout(r, 200)); // the reconnected listener subscribes to each channel in turn
    // A change no notification will ever announce: only a cache that dropped everything on the outage sees it.
    await a.database.pool.query('alter table session disable trigger session_notify_actor');
    try {
      await a.database.pool.query(`delete from session where user_id = $1`, [person.id]);
      expect((await onB.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      await a.database.pool.query('alter table session enable trigger session_notify_actor');
    }
  });
});

describe('session renewal', () => {
  test('a session in use is renewed once a day, in the database and the cookie', async () => {
    const person = await createUser(a);
    const fresh = await person.client.get('/api/v1/me');
    expect(fresh.headers['set-cookie']).toBeUndefined();
    await a.database.pool.query(`update session set expires_at = now() + interval '20 days' where user_id = $1`, [person.id]);
    // A write from outside Kindred reaches the cache by notification, within moments.
    let res = await person.client.get('/api/v1/me');
    // Renewed once: poll only while the cached (unrenewed) session is still being served.
    if (res.headers['set-cookie'] === undefined) {
      await until(async () => (res = await person.client.get('/api/v1/me')).headers['set-cookie'] !== undefined);
    }
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain(person.cookie.split('=')[1]);
    expect(cookie).toMatch(/Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const { rows } = await a.database.pool.query(`select extract(epoch from expires_at - now()) as left from session where user_id = $1`, [person.id]);
    expect(Number(rows[0].left)).toBeGreaterThan(29.9 * 24 * 3600);
  });
});
