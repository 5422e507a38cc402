import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, listen, type TestContext } from '../../../test/helpers/app.ts';
import { mentorPairConversation, sendMessage } from '../../../test/helpers/messaging-factories.ts';
import { isMessageFrame, RealtimeClient } from '../../../test/helpers/realtime-client.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import { eventsRepo } from './events-repo.ts';
import { frameFor } from './frames.ts';
import { type HeldEvent, LocalEvents, localEventsFor } from './local-events.ts';

const held = (id: string): HeldEvent => ({
  event: { id, type: 'message.created', conversationId: 'c', subjectId: `m-${id}`, seq: 1, recipients: null },
  message: { id: `m-${id}` } as MessageRow,
});

describe('LocalEvents', () => {
  test('an event is taken once; one never held, or held too long ago, is not there', () => {
    let now = 0;
    const local = new LocalEvents(() => now);
    local.hold(held('a'));
    expect(local.take('a')?.event.id).toBe('a');
    expect(local.take('a')).toBeUndefined();
    expect(local.take('never')).toBeUndefined();
    local.hold(held('b'));
    now = 10_000;
    expect(local.take('b')).toBeUndefined();
  });

  test('what is never taken ages out as others are held, and the number held is capped', () => {
    let now = 0;
    const local = new LocalEvents(() => now);
    for (let i = 0; i < 100; i++) local.hold(held(`old${i}`));
    now = 10_001;
    local.hold(held('new'));
    expect(local.size).toBe(1);
    for (let i = 0; i < 6_000; i++) local.hold(held(`e${i}`));
    expect(local.size).toBe(5_000);
    expect(local.take('e5999')).toBeDefined();
    expect(local.take('e0')).toBeUndefined();
  });
});

describe('the hub and the messages its own instance writes', () => {
  let ctx: TestContext;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    base = await listen(ctx.app);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  test('a sent message is held exactly as the hub would read it back, and delivered from there', async () => {
    const { mentor, mentee, conversationId } = await mentorPairConversation(ctx);
    const local = localEventsFor(ctx.database.db);
    const hold = vi.spyOn(local, 'hold');
    const take = vi.spyOn(local, 'take');
    const socket = await RealtimeClient.live(base, mentee.cookie);
    try {
      const sent = await sendMessage(mentor, conversationId, 'See you at **seven**, the usual place');
      const frame = await socket.waitFor((f) => isMessageFrame(f) && f.message.id === sent.id);
      expect(hold).toHaveBeenCalledTimes(1);
      const mine = hold.mock.calls[0]![0];
      // The hub took it (delivered from memory), and it is held no more.
      const taken = take.mock.calls.findIndex(([id]) => id === mine.event.id);
      expect(take.mock.results[taken]?.value).toEqual({ event: mine.event, message: mine.message });
      expect(local.take(mine.event.id)).toBeUndefined();
      // What was held is what PostgreSQL has: the event, and the message with its sender's name.
      const read = await eventsRepo.forDelivery(ctx.database.db, [mine.event.id], []);
      expect(mine.event).toEqual(read.events.get(mine.event.id));
      expect(mine.message).toEqual(read.messages.get(sent.id));
      // So the frame is the one the read would have made.
      expect(frame).toEqual(frameFor(read.events.get(mine.event.id)!, read.messages, mentee.id));
    } finally {
      hold.mockRestore();
      take.mockRestore();
      socket.close();
    }
  });
});
