import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { messagesQuery } from '../../../contracts/messaging.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import { refuseWhenUsedUp } from '../../http/rate-limit.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { publish } from '../../realtime/publish.ts';
import type { ServiceContext } from '../context.ts';
import { memberLocale } from '../safety/crisis.ts';
import { openConversation, openForSend, presentOne } from './conversation-gate.ts';
import { type ConversationView, conversationsRepo } from './conversations-repo.ts';
import { createMessageWrites } from './message-writes.ts';
import { messagesRepo, type StillHolds } from './messages-repo.ts';
import { type ConversationBasis, type DirectState, directSend, messagingRateRules, NO_FACTS, shownBasis } from './policy.ts';
import { presentMessage } from './presenters.ts';
import { normalizeMessage } from './render.ts';
import { type PairFactRow, relationsRepo } from './relations-repo.ts';

/** A seq is a PostgreSQL integer: a larger position asked for is simply past every message. */
export const clampSeq = (seq: number) => Math.min(seq, 2_147_483_647);

/**
 * Messages: reading a conversation's pages, sending, editing and deleting one's own, and searching one's own
 * conversations. Who may write is worked out again on every send and edit, inside the transaction.
 */
export function createMessagesService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;
  const writes = createMessageWrites(ctx, deps);

  const conflict = (key: 'messagingUnavailable' | 'messagingRequestPending' | 'messagingGroupChatOff' | 'messagingMessageDeleted') => new AppError('conflict', key);

  /** The answer to "may `me` write here now?": the basis shown, what the conversation becomes, what it rests on. */
  interface Decision {
    basis: ConversationBasis;
    becomes?: { status: 'active'; basis: ConversationBasis };
    still: StillHolds;
  }

  /** A group's chat, once the caller has found it on and the sender a member. */
  const groupDecision = (groupId: string): Decision => ({ basis: 'group', still: { kind: 'group', groupId } });

  /** A direct conversation, on its state as read or as locked. A request's recipient who replies accepts it. */
  async function decideDirect(q: Queryable, view: ConversationView, state: DirectState, me: string, read?: PairFactRow | null): Promise<Decision> {
    if (!view.otherId) throw conflict('messagingUnavailable');
    const facts = (await (read ? relationsRepo.settle(q, me, [read]) : relationsRepo.pairFacts(q, me, [view.otherId]))).get(view.otherId) ?? NO_FACTS;
    const decision = directSend(state, me, facts);
    if (!decision.ok) throw conflict(decision.reason === 'pending' ? 'messagingRequestPending' : 'messagingUnavailable');
    const { becomes } = decision;
    return {
      basis: becomes?.basis ?? shownBasis(state, facts),
      becomes,
      still: { kind: 'direct', status: becomes?.status ?? state.status, basis: becomes?.basis ?? state.basis, otherId: view.otherId },
    };
  }

  /**
   * Without a lock, on what the gate read: the common send (a relationship that holds, a chat that is on) is then
   * one statement, which re-checks what the decision rests on. Null: the send changes the conversation (a request
   * accepted), so it is decided again under the lock.
   */
  async function decideAsRead(view: ConversationView & { facts: PairFactRow | null }, me: string): Promise<Decision | null> {
    if (view.kind === 'group') {
      if (!view.chatEnabled) throw conflict('messagingGroupChatOff');
      return groupDecision(view.groupId!);
    }
    const decision = await decideDirect(db, view, view, me, view.facts);
    return decision.becomes ? null : decision;
  }

  /** Under the conversation's lock (until commit): may `me` write here now? Applies what the conversation becomes. */
  async function mayWrite(tx: Queryable, view: ConversationView, me: string): Promise<Decision> {
    const locked = await conversationsRepo.lock(tx, view.id);
    if (!locked) throw notFound();
    if (view.kind === 'group') {
      const group = await relationsRepo.groupFacts(tx, view.groupId!, me);
      if (!group?.member) throw notFound();
      if (!group.chatEnabled) throw conflict('messagingGroupChatOff');
      return groupDecision(view.groupId!);
    }
    const decision = await decideDirect(tx, view, locked, me);
    if (decision.becomes) {
      await conversationsRepo.setStatus(tx, view.id, decision.becomes.status, decision.becomes.basis);
      await publish(tx, { type: 'conversation.updated', conversationId: view.id, recipients: [me, view.otherId!] });
    }
    return decision;
  }

  const written = (body: string) => {
    if (!normalizeMessage(body)) throw validationFailed({ body: 'Write a message' });
  };

  /** A message in a conversation the actor reads, or 404. */
  async function openMessage(me: string, id: string) {
    const row = await messagesRepo.find(db, id);
    if (!row) throw notFound();
    const view = await openConversation(db, me, row.conversationId, { light: true });
    return { row, view };
  }

  return {
    async page(actor: Actor | null, conversationId: string, q: z.output<typeof messagesQuery>) {
      const a = authorize(actor);
      const view = await openConversation(db, a.userId, conversationId);
      // In a group's chat the people I blocked are hidden from me; a direct conversation keeps its history (to report it).
      const rows = await messagesRepo.page(db, conversationId, {
        after: q.after === undefined ? undefined : clampSeq(q.after),
        before: q.before === undefined ? undefined : clampSeq(q.before),
        limit: q.limit + 1,
        hideSendersBlockedBy: view.kind === 'group' ? a.userId : undefined,
      });
      const hasMore = rows.length > q.limit;
      const page = !hasMore ? rows : q.after !== undefined ? rows.slice(0, q.limit) : rows.slice(1);
      return { conversation: await presentOne(db, a.userId, view), messages: page.map((r) => presentMessage(r, a.userId)), hasMore };
    },

    /** `opts.skipSocket`: the sender's own socket (`kindred-socket`), which then gets no frame for this message. */
    async send(actor: Actor | null, conversationId: string, body: string, opts: { skipSocket?: string } = {}) {
      const a = authorize(actor);
      // The gate reads the sender's rate window with the conversation: the messages they wrote in it, so a send
      // refused (404, 409, 422, 429) counts for nothing.
      const view = await openForSend(db, a.userId, conversationId);
      written(body);
      refuseWhenUsedUp(messagingRateRules.messagesPerAccount, view.sent);
      const locale = await memberLocale(db, a);
      const draft = writes.draft(body, locale);
      // Each append's input is one object literal, not `{ ...input, ...decision }`: V8 (Node 20) gives every object
      // built by a spread and then extended a hidden class of its own in the old generation (bench/README.md).
      const input = (d: Decision) => ({ conversationId, senderId: a.userId, draft, skipSocket: opts.skipSocket, basis: d.basis, still: d.still });
      // The common send: one statement, no transaction. Crisis words (an escalation to open with the message), a
      // request being accepted, or a state that changed since it was read: under the conversation's lock.
      const asRead = draft.reading ? null : await decideAsRead(view, a.userId);
      const appended =
        (asRead && (await writes.append(null, input(asRead)))) ||
        (await db.transaction(async (tx) => {
          const done = await writes.append(tx, input(await mayWrite(tx, view, a.userId)));
          // Under the lock, only a block made since the facts were read refuses the append.
          if (!done) throw conflict('messagingUnavailable');
          return done;
        }));
      const crisis = await writes.crisisAnswer(appended.handled, locale);
      return { message: presentMessage(appended.row, a.userId), crisis };
    },

    /** The sender edits while they may still write there; the words are read again for crisis and pressure. */
    async edit(actor: Actor | null, messageId: string, body: string, opts: { skipSocket?: string } = {}) {
      const a = authorize(actor);
      const { row, view } = await openMessage(a.userId, messageId);
      if (row.senderId !== a.userId) throw notFound();
      written(body);
      const locale = await memberLocale(db, a);
      const { handled } = await db.transaction(async (tx) => {
        const locked = await messagesRepo.lock(tx, messageId);
        if (!locked) throw notFound();
        if (locked.deleted) throw conflict('messagingMessageDeleted');
        const { basis } = await mayWrite(tx, view, a.userId);
        return writes.edit(tx, {
          id: messageId,
          conversationId: row.conversationId,
          seq: row.seq,
          senderId: a.userId,
          body,
          basis,
          wasFlagged: locked.offPlatform,
          locale,
          skipSocket: opts.skipSocket,
        });
      });
      const crisis = await writes.crisisAnswer(handled, locale);
      return { message: presentMessage((await messagesRepo.find(db, messageId))!, a.userId), crisis };
    },

    /** The sender takes their words back at any time: the message keeps its place and shows as deleted. */
    async remove(actor: Actor | null, messageId: string) {
      const a = authorize(actor);
      const { row } = await openMessage(a.userId, messageId);
      if (row.senderId !== a.userId) throw notFound();
      await db.transaction(async (tx) => {
        const locked = await messagesRepo.lock(tx, messageId);
        if (!locked || locked.deleted) return;
        await messagesRepo.remove(tx, messageId, 'sender');
        await writes.announce(tx, 'message.updated', { conversationId: row.conversationId, id: messageId, seq: row.seq, senderId: a.userId });
      });
    },

    async search(actor: Actor | null, q: string, limit: number) {
      const a = authorize(actor);
      const rows = await messagesRepo.search(db, a.userId, q, limit);
      return { results: rows.map((r) => ({ message: presentMessage(r, a.userId), conversation: { id: r.conversationId, title: r.title } })) };
    },
  };
}

