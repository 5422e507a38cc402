import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember } from '../../../../test/helpers/meetings-factories.ts';
import { blockPerson, createConversation, decideRequest, groupWithChat, mentorPairConversation, openGroupChat, sendMessage } from '../../../../test/helpers/messaging-factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** The realtime events of a conversation, in the order they were written: "type seq → recipients (sorted)". */
async function events(conversationId: string) {
  const res = await ctx.database.db.execute<{ type: string; subject_id: string | null; seq: number | null; recipients: string[] }>(sql`
    select type, subject_id, seq, recipients from realtime_event where conversation_id = ${conversationId} order by id`);
  return res.rows.map((r) => ({ type: r.type, subjectId: r.subject_id, seq: r.seq, recipients: [...r.recipients].sort() }));
}
const ids = (...people: { id: string }[]) => people.map((p) => p.id).sort();

describe('realtime events written with each change', () => {
  test('a direct conversation: messages to both people (the sender’s other devices too), reads to both', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'hello');
    await mentee.client.post(`/api/v1/conversations/${conversationId}/read`, { seq: 1 });
    await mentor.client.patch(`/api/v1/messages/${m.id}`, { body: 'hello!' });
    expect(await events(conversationId)).toEqual([
      { type: 'message.created', subjectId: m.id, seq: 1, recipients: ids(mentor, mentee) },
      { type: 'conversation.read', subjectId: mentee.id, seq: 1, recipients: ids(mentor, mentee) },
      { type: 'message.updated', subjectId: m.id, seq: 1, recipients: ids(mentor, mentee) },
    ]);
  });

  test('a request: arrival to both, accept to both; an ignore to the ignorer only, and a read stays private', async () => {
    const [asker, recipient, other] = await Promise.all([createUser(ctx), createUser(ctx), createUser(ctx)]);
    const { conversation, message } = await createConversation(asker, recipient, 'Hi');
    await decideRequest(recipient, conversation.id, 'accept');
    expect(await events(conversation.id)).toEqual([
      { type: 'conversation.updated', subjectId: null, seq: null, recipients: ids(asker, recipient) },
      { type: 'message.created', subjectId: message!.id, seq: 1, recipients: ids(asker, recipient) },
      { type: 'conversation.updated', subjectId: null, seq: null, recipients: ids(asker, recipient) },
    ]);

    const second = await createConversation(other, recipient, 'Hello');
    await recipient.client.post(`/api/v1/conversations/${second.conversation.id}/read`, { seq: 1 });
    await decideRequest(recipient, second.conversation.id, 'ignore');
    // A waiting request is not edited (it is deleted, if its sender likes).
    expect((await other.client.patch(`/api/v1/messages/${second.message!.id}`, { body: 'Hello?' })).statusCode).toBe(409);
    expect((await other.client.delete(`/api/v1/messages/${second.message!.id}`)).statusCode).toBe(204);
    const after = (await events(second.conversation.id)).slice(2);
    expect(after).toEqual([
      { type: 'conversation.read', subjectId: recipient.id, seq: 1, recipients: ids(recipient) },
      { type: 'conversation.updated', subjectId: null, seq: null, recipients: ids(recipient) },
      // Nothing more from an ignored request reaches the one who ignored it.
      { type: 'message.updated', subjectId: second.message!.id, seq: 1, recipients: ids(other) },
    ]);
  });

  test('a block is announced to the blocker only', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    await mentee.client.post('/api/v1/messaging/blocks', { userId: mentor.id });
    expect((await events(conversationId)).at(-1)).toEqual({ type: 'conversation.updated', subjectId: null, seq: null, recipients: ids(mentee) });
  });

  test('a group’s chat: its active members, minus whoever blocked the sender; not someone who left or is pending', async () => {
    const { group, facilitator, members } = await groupWithChat(ctx, { members: 3 });
    const [a, b, c] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    const pending = await createUser(ctx);
    await addGroupMember(ctx, group.id, pending.id, 'member', 'pending');
    await ctx.database.db.execute(sql`delete from group_member where group_id = ${group.id} and user_id = ${c.id}`);
    await blockPerson(ctx, b.id, a.id);
    const chat = await openGroupChat(a, group.id);
    const m = await sendMessage(a, chat.id, 'hi all');
    expect((await events(chat.id)).find((e) => e.subjectId === m.id)).toEqual({ type: 'message.created', subjectId: m.id, seq: 1, recipients: ids(facilitator, a) });
  });
});
