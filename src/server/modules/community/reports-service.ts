import type { z } from 'zod';
import type { reportBody } from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { moderationRepo } from './moderation-repo.ts';
import { openQueueItem } from './queue-repo.ts';

const alreadyReported = () => new AppError('conflict', 'communityAlreadyReported');

/**
 * A member's report of a post: it opens the post's queue item (or joins the open one). "Someone seems in danger"
 * (`worried`) also marks the item needs care, so it comes first. Moderators see who reported; the author never does.
 */
export function createReportsService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async report(actor: Actor | null, body: z.output<typeof reportBody>): Promise<{ id: string }> {
      const a = authorize(actor);
      // A post the reader cannot read is not found, whatever its status; their own is a conflict they can act on.
      const post = await moderationRepo.readablePost(db, a, body.postId);
      if (!post) throw notFound();
      if (post.authorId === a.userId) throw new AppError('conflict', 'communityOwnPost');
      try {
        return await db.transaction(async (tx) => {
          const queueItemId = await openQueueItem(tx, { postId: post.id, kind: 'reported' });
          if (body.reason === 'worried') await openQueueItem(tx, { postId: post.id, kind: 'needs_care' });
          if (await moderationRepo.hasReported(tx, a.userId, queueItemId)) throw alreadyReported();
          const id = await moderationRepo.insertReport(tx, { postId: post.id, reporterId: a.userId, reason: body.reason, note: body.note, queueItemId });
          return { id };
        });
      } catch (err) {
        // The same person reporting twice at once: the unique index decides, the second is told it is already in.
        if (isUniqueViolation(err)) throw alreadyReported();
        throw err;
      }
    },
  };
}
