import type { Notification, NotificationKind } from '../../../contracts/notifications.ts';
import { type Actor, authorize } from '../../access.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from './repo.ts';

/** The reader's own in-app inbox. Nobody reads another person's notifications, coordinators included. */
export function createNotificationsService(ctx: ServiceContext) {
  const { db } = ctx;
  return {
    async list(actor: Actor | null, limit: number): Promise<{ notifications: Notification[]; unread: number }> {
      const a = authorize(actor);
      const [rows, unread] = await Promise.all([notificationsRepo.list(db, a.userId, limit), notificationsRepo.unread(db, a.userId)]);
      return {
        unread,
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind as NotificationKind,
          subjectId: r.subjectId,
          actor: r.actorId && r.actorName !== null ? { id: r.actorId, displayName: r.actorName } : null,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
      };
    },

    /** Only the reader's own rows change: ids of someone else's notifications change nothing. */
    async markRead(actor: Actor | null, ids?: string[]) {
      const a = authorize(actor);
      await notificationsRepo.markRead(db, a.userId, ids);
    },
  };
}
