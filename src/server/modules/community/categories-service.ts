import type { z } from 'zod';
import type { Category, categoryBody, categoryPatch } from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { categoriesRepo, type CategoryRow } from './categories-repo.ts';
import { membersRepo } from './members-repo.ts';
import { canPostInCategory, canReadCategory, communityPolicy } from './policy.ts';

/** A category as the reader sees it; `mayPost`: their standing lets them post at all (not suspended or banned). */
export function presentCategory(c: CategoryRow, actor: Actor | null, mayPost: boolean): Category {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    readAccess: c.readAccess,
    postAccess: c.postAccess,
    groupId: c.groupId,
    locale: c.locale,
    celebrations: c.celebrations,
    position: c.position,
    archived: c.archivedAt !== null,
    topicCount: c.topicCount,
    lastPostedAt: c.lastPostedAt,
    canPost: mayPost && canPostInCategory(actor, access(c), c.inGroup),
  };
}

type Placed = Pick<CategoryRow, 'readAccess' | 'postAccess' | 'groupId' | 'archivedAt' | 'inGroup'>;
export const access = (c: Placed) => ({ readAccess: c.readAccess, postAccess: c.postAccess, groupId: c.groupId, archivedAt: c.archivedAt ? new Date(c.archivedAt) : null });
export const canRead = (actor: Actor | null, c: Placed) => canReadCategory(actor, access(c), c.inGroup);

/** Signed in, not suspended, not banned: the part of "may post" that is about the person, not the place. */
export async function mayPostAtAll(ctx: ServiceContext, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  const s = await membersRepo.standing(ctx.db, actor.userId);
  return !s.banned && !s.suspendedUntil;
}

/** Categories: everyone reads the ones they may; coordinators set them up. */
export function createCategoriesService(ctx: ServiceContext) {
  const { db } = ctx;

  /** A category the reader may read, by id or slug; 404 otherwise (whether it exists is not theirs to learn). */
  async function readable(actor: Actor | null, idOrSlug: string): Promise<CategoryRow> {
    const c = await categoriesRepo.find(db, actor, idOrSlug);
    if (!c || !canRead(actor, c)) throw notFound();
    return c;
  }

  async function checkGroup(groupId: string | null | undefined) {
    if (groupId && !(await categoriesRepo.groupExists(db, groupId))) throw validationFailed({ groupId: 'notFound' });
  }

  return {
    readable,

    async list(actor: Actor | null) {
      const [rows, mayPost] = await Promise.all([categoriesRepo.list(db, actor), mayPostAtAll(ctx, actor)]);
      return { categories: rows.map((c) => presentCategory(c, actor, mayPost)) };
    },

    async create(actor: Actor | null, input: z.output<typeof categoryBody>) {
      const a = authorize(actor, communityPolicy.manageCategories, undefined);
      await checkGroup(input.groupId);
      try {
        const id = await db.transaction(async (tx) => {
          const created = await categoriesRepo.insert(tx, input);
          // Who may read a category is a privacy decision: recorded, with ids and access only.
          await auditRepo.record(tx, { actorId: a.userId, action: 'community.category_created', details: { categoryId: created, readAccess: input.readAccess, postAccess: input.postAccess } });
          return created;
        });
        return presentCategory((await categoriesRepo.find(db, a, id))!, a, true);
      } catch (err) {
        if (isUniqueViolation(err)) throw validationFailed({ slug: 'categorySlugTaken' });
        throw err;
      }
    },

    async update(actor: Actor | null, id: string, patch: z.output<typeof categoryPatch>) {
      const a = authorize(actor, communityPolicy.manageCategories, undefined);
      const current = await categoriesRepo.find(db, a, id);
      if (!current) throw notFound();
      await checkGroup(patch.groupId);
      // The result must still name a group when either access is by group.
      const readAccess = patch.readAccess ?? current.readAccess;
      const postAccess = patch.postAccess ?? current.postAccess;
      const groupId = patch.groupId === undefined ? current.groupId : patch.groupId;
      if ((readAccess === 'group' || postAccess === 'group') && !groupId) throw validationFailed({ groupId: 'Choose the group' });
      await db.transaction(async (tx) => {
        await categoriesRepo.update(tx, id, patch);
        await auditRepo.record(tx, { actorId: a.userId, action: 'community.category_changed', details: { categoryId: id, fields: Object.keys(patch), readAccess, postAccess } });
      });
      return presentCategory((await categoriesRepo.find(db, a, id))!, a, true);
    },
  };
}
