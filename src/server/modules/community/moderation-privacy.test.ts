import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { openQueueItem } from './queue-repo.ts';
import { forumModerationAction } from './tables.ts';

let ctx: TestContext;
let moderator: TestUser;
let categoryId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  moderator = await createUser(ctx, { roles: ['moderator'], displayName: 'Moderator Quinn' });
  categoryId = (await createCategory(ctx)).id;
});
afterAll(() => ctx.close());

const M = '/api/v1/community/moderation';

/** Everything moderation may change, to prove a refused request changed none of it. */
async function snapshot() {
  const { rows } = await ctx.database.db.execute(sql`select
    (select json_agg(json_build_object('id', id, 'status', status, 'body', body) order by id) from forum_post) as posts,
    (select json_agg(json_build_object('id', id, 'status', status, 'locked', locked_at) order by id) from forum_topic) as topics,
    (select json_agg(json_build_object('id', id, 'status', status) order by id) from forum_queue_item) as items,
    (select json_agg(forum_member order by user_id) from forum_member) as members,
    (select count(*) from forum_moderation_action) as actions,
    (select count(*) from forum_post_revision) as revisions,
    (select count(*) from notification) as notifications,
    (select count(*) from audit_log) as audit,
    (select value from instance_setting where key = 'community_moderation') as settings`);
  return rows[0];
}

describe('moderation is for moderators only', () => {
  test('a member, a peer supporter and a facilitator get 404 from every moderation route, signed out 401; nothing changes', async () => {
    const author = await createUser(ctx);
    const { topicId, postId } = await insertTopic(ctx, { categoryId, authorId: author.id });
    const held = await insertReply(ctx, { topicId, authorId: author.id, status: 'held' });
    const item = await openQueueItem(ctx.database.db, { postId: held.postId, kind: 'held', rules: ['sourcing'] });
    const routes: [method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown][] = [
      ['GET', `${M}/queue`],
      ['GET', `${M}/queue?status=resolved`],
      ['POST', `${M}/queue/${item}/resolve`, { action: 'approve' }],
      ['POST', `${M}/posts/${postId}/hide`, { reason: 'Not here.' }],
      ['POST', `${M}/posts/${postId}/unhide`],
      ['POST', `${M}/posts/${postId}/edit`, { body: 'Changed', note: 'Because.' }],
      ['GET', `/api/v1/community/posts/${postId}/revisions`],
      ['POST', `${M}/topics/${topicId}/lock`, { locked: true, reason: '' }],
      ['GET', `${M}/people/${author.id}`],
      ['POST', `${M}/people/${author.id}/warn`, { reason: 'Be kind.' }],
      ['POST', `${M}/people/${author.id}/suspend`, { days: 3, reason: 'A pause.' }],
      ['POST', `${M}/people/${author.id}/unsuspend`],
      ['POST', `${M}/people/${author.id}/ban`, { reason: 'Gone.' }],
      ['POST', `${M}/people/${author.id}/unban`],
      ['PUT', `${M}/people/${author.id}/trust`, { level: 3, reason: '' }],
      ['GET', `${M}/settings`],
      ['PUT', `${M}/settings`, { patterns: [], linkSpamThreshold: 5, holdNewMembers: true }],
    ];
    const outsiders = [await createUser(ctx), await createUser(ctx, { roles: ['peer_supporter'] }), await createUser(ctx, { roles: ['facilitator', 'professional'] })];
    const before = await snapshot();
    for (const [method, url, body] of routes) {
      for (const who of outsiders) {
        const res = await who.client.request(method, url, body ?? (method === 'GET' ? undefined : {}));
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await new Client(ctx.app).request(method, url, body ?? (method === 'GET' ? undefined : {}))).statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
    // The same requests from a moderator do something, so the refusals above are not an accident of the requests.
    expect((await moderator.client.get(`${M}/queue`)).json().items.map((i: { id: string }) => i.id)).toContain(item);
    expect((await moderator.client.post(`${M}/queue/${item}/resolve`, { action: 'approve' })).statusCode).toBe(200);
  });
});

describe('notices', () => {
  test('the person acted on reads what happened and why, never who; nobody else reads it, moderators included', async () => {
    const author = await createUser(ctx, { displayName: 'Avery Lindqvist' });
    const reporter = await createUser(ctx, { displayName: 'Reporting Riley' });
    const { topicId, postId } = await insertTopic(ctx, { categoryId, authorId: author.id, title: 'Where to find help', anonymous: true });
    expect((await reporter.client.post('/api/v1/community/reports', { postId, reason: 'sourcing', note: 'Riley saw a dealer named' })).statusCode).toBe(201);
    const [item] = (await moderator.client.get(`${M}/queue`)).json().items.filter((i: { post: { id: string } }) => i.post.id === postId);
    const reason = 'Your post pointed to someone selling pills. We hid it to keep members safe; you are welcome to post again.';
    expect((await moderator.client.post(`${M}/queue/${item.id}/resolve`, { action: 'hide', reason })).statusCode).toBe(200);
    const [action] = await ctx.database.db.select().from(forumModerationAction).where(eq(forumModerationAction.targetUserId, author.id));

    const list = await author.client.get('/api/v1/community/notices');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      notices: [{ id: action!.id, action: 'hide', reason, createdAt: expect.any(String), until: null, topic: { id: topicId, title: 'Where to find help' }, postId }],
    });
    const one = await author.client.get(`/api/v1/community/notices/${action!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(list.json().notices[0]);

    // The notification links to the notice without naming anyone; nothing the author reads names the moderator or reporter.
    const inbox = await author.client.get('/api/v1/me/notifications');
    expect(inbox.json().notifications).toEqual([expect.objectContaining({ kind: 'community.moderated', subjectId: action!.id, actor: null })]);
    for (const body of [list.body, one.body, inbox.body]) {
      for (const secret of [moderator.id, moderator.displayName, reporter.id, reporter.displayName, 'Riley saw']) expect(body).not.toContain(secret);
    }

    for (const other of [reporter, moderator, await createUser(ctx, { roles: ['coordinator'] })]) {
      expect((await other.client.get(`/api/v1/community/notices/${action!.id}`)).statusCode).toBe(404);
      expect((await other.client.get('/api/v1/community/notices')).json().notices).toEqual([]);
    }
    expect((await new Client(ctx.app).get('/api/v1/community/notices')).statusCode).toBe(401);
    expect((await new Client(ctx.app).get(`/api/v1/community/notices/${action!.id}`)).statusCode).toBe(401);
    expect((await author.client.get('/api/v1/community/notices/not-an-id')).statusCode).toBe(422);
  });

  test('approvals are told as approvals and dismissed reports not at all: neither is a notice', async () => {
    const author = await createUser(ctx);
    const { topicId } = await insertTopic(ctx, { categoryId, authorId: (await createUser(ctx)).id });
    const held = await insertReply(ctx, { topicId, authorId: author.id, status: 'held' });
    const reported = await insertReply(ctx, { topicId, authorId: author.id });
    const heldItem = await openQueueItem(ctx.database.db, { postId: held.postId, kind: 'held' });
    const reportedItem = await openQueueItem(ctx.database.db, { postId: reported.postId, kind: 'reported' });
    expect((await moderator.client.post(`${M}/queue/${heldItem}/resolve`, { action: 'approve' })).statusCode).toBe(200);
    expect((await moderator.client.post(`${M}/queue/${reportedItem}/resolve`, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await author.client.get('/api/v1/community/notices')).json().notices).toEqual([]);
    expect((await author.client.get('/api/v1/me/notifications')).json().notifications.map((n: { kind: string }) => n.kind)).toEqual(['community.approved']);
  });
});

describe("a moderator's view of people and revisions", () => {
  test('the people view names who acted and their notes; it is the moderators’ alone', async () => {
    const person = await createUser(ctx);
    await moderator.client.post(`${M}/people/${person.id}/warn`, { reason: 'Please keep to your own experience.' });
    const view = await moderator.client.get(`${M}/people/${person.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      userId: person.id,
      displayName: person.displayName,
      standing: { trustLevel: 0, banned: false, suspendedUntil: null, isModerator: false, guidelinesAccepted: false },
      actions: [{ action: 'warn', reason: 'Please keep to your own experience.', moderator: { id: moderator.id, displayName: 'Moderator Quinn' } }],
    });
    expect((await person.client.get(`${M}/people/${person.id}`)).statusCode).toBe(404);
    expect((await moderator.client.get(`${M}/people/01900000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
  });

  test('revisions: moderators read every earlier version; the author and other members get 404', async () => {
    const author = await createUser(ctx, { displayName: 'Anon Author' });
    const { postId } = await insertTopic(ctx, { categoryId, authorId: author.id, anonymous: true, body: 'First words' });
    expect((await moderator.client.post(`${M}/posts/${postId}/edit`, { body: 'Second words', note: 'Took out a surname.' })).statusCode).toBe(200);
    const res = await moderator.client.get(`/api/v1/community/posts/${postId}/revisions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revisions).toEqual([
      {
        id: expect.any(String),
        body: 'First words',
        title: null,
        editedBy: { id: moderator.id, displayName: 'Moderator Quinn', anonymous: false, isMe: true, revealedToModerators: false },
        note: 'Took out a surname.',
        createdAt: expect.any(String),
      },
    ]);
    for (const who of [author, await createUser(ctx)]) expect((await who.client.get(`/api/v1/community/posts/${postId}/revisions`)).statusCode).toBe(404);
    expect((await moderator.client.get('/api/v1/community/posts/01900000-0000-7000-8000-000000000000/revisions')).statusCode).toBe(404);
  });
});
