import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { type createConversationBody, messagingLimits, type sentMessage } from '../../../contracts/messaging.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import { refuseWhenUsedUp } from '../../http/rate-limit.ts';
import type { Jobs } from '../../jobs/queue.ts';
import { publish } from '../../realtime/publish.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { memberLocale } from '../safety/crisis.ts';
import { openConversation, presentConversations, presentOne } from './conversation-gate.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { clampSeq, createMessagesService } from './messages-service.ts';
import { createMessageWrites } from './message-writes.ts';
import { blockedEitherWay, currentBasis, messagingRateRules, NO_FACTS } from './policy.ts';
import { normalizeMessage } from './render.ts';
import { presentMessage } from './presenters.ts';
import { pairKey, relationsRepo } from './relations-repo.ts';

type SentMessage = z.output<typeof sentMessage>;

export const unavailable = () => new AppError('conflict', 'messagingUnavailable');

/**
 * Conversations (docs/messaging.md): starting one (or a message request), the list with unread counts, one
 * conversation, read positions, and the recipient's decision on a request.
 */
export function createConversationsService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;
  const writes = createMessageWrites(ctx, deps);
  const messages = createMessagesService(ctx, deps);

  /** A group's chat: its active members only; a member finds it turned off until a facilitator turns it on. */
  async function startGroupChat(me: string, groupId: string) {
    const group = await relationsRepo.groupFacts(db, groupId, me);
    if (!group?.member) throw notFound();
    if (!group.chatEnabled) throw new AppError('conflict', 'messagingGroupChatOff');
    return db.transaction((tx) => conversationsRepo.ensureGroup(tx, groupId));
  }

  /** A direct conversation: the existing one, an active one where a relationship holds, else a message request. */
  async function startDirect(a: Actor, otherId: string, firstMessage: string | undefined) {
    const me = a.userId;
    if (otherId === me) throw validationFailed({ participants: 'messagingNotYourself' }, 'messagingNotYourself');
    if (!(await relationsRepo.personExists(db, otherId))) throw notFound();
    const facts = (await relationsRepo.pairFacts(db, me, [otherId])).get(otherId) ?? NO_FACTS;
    // A block either way is the same answer as any other refusal, so it is not announced.
    if (blockedEitherWay(facts)) throw unavailable();
    const key = pairKey(me, otherId);
    const existing = await conversationsRepo.findDirect(db, key);
    if (existing) return { id: existing.id, created: false, sent: null };

    const basis = currentBasis(facts);
    if (!basis) {
      // Closed to requests: the same answer as a block.
      if (!(await relationsRepo.acceptsRequests(db, otherId))) throw unavailable();
      if (!firstMessage) throw validationFailed({ message: 'messagingRequestNeedsMessage' }, 'messagingRequestNeedsMessage');
      await ctx.limiter.consume(messagingRateRules.requestsPerAccount, me);
    }
    const locale = firstMessage ? await memberLocale(db, a) : 'en';
    if (firstMessage) refuseWhenUsedUp(messagingRateRules.messagesPerAccount, await conversationsRepo.sentWindow(db, me, messagingRateRules.messagesPerAccount.windowSeconds));
    const result = await db.transaction(async (tx) => {
      const id = await conversationsRepo.insertDirect(tx, {
        key,
        people: [me, otherId],
        basis: basis ?? 'request',
        status: basis ? 'active' : 'requested',
        requestedBy: basis ? null : me,
      });
      if (!id) return null;
      if (!basis) {
        await notificationsRepo.add(tx, { userId: otherId, kind: 'messaging.requested', subjectId: id, actorId: me });
        await publish(tx, { type: 'conversation.updated', conversationId: id, recipients: [otherId, me] });
      }
      const still = { kind: 'direct', status: basis ? 'active' : 'requested', basis: basis ?? 'request', otherId } as const;
      const first = firstMessage ? await writes.append(tx, { conversationId: id, senderId: me, draft: writes.draft(firstMessage, locale), basis: still.basis, still }) : null;
      // A block made since the facts were read: nothing is created.
      if (firstMessage && !first) throw unavailable();
      return { id, first };
    });
    // Someone created the pair's conversation at the same moment: continue in theirs.
    if (!result) return { id: (await conversationsRepo.findDirect(db, key))!.id, created: false, sent: null };
    if (!result.first) return { id: result.id, created: true, sent: null };
    const crisis = await writes.crisisAnswer(result.first.handled, locale);
    return { id: result.id, created: true, sent: { message: presentMessage(result.first.row, a.userId), crisis } };
  }

  return {
    async create(actor: Actor | null, body: z.output<typeof createConversationBody>) {
      const a = authorize(actor);
      // A first message of nothing but invisible characters is no message: refused before anything is created.
      if (body.message !== undefined && !normalizeMessage(body.message)) throw validationFailed({ message: 'Write a message' });
      let id: string;
      let created: boolean;
      let sent: SentMessage | null = null;
      if (body.groupId) {
        ({ id, created } = await startGroupChat(a.userId, body.groupId));
        if (body.message) sent = await messages.send(a, id, body.message);
      } else {
        const started = await startDirect(a, body.participants![0]!, body.message);
        ({ id, created, sent } = started);
        if (!sent && body.message) {
          // An existing conversation: the first message is an ordinary send, under the rules that hold now.
          sent = await messages.send(a, id, body.message);
        }
      }
      const conversation = await presentOne(db, a.userId, await openConversation(db, a.userId, id));
      return { created, body: { conversation, sent } };
    },

    async list(actor: Actor | null) {
      const a = authorize(actor);
      const [mine, requests, counts] = await Promise.all([
        conversationsRepo.list(db, a.userId, messagingLimits.conversationsPageSize),
        conversationsRepo.requests(db, a.userId, messagingLimits.conversationsPageSize),
        conversationsRepo.unreadCounts(db, a.userId),
      ]);
      return {
        conversations: await presentConversations(db, a.userId, mine),
        requests: await presentConversations(db, a.userId, requests),
        unread: counts.unread,
      };
    },

    async unread(actor: Actor | null) {
      const a = authorize(actor);
      return conversationsRepo.unreadCounts(db, a.userId);
    },

    async get(actor: Actor | null, id: string) {
      const a = authorize(actor);
      return presentOne(db, a.userId, await openConversation(db, a.userId, id));
    },

    /** My read position moves forward; I (other devices) and the other person of an accepted direct conversation hear of it. */
    async read(actor: Actor | null, id: string, seq: number) {
      const a = authorize(actor);
      const view = await openConversation(db, a.userId, id, { light: true });
      await db.transaction(async (tx) => {
        const read = await conversationsRepo.markRead(tx, id, a.userId, clampSeq(seq));
        if (!read.moved) return;
        const recipients = view.kind === 'direct' && view.status === 'active' && view.otherId ? [a.userId, view.otherId] : [a.userId];
        await publish(tx, { type: 'conversation.read', conversationId: id, subjectId: a.userId, seq: read.seq, recipients });
      });
    },

    /** The recipient accepts a request (both may write) or ignores it (its sender is not told, and still sees it waiting). */
    async decide(actor: Actor | null, id: string, decision: 'accept' | 'ignore') {
      const a = authorize(actor);
      const view = await openConversation(db, a.userId, id);
      await db.transaction(async (tx) => {
        const locked = await conversationsRepo.lock(tx, id);
        if (view.kind !== 'direct' || !locked || locked.status === 'active' || locked.requestedBy === a.userId) {
          throw new AppError('conflict', 'messagingNotARequest');
        }
        await conversationsRepo.setStatus(tx, id, decision === 'accept' ? 'active' : 'ignored');
        const recipients = decision === 'accept' && view.otherId ? [a.userId, view.otherId] : [a.userId];
        await publish(tx, { type: 'conversation.updated', conversationId: id, recipients });
      });
      return presentOne(db, a.userId, await openConversation(db, a.userId, id));
    },

    /**
     * Before writing to someone (from a forum post, say): their name, our conversation if there is one, what lets us
     * write, and whether I can start. 404 for nobody (or myself); a block either way and a person closed to requests
     * are the one answer `canStart: false`.
     */
    async reach(actor: Actor | null, otherId: string) {
      const a = authorize(actor);
      const name = otherId === a.userId ? null : await relationsRepo.personName(db, otherId);
      if (name === null) throw notFound();
      const facts = (await relationsRepo.pairFacts(db, a.userId, [otherId])).get(otherId) ?? NO_FACTS;
      const existing = await conversationsRepo.findDirect(db, pairKey(a.userId, otherId));
      const basis = currentBasis(facts);
      const canStart = !blockedEitherWay(facts) && (basis !== null || (await relationsRepo.acceptsRequests(db, otherId)));
      return { person: { id: otherId, displayName: name }, conversationId: existing?.id ?? null, basis: basis ?? 'request', canStart } as const;
    },

    async contacts(actor: Actor | null) {
      const a = authorize(actor);
      const rows = await relationsRepo.contacts(db, a.userId, 200);
      return { contacts: rows.map((r) => ({ person: { id: r.id, displayName: r.name }, basis: r.basis, conversationId: r.conversationId })) };
    },
  };
}
