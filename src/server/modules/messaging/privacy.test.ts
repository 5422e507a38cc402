import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { createConversation, groupWithChat, mentorPairConversation, openGroupChat, sendMessage } from '../../../../test/helpers/messaging-factories.ts';
import { createResponder, putOnCall } from '../../../../test/helpers/safety-factories.ts';

let ctx: TestContext;
let outsiders: TestUser[];
let world: { direct: string; request: string; group: string; groupId: string; messages: string[]; participant: TestUser };

const SECRET = 'quokka lighthouse';

beforeAll(async () => {
  ctx = await createTestApp();
  const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
  const m1 = await sendMessage(mentor, conversationId, `${SECRET} in a direct conversation`);
  const [asker, asked] = await Promise.all([createUser(ctx), createUser(ctx)]);
  const req = await createConversation(asker, asked, `${SECRET} in a request`);
  const { group, members } = await groupWithChat(ctx, { members: 1 });
  const chat = await openGroupChat(members[0]!, group.id);
  const m3 = await sendMessage(members[0]!, chat.id, `${SECRET} in a group`);
  // People with no part in any of them: a member, a coordinator, a moderator, a facilitator of another group, a responder on call.
  const otherGroup = await createGroup(ctx);
  const [member, coordinator, moderator, facilitator, responder] = await Promise.all([
    createUser(ctx),
    createCoordinator(ctx),
    createUser(ctx, { roles: ['moderator'] }),
    createUser(ctx),
    createResponder(ctx),
  ]);
  await addGroupMember(ctx, otherGroup.id, facilitator.id, 'facilitator');
  await putOnCall(ctx, responder);
  outsiders = [member, coordinator, moderator, facilitator, responder];
  world = { direct: conversationId, request: req.conversation.id, group: chat.id, groupId: group.id, messages: [m1.id, req.message!.id, m3.id], participant: mentee };
});
afterAll(() => ctx.close());

/** Everything a messaging route could change, to prove a refused request changed nothing. */
async function snapshot() {
  const tables = ['conversation', 'conversation_participant', 'message', 'message_report', 'person_block', 'group_chat', 'messaging_preference', 'realtime_event', 'notification', 'audit_log', 'escalation', 'rate_event'];
  const out: Record<string, string | null> = {};
  for (const t of tables) {
    const res = await ctx.database.db.execute<{ h: string | null }>(sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as h from ${t} t`));
    out[t] = res.rows[0]!.h;
  }
  return out;
}

const conversationRoutes = (id: string): [string, string, unknown?][] => [
  ['GET', `/api/v1/conversations/${id}`],
  ['GET', `/api/v1/conversations/${id}/messages`],
  ['GET', `/api/v1/conversations/${id}/messages?after=0`],
  ['POST', `/api/v1/conversations/${id}/messages`, { body: 'let me in' }],
  ['POST', `/api/v1/conversations/${id}/read`, { seq: 1 }],
  ['POST', `/api/v1/conversations/${id}/request`, { decision: 'accept' }],
];
const messageRoutes = (id: string): [string, string, unknown?][] => [
  ['PATCH', `/api/v1/messages/${id}`, { body: 'changed' }],
  ['DELETE', `/api/v1/messages/${id}`],
  ['POST', `/api/v1/messages/${id}/report`, { reason: 'spam' }],
];

describe('privacy', () => {
  test('an outsider gets 404 on every conversation and message route, and nothing changes', async () => {
    const before = await snapshot();
    const routes = [...[world.direct, world.request, world.group].flatMap(conversationRoutes), ...world.messages.flatMap(messageRoutes)];
    for (const who of outsiders) {
      for (const [method, url, body] of routes) {
        const res = await who.client.request(method as 'GET', url, body);
        expect(res.statusCode, `${who.displayName} ${method} ${url}`).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      }
      expect((await who.client.post('/api/v1/conversations', { groupId: world.groupId })).statusCode).toBe(404);
      // Their own lists, search and export say nothing of it.
      for (const url of ['/api/v1/conversations', '/api/v1/conversations/unread', `/api/v1/messages/search?q=${encodeURIComponent(SECRET)}`, '/api/v1/me/messages/export', '/api/v1/messaging/contacts']) {
        const res = await who.client.get(url);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(SECRET.split(' ')[0]);
        for (const id of [world.direct, world.request, world.group, ...world.messages]) expect(res.body).not.toContain(id);
      }
    }
    // An unknown id answers exactly the same.
    const unknown = '018f0000-0000-7000-8000-000000000000';
    const same = await outsiders[0]!.client.get(`/api/v1/conversations/${unknown}`);
    const hidden = await outsiders[0]!.client.get(`/api/v1/conversations/${world.direct}`);
    expect(same.body).toBe(hidden.body);
    expect(await snapshot()).toEqual(before);
  });

  test('signed out: 401 on every route', async () => {
    const anonymous = new Client(ctx.app);
    const id = world.direct;
    const routes: [string, string, unknown?][] = [
      ['POST', '/api/v1/conversations', { participants: [world.participant.id], message: 'hi' }],
      ['GET', '/api/v1/conversations'],
      ['GET', '/api/v1/conversations/unread'],
      ...conversationRoutes(id),
      ...messageRoutes(world.messages[0]!),
      ['GET', '/api/v1/messages/search?q=quokka'],
      ['GET', '/api/v1/messaging/contacts'],
      ['GET', '/api/v1/messaging/blocks'],
      ['POST', '/api/v1/messaging/blocks', { userId: world.participant.id }],
      ['DELETE', `/api/v1/messaging/blocks/${world.participant.id}`],
      ['GET', `/api/v1/messaging/people/${world.participant.id}`],
      ['GET', '/api/v1/messaging/preferences'],
      ['PUT', '/api/v1/messaging/preferences', { acceptRequests: false }],
      ['PUT', `/api/v1/groups/${world.groupId}/chat`, { enabled: false }],
      ['GET', '/api/v1/me/messages/export'],
      ['GET', '/api/v1/moderation/message-reports'],
      ['GET', `/api/v1/moderation/message-reports/${id}`],
      ['POST', `/api/v1/moderation/message-reports/${id}/resolve`, { resolution: 'no_action' }],
      ['GET', '/api/v1/admin/messaging/settings'],
      ['PUT', '/api/v1/admin/messaging/settings', { retentionDays: 30 }],
    ];
    const before = await snapshot();
    for (const [method, url, body] of routes) {
      const res = await anonymous.request(method as 'GET', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.body).not.toContain('quokka');
    }
    expect(await snapshot()).toEqual(before);
  });

  test('random bodies and queries never answer 500', async () => {
    const { mentor, conversationId } = await mentorPairConversation(ctx);
    const m = await sendMessage(mentor, conversationId, 'a message to poke at');
    const routes: [string, string][] = [
      ['POST', '/api/v1/conversations'],
      ['POST', `/api/v1/conversations/${conversationId}/messages`],
      ['POST', `/api/v1/conversations/${conversationId}/read`],
      ['POST', `/api/v1/conversations/${conversationId}/request`],
      ['PATCH', `/api/v1/messages/${m.id}`],
      ['POST', `/api/v1/messages/${m.id}/report`],
      ['POST', '/api/v1/messaging/blocks'],
      ['PUT', '/api/v1/messaging/preferences'],
      ['PUT', `/api/v1/groups/${world.groupId}/chat`],
    ];
    const keys = ['participants', 'groupId', 'message', 'body', 'seq', 'decision', 'reason', 'note', 'userId', 'enabled', 'acceptRequests'];
    const value = fc.oneof(
      fc.jsonValue(),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(mentor.id, world.participant.id, conversationId, 'accept', 'spam', -1, 2 ** 31, 1e308, [mentor.id], ['x'], '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...keys), value)), async ([method, url], body) => {
        const res = await mentor.client.request(method as 'POST', url, body);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const params = ['after', 'before', 'limit', 'q'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...params), fc.oneof(fc.string(), fc.constantFrom('-0', '1e308', '%', ' & | ! <-> :*', '9999999999'))), async (q) => {
        const qs = new URLSearchParams(q);
        for (const url of [`/api/v1/conversations/${conversationId}/messages?${qs}`, `/api/v1/messages/search?${qs}`]) {
          const res = await mentor.client.get(url);
          expect(res.statusCode, url).toBeLessThan(500);
        }
      }),
      { numRuns: 100 },
    );
    // Moderators' and coordinators' routes, with a coordinator.
    const coordinator = await createCoordinator(ctx);
    const other = await createUser(ctx);
    const { id: reportId } = (await other.client.post('/api/v1/conversations', { participants: [coordinator.id], message: 'hello' })).json().sent.message;
    const report = (await coordinator.client.post(`/api/v1/messages/${reportId}/report`, { reason: 'spam' })).json();
    const staffRoutes: [string, string][] = [
      ['POST', `/api/v1/moderation/message-reports/${report.id}/resolve`],
      ['PUT', '/api/v1/admin/messaging/settings'],
      ['PUT', `/api/v1/groups/${world.groupId}/chat`],
    ];
    const staffKeys = ['resolution', 'note', 'retentionDays', 'enabled'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...staffRoutes),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...staffKeys), fc.oneof(fc.jsonValue(), fc.constantFrom('no_action', 'warned', 30, 3650, null, 2 ** 40)))),
        async ([method, url], body) => {
          const res = await coordinator.client.request(method as 'POST', url, body);
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
    for (const q of ['?status=open', '?status=resolved', '?status=x', '?other=1']) {
      expect((await coordinator.client.get(`/api/v1/moderation/message-reports${q}`)).statusCode).toBeLessThan(500);
    }
    await coordinator.client.put('/api/v1/admin/messaging/settings', { retentionDays: null });
    for (const bad of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '%3Cscript%3E', 'a'.repeat(5000)]) {
      expect((await mentor.client.get(`/api/v1/messaging/people/${bad}`)).statusCode).toBeLessThan(500);
      expect((await mentor.client.get(`/api/v1/conversations/${bad}`)).statusCode).toBeLessThan(500);
      expect((await mentor.client.delete(`/api/v1/messages/${bad}`)).statusCode).toBeLessThan(500);
    }
  });
});
