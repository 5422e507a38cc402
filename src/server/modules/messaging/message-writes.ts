import type { FastifyBaseLogger } from 'fastify';
import { messagingLimits } from '../../../contracts/messaging.ts';
import type { Locale } from '../../../contracts/common.ts';
import type { CrisisPayload } from '../../../contracts/journey.ts';
import type { RateRule } from '../../http/rate-limit.ts';
import type { Queryable } from '../../db/client.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { publishTo } from '../../realtime/publish.ts';
import type { ServiceContext } from '../context.ts';
import { type CrisisHandled, createCrisisAnswers, readOwnWords } from '../safety/crisis.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { messagesRepo } from './messages-repo.ts';
import { pressesOffPlatform } from './off-platform.ts';
import type { ConversationBasis } from './policy.ts';
import { normalizeMessage, renderMessage } from './render.ts';
import { type MessageRow, presentMessage } from './presenters.ts';
import type { Actor } from '../../access.ts';
import type { Message } from '../../../contracts/messaging.ts';

/** Messaging's limits, counted in PostgreSQL like every other limit (http/rate-limit.ts). */
export const messagingRateRules = {
  messagesPerAccount: { bucket: 'messaging_send_account', max: 30, windowSeconds: 60 },
  requestsPerAccount: { bucket: 'messaging_request_account', max: 10, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateRule>;

/**
 * Writing a message, shared by sending, a request's first message and editing: the stored body, its HTML, the
 * off-platform flag, the crisis reading and the realtime event, all in the caller's transaction. The crisis answer
 * (deadline job, payload) comes after commit.
 */
export function createMessageWrites(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const crisis = createCrisisAnswers(ctx, deps);

  /** Pressure to move off Kindred matters with a new contact, in the first messages only. */
  const offPlatform = (body: string, basis: ConversationBasis, seq: number) =>
    basis !== 'mentorship' && seq <= messagingLimits.offPlatformWindow && pressesOffPlatform(body);

  async function readCrisis(tx: Queryable, memberId: string, messageId: string, body: string, locale: Locale): Promise<CrisisHandled | null> {
    const reading = readOwnWords([body], locale);
    return reading ? crisis.escalateIn(tx, { memberId, source: 'message', sourceId: messageId, reading }) : null;
  }

  async function announce(tx: Queryable, type: 'message.created' | 'message.updated', m: { conversationId: string; id: string; seq: number; senderId: string }) {
    await publishTo(tx, { type, conversationId: m.conversationId, subjectId: m.id, seq: m.seq }, conversationsRepo.messageRecipients(m.conversationId, m.senderId));
  }

  return {
    announce,

    /**
     * Appends a message to a conversation the caller has already allowed the sender to write in. Answers the stored
     * row (without the sender's name), so the answer needs no second read.
     */
    async append(tx: Queryable, m: { conversationId: string; senderId: string; body: string; basis: ConversationBasis; locale: Locale }) {
      const body = normalizeMessage(m.body);
      const seq = await conversationsRepo.takeSeq(tx, m.conversationId);
      const html = renderMessage(body);
      const flagged = offPlatform(body, m.basis, seq);
      const { id, createdAt } = await messagesRepo.insert(tx, { conversationId: m.conversationId, seq, senderId: m.senderId, body, html, offPlatform: flagged });
      // Writing is reading: my own message moves my read position (and opens a group chat's row for me).
      await conversationsRepo.markRead(tx, m.conversationId, m.senderId, seq);
      const handled = await readCrisis(tx, m.senderId, id, body, m.locale);
      await announce(tx, 'message.created', { conversationId: m.conversationId, id, seq, senderId: m.senderId });
      const row = { id, conversationId: m.conversationId, seq, senderId: m.senderId, body, html, createdAt, editedAt: null, deletedAt: null, offPlatform: flagged };
      return { id, row, handled };
    },

    async edit(tx: Queryable, m: { id: string; conversationId: string; seq: number; senderId: string; body: string; basis: ConversationBasis; wasFlagged: boolean; locale: Locale }) {
      const body = normalizeMessage(m.body);
      await messagesRepo.edit(tx, m.id, { body, html: renderMessage(body), offPlatform: m.wasFlagged || offPlatform(body, m.basis, m.seq) });
      const handled = await readCrisis(tx, m.senderId, m.id, body, m.locale);
      await announce(tx, 'message.updated', m);
      return { handled };
    },

    /** After commit: the message just appended, as its sender sees it (their name from the session, else one read). */
    async presentAppended(row: Omit<MessageRow, 'senderName'>, sender: Actor): Promise<Message> {
      const senderName = sender.profile?.name ?? (await messagesRepo.find(ctx.db, row.id))!.senderName;
      return presentMessage({ ...row, senderName }, sender.userId);
    },

    /** After commit: the crisis answer, when the sender's words called for it. */
    async crisisAnswer(handled: CrisisHandled | null, locale: Locale): Promise<CrisisPayload | null> {
      return handled ? crisis.answer(handled, locale) : null;
    },
  };
}
