import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, listen, type TestContext } from '../../../test/helpers/app.ts';
import { mentorPairConversation, sendMessage } from '../../../test/helpers/messaging-factories.ts';
import { isMessageFrame, type MessageFrame, RealtimeClient } from '../../../test/helpers/realtime-client.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import { eventsRepo } from './events-repo.ts';
import { frameFor } from './frames.ts';
import { type HeldEvent, LocalEvents, localEventsFor } from './local-events.ts';

const held = (id: string): HeldEvent => ({
  event: { id, type: 'message.created', conversationId: 'c', subjectId: `m-${id}`, seq: 1, recipients: null },
  message: { id: `m-${id}` } as MessageRow,
});
const answer = (...ids: string[]) => new Map(ids.map((id) => [id, held(id)]));

describe('LocalEvents', () => {
  test('an event taken before its statement answers resolves with the answer; it is taken once', async () => {
    const local = new LocalEvents();
    const settle = local.expect(['a', 'b']);
    const a = local.take('a');
    expect(a).toBeInstanceOf(Promise);
    expect(local.take('a')).toBeUndefined();
    settle(answer('a', 'b'));
    expect(await a).toEqual(held('a'));
    // Taken after the answer: already resolved.
    expect(await local.take('b')).toEqual(held('b'));
    expect(local.take('never')).toBeUndefined();
  });

  test('what the statement did not write, or a statement that failed, settles null and is forgotten', async () => {
    const local = new LocalEvents();
    const settle = local.expect(['written', 'refused']);
    const refused = local.take('refused');
    settle(answer('written'));
    expect(await refused).toBeNull();
    expect(local.size).toBe(1);
    const failed = local.expect(['x']);
    const x = local.take('x');
    failed(null);
    expect(await x).toBeNull();
    expect(local.size).toBe(1);
  });

  test('what is never taken ages out as others are expected, and the number expected is capped', () => {
    let now = 0;
    const local = new LocalEvents(() => now);
    local.expect(Array.from({ length: 100 }, (_, i) => `old${i}`))(answer(...Array.from({ length: 100 }, (_, i) => `old${i}`)));
    now = 10_001;
    local.expect(['new']);
    expect(local.size).toBe(1);
    for (let i = 0; i < 12_000; i++) local.expect([`e${i}`]);
    expect(local.size).toBe(10_000);
    expect(local.take('e11999')).toBeDefined();
    expect(local.take('e0')).toBeUndefined();
  });
});

describe('the hub and the messages its own instance appends', () => {
  let ctx: TestContext;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    base = await listen(ctx.app);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  test('a sent message is delivered from its append answer, exactly as reading it back would deliver it', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const local = localEventsFor(ctx.database.db);
    const take = vi.spyOn(local, 'take');
    const read = vi.spyOn(eventsRepo, 'forDelivery');
    const socket = await RealtimeClient.live(base, mentee.cookie);
    try {
      const sent = await sendMessage(mentor, conversationId, 'See you at **seven**, the usual place');
      const frame = await socket.waitFor((f): f is MessageFrame => isMessageFrame(f) && f.message.id === sent.id);
      // The hub took the event this instance expected, and read nothing back.
      expect(take).toHaveBeenCalledWith(frame.id);
      const taken = await take.mock.results[take.mock.calls.findIndex(([id]) => id === frame.id)]!.value;
      expect(read).not.toHaveBeenCalled();
      expect(local.take(frame.id)).toBeUndefined();
      read.mockRestore();
      // What the answer held is what PostgreSQL has: the event, and the message with its sender's name.
      const stored = await eventsRepo.forDelivery(ctx.database.db, [frame.id], []);
      expect(taken).toEqual({ event: stored.events.get(frame.id), message: stored.messages.get(sent.id) });
      // So the frame is the one the read would have made.
      expect(frame).toEqual(frameFor(stored.events.get(frame.id)!, stored.messages, mentee.id));
    } finally {
      take.mockRestore();
      read.mockRestore();
      socket.close();
    }
  });
});
