import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, createForumMember } from '../../../../test/helpers/community-factories.ts';
import type { TestUser } from '../../../../test/helpers/factories.ts';

let ctx: TestContext;
let hidden: TestUser;
let other: TestUser;
let moderator: TestUser;
let coordinator: TestUser;
let categoryId: string;

const member = (displayName: string, roles: ('moderator' | 'coordinator')[] = []) => createForumMember(ctx, displayName, roles);

beforeAll(async () => {
  ctx = await createTestApp();
  // A name found nowhere else in any response, so its absence means something.
  [hidden, other, moderator, coordinator] = await Promise.all([member('Quillonwe'), member('Bartholo'), member('Mona', ['moderator']), member('Cora', ['coordinator'])]);
  categoryId = (await createCategory(ctx, { name: 'Cravings and Triggers', readAccess: 'members' })).id;
});
afterAll(() => ctx.close());

describe('an anonymous author', () => {
  test('is never named to another member: lists, pages, posts, reactions, notifications', async () => {
    const topic = await hidden.client.post('/api/v1/community/topics', { categoryId, title: 'Something I never told anyone', body: 'It is hard to say this out loud.', anonymous: true });
    expect(topic.statusCode, topic.body).toBe(201);
    const { topicId, post: opening } = topic.json();
    // The author is told plainly it is their own anonymous post.
    expect(opening.author).toEqual({ id: hidden.id, displayName: 'Quillonwe', anonymous: true, isMe: true, revealedToModerators: false });

    // The other member's own topic, answered anonymously; and a mention of them from the anonymous topic.
    const theirs = (await other.client.post('/api/v1/community/topics', { categoryId, title: 'A good week', body: 'Seven days today.' })).json();
    const answer = await hidden.client.post(`/api/v1/community/topics/${theirs.topicId}/replies`, { body: 'Proud of you.', anonymous: true });
    expect(answer.statusCode).toBe(201);
    const mention = await hidden.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: '@Bartholo thank you for listening', anonymous: true });
    expect(mention.statusCode).toBe(201);

    const reads = [
      await other.client.get(`/api/v1/community/categories/${categoryId}/topics`),
      await other.client.get(`/api/v1/community/topics/${topicId}`),
      await other.client.get(`/api/v1/community/topics/${theirs.topicId}`),
      await other.client.get(`/api/v1/community/posts/${opening.id}`),
      await other.client.get(`/api/v1/community/posts/${answer.json().post.id}`),
      await other.client.put(`/api/v1/community/posts/${opening.id}/reactions/support`),
      await other.client.delete(`/api/v1/community/posts/${mention.json().post.id}/reactions/thanks`),
      await other.client.get('/api/v1/me/notifications'),
    ];
    for (const res of reads) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(hidden.id);
      expect(res.body.toLowerCase()).not.toContain('quillonwe');
    }
    const page = reads[1]!.json();
    expect(page.topic.author).toEqual({ id: null, displayName: null, anonymous: true, isMe: false, revealedToModerators: false });
    expect(page.posts.map((p: { author: { anonymous: boolean } }) => p.author.anonymous)).toEqual([true, true]);
    expect(reads[5]!.json()).toEqual({ reactions: { support: 1, me_too: 0, celebrate: 0, thanks: 0 }, myReactions: ['support'] });

    // Told of the reply and the mention, without who.
    const inbox = reads[7]!.json().notifications as { kind: string; subjectId: string; actor: unknown }[];
    expect(inbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'community.replied', subjectId: answer.json().post.id, actor: null }),
        expect.objectContaining({ kind: 'community.mentioned', subjectId: mention.json().post.id, actor: null }),
      ]),
    );
    const [stored] = (await ctx.database.db.execute(sql`select count(*)::int as n from notification where actor_id = ${hidden.id}`)).rows;
    expect(stored!.n).toBe(0);

    // Signed out, the page is not even there (members only), and nothing else names them either.
    expect((await other.client.as(undefined).get(`/api/v1/community/topics/${topicId}`)).statusCode).toBe(404);

    // The author still sees themself; moderators and coordinators see who it is, marked as revealed to them.
    const own = (await hidden.client.get(`/api/v1/community/topics/${topicId}`)).json();
    expect(own.posts[0].author).toMatchObject({ id: hidden.id, isMe: true, revealedToModerators: false });
    for (const staff of [moderator, coordinator]) {
      const seen = (await staff.client.get(`/api/v1/community/topics/${topicId}`)).json();
      expect(seen.topic.author).toEqual({ id: hidden.id, displayName: 'Quillonwe', anonymous: true, isMe: false, revealedToModerators: true });
      expect(seen.posts[1].author).toMatchObject({ id: hidden.id, displayName: 'Quillonwe', revealedToModerators: true });
      expect((await staff.client.get(`/api/v1/community/posts/${answer.json().post.id}`)).json().author.revealedToModerators).toBe(true);
    }
  });

  test('their anonymous and named posts are not linked by anything a member sees', async () => {
    const named = (await hidden.client.post('/api/v1/community/topics', { categoryId, title: 'Named and proud', body: 'This one has my name.' })).json();
    const anon = (await hidden.client.post(`/api/v1/community/topics/${named.topicId}/replies`, { body: 'And a quieter thought.', anonymous: true })).json();
    const page = (await other.client.get(`/api/v1/community/topics/${named.topicId}`)).json();
    expect(page.posts[0].author).toMatchObject({ id: hidden.id, displayName: 'Quillonwe', anonymous: false });
    const quiet = page.posts.find((p: { id: string }) => p.id === anon.post.id);
    expect(JSON.stringify(quiet)).not.toContain(hidden.id);
    expect(quiet.author).toEqual({ id: null, displayName: null, anonymous: true, isMe: false, revealedToModerators: false });
  });
});
