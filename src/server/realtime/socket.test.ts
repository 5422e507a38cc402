import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES, realtimeLimits, type ServerFrame } from '../../contracts/realtime.ts';
import { createTestApp, listen, type TestContext, until } from '../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../test/helpers/client.ts';
import { createUser, PASSWORD, type TestUser } from '../../../test/helpers/factories.ts';
import { directConversation, isMessageFrame, RealtimeClient, writeMessage } from '../../../test/helpers/realtime-client.ts';
import { message } from '../modules/messaging/tables.ts';
import { notificationsRepo } from '../modules/notifications/repo.ts';
import type { Connection } from './connection.ts';
import { publish } from './publish.ts';
import { realtimeHubOf } from './routes.ts';

let ctx: TestContext;
let base: string;
let mentor: TestUser;
let mentee: TestUser;
let outsider: TestUser;
let conversationId: string;
const sockets: RealtimeClient[] = [];

const open = async (user: TestUser, after?: string) => {
  const client = await RealtimeClient.live(base, user.cookie, after);
  sockets.push(client);
  return client;
};
const send = (body: string) => writeMessage(ctx.database.db, conversationId, mentor.id, body, [mentor.id, mentee.id]);
const hub = () => realtimeHubOf(ctx.app)!;

beforeAll(async () => {
  ctx = await createTestApp();
  base = await listen(ctx.app);
  [mentor, mentee, outsider] = await Promise.all([createUser(ctx), createUser(ctx), createUser(ctx)]);
  conversationId = await directConversation(ctx.database.db, mentor.id, mentee.id);
});

afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await ctx?.close();
});

describe('the upgrade', () => {
  test('needs a session (401), and Kindred’s own Origin (403, missing included)', async () => {
    await expect(RealtimeClient.connect(base, undefined)).rejects.toThrow('status 401');
    await expect(RealtimeClient.connect(base, 'kindred.session_token=forged.c2lnbmF0dXJl')).rejects.toThrow('status 401');
    await expect(RealtimeClient.connect(base, mentee.cookie, { origin: 'https://evil.example' })).rejects.toThrow('status 403');
    await expect(RealtimeClient.connect(base, mentee.cookie, { origin: null })).rejects.toThrow('status 403');
    expect(hub().connections).toBe(0);
  });

  test('opens with hello; ping is answered with pong', async () => {
    const client = await RealtimeClient.connect(base, mentee.cookie);
    sockets.push(client);
    const hello = await client.waitFor((f) => f.type === 'hello');
    expect(hello).toEqual({ type: 'hello', heartbeatMs: realtimeLimits.heartbeatMs, socketId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) });
    client.send({ type: 'ping' });
    await client.waitFor((f) => f.type === 'pong');
    await client.close();
  });
});

describe('delivery', () => {
  test('a message reaches both people, each with their own view, and never an outsider', async () => {
    const [mine, theirs, other] = await Promise.all([open(mentor), open(mentee), open(outsider)]);
    const sent = await send('the walk helped today');
    const toMentee = await theirs.waitFor(isMessageFrame);
    const toMentor = await mine.waitFor(isMessageFrame);
    expect(toMentee).toMatchObject({ id: sent.eventId, conversationId, message: { id: sent.messageId, seq: sent.seq, mine: false, body: 'the walk helped today' } });
    expect(toMentor.message.mine).toBe(true);
    // The outsider's socket is alive and hears nothing of it: not the text, not an id.
    other.send({ type: 'ping' });
    await other.waitFor((f) => f.type === 'pong');
    for (const needle of ['the walk helped', sent.messageId, sent.eventId, conversationId]) expect(other.raw.join('\n')).not.toContain(needle);
    await Promise.all([mine.close(), theirs.close(), other.close()]);
  });

  test('read positions, conversation changes and notifications arrive as ids only', async () => {
    const client = await open(mentee);
    await ctx.database.db.transaction(async (tx) => {
      await publish(tx, { type: 'conversation.read', conversationId, subjectId: mentor.id, seq: 3, recipients: [mentee.id] });
      await publish(tx, { type: 'conversation.updated', conversationId, recipients: [mentee.id] });
      await notificationsRepo.add(tx, { userId: mentee.id, kind: 'messaging.requested', subjectId: conversationId, actorId: mentor.id });
    });
    const notification = await client.waitFor((f) => f.type === 'notification.created');
    const types = client.events().map((f) => f.type);
    expect(types).toEqual(['conversation.read', 'conversation.updated', 'notification.created']);
    expect(client.events()[0]).toMatchObject({ conversationId, userId: mentor.id, seq: 3 });
    expect(Object.keys(client.events()[1]!).sort()).toEqual(['conversationId', 'id', 'type']);
    expect(Object.keys(notification).sort()).toEqual(['id', 'notificationId', 'type']);
    const [row] = await notificationsRepo.list(ctx.database.db, mentee.id, 1);
    expect(notification).toMatchObject({ notificationId: row!.id });
    await client.close();
  });

  test('an event with too many recipients for the notification is read from its row, and still only they get it', async () => {
    const [client, other] = await Promise.all([open(mentee), open(outsider)]);
    // Two hundred ids do not fit in a NOTIFY payload: publish sends `<id>|*`.
    const crowd = Array.from({ length: 200 }, (_, i) => `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    const eventId = await publish(ctx.database.db, { type: 'conversation.updated', conversationId, recipients: [...crowd, mentee.id] });
    expect((await client.waitFor((f) => f.type === 'conversation.updated')).id).toBe(eventId);
    other.send({ type: 'ping' });
    await other.waitFor((f) => f.type === 'pong');
    expect(other.raw.join('')).not.toContain(eventId!);
    await Promise.all([client.close(), other.close()]);
  });

  test('a deleted message goes out as deleted, without its text', async () => {
    const client = await open(mentee);
    const sent = await send('words to take back');
    await client.waitFor(isMessageFrame);
    await ctx.database.db.transaction(async (tx) => {
      await tx.update(message).set({ deletedAt: new Date(), deletedBy: 'sender' }).where(eq(message.id, sent.messageId));
      await publish(tx, { type: 'message.updated', conversationId, subjectId: sent.messageId, seq: sent.seq, recipients: [mentee.id] });
    });
    const updated = await client.waitFor((f) => f.type === 'message.updated');
    expect(updated).toMatchObject({ message: { id: sent.messageId, deleted: true, body: '', html: '' } });
    expect(client.raw.at(-1)).not.toContain('take back');
    await client.close();
  });

  test('a notification is published only when its transaction commits', async () => {
    const client = await open(mentee);
    await ctx.database.db
      .transaction(async (tx) => {
        await notificationsRepo.add(tx, { userId: mentee.id, kind: 'messaging.requested', subjectId: conversationId });
        throw new Error('roll back');
      })
      .catch(() => {});
    await send('after the rollback');
    await client.waitFor(isMessageFrame);
    expect(client.events().map((f) => f.type)).toEqual(['message.created']);
    await client.close();
  });
});

describe('resume', () => {
  // A fresh pair: the earlier tests' events for the mentee are inside the resume slack and would be replayed too.
  beforeAll(async () => {
    [mentor, mentee] = await Promise.all([createUser(ctx), createUser(ctx)]);
    conversationId = await directConversation(ctx.database.db, mentor.id, mentee.id);
  });

  test('what was sent while the socket was closed arrives in order, then live, without duplicates', async () => {
    const first = await open(mentee);
    const seen = await send('before the phone slept');
    await first.waitFor((f) => f.type === 'message.created' && f.id === seen.eventId);
    await first.close();

    const missed = [await send('missed one'), await send('missed two'), await send('missed three')];
    const client = await RealtimeClient.connect(base, mentee.cookie);
    sockets.push(client);
    await client.waitFor((f) => f.type === 'hello');
    // Sent after the socket opened but before it resumed: held, and sent once.
    const meanwhile = await send('while reconnecting');
    client.send({ type: 'resume', after: seen.eventId });
    const resumed = await client.waitFor((f) => f.type === 'resumed');
    const live = await send('live again');
    await client.waitFor((f) => f.type === 'message.created' && f.id === live.eventId);

    const ids = client.events().map((f) => f.id);
    expect(ids).toEqual([...missed, meanwhile, live].map((m) => m.eventId));
    expect(resumed).toEqual({ type: 'resumed', replayed: 4 });
    await client.close();
  });

  test('many sockets resuming at once while messages flow: each gets every message once, in order', async () => {
    const seen = await send('the last one everyone saw');
    const clients = await Promise.all(Array.from({ length: 20 }, () => RealtimeClient.connect(base, mentee.cookie)));
    sockets.push(...clients);
    await Promise.all(clients.map((c) => c.waitFor((f) => f.type === 'hello')));
    const writing = (async () => {
      const out = [];
      for (let i = 0; i < 15; i++) out.push(await send(`flowing ${i}`));
      return out;
    })();
    await new Promise((r) => setTimeout(r, 10));
    for (const c of clients) c.send({ type: 'resume', after: seen.eventId });
    const sent = await writing;
    for (const c of clients) {
      await c.waitFor((f) => f.type === 'message.created' && f.id === sent.at(-1)!.eventId);
      expect(c.events().map((f) => f.id)).toEqual(sent.map((m) => m.eventId));
    }
    await Promise.all(clients.map((c) => c.close()));
  });

  test('an unknown, foreign or missing `after`: resync with the latest id, or straight to live', async () => {
    const latest = await send('the newest');
    const unknown = await open(mentee, '01890000-0000-7000-8000-000000000000');
    expect(unknown.frames.find((f) => f.type === 'resync')).toEqual({ type: 'resync', latest: latest.eventId });
    // Someone else's event id is unknown to this person: it tells nothing about it.
    const outsiderSocket = await open(outsider, latest.eventId);
    expect(outsiderSocket.frames.find((f) => f.type === 'resync')).toEqual({ type: 'resync', latest: null });
    const fresh = await open(mentee);
    expect(fresh.frames.find((f) => f.type === 'resumed')).toEqual({ type: 'resumed', replayed: 0 });
    const next = await send('after resync');
    await unknown.waitFor((f) => f.type === 'message.created' && f.id === next.eventId);
    await fresh.waitFor((f) => f.type === 'message.created' && f.id === next.eventId);
    await Promise.all([unknown.close(), outsiderSocket.close(), fresh.close()]);
  });

  test('a client that never resumes gets its events after one heartbeat', async () => {
    const client = await RealtimeClient.connect(base, mentee.cookie);
    sockets.push(client);
    await client.waitFor((f) => f.type === 'hello');
    const held = await send('waiting for resume');
    await new Promise((r) => setTimeout(r, 100));
    expect(client.events()).toEqual([]);
    const conn = hubConnections().filter((c) => c.state === 'waiting').at(-1)!;
    (conn as { openedAt: number }).openedAt -= realtimeLimits.heartbeatMs;
    await hub().sweep();
    expect((await client.waitFor(isMessageFrame)).id).toBe(held.eventId);
    await client.close();
  });
});

function hubConnections(): Connection[] {
  return [...(hub() as unknown as { byUser: Map<string, Set<Connection>> }).byUser.values()].flatMap((s) => [...s]);
}

describe('when notifications were missed', () => {
  test('sockets close with 1013, new ones wait until the listener is back, and resuming recovers what was sent', async () => {
    const client = await open(mentee);
    const seen = await send('before the listener dropped');
    await client.waitFor((f) => f.type === 'message.created' && f.id === seen.eventId);
    const notifications = ctx.app.services.ctx.notifications!;
    (notifications as unknown as { lost(): void }).lost();
    expect((await client.closed).code).toBe(1013);
    const missed = await send('while the listener was down');
    await expect(RealtimeClient.connect(base, mentee.cookie)).rejects.toThrow('status 503');
    expect(await until(async () => notifications.healthy, 5000)).toBe(true);
    const again = await open(mentee, seen.eventId);
    expect(again.events().map((f) => f.id)).toEqual([missed.eventId]);
    await again.close();
  });
});

describe('bad clients', () => {
  const errorOf = (c: RealtimeClient) => c.waitFor((f): f is Extract<ServerFrame, { type: 'error' }> => f.type === 'error');

  test('malformed, binary and unknown frames get an error frame and the socket stays open', async () => {
    const client = await open(mentee);
    client.send('{not json');
    expect(await errorOf(client)).toMatchObject({ code: 'malformed' });
    client.send({ type: 'subscribe', to: 'everything' });
    await client.waitFor((f) => f.type === 'error' && f.code === 'unknown_type');
    const before = client.frames.length;
    client.send({ type: 'resume', after: 'not-an-id' });
    await client.waitFor((f) => f.type === 'error' && f.code === 'malformed', 3000, before);
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    client.send({ type: 'ping' });
    await client.waitFor((f) => f.type === 'pong');
    expect(client.frames.filter((f) => f.type === 'error')).toHaveLength(4);
    expect(client.raw.join('')).not.toContain('everything');
    await client.close();
  });

  test('an oversized frame closes that socket (1009); others are served on', async () => {
    const [big, bystander] = await Promise.all([open(mentee), open(mentor)]);
    big.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(realtimeLimits.maxFrameBytes) }));
    expect((await big.closed).code).toBe(1009);
    const sent = await send('still flowing');
    expect((await bystander.waitFor(isMessageFrame)).id).toBe(sent.eventId);
    await bystander.close();
  });

  test('a flood gets one rate_limited error, then the socket is closed (4029)', async () => {
    const [flood, bystander] = await Promise.all([open(mentee), open(mentor)]);
    for (let i = 0; i < realtimeLimits.framesPer10s * 2 + 5; i++) flood.send({ type: 'ping' });
    expect((await flood.closed).code).toBe(CLOSE_CODES.flood);
    // Only the first frames after resume were answered: the limit counts every frame.
    expect(flood.frames.filter((f) => f.type === 'pong').length).toBe(realtimeLimits.framesPer10s - 1);
    expect(flood.frames.filter((f) => f.type === 'error' && f.code === 'rate_limited')).toHaveLength(1);
    bystander.send({ type: 'ping' });
    await bystander.waitFor((f) => f.type === 'pong');
    await bystander.close();
  });

  test('a client that stops answering heartbeats is terminated; one that answers stays', async () => {
    const silent = await RealtimeClient.connect(base, mentee.cookie, { autoPong: false });
    const answering = await open(mentor);
    await silent.waitFor((f) => f.type === 'hello');
    await hub().sweep();
    await new Promise((r) => setTimeout(r, 100));
    await hub().sweep();
    expect((await silent.closed).code).toBe(1006);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    await answering.close();
  });

  test('the interval spreads heartbeats: each tick visits one slot of the sockets, each socket once per heartbeat', async () => {
    const silent = await RealtimeClient.connect(base, mentee.cookie, { autoPong: false });
    await silent.waitFor((f) => f.type === 'hello');
    const conn = hubConnections().at(-1)!;
    // The interval ticks too while this test ticks by hand: every tick counts, whoever made it.
    const slots = hub().heartbeatSlots;
    expect(slots).toBe(realtimeLimits.heartbeatMs / 100);
    const seen: Array<[string, number]> = [];
    const { ping, terminate } = conn.ws;
    conn.ws.ping = ((...args: Parameters<typeof ping>) => (seen.push(['ping', hub().tickCount]), ping.apply(conn.ws, args))) as typeof ping;
    conn.ws.terminate = () => (seen.push(['terminate', hub().tickCount]), terminate.apply(conn.ws));
    let ticks = 0;
    while (conn.ws.readyState === WebSocket.OPEN && ticks < 3 * slots) {
      await hub().tick();
      ticks++;
    }
    // Ticks that visit other slots leave it alone; its own slot's visit pings it, and the next visit to that slot, a
    // whole heartbeat (one tick per slot) later, finds it silent and drops it.
    expect(seen.map(([what]) => what)).toEqual(['ping', 'terminate']);
    expect((seen[0]![1] - 1) % slots).toBe(conn.slot);
    expect(seen[1]![1] - seen[0]![1]).toBe(slots);
    expect((await silent.closed).code).toBe(1006);
  });

  test('signing out closes that session’s sockets (4401), not the person’s other sessions', async () => {
    // The same person signed in on a second device.
    const res = await new Client(ctx.app, undefined, '10.8.0.1').post('/api/v1/auth/sign-in', { email: mentee.email, password: PASSWORD });
    const secondCookie = sessionCookie(res)!;
    const [phone, laptop] = await Promise.all([open(mentee), RealtimeClient.live(base, secondCookie)]);
    sockets.push(laptop);
    expect((await mentee.client.post('/api/v1/auth/sign-out')).statusCode).toBeLessThan(300);
    expect((await phone.closed).code).toBe(CLOSE_CODES.signedOut);
    laptop.send({ type: 'ping' });
    await laptop.waitFor((f) => f.type === 'pong');
    await laptop.close();
  });
});
