import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { blockPerson, createConversation, setMentorshipStatus, unblockPerson } from '../../../../test/helpers/messaging-factories.ts';
import { clearRoster, createResponder, putOnCall } from '../../../../test/helpers/safety-factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const pair = () => Promise.all([createUser(ctx), createUser(ctx)]);
const start = (from: TestUser, to: TestUser, message?: string) =>
  from.client.post('/api/v1/conversations', { participants: [to.id], ...(message ? { message } : {}) });
const send = (from: TestUser, id: string, body = 'Hello there') => from.client.post(`/api/v1/conversations/${id}/messages`, { body });

describe('who may write to whom', () => {
  test('an active mentorship: a direct conversation at once, both write', async () => {
    const [mentor, mentee] = await pair();
    await createMentorship(ctx, mentor.id, mentee.id);
    const res = await start(mentee, mentor);
    expect(res.statusCode).toBe(201);
    const c = res.json().conversation;
    expect(c).toMatchObject({ kind: 'direct', basis: 'mentorship', status: 'active', canWrite: true, other: { id: mentor.id } });
    expect((await send(mentor, c.id)).statusCode).toBe(201);
    expect((await send(mentee, c.id)).statusCode).toBe(201);
    // The same conversation comes back, with 200.
    const again = await start(mentor, mentee);
    expect(again.statusCode).toBe(200);
    expect(again.json().conversation.id).toBe(c.id);
  });

  for (const status of ['paused', 'ended'] as const) {
    test(`a ${status} mentorship: the conversation stays readable, writing is 409 messagingUnavailable`, async () => {
      const [mentor, mentee] = await pair();
      const m = await createMentorship(ctx, mentor.id, mentee.id);
      const { conversation } = await createConversation(mentee, mentor, 'Before the pause');
      await setMentorshipStatus(ctx, m.id, status);
      const res = await send(mentor, conversation.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/can't send messages/);
      expect((await send(mentee, conversation.id)).statusCode).toBe(409);
      const read = await mentee.client.get(`/api/v1/conversations/${conversation.id}/messages`);
      expect(read.statusCode).toBe(200);
      expect(read.json().conversation.canWrite).toBe(false);
      expect(read.json().messages.map((x: { body: string }) => x.body)).toEqual(['Before the pause']);
    });
  }

  test('a coordinator and any member write to each other (staff), both ways', async () => {
    const [coordinator, member, other] = await Promise.all([createCoordinator(ctx), createUser(ctx), createUser(ctx)]);
    const a = await start(member, coordinator);
    expect(a.statusCode).toBe(201);
    expect(a.json().conversation).toMatchObject({ basis: 'staff', status: 'active', canWrite: true });
    const b = await start(coordinator, other, 'Welcome to Kindred');
    expect(b.statusCode).toBe(201);
    expect(b.json().conversation).toMatchObject({ basis: 'staff', status: 'active' });
  });

  test('a facilitator of a shared group is staff; a facilitator of another group is a stranger', async () => {
    const [facilitator, member, elsewhere] = await Promise.all([createUser(ctx), createUser(ctx), createUser(ctx)]);
    const [g1, g2] = await Promise.all([createGroup(ctx), createGroup(ctx)]);
    await addGroupMember(ctx, g1.id, facilitator.id, 'facilitator');
    await addGroupMember(ctx, g1.id, member.id);
    await addGroupMember(ctx, g2.id, elsewhere.id);
    const shared = await start(member, facilitator);
    expect(shared.json().conversation).toMatchObject({ basis: 'staff', status: 'active' });
    // The facilitator of g1 and a member of g2 only: a request.
    const other = await start(facilitator, elsewhere, 'Hi, I run a group');
    expect(other.statusCode).toBe(201);
    expect(other.json().conversation).toMatchObject({ basis: 'request', status: 'requested', requestedByMe: true, canWrite: false });
  });

  test('a pending membership does not count', async () => {
    const [facilitator, member] = await pair();
    const g = await createGroup(ctx);
    await addGroupMember(ctx, g.id, facilitator.id, 'facilitator');
    await addGroupMember(ctx, g.id, member.id, 'member', 'pending');
    expect((await start(member, facilitator)).statusCode).toBe(422);
  });

  test('a responder on call now is staff; off call they are a stranger', async () => {
    await clearRoster(ctx);
    const [responder, member] = await Promise.all([createResponder(ctx), createUser(ctx)]);
    const shift = await putOnCall(ctx, responder, { startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 7_200_000) });
    expect(shift).toBeTruthy();
    // Not on call yet: without a first message it is a request that needs one.
    const early = await start(member, responder);
    expect(early.statusCode).toBe(422);
    await clearRoster(ctx);
    await putOnCall(ctx, responder);
    const now = await start(member, responder);
    expect(now.statusCode).toBe(201);
    expect(now.json().conversation).toMatchObject({ basis: 'staff', status: 'active', canWrite: true });
    // The shift ends: the conversation stays, writing does not.
    await clearRoster(ctx);
    expect((await send(member, now.json().conversation.id)).statusCode).toBe(409);
  });

  test('a stranger: a message request with its first message', async () => {
    const [a, b] = await pair();
    const none = await start(a, b);
    expect(none.statusCode).toBe(422);
    expect(none.json().error.fields.message).toBeTruthy();
    const res = await start(a, b, 'Hi, we met at the Tuesday meeting');
    expect(res.statusCode).toBe(201);
    expect(res.json().conversation).toMatchObject({ basis: 'request', status: 'requested', requestedByMe: true, canWrite: false });
    expect(res.json().sent.message).toMatchObject({ seq: 1, mine: true, body: 'Hi, we met at the Tuesday meeting' });
  });

  test('blocked either way: the same 409 for a conversation, a request and a send', async () => {
    const [mentor, mentee, stranger] = await Promise.all([createUser(ctx), createUser(ctx), createUser(ctx)]);
    await createMentorship(ctx, mentor.id, mentee.id);
    const { conversation } = await createConversation(mentee, mentor, 'Hello');
    const answers: { status: number; body: unknown }[] = [];
    const collect = (r: { statusCode: number; json(): unknown }) => answers.push({ status: r.statusCode, body: r.json() });

    await blockPerson(ctx, mentor.id, mentee.id);
    collect(await send(mentee, conversation.id));
    collect(await send(mentor, conversation.id));
    collect(await start(mentee, mentor, 'Hi'));
    await unblockPerson(ctx, mentor.id, mentee.id);
    expect((await send(mentee, conversation.id)).statusCode).toBe(201);

    await blockPerson(ctx, stranger.id, mentee.id);
    collect(await start(mentee, stranger, 'Hi'));
    collect(await start(stranger, mentee, 'Hi'));
    // Refused for a block, and refused because a relationship ended: one answer.
    const formerMentee = await createUser(ctx);
    const m2 = await createMentorship(ctx, mentor.id, formerMentee.id);
    const former = await createConversation(formerMentee, mentor, 'Thanks for everything');
    await setMentorshipStatus(ctx, m2.id, 'ended');
    collect(await send(formerMentee, former.conversation.id));
    expect(answers).toHaveLength(6);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(409);
    expect(answers[0]!.body).toEqual({ error: { code: 'conflict', message: "You can't send messages to this person." } });
  });

  test('a conversation begun as a request continues under a relationship that holds now', async () => {
    const [a, b] = await pair();
    const { conversation } = await createConversation(a, b, 'Hello, may I ask you something?');
    expect(conversation.status).toBe('requested');
    expect((await send(a, conversation.id)).statusCode).toBe(409);
    await createMentorship(ctx, b.id, a.id);
    expect((await send(a, conversation.id)).statusCode).toBe(201);
    const now = await b.client.get(`/api/v1/conversations/${conversation.id}`);
    expect(now.json()).toMatchObject({ status: 'active', basis: 'mentorship', canWrite: true });
  });
});
