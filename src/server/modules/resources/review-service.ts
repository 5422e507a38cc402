import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { reviewDecisionBody } from '../../../contracts/resources.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { stripHtml } from './entries-input.ts';
import { entriesRepo } from './entries-repo.ts';
import { listPendingStrategies } from './library-repo.ts';
import { isCoordinator, resourcesPolicy } from './policy.ts';
import { presentSummary, presentTip } from './presenters.ts';
import { reviewRepo } from './review-repo.ts';
import { resourceSettingsFor } from './settings.ts';
import { tipsRepo } from './tips-repo.ts';

type Decision = z.output<typeof reviewDecisionBody>;

const notPending = () => new AppError('conflict', 'resourceNotPending');

/**
 * The reviewers' work: members' suggestions, tips and reviews, strategies, and for coordinators the entries due for
 * re-verification. Authors are never named here. A decision is audited by ids, and an approval tells the author in
 * the same transaction (the notice names the entry, never the reviewer nor the text); a rejection's note is for the
 * author alone.
 */
export function createReviewService(ctx: ServiceContext) {
  const { db } = ctx;
  const review = (actor: Actor | null) => authorize(actor, resourcesPolicy.review, undefined);

  return {
    async workList(actor: Actor | null, locale: Locale) {
      const a = review(actor);
      const now = new Date();
      const settings = await resourceSettingsFor(db);
      const [suggestions, tips, strategies, reverify] = await Promise.all([
        reviewRepo.suggestions(db),
        reviewRepo.pendingTips(db),
        listPendingStrategies(db),
        isCoordinator(a) ? reviewRepo.dueForReverification(db, settings.reverifyAfterDays, now) : [],
      ]);
      const summary = { locale, now, phoneCountry: settings.phoneCountry };
      return {
        suggestions: suggestions.map((r) => ({ ...presentSummary(r, summary), createdAt: r.createdAt })),
        tips: tips.map((t) => ({ ...presentTip(t, a), resource: { id: t.resourceId, name: t.resourceName } })),
        strategies,
        reverify: reverify.map((r) => presentSummary(r, summary)),
      };
    },

    async decideTip(actor: Actor | null, tipId: string, d: Decision) {
      const a = review(actor);
      const note = d.note === null ? null : stripHtml(d.note) || null;
      const decided = await db.transaction(async (tx) => {
        const tip = await tipsRepo.lock(tx, tipId);
        if (!tip) throw notFound();
        if (tip.status !== 'pending') throw notPending();
        const status = d.decision === 'approve' ? 'approved' : 'rejected';
        await tipsRepo.decide(tx, tipId, { status, by: a.userId, note: status === 'rejected' ? note : null });
        await auditRepo.record(tx, { actorId: a.userId, action: `resources.tip_${status}`, details: { tipId, resourceId: tip.resourceId } });
        if (status === 'approved') await notificationsRepo.add(tx, { userId: tip.authorId, kind: 'resources.tip_approved', subjectId: tip.resourceId });
        return (await tipsRepo.find(tx, tipId))!;
      });
      return presentTip(decided, a);
    },

    async decideSuggestion(actor: Actor | null, resourceId: string, d: Decision) {
      const a = review(actor);
      const note = d.note === null ? null : stripHtml(d.note) || null;
      const status = await db.transaction(async (tx) => {
        const entry = await entriesRepo.lock(tx, resourceId);
        if (!entry || entry.origin !== 'suggestion') throw notFound();
        if (entry.status !== 'suggested') throw notPending();
        const next: 'published' | 'rejected' = d.decision === 'approve' ? 'published' : 'rejected';
        await entriesRepo.decideSuggestion(tx, resourceId, { status: next, by: a.userId, note: next === 'rejected' ? note : null });
        await auditRepo.record(tx, { actorId: a.userId, action: `resources.suggestion_${d.decision === 'approve' ? 'approved' : 'rejected'}`, details: { resourceId } });
        if (next === 'published' && entry.suggestedBy) {
          await notificationsRepo.add(tx, { userId: entry.suggestedBy, kind: 'resources.suggestion_approved', subjectId: resourceId });
        }
        return next;
      });
      return { id: resourceId, status };
    },
  };
}
