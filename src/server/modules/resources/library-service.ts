import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import { COPING_STRATEGIES_MAX } from '../../../contracts/journey.ts';
import type { CopingLibraryInput, CopingLibraryStrategy, copingLibraryQuery, reviewDecisionBody } from '../../../contracts/resources.ts';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { plansRepo } from '../journey/plans-repo.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { stripHtml } from './entries-input.ts';
import { libraryRepo, presentStrategy, type StrategyRow } from './library-repo.ts';
import { countContribution } from './contributions.ts';
import { isReviewer, resourcesPolicy } from './policy.ts';

/** Approved strategies are the library; the rest (pending, rejected, hidden) only their author and reviewers see. */
const canSee = (a: Actor | null, row: StrategyRow) => row.status === 'approved' || (a !== null && (row.authorId === a.userId || isReviewer(a)));

/** The text as stored: no HTML. A field left empty once the markup is gone is refused, with the field named. */
function cleanInput(input: CopingLibraryInput) {
  const title = stripHtml(input.title);
  const summary = stripHtml(input.summary);
  const steps = input.steps.map(stripHtml);
  const programme = input.source === 'programme' ? stripHtml(input.programme ?? '') : '';
  const fields: Record<string, MessageKey> = {};
  if (title.length < 3) fields.title = 'strategyTitleEmpty';
  steps.forEach((step, i) => {
    if (!step) fields[`steps.${i}`] = 'strategyStepEmpty';
  });
  if (input.source === 'programme' && !programme) fields.programme = 'strategyProgrammeEmpty';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { title, summary, steps, programme: programme || null, whenHelps: [...new Set(input.whenHelps)], locale: input.locale, source: input.source };
}

/**
 * The coping strategies library (docs/resources.md): members write strategies that reviewers approve, mark the
 * ones that helped them (counted, never named) and save any to their own toolbox in the journey.
 */
export function createLibraryService(ctx: ServiceContext) {
  const { db } = ctx;
  const reader = (a: Actor | null) => ({ userId: a?.userId ?? null, reviewer: a !== null && isReviewer(a) });

  /** The strategy as this reader (null: signed out) may see it, or 404. */
  async function visible(a: Actor | null, id: string): Promise<StrategyRow> {
    const row = await libraryRepo.find(db, id, a?.userId ?? null);
    if (!row || !canSee(a, row)) throw notFound();
    return row;
  }

  async function present(a: Actor | null, id: string): Promise<CopingLibraryStrategy> {
    return presentStrategy(await visible(a, id), reader(a));
  }

  return {
    /** The approved library is open to anyone, like public directory entries; `mine` needs a session. */
    async list(actor: Actor | null, query: z.output<typeof copingLibraryQuery>, locale: Locale) {
      const a = query.mine ? authorize(actor) : actor;
      const rows = await libraryRepo.list(db, { readerId: a?.userId ?? null, locale: query.locale ?? locale, when: query.when, q: query.q, mine: query.mine });
      return { strategies: rows.map((row) => presentStrategy(row, reader(a))) };
    },

    get: (actor: Actor | null, id: string) => present(actor, id),

    /** A member's strategy waits for review; a reviewer's own is approved at once. */
    async create(actor: Actor | null, input: CopingLibraryInput) {
      const a = authorize(actor);
      const clean = cleanInput(input);
      await countContribution(ctx, a);
      const reviewer = isReviewer(a);
      const id = await libraryRepo.insert(db, {
        ...clean,
        authorId: a.userId,
        status: reviewer ? 'approved' : 'pending',
        ...(reviewer ? { reviewedBy: a.userId, reviewedAt: new Date() } : {}),
      });
      return present(a, id);
    },

    /**
     * The author deletes their own strategy. A reviewer removing someone else's (or a starter one) hides it instead:
     * gone for everyone else, still there for its author, and approving it again brings it back with its marks.
     * Toolbox copies stay with the members who saved them either way (they are theirs).
     */
    async remove(actor: Actor | null, id: string) {
      const a = authorize(actor);
      const row = await visible(a, id);
      if (row.authorId === a.userId) return libraryRepo.remove(db, id);
      if (!isReviewer(a)) throw notFound();
      await db.transaction(async (tx) => {
        await libraryRepo.review(tx, id, { status: 'hidden', reviewedBy: a.userId, reviewNote: null });
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.strategy_hidden', details: { strategyId: id } });
      });
    },

    /** "This helped me" on an approved strategy, or taken back. */
    async setHelped(actor: Actor | null, id: string, helped: boolean) {
      const a = authorize(actor);
      const row = await visible(a, id);
      if (row.status !== 'approved') throw notFound();
      await libraryRepo.setHelped(db, id, a.userId, helped);
      return present(a, id);
    },

    /**
     * Copies the title and steps into the member's toolbox, at the end: the copy is theirs to edit. Saving again
     * answers the item they already have; deleting it from the toolbox makes the strategy unsaved again.
     */
    async save(actor: Actor | null, id: string) {
      const a = authorize(actor);
      const row = await visible(a, id);
      // Reviewers see pending strategies, but only approved ones (and the author's own) go into a toolbox.
      if (row.status !== 'approved' && row.authorId !== a.userId) throw notFound();
      return db.transaction(async (tx) => {
        await plansRepo.strategies.lock(tx, a.userId);
        const existing = await libraryRepo.savedItem(tx, a.userId, id);
        if (existing) return { created: false, strategy: existing };
        if (!(await libraryRepo.holdForSave(tx, id))) throw notFound();
        if ((await plansRepo.strategies.count(tx, a.userId)) >= COPING_STRATEGIES_MAX) throw validationFailed({}, 'copingLibraryToolboxFull');
        const item = await plansRepo.strategies.append(tx, a.userId, { title: row.title, steps: row.steps });
        await libraryRepo.linkToolboxItem(tx, item.id, id);
        return { created: true, strategy: item };
      });
    },

    /** Approve or reject (with a note for the author only). The first approval tells the author, by ids only. */
    async review(actor: Actor | null, id: string, body: z.output<typeof reviewDecisionBody>) {
      const a = authorize(actor, resourcesPolicy.review, undefined);
      const approve = body.decision === 'approve';
      const note = approve || !body.note ? null : stripHtml(body.note) || null;
      await db.transaction(async (tx) => {
        const before = await libraryRepo.review(tx, id, { status: approve ? 'approved' : 'rejected', reviewedBy: a.userId, reviewNote: note });
        if (!before) throw notFound();
        if (approve && before.status !== 'approved' && before.authorId && before.authorId !== a.userId) {
          await notificationsRepo.add(tx, { userId: before.authorId, kind: 'resources.strategy_approved', subjectId: id });
        }
        await auditRepo.record(tx, { actorId: a.userId, action: 'resources.strategy_reviewed', details: { strategyId: id, decision: body.decision } });
      });
      return present(a, id);
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
