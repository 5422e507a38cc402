import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCategory, createForumMember } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { topicDetail } from '../../../contracts/community.ts';
import { GUIDELINES_VERSION } from './guidelines.ts';
import { moderationSettingsRepo } from './settings.ts';

let ctx: TestContext;
let author: TestUser;
let reader: TestUser;
let moderator: TestUser;
let categoryId: string;

/** A member who has accepted the guidelines, as everyone who posts has. */
const member = (displayName: string, roles: ('moderator' | 'coordinator')[] = []) => createForumMember(ctx, displayName, roles);

const rows = async (query: ReturnType<typeof sql>) => (await ctx.database.db.execute(query)).rows as Record<string, unknown>[];
const count = async (table: string) => Number((await rows(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const startTopic = (person: TestUser, fields: Record<string, unknown> = {}) =>
  person.client.post('/api/v1/community/topics', { categoryId, title: 'Evenings are hard', body: 'How do you get through the evenings?', ...fields });

beforeAll(async () => {
  ctx = await createTestApp();
  [author, reader, moderator] = await Promise.all([member('Rosa'), member('Tomas'), member('Mona', ['moderator'])]);
  categoryId = (await createCategory(ctx, { name: 'Newcomers', readAccess: 'public' })).id;
  // Many posts in one file: past the daily limit of new accounts (trust-limits.test.ts tests that limit).
  for (const p of [author, reader]) await ctx.database.db.execute(sql`insert into forum_member (user_id, trust_level) values (${p.id}, 2)`);
});
afterAll(() => ctx.close());

describe('topics and replies', () => {
  test('a topic and a reply: rendered, counted, listed, numbered', async () => {
    const res = await startTopic(author, { body: 'How do you get through the **evenings**?' });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({ held: false, crisis: null, post: { number: 1, html: '<p>How do you get through the <strong>evenings</strong>?</p>', author: { id: author.id, isMe: true } } });
    const topicId = saved.topicId;

    const reply = await reader.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'A walk and a call. You are not alone.', replyToPostId: saved.post.id });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().post).toMatchObject({ number: 2, replyToPostId: saved.post.id, author: { displayName: 'Tomas' } });

    const page = await reader.client.get(`/api/v1/community/topics/${topicId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().posts.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(page.json()).toMatchObject({ topic: { title: 'Evenings are hard', replyCount: 1 }, canReply: true, replyBlockedBy: null, hasMore: false });
    // Only its author (and moderators) get the Markdown source.
    expect(page.json().posts[0].body).toBeNull();
    expect(page.json().posts[1].body).toBe('A walk and a call. You are not alone.');
    // The page skips response validation for speed: it must still be exactly the contract's shape, nothing more.
    for (const viewer of [reader.client, moderator.client, reader.client.as(undefined)]) {
      const body = (await viewer.get(`/api/v1/community/topics/${topicId}`)).json();
      expect(topicDetail.parse(body)).toEqual(body);
    }

    const list = await new Client(ctx.app).get('/api/v1/community/categories');
    expect(list.json().categories.find((c: { id: string }) => c.id === categoryId)).toMatchObject({ topicCount: 1, canPost: false });
    const topics = await reader.client.get(`/api/v1/community/categories/${categoryId}/topics`);
    expect(topics.json().topics.map((t: { id: string }) => t.id)).toContain(topicId);
    expect((await reader.client.get(`/api/v1/community/posts/${reply.json().post.id}`)).json()).toMatchObject({ topicId, number: 2 });
  });

  test('ten replies at once get ten distinct consecutive numbers', async () => {
    const topicId = (await startTopic(author)).json().topicId;
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => member(`Helper ${String.fromCharCode(65 + i)}`)));
    const results = await Promise.all(people.map((p) => p.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Thinking of you tonight.' })));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(results.map((r) => r.json().post.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const [topic] = await rows(sql`select reply_count, last_number from forum_topic where id = ${topicId}`);
    expect(topic).toEqual({ reply_count: 10, last_number: 11 });
  });

  test('a page read before a reply, a reaction, an edit or a hide shows the change on the next read (the shared page is dropped)', async () => {
    const topicId = (await startTopic(author, { body: 'Mornings too.' })).json().topicId as string;
    const read = async () => (await reader.client.get(`/api/v1/community/topics/${topicId}`)).json();
    const signedOut = async () => (await reader.client.as(undefined).get(`/api/v1/community/topics/${topicId}`)).json();
    expect((await read()).posts).toHaveLength(1);
    expect((await signedOut()).posts).toHaveLength(1);

    const replyId = (await author.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Coffee on the porch helps.' })).json().post.id as string;
    expect((await read()).posts).toHaveLength(2);
    expect((await signedOut()).posts[1].html).toContain('Coffee on the porch');

    expect((await reader.client.put(`/api/v1/community/posts/${replyId}/reactions/support`)).statusCode).toBe(200);
    const mine = await read();
    expect(mine.posts[1]).toMatchObject({ reactions: { support: 1 }, myReactions: ['support'] });
    expect((await signedOut()).posts[1]).toMatchObject({ reactions: { support: 1 }, myReactions: [] });

    expect((await author.client.patch(`/api/v1/community/posts/${replyId}`, { body: 'Tea on the porch helps.' })).statusCode).toBe(200);
    expect((await signedOut()).posts[1].html).toContain('Tea on the porch');
    // Its author reads their own text to edit it; nobody else gets the Markdown.
    expect((await author.client.get(`/api/v1/community/topics/${topicId}`)).json().posts[1].body).toBe('Tea on the porch helps.');
    expect((await read()).posts[1].body).toBeNull();

    expect((await moderator.client.post(`/api/v1/community/moderation/posts/${replyId}/hide`, { reason: 'Testing the page.' })).statusCode).toBe(200);
    expect((await signedOut()).posts[1]).toMatchObject({ status: 'hidden', html: '' });
    expect((await read()).posts[1]).toMatchObject({ status: 'hidden', html: '' });
  });

  test('a topic page pages by post number', async () => {
    const topicId = (await startTopic(author)).json().topicId;
    for (let i = 0; i < 3; i++) await reader.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: `Reply ${i}` });
    const first = (await reader.client.get(`/api/v1/community/topics/${topicId}?limit=2`)).json();
    expect(first.posts.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(first.hasMore).toBe(true);
    const rest = (await reader.client.get(`/api/v1/community/topics/${topicId}?after=2&limit=2`)).json();
    expect(rest.posts.map((p: { number: number }) => p.number)).toEqual([3, 4]);
    expect(rest.hasMore).toBe(false);
  });
});

describe('guidelines', () => {
  test('in the asked language, else the account’s, else the browser’s; with the version I accepted', async () => {
    const anon = new Client(ctx.app);
    const en = (await anon.get('/api/v1/community/guidelines')).json();
    expect(en).toMatchObject({ version: GUIDELINES_VERSION, acceptedVersion: null });
    expect(en.rules.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['no_sourcing', 'no_medical_advice', 'no_dating', 'every_pathway']));
    const es = (await anon.get('/api/v1/community/guidelines', { 'accept-language': 'es-MX,es;q=0.9' })).json();
    expect(es.title).not.toBe(en.title);
    expect((await anon.get('/api/v1/community/guidelines?locale=es')).json().title).toBe(es.title);
    expect((await author.client.get('/api/v1/community/guidelines', { 'accept-language': 'es' })).json()).toMatchObject({ title: en.title, acceptedVersion: GUIDELINES_VERSION });
    expect((await anon.get('/api/v1/community/guidelines?locale=fr')).statusCode).toBe(422);
    expect((await anon.post('/api/v1/community/guidelines/accept', { version: GUIDELINES_VERSION })).statusCode).toBe(401);
  });
});

describe('the order of the posting rules', () => {
  test('guidelines first: 409, nothing written; accepting another version is 409 too', async () => {
    const newcomer = await createUser(ctx, { displayName: 'Nadia' });
    const before = await count('forum_post');
    const res = await startTopic(newcomer);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/guidelines/);
    expect(await count('forum_post')).toBe(before);
    expect(await count('forum_topic where author_id = ' + `'${newcomer.id}'`)).toBe(0);
    expect((await newcomer.client.post('/api/v1/community/guidelines/accept', { version: GUIDELINES_VERSION + 1 })).statusCode).toBe(409);
    expect((await newcomer.client.post('/api/v1/community/guidelines/accept', { version: GUIDELINES_VERSION })).statusCode).toBe(204);
    expect((await startTopic(newcomer)).statusCode).toBe(201);
  });

  test('banned, then suspended, then the category’s post access', async () => {
    const person = await member('Bruno');
    await ctx.database.db.execute(sql`insert into forum_member (user_id, banned_at, suspended_until) values (${person.id}, now(), now() + interval '1 day')`);
    expect((await startTopic(person)).json().error.message).toMatch(/no longer post/);
    await ctx.database.db.execute(sql`update forum_member set banned_at = null where user_id = ${person.id}`);
    const suspended = await startTopic(person);
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().error.message).toMatch(/paused/);
    await ctx.database.db.execute(sql`update forum_member set suspended_until = now() - interval '1 minute' where user_id = ${person.id}`);
    const announcements = await createCategory(ctx, { readAccess: 'members', postAccess: 'moderators' });
    const res = await startTopic(person, { categoryId: announcements.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/Only some people/);
    expect((await startTopic(moderator, { categoryId: announcements.id })).statusCode).toBe(201);
    expect((await startTopic(person)).statusCode).toBe(201);
  });

  test('a locked topic takes no replies, except from moderators', async () => {
    const topicId = (await startTopic(author)).json().topicId;
    await ctx.database.db.execute(sql`update forum_topic set locked_at = now() where id = ${topicId}`);
    const before = await count('forum_post');
    const res = await reader.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Me too' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/closed/);
    expect(await count('forum_post')).toBe(before);
    const page = (await reader.client.get(`/api/v1/community/topics/${topicId}`)).json();
    expect(page).toMatchObject({ canReply: false, replyBlockedBy: 'locked', topic: { locked: true } });
    expect((await moderator.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Closing this for now, friends.' })).statusCode).toBe(201);
  });

  test('signed out: 401 to write, and the page says why replying is not offered', async () => {
    const topicId = (await startTopic(author)).json().topicId;
    const anon = author.client.as(undefined);
    expect((await anon.post('/api/v1/community/topics', { categoryId, title: 'Hello there', body: 'Hi' })).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Hi' })).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/community/topics/${topicId}`)).json()).toMatchObject({ canReply: false, replyBlockedBy: 'signed_out' });
  });
});

describe('bad input changes nothing', () => {
  test('too long, unknown fields, empty, a reply to a post of another topic, an unknown category', async () => {
    const topicId = (await startTopic(author)).json().topicId;
    const other = (await startTopic(author)).json();
    const before = { posts: await count('forum_post'), topics: await count('forum_topic') };
    const long = await startTopic(author, { body: 'x'.repeat(20_001) });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields.body).toMatch(/20000/);
    expect((await startTopic(author, { body: 'y'.repeat(20_000) })).statusCode).toBe(201);
    before.posts++;
    before.topics++;
    const unknown = await startTopic(author, { authorId: reader.id });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields.authorId).toBe('Unknown field');
    expect((await startTopic(author, { body: '\u200B \n ' })).statusCode).toBe(422);
    expect((await startTopic(author, { title: 'x' })).statusCode).toBe(422);
    expect((await startTopic(author, { categoryId: '0190b6a0-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    const wrong = await reader.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Quoting you', replyToPostId: other.post.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toHaveProperty('replyToPostId');
    expect((await reader.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Hi', extra: 1 })).statusCode).toBe(422);
    expect((await reader.client.post(`/api/v1/community/topics/not-a-uuid/replies`, { body: 'Hi' })).statusCode).toBe(422);
    expect(await count('forum_post')).toBe(before.posts);
    expect(await count('forum_topic')).toBe(before.topics);
  });

  test('script, event handlers, javascript: links and SVG are stored as typed but never rendered', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '<svg onload=alert(1)><circle/></svg>',
      '<a href="javascript:alert(1)">x</a>',
      '[x](JaVaScRiPt:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '![x](javascript:alert(1))',
      '"><img src=x onerror=alert(1)>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    ];
    for (const payload of payloads) {
      const res = await startTopic(author, { body: `Before ${payload} after\u200B` });
      expect(res.statusCode, payload).toBe(201);
      const html: string = res.json().post.html;
      // Typed tags come back as text (&lt;...); no element, handler or dangerous link survives.
      expect(html, payload).not.toMatch(/<(script|img|svg|iframe)|<[^>]*\son\w+\s*=|<a [^>]*href="\s*(javascript|data|vbscript):/i);
      const [stored] = await rows(sql`select body from forum_post where id = ${res.json().post.id}`);
      expect(stored!.body).toBe(`Before ${payload} after`);
    }
  });
});

describe('edits and deletes', () => {
  test('the author edits: the earlier text is kept, the html and the search follow', async () => {
    const saved = (await startTopic(author, { title: 'Old title here', body: 'First words' })).json();
    const edited = await author.client.patch(`/api/v1/community/posts/${saved.post.id}`, { body: 'Better *words*' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ html: '<p>Better <em>words</em></p>', body: 'Better *words*' });
    expect(edited.json().editedAt).not.toBeNull();
    const title = await author.client.patch(`/api/v1/community/topics/${saved.topicId}`, { title: 'New title here' });
    expect(title.statusCode, title.body).toBe(200);
    expect(title.json().title).toBe('New title here');
    const revisions = await rows(sql`select body, title, edited_by from forum_post_revision where post_id = ${saved.post.id} order by created_at`);
    expect(revisions).toEqual([
      { body: 'First words', title: null, edited_by: author.id },
      { body: 'Better *words*', title: 'Old title here', edited_by: author.id },
    ]);
    const [search] = await rows(sql`select search @@ plainto_tsquery('english', 'better') as body, search @@ plainto_tsquery('english', 'new title') as title from forum_post where id = ${saved.post.id}`);
    expect(search).toEqual({ body: true, title: true });
  });

  test("someone else's post is 404 to edit and delete; a locked topic is 409 to its author", async () => {
    const saved = (await startTopic(author)).json();
    expect((await reader.client.patch(`/api/v1/community/posts/${saved.post.id}`, { body: 'Mine now' })).statusCode).toBe(404);
    expect((await reader.client.delete(`/api/v1/community/posts/${saved.post.id}`)).statusCode).toBe(404);
    expect((await reader.client.patch(`/api/v1/community/topics/${saved.topicId}`, { title: 'Mine now' })).statusCode).toBe(404);
    await ctx.database.db.execute(sql`update forum_topic set locked_at = now() where id = ${saved.topicId}`);
    expect((await author.client.patch(`/api/v1/community/posts/${saved.post.id}`, { body: 'Late edit' })).statusCode).toBe(409);
    const [post] = await rows(sql`select body, edited_at from forum_post where id = ${saved.post.id}`);
    expect(post).toEqual({ body: 'How do you get through the evenings?', edited_at: null });
    expect(await count(`forum_post_revision where post_id = '${saved.post.id}'`)).toBe(0);
  });

  test('deleting a reply leaves a placeholder and the numbering; deleting the opening post takes the topic out of lists', async () => {
    const saved = (await startTopic(author)).json();
    const reply = (await reader.client.post(`/api/v1/community/topics/${saved.topicId}/replies`, { body: 'A reply I regret' })).json();
    expect((await reader.client.delete(`/api/v1/community/posts/${reply.post.id}`)).statusCode).toBe(204);
    expect((await reader.client.delete(`/api/v1/community/posts/${reply.post.id}`)).statusCode).toBe(404);
    const page = (await author.client.get(`/api/v1/community/topics/${saved.topicId}`)).json();
    expect(page.posts[1]).toMatchObject({ number: 2, status: 'deleted', html: '', body: null });
    expect(page.topic.replyCount).toBe(0);
    expect(JSON.stringify(page)).not.toContain('regret');

    expect((await author.client.delete(`/api/v1/community/posts/${saved.post.id}`)).statusCode).toBe(204);
    expect((await reader.client.get(`/api/v1/community/topics/${saved.topicId}`)).statusCode).toBe(404);
    const topics = (await reader.client.get(`/api/v1/community/categories/${categoryId}/topics`)).json().topics;
    expect(topics.map((t: { id: string }) => t.id)).not.toContain(saved.topicId);
  });
});

describe('automatic rules', () => {
  test('a held topic is seen by its author and moderators only, and waits in the queue', async () => {
    const newcomer = await member('Nell');
    await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: true });
    try {
      const res = await startTopic(newcomer, { title: 'Held for a moment', body: 'Waiting for a look' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ held: true, post: { status: 'held' } });
      const { topicId } = res.json();
      expect((await reader.client.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(404);
      expect((await reader.client.get(`/api/v1/community/posts/${res.json().post.id}`)).statusCode).toBe(404);
      expect((await newcomer.client.get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(200);
      expect((await moderator.client.get(`/api/v1/community/topics/${topicId}`)).json().posts[0].body).toBe('Waiting for a look');
      const readerTopics = (await reader.client.get(`/api/v1/community/categories/${categoryId}/topics`)).json().topics;
      expect(readerTopics.map((t: { id: string }) => t.id)).not.toContain(topicId);
      const [item] = await rows(sql`select kinds, rules, status from forum_queue_item where post_id = ${res.json().post.id}`);
      expect(item).toEqual({ kinds: ['held'], rules: ['new_member'], status: 'open' });
    } finally {
      await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: false });
    }
  });
});

describe('reads', () => {
  test('the read marker moves forward only, and a topic counts once toward trust', async () => {
    const saved = (await startTopic(author)).json();
    const fresh = await member('Iris');
    await fresh.client.get(`/api/v1/community/topics/${saved.topicId}`);
    const marker = async () => (await rows(sql`select last_read_number, read_at from forum_topic_read where user_id = ${fresh.id} and topic_id = ${saved.topicId}`))[0];
    const first = await marker();
    expect(first!.last_read_number).toBe(1);
    await fresh.client.get(`/api/v1/community/topics/${saved.topicId}`);
    expect(await marker()).toEqual(first);
    await author.client.post(`/api/v1/community/topics/${saved.topicId}/replies`, { body: 'Adding a thought' });
    await reader.client.post(`/api/v1/community/topics/${saved.topicId}/replies`, { body: 'And another' });
    const list = (await fresh.client.get(`/api/v1/community/categories/${categoryId}/topics`)).json().topics;
    expect(list.find((t: { id: string }) => t.id === saved.topicId).unread).toBe(2);
    await fresh.client.get(`/api/v1/community/topics/${saved.topicId}`);
    expect((await marker())!.last_read_number).toBe(3);
    const [m] = await rows(sql`select topics_read from forum_member where user_id = ${fresh.id}`);
    expect(m!.topics_read).toBe(1);
  });
});
