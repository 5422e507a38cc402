import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { groupMember } from '../meetings/tables.ts';
import { SEARCH_TUNING, searchRepo } from './search-repo.ts';
import { snippetHtml } from './search-service.ts';

let ctx: TestContext;
let member: TestUser;
let other: TestUser;
let moderator: TestUser;
let signedOut: Client;
beforeAll(async () => {
  ctx = await createTestApp();
  member = await createUser(ctx);
  other = await createUser(ctx);
  moderator = await createUser(ctx, { roles: ['moderator'] });
  signedOut = new Client(ctx.app);
});
afterAll(() => ctx.close());

/** A made-up word no other test writes, so each test finds only its own posts. */
const word = () => `zor${Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const search = (client: Client, q: string, extra = '') => client.get(`/api/v1/community/search?q=${encodeURIComponent(q)}${extra}`);
async function found(client: Client, q: string, extra = ''): Promise<string[]> {
  const res = await search(client, q, extra);
  expect(res.statusCode).toBe(200);
  return res.json().results.map((r: { postId: string }) => r.postId);
}

describe('what is found', () => {
  test('English and Spanish posts by their own stems: "craving" finds "cravings", "consumiendo" finds "consumir"', async () => {
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const en = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Evenings after work', body: 'The cravings are strongest around six.' });
    const es = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Un día difícil', body: 'Hoy tengo muchas ganas de consumir', locale: 'es' });
    const within = `&categoryId=${cat.id}`;
    expect(await found(member.client, 'craving', within)).toEqual([en.postId]);
    expect(await found(member.client, 'ganas', within)).toEqual([es.postId]);
    expect(await found(member.client, 'consumiendo', within)).toEqual([es.postId]);
    // The same words in a category outside the filter are not returned with it.
    expect(await found(member.client, 'gardening', within)).toEqual([]);
  });

  test('ranked: a topic whose title matches comes before replies that only mention it, newest first among equals', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const a = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Something else', body: `A long day. ${w} ${w} ${w} again and again.` });
    const titled = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: `About ${w}`, body: 'Nothing more to say.' });
    const older = await insertReply(ctx, { topicId: a.topicId, authorId: other.id, body: `Yes, ${w} helped me too.` });
    const newer = await insertReply(ctx, { topicId: a.topicId, authorId: other.id, body: `Yes, ${w} helped me too.` });
    const ids = await found(member.client, w);
    expect(ids[0]).toBe(titled.postId);
    expect(ids).toHaveLength(4);
    expect(ids.indexOf(newer.postId)).toBeLessThan(ids.indexOf(older.postId));
  });

  test('the result names the topic, the category, the post number and when it was written', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public', name: 'Cravings and Triggers' });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Paydays', body: 'First post.' });
    const r = await insertReply(ctx, { topicId: t.topicId, authorId: other.id, body: `Payday ${w} is hard for me.` });
    const res = await search(signedOut, w);
    expect(res.json().results).toEqual([
      {
        topicId: t.topicId,
        postId: r.postId,
        postNumber: 2,
        title: 'Paydays',
        category: { id: cat.id, name: 'Cravings and Triggers' },
        author: { id: other.id, displayName: other.displayName, anonymous: false, isMe: false, revealedToModerators: false },
        snippet: `Payday <mark>${w}</mark> is hard for me.`,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  test('limit caps the answer; categoryId narrows it', async () => {
    const w = word();
    const [one, two] = [await createCategory(ctx, { readAccess: 'public' }), await createCategory(ctx, { readAccess: 'public' })];
    for (let i = 0; i < 3; i++) await insertTopic(ctx, { categoryId: one.id, authorId: member.id, title: `Topic ${i}`, body: `${w} number ${i}` });
    const inTwo = await insertTopic(ctx, { categoryId: two.id, authorId: member.id, title: 'Elsewhere', body: `${w} elsewhere` });
    expect(await found(member.client, w)).toHaveLength(4);
    expect(await found(member.client, w, '&limit=2')).toHaveLength(2);
    expect(await found(member.client, w, `&categoryId=${two.id}`)).toEqual([inTwo.postId]);
  });
});

describe('snippets', () => {
  test('HTML-escaped text with only <mark> as markup: a post about "<script>" shows it as text', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const body = `${w} & "quotes" **bold**, I typed <script>alert(1)</script> <img src=x onerror=alert(2)>`;
    await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Odd text', body });
    const [result] = (await search(member.client, w)).json().results;
    const snippet: string = result.snippet;
    expect(snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(snippet).toContain(`<mark>${w}</mark> &amp; &quot;quotes&quot; bold, I typed`);
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('the sentinels become <mark> and everything else is escaped, even entities that decode to markup', () => {
    expect(snippetHtml('a \uE000word\uE001 &lt;b&gt; &amp;lt; &#60;i&#x3e;')).toBe('a <mark>word</mark> &lt;b&gt; &amp;lt; &lt;i&gt;');
    // An unbalanced sentinel still yields balanced tags.
    expect(snippetHtml('\uE000open \uE000twice')).toBe('<mark>open twice</mark>');
    expect(snippetHtml('close\uE001 only')).toBe('close only');
  });
});

describe('only what the searcher may read', () => {
  test('a members category is invisible signed out and found signed in', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'members' });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Members only', body: `Talking about ${w}.` });
    const res = await search(signedOut, w);
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([]);
    expect(res.body).not.toContain(t.postId);
    expect(await found(other.client, w)).toEqual([t.postId]);
    // Naming the category does not help.
    expect((await search(signedOut, w, `&categoryId=${cat.id}`)).statusCode).toBe(404);
  });

  test('a group category is invisible to non-members: no result, the same answer as if it did not exist', async () => {
    const w = word();
    const group = await createGroup(ctx, { visibility: 'members' });
    const insider = await createUser(ctx);
    await ctx.database.db.insert(groupMember).values({ groupId: group.id, userId: insider.id, status: 'active' });
    const pending = await createUser(ctx);
    await ctx.database.db.insert(groupMember).values({ groupId: group.id, userId: pending.id, status: 'pending' });
    const pub = await createCategory(ctx, { readAccess: 'public' });
    const shared = await insertTopic(ctx, { categoryId: pub.id, authorId: member.id, title: 'Open', body: `${w} in the open` });

    const before = [(await search(other.client, w)).body, (await search(pending.client, w)).body];
    const cat = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: insider.id, title: `Group ${w}`, body: `${w} ${w} in the group` });
    for (let i = 0; i < 3; i++) await insertReply(ctx, { topicId: t.topicId, authorId: insider.id, body: `${w} reply ${i}` });

    for (const [i, outsider] of [other, pending].entries()) {
      expect((await search(outsider.client, w)).body).toBe(before[i]);
      expect(await found(outsider.client, w)).toEqual([shared.postId]);
      expect((await search(outsider.client, w, `&categoryId=${cat.id}`)).statusCode).toBe(404);
    }
    expect(await found(signedOut, w)).toEqual([shared.postId]);
    expect(await found(insider.client, w)).toHaveLength(5);
    expect(await found(moderator.client, w)).toHaveLength(5);
  });

  test('an archived category is searched by moderators only', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Old', body: `${w} from long ago` });
    await ctx.database.db.execute(sql`update forum_category set archived_at = now() where id = ${cat.id}`);
    expect(await found(member.client, w)).toEqual([]);
    expect(await found(signedOut, w)).toEqual([]);
    expect(await found(moderator.client, w)).toEqual([t.postId]);
  });

  test('held posts: only moderators find them (not other members, not signed out)', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const heldTopic = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: `Held ${w}`, body: 'Waiting for review.', status: 'held' });
    const open = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Visible', body: 'Visible opening.' });
    const heldReply = await insertReply(ctx, { topicId: open.topicId, authorId: member.id, body: `A held ${w} reply`, status: 'held' });
    for (const client of [other.client, signedOut]) expect(await found(client, w)).toEqual([]);
    expect((await found(moderator.client, w)).sort()).toEqual([heldTopic.postId, heldReply.postId].sort());
  });

  test('hidden and deleted posts, and the posts of a hidden topic, are not found by anyone, moderators included', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: `Hidden ${w}`, body: 'Hidden opening.', status: 'hidden' });
    const open = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Visible', body: 'Visible opening.' });
    await insertReply(ctx, { topicId: open.topicId, authorId: member.id, body: `A hidden ${w} reply`, status: 'hidden' });
    const deleted = await insertReply(ctx, { topicId: open.topicId, authorId: member.id, body: `A deleted ${w} reply` });
    await ctx.database.db.execute(sql`update forum_post set status = 'deleted' where id = ${deleted.postId}`);
    const hiddenTopic = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Topic hidden later', body: 'Opening.' });
    await insertReply(ctx, { topicId: hiddenTopic.topicId, authorId: other.id, body: `A visible ${w} reply in it` });
    await ctx.database.db.execute(sql`update forum_topic set status = 'hidden' where id = ${hiddenTopic.topicId}`);
    for (const client of [member.client, other.client, moderator.client, signedOut]) expect(await found(client, w)).toEqual([]);
  });
});

describe('anonymous authors', () => {
  test("another member never sees the author's id or name, not even in the raw answer; the author and moderators do", async () => {
    const w = word();
    const author = await createUser(ctx, { displayName: `Quietname ${word()}` });
    const cat = await createCategory(ctx, { readAccess: 'members' });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: author.id, title: `Anonymous ${w}`, body: `Something hard about ${w}.`, anonymous: true });
    await insertReply(ctx, { topicId: t.topicId, authorId: author.id, body: `More about ${w}, still anonymous.`, anonymous: true });

    const seen = await search(other.client, w);
    expect(seen.json().results).toHaveLength(2);
    expect(seen.body).not.toContain(author.id);
    expect(seen.body).not.toContain(author.displayName);
    for (const r of seen.json().results) expect(r.author).toEqual({ id: null, displayName: null, anonymous: true, isMe: false, revealedToModerators: false });

    const own = (await search(author.client, w)).json().results;
    for (const r of own) expect(r.author).toEqual({ id: author.id, displayName: author.displayName, anonymous: true, isMe: true, revealedToModerators: false });
    const moderated = (await search(moderator.client, w)).json().results;
    for (const r of moderated) expect(r.author).toEqual({ id: author.id, displayName: author.displayName, anonymous: true, isMe: false, revealedToModerators: true });
  });
});

describe('odd input', () => {
  test('query syntax never fails: quotes, operators, emoji, SQL-looking text, 200 characters', async () => {
    const w = word();
    const cat = await createCategory(ctx, { readAccess: 'public' });
    const t = await insertTopic(ctx, { categoryId: cat.id, authorId: member.id, title: 'Phrases', body: `One day at a time with ${w} 🙂` });
    const odd = [
      '"one day', '"one day at a time"', `-${w}`, `${w} -${w}`, '&|!', '!!', '()', `(${w}`, `${w}:*`, "'; drop table forum_post; --", '\\\\', '<->',
      'or or or', '🙂🙂', `🙂 ${w}`, 'a'.repeat(200), `${w} `.repeat(40).slice(0, 200), 'the and of', '%%', '\u0000x', 'ÿ\uFFFF',
    ];
    for (const q of odd) {
      const res = await search(member.client, q);
      expect(res.statusCode, q).toBe(200);
      expect(Array.isArray(res.json().results), q).toBe(true);
    }
    expect(await found(member.client, `"one day at a time" ${w}`)).toEqual([t.postId]);
    expect(await found(member.client, `🙂 ${w}`)).toEqual([t.postId]);
    expect(await found(member.client, `${w} -${w}`)).toEqual([]);
  });

  test('bad parameters are 422 with the field named; nothing is searched', async () => {
    const cases: Array<[string, string]> = [
      ['q=a', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['', 'q'],
      ['q=day&limit=0', 'limit'],
      ['q=day&limit=51', 'limit'],
      ['q=day&limit=ten', 'limit'],
      ['q=day&categoryId=nope', 'categoryId'],
      ['q=day&sort=new', 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await member.client.get(`/api/v1/community/search?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(Object.keys(res.json().error.fields ?? {}), query).toContain(field);
    }
  });
});

describe('the candidate steps (searchRepo.search)', () => {
  test('the index alone, the newest posts alone, and the newest posts then the index find the newest readable matches', async () => {
    const w = word();
    const group = await createGroup(ctx, { visibility: 'members' });
    const pub = await createCategory(ctx, { readAccess: 'public' });
    const closed = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id });
    const t = await insertTopic(ctx, { categoryId: pub.id, authorId: member.id, title: 'Open', body: `${w} one` });
    const readable = [t.postId];
    for (let i = 0; i < 4; i++) readable.push((await insertReply(ctx, { topicId: t.topicId, authorId: other.id, body: `${w} reply ${i}` })).postId);
    // The newest matches are ones the searcher may not read: they must not take a candidate's place.
    const g = await insertTopic(ctx, { categoryId: closed.id, authorId: member.id, title: 'Closed', body: `${w} closed` });
    await insertReply(ctx, { topicId: g.topicId, authorId: member.id, body: `${w} closed reply` });
    await ctx.database.db.execute(sql`analyze forum_post`);

    const categoryIds = (await searchRepo.readableCategories(ctx.database.db, { userId: other.id, sessionId: 'x', roles: new Set(['member']) })).map((c) => c.id);
    expect(categoryIds).toContain(pub.id);
    expect(categoryIds).not.toContain(closed.id);
    const find = async (tuning: typeof SEARCH_TUNING) =>
      (await searchRepo.search(ctx.database.db, { q: w, categoryIds, statuses: ['visible'], limit: 20 }, tuning)).map((h) => h.post_id).sort();
    const newest3 = readable.slice(-3).sort();
    expect(await find({ candidates: 50, recentWindow: 30_000, rareMatches: 1e12 })).toEqual([...readable].sort());
    expect(await find({ candidates: 3, recentWindow: 30_000, rareMatches: 1e12 })).toEqual(newest3);
    expect(await find({ candidates: 3, recentWindow: 30_000, rareMatches: -1 })).toEqual(newest3);
    // The two newest posts are the closed ones: the recent step finds nothing it may show, the index step the rest.
    expect(await find({ candidates: 3, recentWindow: 2, rareMatches: -1 })).toEqual(newest3);
    expect(await find({ candidates: 50, recentWindow: 4, rareMatches: -1 })).toEqual([...readable].sort());
  });
});
