import type { ReactionKind } from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { membersRepo } from './members-repo.ts';
import { inOrder, postsRepo } from './posts-repo.ts';

/**
 * Supportive reactions: one of each kind per person per post, on visible posts the reader can see, never on their
 * own. Counts and the reader's own kinds are returned; who reacted never is.
 */
export function createReactionsService(ctx: ServiceContext) {
  const { db } = ctx;

  async function set(actor: Actor | null, postId: string, kind: ReactionKind, on: boolean) {
    const a = authorize(actor);
    const post = await postsRepo.post(db, a, postId);
    if (!post || post.status !== 'visible' || post.topicStatus !== 'visible') throw notFound();
    if (post.authorId === a.userId) throw new AppError('conflict', 'communityOwnPost');
    const s = await membersRepo.standing(db, a.userId);
    if (s.banned) throw new AppError('conflict', 'communityBanned');
    if (s.suspendedUntil) throw new AppError('conflict', 'communitySuspended');
    await (on ? postsRepo.react : postsRepo.unreact)(db, postId, a.userId, kind);
    const r = await postsRepo.reactions(db, a, postId);
    return { reactions: { support: r.support, me_too: r.me_too, celebrate: r.celebrate, thanks: r.thanks }, myReactions: inOrder(r.mine) };
  }

  return {
    add: (actor: Actor | null, postId: string, kind: ReactionKind) => set(actor, postId, kind, true),
    remove: (actor: Actor | null, postId: string, kind: ReactionKind) => set(actor, postId, kind, false),
  };
}
