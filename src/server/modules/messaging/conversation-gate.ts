import type { Conversation } from '../../../contracts/messaging.ts';
import { Batcher, onePer } from '../../db/batcher.ts';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { type ConversationView, conversationsRepo, type SendView } from './conversations-repo.ts';
import { messagesRepo } from './messages-repo.ts';
import { canWriteGroupChat, directSend, messagingRateRules, NO_FACTS, type PairFacts, shownBasis } from './policy.ts';
import { type ConversationRules, presentConversation } from './presenters.ts';
import { relationsRepo } from './relations-repo.ts';

/**
 * The gate for one conversation: a person who may not read it finds nothing there (404, the same as an id that
 * never existed). Every conversation and message route goes through `openConversation` first.
 */
export async function openConversation(db: Queryable, me: string, id: string, opts: { light?: boolean } = {}): Promise<ConversationView> {
  const view = await conversationsRepo.view(db, me, id, opts);
  if (!view) throw notFound();
  return view;
}

/** The sends' gate reads of one database handle, batched: the sends that arrive together are read in one statement. */
const sendGateFor = onePer(
  (db: Queryable) =>
    new Batcher((items: Array<{ me: string; id: string }>) => conversationsRepo.viewsForSend(db, items, messagingRateRules.messagesPerAccount.windowSeconds), {
      max: 64,
      concurrency: 2,
    }),
);

/**
 * `openConversation` for a send: the light view, with the facts between the sender and the other person and the
 * sender's rate window read with it. Sends arriving together share one read (every send starts here: at a thousand
 * a second, one round trip each was most of the instance's work).
 */
export async function openForSend(db: Queryable, me: string, id: string): Promise<SendView> {
  const view = await sendGateFor(db).submit({ me, id });
  if (!view) throw notFound();
  return view;
}

/** What the rules say about a conversation for its reader, given the facts between them and the other person. */
export function rulesFor(v: ConversationView, me: string, facts: PairFacts): ConversationRules {
  if (v.kind === 'group') return { basis: 'group', canWrite: canWriteGroupChat({ member: true, chatEnabled: v.chatEnabled }), blockedByMe: false };
  // The other person's account is gone: the history stays, nobody is there to write to.
  if (!v.otherId) return { basis: v.basis, canWrite: false, blockedByMe: false };
  return { basis: shownBasis(v, facts), canWrite: directSend(v, me, facts).ok, blockedByMe: facts.blockedByMe };
}

/** Presents conversations for one reader, with the facts for all their other people read in one query. */
export async function presentConversations(db: Queryable, me: string, views: ConversationView[]): Promise<Conversation[]> {
  const others = views.flatMap((v) => (v.kind === 'direct' && v.otherId ? [v.otherId] : []));
  const [facts, lasts] = await Promise.all([
    relationsRepo.pairFacts(db, me, others),
    messagesRepo.byIds(db, views.flatMap((v) => (v.lastMessageId ? [v.lastMessageId] : []))),
  ]);
  const lastById = new Map(lasts.map((m) => [m.id, m]));
  return views.map((v) =>
    presentConversation(v, me, rulesFor(v, me, (v.otherId && facts.get(v.otherId)) || NO_FACTS), (v.lastMessageId && lastById.get(v.lastMessageId)) || null),
  );
}

export async function presentOne(db: Queryable, me: string, v: ConversationView): Promise<Conversation> {
  return (await presentConversations(db, me, [v]))[0]!;
}
