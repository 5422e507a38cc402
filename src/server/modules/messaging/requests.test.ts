import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createConversation, decideRequest } from '../../../../test/helpers/messaging-factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const send = (from: TestUser, id: string, body = 'Are you there?') => from.client.post(`/api/v1/conversations/${id}/messages`, { body });
const list = async (who: TestUser) => (await who.client.get('/api/v1/conversations')).json();

describe('message requests', () => {
  test('the recipient is notified and sees it under requests; one message until accepted; accept opens it for both', async () => {
    const [asker, recipient] = await Promise.all([createUser(ctx, { displayName: 'Asker Ana' }), createUser(ctx)]);
    const { conversation } = await createConversation(asker, recipient, 'Hi, could we talk about the step work?');

    const inbox = (await recipient.client.get('/api/v1/me/notifications')).json();
    expect(inbox.notifications.some((n: { kind: string; subjectId: string }) => n.kind === 'messaging.requested' && n.subjectId === conversation.id)).toBe(true);
    const theirs = await list(recipient);
    expect(theirs.requests.map((c: { id: string }) => c.id)).toEqual([conversation.id]);
    expect(theirs.conversations).toEqual([]);
    expect(theirs.requests[0]).toMatchObject({ status: 'requested', requestedByMe: false, other: { id: asker.id, displayName: 'Asker Ana' }, unread: 1 });
    expect((await recipient.client.get('/api/v1/conversations/unread')).json()).toEqual({ unread: 0, requests: 1 });
    const mine = await list(asker);
    expect(mine.conversations[0]).toMatchObject({ id: conversation.id, status: 'requested', requestedByMe: true, canWrite: false });

    const pending = await send(asker, conversation.id);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.message).toMatch(/request is waiting/);
    // The request's first message is the only one stored.
    const messages = (await recipient.client.get(`/api/v1/conversations/${conversation.id}/messages`)).json().messages;
    expect(messages.map((m: { body: string }) => m.body)).toEqual(['Hi, could we talk about the step work?']);

    const accepted = await decideRequest(recipient, conversation.id, 'accept');
    expect(accepted).toMatchObject({ status: 'active', basis: 'request', canWrite: true });
    expect((await send(asker, conversation.id)).statusCode).toBe(201);
    expect((await send(recipient, conversation.id, 'Sure')).statusCode).toBe(201);
    expect((await list(recipient)).requests).toEqual([]);
    // Deciding again: it is no longer a request.
    const again = await recipient.client.post(`/api/v1/conversations/${conversation.id}/request`, { decision: 'ignore' });
    expect(again.statusCode).toBe(409);
  });

  test('ignore is silent: the asker still sees it waiting, nothing more arrives, the ignorer sees it nowhere', async () => {
    const [asker, recipient] = await Promise.all([createUser(ctx), createUser(ctx)]);
    const { conversation } = await createConversation(asker, recipient, 'Hello?');
    const before = (await asker.client.get(`/api/v1/conversations/${conversation.id}`)).json();
    const ignored = await decideRequest(recipient, conversation.id, 'ignore');
    expect(ignored.status).toBe('ignored');
    const after = (await asker.client.get(`/api/v1/conversations/${conversation.id}`)).json();
    expect(after).toEqual(before);
    expect((await send(asker, conversation.id)).json().error.message).toMatch(/request is waiting/);
    const theirs = await list(recipient);
    expect(theirs.conversations).toEqual([]);
    expect(theirs.requests).toEqual([]);
    expect((await recipient.client.get('/api/v1/conversations/unread')).json()).toEqual({ unread: 0, requests: 0 });
    // Starting again answers the same waiting conversation, and the asker cannot add to it.
    const restart = await asker.client.post('/api/v1/conversations', { participants: [recipient.id], message: 'Hello again' });
    expect(restart.statusCode).toBe(409);
    const count = await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from message where conversation_id = ${conversation.id}`);
    expect(count.rows[0]!.n).toBe(1);
  });

  test('the asker cannot decide on their own request', async () => {
    const [asker, recipient] = await Promise.all([createUser(ctx), createUser(ctx)]);
    const { conversation } = await createConversation(asker, recipient, 'Hi');
    const res = await asker.client.post(`/api/v1/conversations/${conversation.id}/request`, { decision: 'accept' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/not a message request waiting for you/);
  });

  test('the recipient who replies accepts the request', async () => {
    const [asker, recipient] = await Promise.all([createUser(ctx), createUser(ctx)]);
    const { conversation } = await createConversation(asker, recipient, 'Hi');
    expect((await send(recipient, conversation.id, 'Hi yourself')).statusCode).toBe(201);
    expect((await asker.client.get(`/api/v1/conversations/${conversation.id}`)).json()).toMatchObject({ status: 'active', canWrite: true });
  });

  test('blocking the asker ignores their waiting request', async () => {
    const [asker, recipient] = await Promise.all([createUser(ctx), createUser(ctx)]);
    const { conversation } = await createConversation(asker, recipient, 'Hi');
    expect((await recipient.client.post('/api/v1/messaging/blocks', { userId: asker.id })).statusCode).toBe(204);
    expect((await list(recipient)).requests).toEqual([]);
    expect((await asker.client.get(`/api/v1/conversations/${conversation.id}`)).json().status).toBe('requested');
  });

  test('ten new requests a day per account; the eleventh is 429 and creates nothing', async () => {
    const asker = await createUser(ctx);
    const people = await Promise.all(Array.from({ length: 11 }, () => createUser(ctx)));
    for (const p of people.slice(0, 10)) expect((await asker.client.post('/api/v1/conversations', { participants: [p.id], message: 'Hi' })).statusCode).toBe(201);
    const res = await asker.client.post('/api/v1/conversations', { participants: [people[10]!.id], message: 'Hi' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeTruthy();
    expect((await list(people[10]!)).requests).toEqual([]);
  });

  test('yourself: 422; a person who does not exist: 404', async () => {
    const me = await createUser(ctx);
    const self = await me.client.post('/api/v1/conversations', { participants: [me.id], message: 'Hi' });
    expect(self.statusCode).toBe(422);
    const nobody = await me.client.post('/api/v1/conversations', { participants: ['018f0000-0000-7000-8000-000000000000'], message: 'Hi' });
    expect(nobody.statusCode).toBe(404);
    const other = await createUser(ctx);
    const invisible = await me.client.post('/api/v1/conversations', { participants: [other.id], message: '\u200B\u0007' });
    expect(invisible.statusCode).toBe(422);
    expect(invisible.json().error.fields.message).toBeTruthy();
    expect((await me.client.get('/api/v1/conversations')).json().conversations).toEqual([]);
  });
});
