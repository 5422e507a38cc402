import { type Actor, authorize } from '../../access.ts';
import { notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { libraryRepo } from './library-repo.ts';

/**
 * A mentor sends a directory entry or a library strategy to their mentee: an in-app notification naming the mentor
 * and the record, nothing else. Only the mentor of an active relationship may (a paused or ended one may not), and
 * only what any member may read; everything else is 404, so nobody learns who mentors whom.
 */
export function createSharingService(ctx: ServiceContext) {
  const { db } = ctx;

  async function send(actor: Actor | null, menteeId: string, what: { kind: 'resources.resource_shared' | 'resources.strategy_shared'; id: string; readable: () => Promise<boolean> }) {
    const a = authorize(actor);
    if (!(await libraryRepo.mentorsActively(db, a.userId, menteeId)) || !(await what.readable())) throw notFound();
    await notificationsRepo.add(db, { userId: menteeId, kind: what.kind, subjectId: what.id, actorId: a.userId });
  }

  return {
    sendResource: (actor: Actor | null, id: string, menteeId: string) =>
      send(actor, menteeId, { kind: 'resources.resource_shared', id, readable: () => libraryRepo.publishedEntryExists(db, id) }),

    sendStrategy: (actor: Actor | null, id: string, menteeId: string) =>
      send(actor, menteeId, { kind: 'resources.strategy_shared', id, readable: async () => (await libraryRepo.find(db, id))?.status === 'approved' }),
  };
}
