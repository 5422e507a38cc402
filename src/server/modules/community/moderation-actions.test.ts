import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, insertReply, insertTopic } from '../../../../test/helpers/community-factories.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../audit/tables.ts';
import { notification } from '../notifications/tables.ts';
import { openQueueItem } from './queue-repo.ts';
import { forumMember, forumModerationAction, forumPost, forumPostRevision, forumQueueItem, forumTopic } from './tables.ts';

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
const db = () => ctx.database.db;
const postRow = async (id: string) => (await db().select().from(forumPost).where(eq(forumPost.id, id)))[0]!;
const topicRow = async (id: string) => (await db().select().from(forumTopic).where(eq(forumTopic.id, id)))[0]!;
const itemRow = async (id: string) => (await db().select().from(forumQueueItem).where(eq(forumQueueItem.id, id)))[0]!;
const memberRow = async (userId: string) => (await db().select().from(forumMember).where(eq(forumMember.userId, userId)))[0];
const actionsAbout = (userId: string) => db().select().from(forumModerationAction).where(eq(forumModerationAction.targetUserId, userId)).orderBy(desc(forumModerationAction.createdAt));
const notificationsOf = (userId: string) => db().select().from(notification).where(eq(notification.userId, userId));
const auditFor = (userId: string) => db().select().from(auditLog).where(and(eq(auditLog.subjectId, userId), sql`${auditLog.action} like 'community.%'`));
const resolve = (itemId: string, body: Record<string, unknown>, as = moderator) => as.client.post(`${M}/queue/${itemId}/resolve`, body);

/** A topic by `author` with a visible reply by someone else, in the shared category. */
async function thread(author: TestUser, opts: { body?: string; status?: 'visible' | 'held' } = {}) {
  const replier = await createUser(ctx);
  const topic = await insertTopic(ctx, { categoryId, authorId: author.id, ...opts });
  await insertReply(ctx, { topicId: topic.topicId, authorId: replier.id });
  return { ...topic, replier };
}

describe('resolving a queue item', () => {
  test('approve: a held reply goes out, counts and held-back mentions follow, its author hears it was approved', async () => {
    const author = await createUser(ctx);
    const topicAuthor = await createUser(ctx);
    const named = await createUser(ctx, { displayName: `Rowan${Date.now()}` });
    const { topicId } = await thread(topicAuthor);
    const { postId } = await insertReply(ctx, { topicId, authorId: author.id, status: 'held', body: `Thinking of you @${named.displayName}` });
    const item = await openQueueItem(db(), { postId, kind: 'held', rules: ['link_spam'] });
    const before = await topicRow(topicId);
    expect(await notificationsOf(named.id)).toEqual([]);

    const res = await resolve(item, { action: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: item, status: 'resolved', resolution: 'approve', post: { id: postId, status: 'visible' } });
    expect((await postRow(postId)).status).toBe('visible');
    expect((await topicRow(topicId)).replyCount).toBe(before.replyCount + 1);
    expect(await itemRow(item)).toMatchObject({ status: 'resolved', resolvedBy: moderator.id, resolution: 'approve' });
    expect(await notificationsOf(author.id)).toEqual([expect.objectContaining({ kind: 'community.approved', subjectId: postId, actorId: null })]);
    expect(await notificationsOf(named.id)).toEqual([expect.objectContaining({ kind: 'community.mentioned', subjectId: postId })]);
    expect((await notificationsOf(topicAuthor.id)).map((n) => n.kind)).toEqual(['community.replied']);
    expect(await actionsAbout(author.id)).toEqual([expect.objectContaining({ action: 'approve', moderatorId: moderator.id, postId, topicId })]);
    expect(await auditFor(author.id)).toEqual([
      expect.objectContaining({ actorId: moderator.id, action: 'community.approve', details: { postId, topicId, until: null } }),
    ]);
  });

  test('approve: a held opening post brings its topic out with it', async () => {
    const author = await createUser(ctx);
    const { topicId, postId } = await insertTopic(ctx, { categoryId, authorId: author.id, status: 'held' });
    const item = await openQueueItem(db(), { postId, kind: 'held', rules: ['sourcing'] });
    expect((await resolve(item, { action: 'approve' })).statusCode).toBe(200);
    expect((await topicRow(topicId)).status).toBe('visible');
    expect((await postRow(postId)).status).toBe('visible');
  });

  test('approve on a post that is not held, or on an item already resolved, is 409 and changes nothing', async () => {
    const author = await createUser(ctx);
    const { postId } = await thread(author);
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    const res = await resolve(item, { action: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('This post is not waiting for review any more.');
    expect((await itemRow(item)).status).toBe('open');
    expect(await actionsAbout(author.id)).toEqual([]);

    expect((await resolve(item, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await resolve(item, { action: 'hide', reason: 'Too late' })).statusCode).toBe(409);
    expect((await postRow(postId)).status).toBe('visible');
    expect((await resolve('01900000-0000-7000-8000-000000000000', { action: 'dismiss' })).statusCode).toBe(404);
  });

  test('dismiss: the reports were unfounded, the post stays and its author is not told; a held post must be approved or hidden', async () => {
    const author = await createUser(ctx);
    const { postId, topicId } = await thread(author);
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    expect((await resolve(item, { action: 'dismiss' })).statusCode).toBe(200);
    expect((await postRow(postId)).status).toBe('visible');
    expect(await itemRow(item)).toMatchObject({ status: 'resolved', resolution: 'dismiss', resolvedBy: moderator.id });
    expect(await notificationsOf(author.id)).toEqual([]);
    expect((await auditFor(author.id)).map((a) => a.action)).toEqual(['community.dismiss']);

    const held = await insertReply(ctx, { topicId, authorId: author.id, status: 'held' });
    const heldItem = await openQueueItem(db(), { postId: held.postId, kind: 'held' });
    const res = await resolve(heldItem, { action: 'dismiss' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('This post is waiting for review: approve it or hide it.');
    expect((await itemRow(heldItem)).status).toBe('open');
  });

  test('hide needs a reason (422, nothing changes); then the post and, for an opening post, its topic are hidden and the author told why', async () => {
    const author = await createUser(ctx);
    const { postId, topicId } = await thread(author);
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    for (const body of [{ action: 'hide' }, { action: 'hide', reason: '   ' }, { action: 'delete', reason: 'x' }]) {
      const res = await resolve(item, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await resolve(item, { action: 'hide' })).json().error.fields).toEqual({ reason: 'Tell the author why, in plain words.' });
    expect((await postRow(postId)).status).toBe('visible');
    expect((await itemRow(item)).status).toBe('open');

    const reason = 'Your post named a place to buy pills. We keep everyone safe from that here.';
    expect((await resolve(item, { action: 'hide', reason })).statusCode).toBe(200);
    expect((await postRow(postId)).status).toBe('hidden');
    expect((await topicRow(topicId)).status).toBe('hidden');
    const [action] = await actionsAbout(author.id);
    expect(action).toMatchObject({ action: 'hide', reason, postId, topicId });
    expect(await notificationsOf(author.id)).toEqual([expect.objectContaining({ kind: 'community.moderated', subjectId: action!.id, actorId: null })]);
    const audit = await auditFor(author.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'community.hide', actorId: moderator.id, details: { postId, topicId, until: null } })]);
    expect(JSON.stringify(audit)).not.toContain('pills');
  });

  test('hiding a reply takes it out of the topic’s reply count', async () => {
    const author = await createUser(ctx);
    const { topicId } = await thread(await createUser(ctx));
    const { postId } = await insertReply(ctx, { topicId, authorId: author.id });
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    const before = (await topicRow(topicId)).replyCount;
    expect((await resolve(item, { action: 'hide', reason: 'Harsh words about another member.' })).statusCode).toBe(200);
    expect((await topicRow(topicId)).replyCount).toBe(before - 1);
    expect((await topicRow(topicId)).status).toBe('visible');
  });

  test('a moderator cannot decide on their own post', async () => {
    const { postId } = await thread(moderator);
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    const res = await resolve(item, { action: 'dismiss' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Another moderator needs to handle this one.');
    expect((await itemRow(item)).status).toBe('open');
  });
});

describe('acting on a post directly', () => {
  test('hide and unhide: each resolves the post’s open item, is recorded and told', async () => {
    const author = await createUser(ctx);
    const { topicId } = await thread(await createUser(ctx));
    const { postId } = await insertReply(ctx, { topicId, authorId: author.id });
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    const count = (await topicRow(topicId)).replyCount;

    expect((await moderator.client.post(`${M}/posts/${postId}/hide`, {})).statusCode).toBe(422);
    const hidden = await moderator.client.post(`${M}/posts/${postId}/hide`, { reason: 'Dating requests are not for this space.' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ id: postId, status: 'hidden', html: expect.stringContaining('<p>') });
    expect(await itemRow(item)).toMatchObject({ status: 'resolved', resolution: 'hide' });
    expect((await topicRow(topicId)).replyCount).toBe(count - 1);

    // Hiding again changes nothing and tells nobody twice.
    expect((await moderator.client.post(`${M}/posts/${postId}/hide`, { reason: 'again' })).statusCode).toBe(200);
    expect(await actionsAbout(author.id)).toHaveLength(1);

    const shown = await moderator.client.post(`${M}/posts/${postId}/unhide`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().status).toBe('visible');
    expect((await topicRow(topicId)).replyCount).toBe(count);
    expect((await actionsAbout(author.id)).map((a) => a.action)).toEqual(['unhide', 'hide']);
    expect((await notificationsOf(author.id)).map((n) => n.kind)).toEqual(['community.moderated', 'community.moderated']);
  });

  test('edit with a note: the earlier text is kept with the note, the author reads the note', async () => {
    const author = await createUser(ctx);
    const { postId } = await thread(author, { body: 'Call me at 555-0100 any time.' });
    const item = await openQueueItem(db(), { postId, kind: 'reported' });
    expect((await moderator.client.post(`${M}/posts/${postId}/edit`, { body: 'Call me any time.' })).statusCode).toBe(422);
    const note = 'Removed a phone number: please share contact details only in private messages you both agree to.';
    const res = await moderator.client.post(`${M}/posts/${postId}/edit`, { body: 'Call me any time.', note });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ body: 'Call me any time.', editedAt: expect.any(String) });
    expect((await postRow(postId)).html).not.toContain('555');
    const revisions = await db().select().from(forumPostRevision).where(eq(forumPostRevision.postId, postId));
    expect(revisions).toEqual([expect.objectContaining({ body: 'Call me at 555-0100 any time.', editedBy: moderator.id, note })]);
    expect(await actionsAbout(author.id)).toEqual([expect.objectContaining({ action: 'edit', reason: note })]);
    expect(await itemRow(item)).toMatchObject({ status: 'resolved', resolution: 'edit' });
  });

  test('editing a held post keeps it waiting for approve or hide', async () => {
    const author = await createUser(ctx);
    const { topicId } = await thread(await createUser(ctx));
    const { postId } = await insertReply(ctx, { topicId, authorId: author.id, status: 'held' });
    const item = await openQueueItem(db(), { postId, kind: 'held' });
    expect((await moderator.client.post(`${M}/posts/${postId}/edit`, { body: 'Softer words', note: 'Took out a link.' })).statusCode).toBe(200);
    expect((await postRow(postId)).status).toBe('held');
    expect((await itemRow(item)).status).toBe('open');
  });

  test('no such post is 404; their own post is 409', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expect((await moderator.client.post(`${M}/posts/${missing}/hide`, { reason: 'x' })).statusCode).toBe(404);
    const { postId } = await thread(moderator);
    expect((await moderator.client.post(`${M}/posts/${postId}/hide`, { reason: 'x' })).statusCode).toBe(409);
    expect((await moderator.client.post(`${M}/posts/${postId}/edit`, { body: 'x', note: 'x' })).statusCode).toBe(409);
    expect((await postRow(postId)).status).toBe('visible');
  });
});

describe('locking a topic', () => {
  test('lock and unlock, each told to the topic’s author; asking for the state it is in changes nothing', async () => {
    const author = await createUser(ctx);
    const { topicId } = await thread(author);
    const lock = (body: Record<string, unknown>) => moderator.client.post(`${M}/topics/${topicId}/lock`, body);
    expect((await lock({ locked: true, reason: 'This thread has run its course. Thank you all.' })).statusCode).toBe(204);
    expect((await topicRow(topicId)).lockedAt).not.toBeNull();
    expect((await lock({ locked: true })).statusCode).toBe(204);
    expect((await lock({ locked: false })).statusCode).toBe(204);
    expect((await topicRow(topicId)).lockedAt).toBeNull();
    expect((await actionsAbout(author.id)).map((a) => [a.action, a.topicId])).toEqual([
      ['unlock', topicId],
      ['lock', topicId],
    ]);
    expect(await notificationsOf(author.id)).toHaveLength(2);
    expect((await lock({ locked: 'yes' })).statusCode).toBe(422);
    expect((await moderator.client.post(`${M}/topics/01900000-0000-7000-8000-000000000000/lock`, { locked: true })).statusCode).toBe(404);
    const own = await thread(moderator);
    expect((await moderator.client.post(`${M}/topics/${own.topicId}/lock`, { locked: true })).statusCode).toBe(409);
  });
});

describe('acting on a person', () => {
  test('warn, with or without a post of theirs; a post that is not theirs is 404', async () => {
    const person = await createUser(ctx);
    const { postId, topicId } = await thread(person);
    const res = await moderator.client.post(`${M}/people/${person.id}/warn`, { reason: 'Please keep medication advice to your own experience.', postId });
    expect(res.statusCode).toBe(200);
    expect(res.json().actions[0]).toMatchObject({ action: 'warn', postId, topic: { id: topicId }, moderator: { id: moderator.id, displayName: 'Moderator Quinn' } });
    expect((await moderator.client.post(`${M}/people/${person.id}/warn`, { reason: 'Be kind.' })).statusCode).toBe(200);
    const other = await thread(await createUser(ctx));
    expect((await moderator.client.post(`${M}/people/${person.id}/warn`, { reason: 'x', postId: other.postId })).statusCode).toBe(404);
    expect((await moderator.client.post(`${M}/people/${person.id}/warn`, { reason: '' })).statusCode).toBe(422);
    expect((await actionsAbout(person.id)).map((a) => a.action)).toEqual(['warn', 'warn']);
    expect((await notificationsOf(person.id)).every((n) => n.kind === 'community.moderated' && n.actorId === null)).toBe(true);
  });

  test('suspend for some days, then lift it; lifting what is not in force records nothing', async () => {
    const person = await createUser(ctx);
    const res = await moderator.client.post(`${M}/people/${person.id}/suspend`, { days: 7, reason: 'A week away after repeated pressure to move chats off Kindred.' });
    expect(res.statusCode).toBe(200);
    const until = new Date(res.json().standing.suspendedUntil).getTime();
    expect(Math.abs(until - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    expect(new Date((await memberRow(person.id))!.suspendedUntil!).getTime()).toBe(until);
    expect(res.json().actions[0]).toMatchObject({ action: 'suspend', until: new Date(until).toISOString() });
    expect((await auditFor(person.id))[0]!.details).toEqual({ postId: null, topicId: null, until: new Date(until).toISOString() });

    const lifted = await moderator.client.post(`${M}/people/${person.id}/unsuspend`);
    expect(lifted.json().standing.suspendedUntil).toBeNull();
    expect((await memberRow(person.id))!.suspendedUntil).toBeNull();
    expect((await moderator.client.post(`${M}/people/${person.id}/unsuspend`)).statusCode).toBe(200);
    expect((await actionsAbout(person.id)).map((a) => a.action)).toEqual(['unsuspend', 'suspend']);

    for (const bad of [{ days: 0, reason: 'x' }, { days: 366, reason: 'x' }, { days: 2.5, reason: 'x' }, { days: 3 }, { days: 3, reason: ' ' }]) {
      expect((await moderator.client.post(`${M}/people/${person.id}/suspend`, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    expect(await actionsAbout(person.id)).toHaveLength(2);
  });

  test('ban and unban', async () => {
    const person = await createUser(ctx);
    const res = await moderator.client.post(`${M}/people/${person.id}/ban`, { reason: 'Selling substances to members, more than once.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().standing.banned).toBe(true);
    expect((await memberRow(person.id))!.bannedAt).not.toBeNull();
    expect((await moderator.client.post(`${M}/people/${person.id}/unban`)).json().standing.banned).toBe(false);
    expect((await memberRow(person.id))!.bannedAt).toBeNull();
    expect((await actionsAbout(person.id)).map((a) => a.action)).toEqual(['unban', 'ban']);
  });

  test('set a trust level (automatic promotion leaves it alone), then hand it back to automatic levels', async () => {
    const person = await createUser(ctx);
    const set = await moderator.client.put(`${M}/people/${person.id}/trust`, { level: 3, reason: 'A steady, kind presence.' });
    expect(set.statusCode).toBe(200);
    expect(set.json().standing).toMatchObject({ trustLevel: 3, trustLocked: true, nextLevel: null, limits: { postsPerDay: 200 } });
    expect(await memberRow(person.id)).toMatchObject({ trustLevel: 3, trustLocked: true });
    const auto = await moderator.client.put(`${M}/people/${person.id}/trust`, { level: null });
    expect(auto.json().standing).toMatchObject({ trustLevel: 3, trustLocked: false });
    expect(await memberRow(person.id)).toMatchObject({ trustLocked: false });
    expect((await auditFor(person.id)).map((a) => a.details)).toEqual(expect.arrayContaining([{ postId: null, topicId: null, until: null, level: 3 }]));
    for (const bad of [{ level: 4 }, { level: -1 }, { level: '2' }, {}]) {
      expect((await moderator.client.put(`${M}/people/${person.id}/trust`, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
  });

  test('not on themselves; no suspension or ban of a coordinator from here; no such person is 404', async () => {
    const coordinator = await createCoordinator(ctx);
    for (const [path, body] of [
      ['warn', { reason: 'x' }],
      ['suspend', { days: 1, reason: 'x' }],
      ['ban', { reason: 'x' }],
    ] as const) {
      const self = await moderator.client.post(`${M}/people/${moderator.id}/${path}`, body);
      expect(self.statusCode, path).toBe(409);
      expect(self.json().error.message).toBe('Another moderator needs to handle this one.');
    }
    expect((await moderator.client.put(`${M}/people/${moderator.id}/trust`, { level: 3 })).statusCode).toBe(409);
    for (const [path, body] of [
      ['suspend', { days: 1, reason: 'x' }],
      ['ban', { reason: 'x' }],
    ] as const) {
      const res = await moderator.client.post(`${M}/people/${coordinator.id}/${path}`, body);
      expect(res.statusCode, path).toBe(409);
      expect(res.json().error.message).toBe('Coordinators cannot be suspended or banned from here.');
    }
    expect(await memberRow(moderator.id)).toBeUndefined();
    expect(await memberRow(coordinator.id)).toBeUndefined();
    expect(await actionsAbout(coordinator.id)).toEqual([]);
    expect((await moderator.client.post(`${M}/people/01900000-0000-7000-8000-000000000000/warn`, { reason: 'x' })).statusCode).toBe(404);
  });
});

describe('what the person acted on meets', () => {
  const replyTo = (who: TestUser, topicId: string) => who.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: 'Checking in tonight.' });

  test('suspended or banned, they cannot post until it is lifted; a locked topic takes no replies', async () => {
    const person = await createUser(ctx);
    expect((await person.client.post('/api/v1/community/guidelines/accept', { version: 1 })).statusCode).toBe(204);
    const { topicId } = await thread(await createUser(ctx));
    expect((await replyTo(person, topicId)).statusCode).toBe(201);

    await moderator.client.post(`${M}/people/${person.id}/suspend`, { days: 2, reason: 'Two days away to cool off.' });
    const suspended = await replyTo(person, topicId);
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().error.message).toBe('Your posting is paused for now. Your notices say why and until when.');
    await moderator.client.post(`${M}/people/${person.id}/unsuspend`);
    expect((await replyTo(person, topicId)).statusCode).toBe(201);

    await moderator.client.post(`${M}/people/${person.id}/ban`, { reason: 'Repeated sourcing.' });
    expect((await replyTo(person, topicId)).json().error.message).toBe('You can no longer post in the community. Your notices say why.');
    await moderator.client.post(`${M}/people/${person.id}/unban`);
    expect((await replyTo(person, topicId)).statusCode).toBe(201);

    await moderator.client.post(`${M}/topics/${topicId}/lock`, { locked: true, reason: '' });
    expect((await replyTo(person, topicId)).json().error.message).toBe('This topic is closed to new replies.');
  });

  test('the author of a hidden reply sees it as hidden in the topic, and the notice says why in the moderator’s words', async () => {
    const author = await createUser(ctx);
    const { topicId } = await thread(await createUser(ctx));
    const { postId } = await insertReply(ctx, { topicId, authorId: author.id, body: 'Text that broke a rule' });
    const reason = 'We hid this because it shared another member’s story without asking them.';
    await moderator.client.post(`${M}/posts/${postId}/hide`, { reason });
    const page = await author.client.get(`/api/v1/community/topics/${topicId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().posts.find((p: { id: string }) => p.id === postId)).toMatchObject({ status: 'hidden', html: '' });
    expect(page.body).not.toContain('Text that broke a rule');
    expect((await author.client.get('/api/v1/community/notices')).json().notices).toEqual([expect.objectContaining({ action: 'hide', reason, postId })]);
  });

  test('a trust level a moderator set is the person’s own standing', async () => {
    const person = await createUser(ctx);
    await moderator.client.put(`${M}/people/${person.id}/trust`, { level: 2, reason: '' });
    expect((await person.client.get('/api/v1/community/me')).json()).toMatchObject({ trustLevel: 2, trustLocked: true });
  });
});
