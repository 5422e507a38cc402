import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { blockPerson, createConversation, decideRequest, sendMessage } from '../../../../test/helpers/messaging-factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const reach = (who: TestUser, other: string) => who.client.get(`/api/v1/messaging/people/${other}`);
const close = async (who: TestUser) => {
  const res = await who.client.put('/api/v1/messaging/preferences', { acceptRequests: false });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ acceptRequests: false });
};
const conversationsOf = async (who: TestUser) => {
  const res = await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from conversation_participant where user_id = ${who.id}`);
  return res.rows[0]!.n;
};

describe('closing myself to message requests', () => {
  test('open by default; closed, a stranger’s request is refused as a block is, and nothing reaches me', async () => {
    const [me, stranger] = await Promise.all([createUser(ctx), createUser(ctx, { displayName: 'Stranger Sol' })]);
    expect((await me.client.get('/api/v1/messaging/preferences')).json()).toEqual({ acceptRequests: true });
    await close(me);
    expect((await me.client.get('/api/v1/messaging/preferences')).json()).toEqual({ acceptRequests: false });

    const refused = await stranger.client.post('/api/v1/conversations', { participants: [me.id], message: 'Hi, text me?' });
    expect(refused.statusCode).toBe(409);
    // The same answer as a block: a closed door and a block cannot be told apart.
    const blocker = await createUser(ctx);
    await blockPerson(ctx, blocker.id, stranger.id);
    const blocked = await stranger.client.post('/api/v1/conversations', { participants: [blocker.id], message: 'Hi, text me?' });
    expect(blocked.statusCode).toBe(409);
    expect(refused.json()).toEqual(blocked.json());
    expect(await conversationsOf(me)).toBe(0);
    const inbox = (await me.client.get('/api/v1/me/notifications')).json();
    expect(inbox.notifications.filter((n: { kind: string }) => n.kind === 'messaging.requested')).toEqual([]);

    // Open again: the request goes through.
    expect((await me.client.put('/api/v1/messaging/preferences', { acceptRequests: true })).json()).toEqual({ acceptRequests: true });
    expect((await stranger.client.post('/api/v1/conversations', { participants: [me.id], message: 'Hi again' })).statusCode).toBe(201);
  });

  test('people I have a reason to talk with still write: my mentor, a coordinator; and a request already waiting stays mine to decide', async () => {
    const [mentee, mentor, asker] = await Promise.all([createUser(ctx), createUser(ctx, { roles: ['peer_supporter'] }), createUser(ctx)]);
    const coordinator = await createCoordinator(ctx);
    await createMentorship(ctx, mentor.id, mentee.id, 'active');
    const waiting = await createConversation(asker, mentee, 'Could we talk?');
    await close(mentee);

    expect((await mentor.client.post('/api/v1/conversations', { participants: [mentee.id], message: 'Checking in' })).statusCode).toBe(201);
    expect((await coordinator.client.post('/api/v1/conversations', { participants: [mentee.id], message: 'Welcome' })).statusCode).toBe(201);
    // The request that came before the door closed: still listed, and accepting it opens it.
    expect((await mentee.client.get('/api/v1/conversations')).json().requests.map((c: { id: string }) => c.id)).toEqual([waiting.conversation.id]);
    await decideRequest(mentee, waiting.conversation.id, 'accept');
    expect((await sendMessage(asker, waiting.conversation.id, 'Thank you')).body).toBe('Thank you');
  });

  test('bad input changes nothing: 422', async () => {
    const me = await createUser(ctx);
    for (const body of [{}, { acceptRequests: 'no' }, { acceptRequests: null }, { acceptRequests: false, extra: 1 }, []]) {
      const res = await me.client.put('/api/v1/messaging/preferences', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await me.client.get('/api/v1/messaging/preferences')).json()).toEqual({ acceptRequests: true });
  });
});

describe('before writing to someone', () => {
  test('a stranger: their name, a request needed, I can start; closed or blocked either way: I cannot, one answer', async () => {
    const [me, other] = await Promise.all([createUser(ctx), createUser(ctx, { displayName: 'Rosa' })]);
    const open = await reach(me, other.id);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ person: { id: other.id, displayName: 'Rosa' }, conversationId: null, basis: 'request', canStart: true });

    await close(other);
    const closed = (await reach(me, other.id)).json();
    expect(closed).toMatchObject({ basis: 'request', canStart: false });

    const [third, fourth] = await Promise.all([createUser(ctx, { displayName: 'Rosa' }), createUser(ctx, { displayName: 'Rosa' })]);
    await blockPerson(ctx, third.id, me.id);
    await blockPerson(ctx, me.id, fourth.id);
    const blockedMe = (await reach(me, third.id)).json();
    const blockedByMe = (await reach(me, fourth.id)).json();
    const strip = (r: { person: { id: string } }) => ({ ...r, person: { ...r.person, id: 'x' } });
    expect(strip(blockedMe)).toEqual(strip(closed));
    expect(strip(blockedByMe)).toEqual(strip(closed));
  });

  test('my mentor: the mentorship lets us write even when closed to requests; our conversation once it exists', async () => {
    const [mentee, mentor] = await Promise.all([createUser(ctx), createUser(ctx, { roles: ['peer_supporter'], displayName: 'Leo' })]);
    await createMentorship(ctx, mentor.id, mentee.id, 'active');
    await close(mentor);
    expect((await reach(mentee, mentor.id)).json()).toEqual({ person: { id: mentor.id, displayName: 'Leo' }, conversationId: null, basis: 'mentorship', canStart: true });
    const { conversation } = await createConversation(mentee, mentor, 'Hello');
    expect((await reach(mentee, mentor.id)).json()).toMatchObject({ conversationId: conversation.id, basis: 'mentorship' });
    expect((await reach(mentor, mentee.id)).json()).toMatchObject({ conversationId: conversation.id, basis: 'mentorship' });
  });

  test('nobody, myself, a bad id: 404 or 422, and nothing about anyone', async () => {
    const me = await createUser(ctx);
    expect((await reach(me, me.id)).statusCode).toBe(404);
    const nobody = await reach(me, '018f0000-0000-7000-8000-000000000000');
    expect(nobody.statusCode).toBe(404);
    expect((await reach(me, 'not-an-id')).statusCode).toBe(422);
  });
});
