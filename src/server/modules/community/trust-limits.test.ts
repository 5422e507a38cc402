import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, insertReply, insertTopic, createForumMember } from '../../../../test/helpers/community-factories.ts';
import type { TestUser } from '../../../../test/helpers/factories.ts';
import { TRUST_LIMITS } from './trust.ts';

let ctx: TestContext;
let categoryId: string;

const member = (displayName: string, roles: ('moderator' | 'coordinator')[] = []) => createForumMember(ctx, displayName, roles);
const posts = async (person: TestUser) => Number((await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from forum_post where author_id = ${person.id}`)).rows[0]!.n);
const startTopic = (person: TestUser, body = 'Checking in today.', headers?: Record<string, string>) =>
  person.client.post('/api/v1/community/topics', { categoryId, title: 'Daily check-in', body }, headers);
const setLevel = (person: TestUser, level: number, locked = false) =>
  ctx.database.db.execute(sql`insert into forum_member (user_id, trust_level, trust_locked) values (${person.id}, ${level}, ${locked})
    on conflict (user_id) do update set trust_level = excluded.trust_level, trust_locked = excluded.trust_locked`);

beforeAll(async () => {
  ctx = await createTestApp();
  categoryId = (await createCategory(ctx, { readAccess: 'members' })).id;
});
afterAll(() => ctx.close());

describe('posts per day', () => {
  test('counted from the database (any status, any instance), over the last 24 hours; 429 with retry-after', async () => {
    const person = await member('Dana');
    const { topicId } = await insertTopic(ctx, { categoryId, authorId: person.id, status: 'hidden' });
    // Written by "another instance" or hidden since: they count all the same.
    for (let i = 0; i < TRUST_LIMITS[0].postsPerDay - 2; i++) await insertReply(ctx, { topicId, authorId: person.id, status: i % 2 ? 'held' : 'visible' });
    expect((await startTopic(person)).statusCode).toBe(201);
    const over = await startTopic(person);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(86_000);
    expect(await posts(person)).toBe(TRUST_LIMITS[0].postsPerDay);

    // A day later the oldest leave the window.
    await ctx.database.db.execute(sql`update forum_post set created_at = now() - interval '25 hours' where author_id = ${person.id} and number > 1`);
    expect((await startTopic(person)).statusCode).toBe(201);
  });

  test('a higher level allows more', async () => {
    const person = await member('Elio');
    await setLevel(person, 1);
    const { topicId } = await insertTopic(ctx, { categoryId, authorId: person.id });
    for (let i = 0; i < TRUST_LIMITS[0].postsPerDay; i++) await insertReply(ctx, { topicId, authorId: person.id });
    expect((await startTopic(person)).statusCode).toBe(201);
  });
});

describe('links, images and mentions per post', () => {
  test('a new account: 422 on the body, in the reader’s language, nothing written', async () => {
    const person = await member('Fatima');
    await Promise.all(['Gus', 'Hal', 'Ivo'].map((n) => member(n)));
    const cases = [
      ['see https://a.example and https://b.example', 'tooManyLinks', 'New members can share only a few links in one post for now.'],
      ['look ![me](https://a.example/me.png)', 'tooManyImages', 'New members cannot add images yet.'],
      ['@Gus @Hal @Ivo hello', 'tooManyMentions', 'Mention fewer people in one post.'],
    ] as const;
    for (const [body, , message] of cases) {
      const res = await startTopic(person, body);
      expect(res.statusCode, body).toBe(422);
      expect(res.json().error.fields.body).toBe(message);
    }
    const es = await startTopic(person, cases[0][0], { 'accept-language': 'es' });
    expect(es.json().error.fields.body).toBe('Por ahora, los miembros nuevos pueden compartir pocos enlaces por publicación.');
    expect(await posts(person)).toBe(0);
    expect((await startTopic(person, 'one link is fine: https://a.example')).statusCode).toBe(201);
  });

  test('limits lift with the level', async () => {
    const person = await member('Jade');
    await setLevel(person, 1);
    expect((await startTopic(person, 'see https://a.example and https://b.example')).statusCode).toBe(201);
  });
});

describe('promotion', () => {
  test('reading enough topics, a day after joining, lifts level 0 to 1 by itself; the standing shows progress', async () => {
    const person = await member('Kiri');
    const author = await member('Lou');
    const topics = await Promise.all(Array.from({ length: 5 }, () => insertTopic(ctx, { categoryId, authorId: author.id })));
    let me = (await person.client.get('/api/v1/community/me')).json();
    expect(me).toMatchObject({ trustLevel: 0, trustLocked: false, limits: TRUST_LIMITS[0], postsToday: 0, guidelinesAccepted: true, banned: false, isModerator: false });
    expect(me.nextLevel).toMatchObject({ level: 1, topicsRead: 0, topicsReadNeeded: 5, daysNeeded: 1 });

    for (const t of topics.slice(0, 4)) await person.client.get(`/api/v1/community/topics/${t.topicId}`);
    await ctx.database.db.execute(sql`update "user" set created_at = now() - interval '2 days' where id = ${person.id}`);
    // Reading the same topic again does not count twice.
    await person.client.get(`/api/v1/community/topics/${topics[0]!.topicId}`);
    expect((await person.client.get('/api/v1/community/me')).json()).toMatchObject({ trustLevel: 0, nextLevel: { topicsRead: 4, daysNeeded: 0 } });
    await person.client.get(`/api/v1/community/topics/${topics[4]!.topicId}`);
    me = (await person.client.get('/api/v1/community/me')).json();
    expect(me).toMatchObject({ trustLevel: 1, limits: TRUST_LIMITS[1], nextLevel: { level: 2, topicsReadNeeded: 30 } });
  });

  test('a level a moderator set stays where they set it', async () => {
    const locked = await member('Mo');
    const free = await member('Ned');
    const author = await member('Oda');
    await setLevel(locked, 0, true);
    await ctx.database.db.execute(sql`update "user" set created_at = now() - interval '2 days' where id in (${locked.id}, ${free.id})`);
    for (let i = 0; i < 5; i++) {
      const { topicId } = await insertTopic(ctx, { categoryId, authorId: author.id });
      await locked.client.get(`/api/v1/community/topics/${topicId}`);
      await free.client.get(`/api/v1/community/topics/${topicId}`);
    }
    expect((await locked.client.get('/api/v1/community/me')).json()).toMatchObject({ trustLevel: 0, trustLocked: true, nextLevel: null });
    expect((await free.client.get('/api/v1/community/me')).json()).toMatchObject({ trustLevel: 1, trustLocked: false });
  });

  test('moderators post under the highest limits; the standing is 401 signed out', async () => {
    const mod = await member('Pia', ['moderator']);
    expect((await mod.client.get('/api/v1/community/me')).json()).toMatchObject({ trustLevel: 0, isModerator: true, limits: TRUST_LIMITS[3] });
    expect((await startTopic(mod, 'https://a.example https://b.example https://c.example')).statusCode).toBe(201);
    expect((await mod.client.as(undefined).get('/api/v1/community/me')).statusCode).toBe(401);
  });
});
