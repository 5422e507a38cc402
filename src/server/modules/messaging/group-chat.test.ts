import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember } from '../../../../test/helpers/meetings-factories.ts';
import { blockPerson, groupWithChat, openGroupChat, readMessages, sendMessage } from '../../../../test/helpers/messaging-factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const bodies = (ms: { body: string }[]) => ms.map((m) => m.body);

describe("a group's chat", () => {
  test('off: 409 messagingGroupChatOff for members; a facilitator turns it on; outsiders and coordinators are not in it', async () => {
    const { group, facilitator, members } = await groupWithChat(ctx, { enabled: false });
    const [outsider, coordinator] = await Promise.all([createUser(ctx), createCoordinator(ctx)]);
    const off = await members[0]!.client.post('/api/v1/conversations', { groupId: group.id });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toBe("This group's chat is turned off.");
    // Only its facilitators and coordinators turn it on; anyone else finds nothing.
    expect((await members[0]!.client.put(`/api/v1/groups/${group.id}/chat`, { enabled: true })).statusCode).toBe(404);
    expect((await outsider.client.put(`/api/v1/groups/${group.id}/chat`, { enabled: true })).statusCode).toBe(404);
    const on = await facilitator.client.put(`/api/v1/groups/${group.id}/chat`, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ enabled: true });
    // Turned on, the chat is in every member's list before anyone has opened it.
    const listed = (await members[0]!.client.get('/api/v1/conversations')).json().conversations;
    expect(listed.map((c: { kind: string; group: { id: string } | null }) => [c.kind, c.group?.id])).toEqual([['group', group.id]]);
    expect((await outsider.client.get('/api/v1/conversations')).json().conversations).toEqual([]);

    const chat = await openGroupChat(members[0]!, group.id);
    expect(chat).toMatchObject({ kind: 'group', basis: 'group', group: { id: group.id }, other: null, canWrite: true });
    expect((await outsider.client.post('/api/v1/conversations', { groupId: group.id })).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/v1/conversations/${chat.id}`)).statusCode).toBe(404);
    // A coordinator does not read a group's chat: a group's talk stays the group's.
    expect((await coordinator.client.get(`/api/v1/conversations/${chat.id}/messages`)).statusCode).toBe(404);
    expect((await coordinator.client.put(`/api/v1/groups/${group.id}/chat`, { enabled: false })).statusCode).toBe(200);
    const closed = await members[0]!.client.post(`/api/v1/conversations/${chat.id}/messages`, { body: 'Anyone?' });
    expect(closed.statusCode).toBe(409);
    expect((await members[0]!.client.get(`/api/v1/conversations/${chat.id}`)).json().canWrite).toBe(false);
  });

  test('members and the facilitator write and read; one who leaves loses access', async () => {
    const { group, facilitator, members } = await groupWithChat(ctx, { members: 2 });
    const chat = await openGroupChat(facilitator, group.id);
    await sendMessage(facilitator, chat.id, 'Welcome, everyone');
    await sendMessage(members[0]!, chat.id, 'Thanks!');
    expect(bodies(await readMessages(members[1]!, chat.id))).toEqual(['Welcome, everyone', 'Thanks!']);
    expect((await members[1]!.client.get('/api/v1/conversations')).json().conversations.map((c: { id: string }) => c.id)).toContain(chat.id);

    await ctx.database.db.execute(sql`delete from group_member where group_id = ${group.id} and user_id = ${members[1]!.id}`);
    expect((await members[1]!.client.get(`/api/v1/conversations/${chat.id}/messages`)).statusCode).toBe(404);
    expect((await members[1]!.client.post(`/api/v1/conversations/${chat.id}/messages`, { body: 'still here?' })).statusCode).toBe(404);
    expect((await members[1]!.client.get('/api/v1/conversations')).json().conversations).toEqual([]);
    const search = await members[1]!.client.get('/api/v1/messages/search?q=welcome');
    expect(search.json().results).toEqual([]);
  });

  test("a blocked sender's messages are hidden from the blocker (list, search, unread), not from the others", async () => {
    const { group, members } = await groupWithChat(ctx, { members: 3 });
    const [blocker, blocked, other] = members as [typeof members[0], typeof members[0], typeof members[0]];
    const chat = await openGroupChat(blocker, group.id);
    await blockPerson(ctx, blocker.id, blocked.id);
    await sendMessage(blocked, chat.id, 'pineapple message from the blocked one');
    await sendMessage(other, chat.id, 'a kind word');
    expect(bodies(await readMessages(blocker, chat.id))).toEqual(['a kind word']);
    expect(bodies(await readMessages(other, chat.id))).toEqual(['pineapple message from the blocked one', 'a kind word']);
    expect((await blocker.client.get(`/api/v1/conversations/${chat.id}`)).json()).toMatchObject({ unread: 1, lastMessage: { body: 'a kind word' } });
    expect((await blocker.client.get('/api/v1/messages/search?q=pineapple')).json().results).toEqual([]);
    expect((await other.client.get('/api/v1/messages/search?q=pineapple')).json().results).toHaveLength(1);
    // Sending in a group is not refused by a block: the blocked member still talks to the group.
    const events = await ctx.database.db.execute<{ recipients: string[] }>(sql`
      select recipients from realtime_event where conversation_id = ${chat.id} and type = 'message.created' order by created_at`);
    expect(events.rows[0]!.recipients).not.toContain(blocker.id);
    expect(events.rows[0]!.recipients).toContain(other.id);
    expect(events.rows[1]!.recipients).toContain(blocker.id);
  });

  test('messages sent before a member joined are not unread for them', async () => {
    const { group, facilitator } = await groupWithChat(ctx, { members: 0 });
    const chat = await openGroupChat(facilitator, group.id);
    await sendMessage(facilitator, chat.id, 'Before you came');
    const newcomer = await createUser(ctx);
    await new Promise((r) => setTimeout(r, 5));
    await addGroupMember(ctx, group.id, newcomer.id);
    expect((await newcomer.client.get(`/api/v1/conversations/${chat.id}`)).json().unread).toBe(0);
    await sendMessage(facilitator, chat.id, 'After you came');
    expect((await newcomer.client.get(`/api/v1/conversations/${chat.id}`)).json().unread).toBe(1);
    expect((await newcomer.client.get('/api/v1/conversations/unread')).json()).toEqual({ unread: 1, requests: 0 });
  });
});
