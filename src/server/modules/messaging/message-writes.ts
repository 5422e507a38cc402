import type { FastifyBaseLogger } from 'fastify';
import { messagingLimits } from '../../../contracts/messaging.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { CrisisPayload } from '../../../contracts/journey.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { type HeldEvent, localEventsFor } from '../../realtime/local-events.ts';
import { publishTo } from '../../realtime/publish.ts';
import type { ServiceContext } from '../context.ts';
import { type CrisisHandled, type CrisisReading, createCrisisAnswers, readOwnWords } from '../safety/crisis.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { type AppendItem, type Appended, messagesRepo, type StillHolds } from './messages-repo.ts';
import { Batcher, onePer } from '../../db/batcher.ts';
import { newId } from '../../db/ids.ts';
import { pressesOffPlatform } from './off-platform.ts';
import type { ConversationBasis } from './policy.ts';
import { normalizeMessage, renderMessage } from './render.ts';
import type { MessageRow } from './presenters.ts';

/** A message ready to append: its id, stored body and HTML, the off-platform pressure in it, its crisis reading. */
export interface Draft {
  id: string;
  body: string;
  html: string;
  pressure: boolean;
  reading: CrisisReading | null;
  locale: Locale;
}

/**
 * One group commit per database handle, whichever service appends (sending, a new conversation's first message):
 * sends arriving together share it, and its batches in flight are the only ones.
 */
const appenderFor = onePer((db: Db) => {
  const local = localEventsFor(db);
  return new Batcher(
    async (items: AppendItem[]) => {
      // This instance's hub hears these events' NOTIFY, often before this statement answers: it waits for the answer
      // (LocalEvents) instead of reading the events and messages back.
      const settle = local.expect(items.map((i) => i.eventId));
      let held: Map<string, HeldEvent> | null = null;
      try {
        const stored = await messagesRepo.append(db, items);
        held = heldEvents(items, stored);
        return stored;
      } finally {
        settle(held);
      }
    },
    { max: 64, concurrency: 2, key: (i) => i.conversationId },
  );
});

/** The events and messages an append wrote, as the hub would read them back (eventsRepo.forDelivery). */
function heldEvents(items: AppendItem[], stored: Array<Appended | null>): Map<string, HeldEvent> {
  const held = new Map<string, HeldEvent>();
  items.forEach((i, n) => {
    const s = stored[n];
    if (!s) return;
    held.set(i.eventId, {
      event: { id: i.eventId, type: 'message.created', conversationId: i.conversationId, subjectId: i.id, seq: s.seq, recipients: null },
      message: storedRow(i, s),
    });
  });
  return held;
}

/** The message row an append wrote. */
const storedRow = (i: Pick<AppendItem, 'id' | 'conversationId' | 'senderId' | 'body' | 'html'>, s: Appended): MessageRow => ({
  id: i.id,
  conversationId: i.conversationId,
  seq: s.seq,
  senderId: i.senderId,
  senderName: s.senderName,
  body: i.body,
  html: i.html,
  createdAt: s.createdAt,
  editedAt: null,
  deletedAt: null,
  offPlatform: s.offPlatform,
});

/**
 * Writing a message, shared by sending, a request's first message and editing: the stored body, its HTML, the
 * off-platform flag, the crisis reading and the realtime event, in the caller's transaction or (an append without
 * one) in a batch of its own. The crisis answer (deadline job, payload) comes after commit.
 */
export function createMessageWrites(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const crisis = createCrisisAnswers(ctx, deps);
  const appends = appenderFor(ctx.db);

  /** Pressure to move off Kindred matters with a new contact, in the first messages only. */
  const offPlatform = (body: string, basis: ConversationBasis, seq: number) =>
    basis !== 'mentorship' && seq <= messagingLimits.offPlatformWindow && pressesOffPlatform(body);

  async function readCrisis(tx: Queryable, memberId: string, messageId: string, body: string, locale: Locale): Promise<CrisisHandled | null> {
    const reading = readOwnWords([body], locale);
    return reading ? crisis.escalateIn(tx, { memberId, source: 'message', sourceId: messageId, reading }) : null;
  }

  /** `skipSocket`: the sender's own socket, named on the request (`kindred-socket`); it has the answer. */
  async function announce(tx: Queryable, type: 'message.created' | 'message.updated', m: { conversationId: string; id: string; seq: number; senderId: string; skipSocket?: string | null }) {
    await publishTo(
      tx,
      { type, conversationId: m.conversationId, subjectId: m.id, seq: m.seq, skipSocket: m.skipSocket },
      conversationsRepo.messageRecipients(m.conversationId, m.senderId),
    );
  }

  return {
    announce,

    /**
     * What a send will write, worked out before anything is locked: the stored body, its HTML, whether it presses to
     * move off Kindred, and the crisis reading of the sender's words (null: nothing urgent).
     */
    draft(body: string, locale: Locale): Draft {
      const text = normalizeMessage(body);
      return { id: newId(), body: text, html: renderMessage(text), pressure: pressesOffPlatform(text), reading: readOwnWords([text], locale), locale };
    },

    /**
     * Appends a drafted message while what the sender's right rests on still holds (`still`); null when it no longer
     * does (nothing written). Without `tx`, sends arriving together share one statement and one commit (group
     * commit); a draft with a crisis reading needs `tx`: its escalation is opened in the same transaction. Answers the
     * stored row, so no second read.
     */
    async append(tx: Queryable | null, m: { conversationId: string; senderId: string; draft: Draft; basis: ConversationBasis; still: StillHolds; skipSocket?: string | null }) {
      const { draft } = m;
      if (draft.reading && !tx) throw new Error('a message with a crisis reading is appended in a transaction');
      const item: AppendItem = {
        id: draft.id,
        eventId: newId(),
        conversationId: m.conversationId,
        senderId: m.senderId,
        body: draft.body,
        html: draft.html,
        // Pressure to move off Kindred matters with a new contact, in the first messages only (the append counts them).
        pressure: m.basis !== 'mentorship' && draft.pressure,
        still: m.still,
        skipSocket: m.skipSocket ?? null,
      };
      const stored = tx ? (await messagesRepo.append(tx, [item]))[0] : await appends.submit(item);
      if (!stored) return null;
      const handled = draft.reading && tx ? await crisis.escalateIn(tx, { memberId: m.senderId, source: 'message', sourceId: draft.id, reading: draft.reading }) : null;
      return { id: draft.id, row: storedRow(item, stored), handled };
    },

    async edit(
      tx: Queryable,
      m: { id: string; conversationId: string; seq: number; senderId: string; body: string; basis: ConversationBasis; wasFlagged: boolean; locale: Locale; skipSocket?: string | null },
    ) {
      const body = normalizeMessage(m.body);
      await messagesRepo.edit(tx, m.id, { body, html: renderMessage(body), offPlatform: m.wasFlagged || offPlatform(body, m.basis, m.seq) });
      const handled = await readCrisis(tx, m.senderId, m.id, body, m.locale);
      await announce(tx, 'message.updated', m);
      return { handled };
    },

    /** After commit: the crisis answer, when the sender's words called for it. */
    async crisisAnswer(handled: CrisisHandled | null, locale: Locale): Promise<CrisisPayload | null> {
      return handled ? crisis.answer(handled, locale) : null;
    },
  };
}
