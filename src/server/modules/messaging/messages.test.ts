import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCoordinator, createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { blockPerson, createConversation, groupWithChat, mentorPairConversation, openGroupChat, readMessages, sendMessage } from '../../../../test/helpers/messaging-factories.ts';
import { newId } from '../../db/ids.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { type AppendItem, messagesRepo } from './messages-repo.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const count = async (conversationId: string) =>
  (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from message where conversation_id = ${conversationId}`)).rows[0]!.n;
const seqs = (ms: { seq: number }[]) => ms.map((m) => m.seq);

describe('sending and reading', () => {
  test('concurrent sends get seqs 1..n in order, without gaps, each with its event', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const sends = Array.from({ length: 16 }, (_, i) => sendMessage(i % 2 ? mentor : mentee, conversationId, `message ${i}`));
    const sent = await Promise.all(sends);
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const stored = await readMessages(mentor, conversationId, '?limit=100');
    expect(seqs(stored)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    // One event per message, each carrying its message's seq (live frames go out in commit order: socket tests).
    const events = await ctx.database.db.execute<{ seq: number; subject_id: string }>(sql`
      select seq, subject_id from realtime_event where conversation_id = ${conversationId} and type = 'message.created' order by seq`);
    expect(events.rows.map((r) => [r.seq, r.subject_id])).toEqual(stored.map((m: { seq: number; id: string }) => [m.seq, m.id]));
    const conv = (await mentee.client.get(`/api/v1/conversations/${conversationId}`)).json();
    expect(conv.lastSeq).toBe(16);
  });

  test('sends arriving together share one statement: each gets its seq and event, and one whose ground gave way writes nothing', async () => {
    const pairs = await Promise.all([0, 1, 2].map(() => mentorPairConversation(ctx)));
    const chat = await groupWithChat(ctx, { members: 1 });
    const groupConversation = (await openGroupChat(chat.members[0]!, chat.group.id)).id;
    // The third pair's mentee blocked their mentor after the send was decided: the append's own check refuses it.
    await blockPerson(ctx, pairs[2]!.mentee.id, pairs[2]!.mentor.id);
    const item = (p: (typeof pairs)[number], body: string): AppendItem => ({
      id: newId(), eventId: newId(), conversationId: p.conversationId, senderId: p.mentor.id, body, html: `<p>${body}</p>`, pressure: false,
      still: { kind: 'direct', status: 'active', basis: 'mentorship', otherId: p.mentee.id }, skipSocket: null,
    });
    const items = [
      item(pairs[0]!, 'first pair'),
      item(pairs[1]!, 'second pair'),
      item(pairs[2]!, 'blocked pair'),
      { ...item(pairs[0]!, 'group'), conversationId: groupConversation, senderId: chat.members[0]!.id, still: { kind: 'group', groupId: chat.group.id } } as AppendItem,
    ];
    const stored = await messagesRepo.append(ctx.database.db, items);
    expect(stored.map((r) => r?.seq ?? null)).toEqual([1, 1, null, 1]);
    expect(await count(pairs[2]!.conversationId)).toBe(0);
    const events = await ctx.database.db.execute<{ subject_id: string; seq: number; recipients: string[] }>(sql`
      select subject_id, seq, recipients from realtime_event where subject_id = any(${sql.param(items.map((i) => i.id))}::uuid[])`);
    const bySubject = new Map(events.rows.map((e) => [e.subject_id, e]));
    expect(bySubject.size).toBe(3);
    expect([...bySubject.get(items[0]!.id)!.recipients].sort()).toEqual([pairs[0]!.mentor.id, pairs[0]!.mentee.id].sort());
    expect([...bySubject.get(items[3]!.id)!.recipients].sort()).toEqual([chat.facilitator.id, chat.members[0]!.id].sort());
    expect(bySubject.has(items[2]!.id)).toBe(false);
    // Over HTTP the refused send is decided again under the lock: the same 409 as any refusal.
    const refused = await pairs[2]!.mentor.client.post(`/api/v1/conversations/${pairs[2]!.conversationId}/messages`, { body: 'still there?' });
    expect(refused.statusCode).toBe(409);
  });

  test('gates read together answer each sender for themselves: outsiders in the same statement get nothing', async () => {
    const pair = await mentorPairConversation(ctx);
    const other = await mentorPairConversation(ctx);
    const outsider = await createUser(ctx);
    const chat = await groupWithChat(ctx, { members: 1 });
    const groupConversation = (await openGroupChat(chat.members[0]!, chat.group.id)).id;
    await blockPerson(ctx, pair.mentee.id, pair.mentor.id);
    await sendMessage(other.mentee, other.conversationId, 'one');
    await sendMessage(other.mentee, other.conversationId, 'two');
    const asked = [
      { me: pair.mentor.id, id: pair.conversationId },
      { me: outsider.id, id: pair.conversationId },
      { me: other.mentee.id, id: pair.conversationId },
      { me: pair.mentee.id, id: pair.conversationId },
      { me: chat.members[0]!.id, id: groupConversation },
      { me: pair.mentor.id, id: groupConversation },
      { me: outsider.id, id: newId() },
      { me: other.mentee.id, id: other.conversationId },
    ];
    const views = await conversationsRepo.viewsForSend(ctx.database.db, asked, 60);
    expect(views.map((v) => v?.id ?? null)).toEqual([pair.conversationId, null, null, pair.conversationId, groupConversation, null, null, other.conversationId]);
    // The other person and the facts are each sender's own.
    expect(views[0]!.otherId).toBe(pair.mentee.id);
    expect(views[0]!.facts).toMatchObject({ mentorship: true, blocked_by_me: false, blocked_me: true });
    expect(views[3]!.otherId).toBe(pair.mentor.id);
    expect(views[3]!.facts).toMatchObject({ mentorship: true, blocked_by_me: true, blocked_me: false });
    expect(views[7]!.otherId).toBe(other.mentor.id);
    expect(views[4]!.facts).toBeNull();
    // So is the rate window: the messages each sender wrote in the last minute, wherever they wrote them.
    expect(views[7]!.sent.used).toBe(2);
    expect(views[7]!.sent.oldest).toBeInstanceOf(Date);
    expect(views[0]!.sent).toEqual({ used: 0, oldest: null });
    // Over HTTP, at once: each send through the shared gate gets its own answer, and the outsider's writes nothing.
    const [mine, theirs, outsiders] = await Promise.all([
      other.mentor.client.post(`/api/v1/conversations/${other.conversationId}/messages`, { body: 'see you Sunday' }),
      chat.members[0]!.client.post(`/api/v1/conversations/${groupConversation}/messages`, { body: 'hello group' }),
      outsider.client.post(`/api/v1/conversations/${other.conversationId}/messages`, { body: 'let me in' }),
    ]);
    expect([mine.statusCode, theirs.statusCode, outsiders.statusCode]).toEqual([201, 201, 404]);
    expect(await count(other.conversationId)).toBe(3);
  });

  test('paging: the newest page, ?after= to catch up, ?before= to scroll back, hasMore', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    for (let i = 1; i <= 7; i++) await sendMessage(i % 2 ? mentor : mentee, conversationId, `m${i}`);
    const newest = (await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?limit=3`)).json();
    expect(seqs(newest.messages)).toEqual([5, 6, 7]);
    expect(newest.hasMore).toBe(true);
    const back = (await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?before=5&limit=3`)).json();
    expect(seqs(back.messages)).toEqual([2, 3, 4]);
    expect(back.hasMore).toBe(true);
    const first = (await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?before=2&limit=3`)).json();
    expect(seqs(first.messages)).toEqual([1]);
    expect(first.hasMore).toBe(false);
    const after = (await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?after=2&limit=3`)).json();
    expect(seqs(after.messages)).toEqual([3, 4, 5]);
    expect(after.hasMore).toBe(true);
    const rest = (await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?after=5`)).json();
    expect(seqs(rest.messages)).toEqual([6, 7]);
    expect(rest.hasMore).toBe(false);
    // Past every message, even past what PostgreSQL counts: an empty page.
    expect((await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?after=9999999999`)).json().messages).toEqual([]);
    expect(seqs((await mentee.client.get(`/api/v1/conversations/${conversationId}/messages?before=9999999999&limit=2`)).json().messages)).toEqual([6, 7]);
    for (const bad of ['?after=-1', '?before=0', '?limit=0', '?limit=101', '?after=x', '?extra=1']) {
      expect((await mentee.client.get(`/api/v1/conversations/${conversationId}/messages${bad}`)).statusCode, bad).toBe(422);
    }
  });

  test('Markdown is rendered and sanitized on the server; an XSS payload is stored as text, shown inert', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, '**Proud** of you <script>alert(1)</script> [x](javascript:alert(1))');
    expect(m.body).toBe('**Proud** of you <script>alert(1)</script> [x](javascript:alert(1))');
    expect(m.html).toBe('<p><strong>Proud</strong> of you &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>');
  });

  test('control and invisible characters are removed; nothing left is 422 and nothing is stored', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'he\u0000l\u0007lo\u200B there\u202E');
    expect(m.body).toBe('hello there');
    for (const body of ['\u0000\u0007', '   ', '\u200B\u200B', '']) {
      const res = await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.fields.body).toBeTruthy();
    }
    expect(await count(conversationId)).toBe(1);
  });

  test('4000 characters are fine; 4001 is 422 and nothing is stored', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    expect((await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'a'.repeat(4000) })).statusCode).toBe(201);
    const res = await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'a'.repeat(4001) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.body).toBeTruthy();
    expect(await count(conversationId)).toBe(1);
    const extra = await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'hi', seq: 9 });
    expect(extra.statusCode).toBe(422);
  });

  test('thirty messages a minute; the thirty-first is 429', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    for (let i = 0; i < 30; i++) expect((await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: `n${i}` })).statusCode).toBe(201);
    const res = await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'one more' });
    expect(res.statusCode).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await count(conversationId)).toBe(30);
    // Past the limit, a conversation the sender cannot see is still simply not there.
    expect((await mentor.client.post(`/api/v1/conversations/${newId()}/messages`, { body: 'hello?' })).statusCode).toBe(404);
    // The window is the last minute: once the messages are older, the sender writes again.
    await ctx.database.db.execute(sql`update message set created_at = created_at - interval '61 seconds' where conversation_id = ${conversationId}`);
    expect((await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'back again' })).statusCode).toBe(201);
  });

  test('a new conversation\'s first message counts in the same thirty: past them, nothing is created', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    for (let i = 0; i < 30; i++) expect((await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: `n${i}` })).statusCode).toBe(201);
    const mentee = await createUser(ctx);
    await createMentorship(ctx, mentor.id, mentee.id);
    const res = await mentor.client.post('/api/v1/conversations', { participants: [mentee.id], message: 'welcome' });
    expect(res.statusCode).toBe(429);
    const created = await ctx.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from conversation_participant p join conversation_participant o on o.conversation_id = p.conversation_id
      where p.user_id = ${mentor.id} and o.user_id = ${mentee.id}`);
    expect(created.rows[0]!.n).toBe(0);
  });

  test('only messages written count: refused sends (blocked, empty) use none of the thirty', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const post = (id: string, body: string) => mentor.client.post(`/api/v1/conversations/${id}/messages`, { body });
    for (let i = 0; i < 29; i++) expect((await post(conversationId, `n${i}`)).statusCode).toBe(201);
    await blockPerson(ctx, mentee.id, mentor.id);
    for (let i = 0; i < 3; i++) expect((await post(conversationId, 'are you there?')).statusCode).toBe(409);
    expect((await post(conversationId, '\u200b')).statusCode).toBe(422);
    // Another mentee of the same mentor: the thirtieth message goes through, the thirty-first does not.
    const second = await createUser(ctx);
    await createMentorship(ctx, mentor.id, second.id);
    const { conversation } = await createConversation(second, mentor);
    expect((await post(conversation.id, 'welcome')).statusCode).toBe(201);
    expect((await post(conversation.id, 'and one more')).statusCode).toBe(429);
  });
});

describe('editing and deleting', () => {
  test('the sender edits and deletes; the other person gets 404; a deleted message keeps its seq and shows deleted', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'See you Tusday');
    await sendMessage(mentee, conversationId, 'See you');
    expect((await mentee.client.patch(`/api/v1/messages/${m.id}`, { body: 'hijacked' })).statusCode).toBe(404);
    expect((await mentee.client.delete(`/api/v1/messages/${m.id}`)).statusCode).toBe(404);
    const edited = await mentor.client.patch(`/api/v1/messages/${m.id}`, { body: 'See you *Tuesday*' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().message).toMatchObject({ seq: 1, body: 'See you *Tuesday*', html: '<p>See you <em>Tuesday</em></p>' });
    expect(edited.json().message.editedAt).not.toBeNull();
    expect((await mentor.client.delete(`/api/v1/messages/${m.id}`)).statusCode).toBe(204);
    const seen = await readMessages(mentee, conversationId);
    expect(seen[0]).toMatchObject({ id: m.id, seq: 1, deleted: true, body: '', html: '' });
    expect(seen[1]).toMatchObject({ seq: 2, body: 'See you', deleted: false });
    const again = await mentor.client.patch(`/api/v1/messages/${m.id}`, { body: 'back' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('This message was deleted.');
    const stored = await ctx.database.db.execute<{ body: string; deleted_by: string }>(sql`select body, deleted_by from message where id = ${m.id}`);
    expect(stored.rows[0]).toEqual({ body: '', deleted_by: 'sender' });
    const events = await ctx.database.db.execute<{ type: string }>(sql`select type from realtime_event where subject_id = ${m.id} order by id`);
    expect(events.rows.map((r) => r.type)).toEqual(['message.created', 'message.updated', 'message.updated']);
  });
});

describe('read state and unread counts', () => {
  test('read moves forward only, never past the last message; unread counts others’ messages only', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    for (let i = 1; i <= 4; i++) await sendMessage(mentor, conversationId, `m${i}`);
    await sendMessage(mentee, conversationId, 'mine');
    const view = (who: TestUser) => who.client.get(`/api/v1/conversations/${conversationId}`).then((r) => r.json());
    // Sending moved my read position to my own message.
    expect(await view(mentee)).toMatchObject({ lastReadSeq: 5, unread: 0 });
    await sendMessage(mentor, conversationId, 'm6');
    expect((await view(mentee)).unread).toBe(1);
    expect((await mentee.client.get('/api/v1/conversations/unread')).json()).toEqual({ unread: 1, requests: 0 });
    expect((await mentee.client.post(`/api/v1/conversations/${conversationId}/read`, { seq: 99 })).statusCode).toBe(204);
    expect(await view(mentee)).toMatchObject({ lastReadSeq: 6, unread: 0 });
    await mentee.client.post(`/api/v1/conversations/${conversationId}/read`, { seq: 2 });
    expect((await mentee.client.post(`/api/v1/conversations/${conversationId}/read`, { seq: 2 ** 40 })).statusCode).toBe(204);
    expect((await view(mentee)).lastReadSeq).toBe(6);
    expect((await view(mentor)).otherReadSeq).toBe(6);
    expect((await mentee.client.post(`/api/v1/conversations/${conversationId}/read`, { seq: -1 })).statusCode).toBe(422);
    // The read event goes to the reader and the other person; a read that moves nothing is not announced.
    const reads = await ctx.database.db.execute<{ seq: number; recipients: string[] }>(sql`
      select seq, recipients from realtime_event where conversation_id = ${conversationId} and type = 'conversation.read' and subject_id = ${mentee.id}`);
    expect(reads.rows).toHaveLength(1);
    expect(reads.rows[0]!.seq).toBe(6);
    expect(reads.rows[0]!.recipients.sort()).toEqual([mentee.id, mentor.id].sort());
  });

  test('deleted messages are not unread', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'oops');
    expect((await mentee.client.get(`/api/v1/conversations/${conversationId}`)).json().unread).toBe(1);
    await mentor.client.delete(`/api/v1/messages/${m.id}`);
    expect((await mentee.client.get(`/api/v1/conversations/${conversationId}`)).json().unread).toBe(0);
  });
});

describe('the crisis detector and the off-platform note', () => {
  test('an urgent message: crisis help at once, an escalation from the message; edits are read too', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const res = await mentee.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: "I don't want to be alive anymore" });
    expect(res.statusCode).toBe(201);
    const { message, crisis } = res.json();
    expect(crisis).toMatchObject({ level: 'urgent' });
    expect(crisis.resources.length).toBeGreaterThan(0);
    const esc = await ctx.database.db.execute<{ id: string; source: string; member_id: string; source_id: string }>(sql`
      select id, source, member_id, source_id from escalation where source_id = ${message.id}`);
    expect(esc.rows[0]).toMatchObject({ source: 'message', member_id: mentee.id, id: crisis.escalationId });
    const calm = await sendMessage(mentor, conversationId, 'I am here for you. Can I call?');
    expect(calm).toBeTruthy();
    const ok = await mentor.client.post(`/api/v1/conversations/${conversationId}/messages`, { body: 'Talk soon' });
    expect(ok.json().crisis).toBeNull();
    const edited = await mentor.client.patch(`/api/v1/messages/${ok.json().message.id}`, { body: 'now I want to die' });
    expect(edited.json().crisis).toMatchObject({ level: 'urgent' });
  });

  test('a new contact asking to move off Kindred: a note for the recipient only, in the first messages only', async () => {
    const [coordinator, member] = await Promise.all([createCoordinator(ctx), createUser(ctx)]);
    const { conversation, message } = await createConversation(member, coordinator, 'text me at (212) 555-0142');
    expect(message!.offPlatformNote).toBe(false);
    const theirs = await readMessages(coordinator, conversation.id);
    expect(theirs[0]!.offPlatformNote).toBe(true);
    expect((await readMessages(member, conversation.id))[0]!.offPlatformNote).toBe(false);
    for (let i = 2; i <= 10; i++) await sendMessage(member, conversation.id, `message ${i}`);
    await sendMessage(member, conversation.id, 'my venmo is here');
    const late = (await readMessages(coordinator, conversation.id)).at(-1)!;
    expect(late).toMatchObject({ seq: 11, offPlatformNote: false });
  });

  test('not between a mentor and mentee', async () => {
    const [mentor, mentee] = await Promise.all([createUser(ctx), createUser(ctx)]);
    await createMentorship(ctx, mentor.id, mentee.id);
    const { conversation } = await createConversation(mentee, mentor, 'Call me at 212 555 0142 after the meeting');
    expect((await readMessages(mentor, conversation.id))[0]!.offPlatformNote).toBe(false);
  });
});
