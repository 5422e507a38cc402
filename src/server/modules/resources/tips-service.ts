import type { z } from 'zod';
import type { tipBody } from '../../../contracts/resources.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { stripHtml } from './entries-input.ts';
import { entriesRepo } from './entries-repo.ts';
import { countContribution } from './contributions.ts';
import { canReadEntry, canRemoveTip, isReviewer, resourcesPolicy } from './policy.ts';
import { presentTip } from './presenters.ts';
import { tipsRepo } from './tips-repo.ts';

/**
 * Members' tips and reviews of entries: shown without a name once a reviewer approves them (a reviewer's own are
 * approved at once). Their author sees their own waiting, and takes one back when they like.
 */
export function createTipsService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async add(actor: Actor | null, resourceId: string, body: z.output<typeof tipBody>) {
      const a = authorize(actor, resourcesPolicy.contribute, undefined);
      const entry = await entriesRepo.find(db, resourceId);
      // Only published entries take tips; anything the reader may not open is not there at all.
      if (!entry || entry.status !== 'published' || !canReadEntry(a, entry)) throw notFound();
      const text = stripHtml(body.body);
      if (text.length < 3) throw validationFailed({ body: 'Write a few words' });
      await countContribution(ctx, a);
      const reviewer = isReviewer(a);
      const id = await tipsRepo.insert(db, {
        resourceId,
        authorId: a.userId,
        kind: body.kind,
        body: text,
        rating: body.rating,
        status: reviewer ? 'approved' : 'pending',
        reviewedBy: reviewer ? a.userId : null,
      });
      return presentTip((await tipsRepo.find(db, id))!, a);
    },

    /** The author's own, or any for a reviewer (recorded, by id); everyone else finds nothing there. */
    async remove(actor: Actor | null, tipId: string) {
      const a = authorize(actor);
      const tip = await tipsRepo.find(db, tipId);
      if (!tip || !canRemoveTip(a, tip)) throw notFound();
      await db.transaction(async (tx) => {
        await tipsRepo.remove(tx, tipId);
        if (tip.authorId !== a.userId) {
          await auditRepo.record(tx, { actorId: a.userId, action: 'resources.tip_removed', details: { tipId, resourceId: tip.resourceId } });
        }
      });
    },
  };
}
