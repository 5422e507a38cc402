import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSecondInstance, createTestApp, listen, type TestContext } from '../../../test/helpers/app.ts';
import { Client } from '../../../test/helpers/client.ts';
import { createMentorship, createUser, type TestUser } from '../../../test/helpers/factories.ts';
import { createConversation, sendMessage } from '../../../test/helpers/messaging-factories.ts';
import { directConversation, isMessageFrame, type MessageFrame, RealtimeClient, writeMessage } from '../../../test/helpers/realtime-client.ts';

/**
 * Two Kindred instances on one database, as behind a load balancer without stickiness: a message written through
 * one reaches sockets on both, in order; a client that reconnects to the other instance loses nothing; an outsider
 * on either instance hears nothing of it.
 */
let one: TestContext;
let two: Awaited<ReturnType<typeof createSecondInstance>>;
let base1: string;
let base2: string;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;
let conversationId: string;
const sockets: RealtimeClient[] = [];
let twoClosed = false;

const live = async (base: string, user: TestUser, after?: string) => {
  const client = await RealtimeClient.live(base, user.cookie, after);
  sockets.push(client);
  return client;
};
/** Bob writes through instance one's database pool, as the messaging service on instance one does. */
const send = (body: string) => writeMessage(one.database.db, conversationId, bob.id, body, [alice.id, bob.id]);
const messages = (c: RealtimeClient) => c.frames.filter(isMessageFrame);
const waitForCount = async (c: RealtimeClient, n: number) => {
  await c.waitFor(() => messages(c).length >= n, 5000);
  return messages(c);
};

beforeAll(async () => {
  one = await createTestApp();
  two = await createSecondInstance(one);
  [base1, base2] = await Promise.all([listen(one.app), listen(two.app)]);
  [alice, bob, eve] = await Promise.all([createUser(one), createUser(one), createUser(one)]);
  conversationId = await directConversation(one.database.db, alice.id, bob.id);
});

afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  if (!twoClosed) await two?.close();
  await one?.close();
});

test('messages written through instance one reach a socket on instance two in order, and an outsider on neither', async () => {
  const [aliceOn2, bobOn1, eveOn1, eveOn2] = await Promise.all([live(base2, alice), live(base1, bob), live(base1, eve), live(base2, eve)]);
  const sent = [];
  for (let i = 1; i <= 20; i++) sent.push(await send(`private note number ${i}`));

  for (const client of [aliceOn2, bobOn1]) {
    const got = await waitForCount(client, 20);
    expect(got.map((f) => f.message.seq)).toEqual(sent.map((m) => m.seq));
    expect(got.map((f) => f.id)).toEqual(sent.map((m) => m.eventId));
  }
  expect(messages(aliceOn2).map((f) => f.message.mine)).toEqual(sent.map(() => false));
  expect(messages(bobOn1).every((f) => f.message.mine)).toBe(true);

  // The outsider's sockets are alive on both instances and carry nothing of the conversation.
  for (const client of [eveOn1, eveOn2]) {
    client.send({ type: 'ping' });
    await client.waitFor((f) => f.type === 'pong');
    const raw = client.raw.join('\n');
    for (const needle of ['private note', conversationId, ...sent.flatMap((m) => [m.messageId, m.eventId])]) expect(raw).not.toContain(needle);
    expect(client.events()).toEqual([]);
  }
  await Promise.all([aliceOn2, bobOn1, eveOn1, eveOn2].map((c) => c.close()));
});

test('through the HTTP API: sent on instance one, received on instance two in order; the outsider gets 404 and no frames', async () => {
  const [mentor, mentee] = await Promise.all([createUser(one), createUser(one)]);
  await createMentorship(one, mentor.id, mentee.id);
  const { conversation } = await createConversation(mentor, mentee);
  const [menteeOn2, eveOn1, eveOn2] = await Promise.all([live(base2, mentee), live(base1, eve), live(base2, eve)]);

  const sent = [];
  for (let i = 1; i <= 10; i++) sent.push(await sendMessage(mentor, conversation.id, `step ${i} of the plan`));
  const got = await waitForCount(menteeOn2, 10);
  expect(got.map((f) => f.message.id)).toEqual(sent.map((m) => m.id));
  expect(got.map((f) => f.message.seq)).toEqual(sent.map((m) => m.seq));
  expect(got.every((f) => f.conversationId === conversation.id && !f.message.mine)).toBe(true);

  // Instance two answers the outsider 404 for the conversation, and neither instance sent them a frame of it.
  const eveOnTwo = new Client(two.app, eve.cookie);
  expect((await eveOnTwo.get(`/api/v1/conversations/${conversation.id}/messages`)).statusCode).toBe(404);
  for (const client of [eveOn1, eveOn2]) {
    client.send({ type: 'ping' });
    await client.waitFor((f) => f.type === 'pong');
    const raw = client.raw.join('\n');
    for (const needle of ['of the plan', conversation.id, ...sent.map((m) => m.id)]) expect(raw).not.toContain(needle);
  }
  await Promise.all([menteeOn2, eveOn1, eveOn2].map((c) => c.close()));
});

test('a send naming the sender’s own socket skips that socket on whichever instance holds it, and no other', async () => {
  const [mentor, mentee] = await Promise.all([createUser(one), createUser(one)]);
  await createMentorship(one, mentor.id, mentee.id);
  const { conversation } = await createConversation(mentor, mentee);
  const path = `/api/v1/conversations/${conversation.id}/messages`;
  // The mentor's phone (on instance two) sends through instance one; their laptop is on instance one.
  const [phone, laptop, menteeOn2] = await Promise.all([live(base2, mentor), live(base1, mentor), live(base2, mentee)]);
  const socketOf = (c: RealtimeClient) => (c.frames.find((f) => f.type === 'hello') as { socketId: string }).socketId;
  expect(new Set([phone, laptop, menteeOn2].map(socketOf)).size).toBe(3);
  const named = { 'kindred-socket': socketOf(phone) };

  const res = await mentor.client.post(path, { body: 'sent from my phone' }, named);
  expect(res.statusCode).toBe(201);
  const sent = res.json().message as { id: string; seq: number };
  const edited = await mentor.client.patch(`/api/v1/messages/${sent.id}`, { body: 'sent from my phone, edited' }, named);
  expect(edited.statusCode).toBe(200);
  for (const client of [laptop, menteeOn2]) {
    await client.waitFor((f) => f.type === 'message.updated' && f.message.id === sent.id);
    expect(messages(client).map((f) => f.message.id)).toEqual([sent.id]);
  }
  // A message of the mentee's arrives at the phone after anything sent to it before: so nothing of the mentor's came.
  const reply = await sendMessage(mentee, conversation.id, 'got it');
  await phone.waitFor((f) => isMessageFrame(f) && f.message.id === reply.id);
  expect(phone.events().map((f) => (f.type === 'message.created' || f.type === 'message.updated' ? [f.type, f.message.id] : [f.type]))).toEqual([
    ['message.created', reply.id],
  ]);

  // Naming a socket that is not the sender's (the mentee's, say) skips nobody: only a sender's own socket can be named.
  const other = await mentor.client.post(path, { body: 'and again' }, { 'kindred-socket': socketOf(menteeOn2) });
  expect(other.statusCode).toBe(201);
  const otherId = (other.json().message as { id: string }).id;
  for (const client of [phone, laptop, menteeOn2]) await client.waitFor((f) => isMessageFrame(f) && f.message.id === otherId);

  // A socket id that is not a uuid is bad input: 422, and nothing is written.
  const bad = await mentor.client.post(path, { body: 'not written' }, { 'kindred-socket': 'my-phone' });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().error.fields).toHaveProperty('kindred-socket');
  const page = (await mentor.client.get(path)).json() as { messages: { body: string }[] };
  expect(page.messages.map((m) => m.body)).toEqual(['sent from my phone, edited', 'got it', 'and again']);
  await Promise.all([phone, laptop, menteeOn2].map((c) => c.close()));
});

test('a client that drops while messages keep coming and resumes on the other instance misses none and gets none twice', async () => {
  const first = await live(base2, alice);
  const total = 30;
  const writing = (async () => {
    const out = [];
    for (let i = 1; i <= total; i++) {
      out.push(await send(`through the night ${i}`));
      await new Promise((r) => setTimeout(r, 5));
    }
    return out;
  })();
  // Drop after a few arrived (the phone went to sleep), while the writer goes on.
  await waitForCount(first, 5);
  first.ws.terminate();
  await first.closed;
  const lastSeen = messages(first).at(-1)!;
  await new Promise((r) => setTimeout(r, 50));

  const second = await live(base1, alice, lastSeen.id);
  const sent = await writing;
  const after = messages(first).length;
  const got: MessageFrame[] = [...messages(first), ...(await waitForCount(second, total - after))];
  expect(got.map((f) => f.message.seq)).toEqual(sent.map((m) => m.seq));
  expect(got.map((f) => f.message.body)).toEqual(sent.map((_, i) => `through the night ${i + 1}`));
  // The replay came before anything live, and the socket stays live afterwards.
  const resumed = second.frames.findIndex((f) => f.type === 'resumed');
  expect(resumed).toBeGreaterThan(0);
  const extra = await send('good morning');
  expect((await second.waitFor((f) => isMessageFrame(f) && f.id === extra.eventId)).type).toBe('message.created');
  await second.close();
});

test('stopping an instance closes its sockets (1001); the other instance serves on', async () => {
  const [on1, on2] = await Promise.all([live(base1, alice), live(base2, alice)]);
  await two.close();
  twoClosed = true;
  expect((await on2.closed).code).toBe(1001);
  const sent = await send('still here');
  expect((await on1.waitFor(isMessageFrame)).id).toBe(sent.eventId);
  await on1.close();
});
