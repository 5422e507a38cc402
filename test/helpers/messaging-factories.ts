import { and, eq } from 'drizzle-orm';
import type { Conversation, Message } from '../../src/contracts/messaging.ts';
import { groupChat, personBlock } from '../../src/server/modules/messaging/tables.ts';
import { mentorship } from '../../src/server/modules/mentoring/tables.ts';
import type { TestContext } from './app.ts';
import { createMentorship, createUser, type TestUser } from './factories.ts';
import { addGroupMember, createGroup, type GroupRow } from './meetings-factories.ts';

/**
 * Messaging worlds for tests (docs/messaging.md). Conversations and messages go through the HTTP API as a person
 * would (so every rule, the crisis detector and the realtime events run); the relationships they rest on (a
 * mentorship, a group with its chat turned on, a block) are written straight into the tables.
 */

type Db = Pick<TestContext, 'database'>;

function expectStatus(res: { statusCode: number; body: string }, ...ok: number[]) {
  if (!ok.includes(res.statusCode)) throw new Error(`expected ${ok.join(' or ')}, got ${res.statusCode} ${res.body}`);
}

/**
 * A direct conversation from `from` to `to` (the existing one if there is one). Without a relationship between
 * them it is a message request, which needs `message`. Answers the conversation as `from` sees it and the first
 * message, if one was sent.
 */
export async function createConversation(from: TestUser, to: { id: string }, message?: string): Promise<{ conversation: Conversation; message: Message | null }> {
  const res = await from.client.post('/api/v1/conversations', { participants: [to.id], ...(message !== undefined ? { message } : {}) });
  expectStatus(res, 200, 201);
  const body = res.json();
  return { conversation: body.conversation, message: body.sent?.message ?? null };
}

/** A group's chat as `member` sees it (created on first use). The chat must be on: see `enableGroupChat`. */
export async function openGroupChat(member: TestUser, groupId: string): Promise<Conversation> {
  const res = await member.client.post('/api/v1/conversations', { groupId });
  expectStatus(res, 200, 201);
  return res.json().conversation;
}

/** Sends a message and answers it as the sender sees it. */
export async function sendMessage(from: TestUser, conversationId: string, body: string): Promise<Message> {
  const res = await from.client.post(`/api/v1/conversations/${conversationId}/messages`, { body });
  expectStatus(res, 201);
  return res.json().message;
}

/** The recipient accepts (or ignores) a message request. */
export async function decideRequest(recipient: TestUser, conversationId: string, decision: 'accept' | 'ignore' = 'accept'): Promise<Conversation> {
  const res = await recipient.client.post(`/api/v1/conversations/${conversationId}/request`, { decision });
  expectStatus(res, 200);
  return res.json();
}

/** Messages of a conversation as `reader` sees them (the newest page, or after a seq). */
export async function readMessages(reader: TestUser, conversationId: string, query = ''): Promise<Message[]> {
  const res = await reader.client.get(`/api/v1/conversations/${conversationId}/messages${query}`);
  expectStatus(res, 200);
  return res.json().messages;
}

/** A mentor and a mentee in an active mentorship, with an active conversation between them. */
export async function mentorPairConversation(ctx: TestContext, opts: { status?: 'active' | 'paused' | 'ended' } = {}) {
  const [mentor, mentee] = await Promise.all([createUser(ctx, { displayName: 'Mentor Maya' }), createUser(ctx, { displayName: 'Mentee Leo' })]);
  const row = await createMentorship(ctx, mentor.id, mentee.id, 'active');
  const { conversation } = await createConversation(mentee, mentor);
  if (opts.status && opts.status !== 'active') await setMentorshipStatus(ctx, row.id, opts.status);
  return { mentor, mentee, mentorshipId: row.id, conversationId: conversation.id };
}

export async function setMentorshipStatus(ctx: Db, mentorshipId: string, status: 'active' | 'paused' | 'ended') {
  await ctx.database.db
    .update(mentorship)
    .set({ status, ...(status === 'paused' ? { pausedAt: new Date() } : {}), ...(status === 'ended' ? { endedAt: new Date() } : {}) })
    .where(eq(mentorship.id, mentorshipId));
}

/** Turns a group's chat on (or off), as a facilitator would with PUT /api/v1/groups/{id}/chat. */
export async function enableGroupChat(ctx: Db, groupId: string, enabled = true) {
  await ctx.database.db.insert(groupChat).values({ groupId, enabled }).onConflictDoUpdate({ target: groupChat.groupId, set: { enabled } });
}

/** A group with its chat on, a facilitator and the given number of active members. */
export async function groupWithChat(ctx: TestContext, opts: { members?: number; enabled?: boolean } = {}): Promise<{ group: GroupRow; facilitator: TestUser; members: TestUser[] }> {
  const group = await createGroup(ctx);
  const facilitator = await createUser(ctx, { displayName: 'Facilitator Fern' });
  await addGroupMember(ctx, group.id, facilitator.id, 'facilitator');
  const members: TestUser[] = [];
  for (let i = 0; i < (opts.members ?? 2); i++) {
    const m = await createUser(ctx);
    await addGroupMember(ctx, group.id, m.id);
    members.push(m);
  }
  await enableGroupChat(ctx, group.id, opts.enabled ?? true);
  return { group, facilitator, members };
}

/** `blocker` blocks `blocked`, straight into the table (the route is POST /api/v1/messaging/blocks). */
export async function blockPerson(ctx: Db, blockerId: string, blockedId: string) {
  await ctx.database.db.insert(personBlock).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function unblockPerson(ctx: Db, blockerId: string, blockedId: string) {
  await ctx.database.db.delete(personBlock).where(and(eq(personBlock.blockerId, blockerId), eq(personBlock.blockedId, blockedId)));
}
