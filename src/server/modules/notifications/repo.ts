import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { NotificationKind } from '../../../contracts/notifications.ts';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { publish } from '../../realtime/publish.ts';
import { user } from '../accounts/tables.ts';
import { notification } from './tables.ts';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  subjectId?: string | null;
  /** Who did it; leave out when the reader must not learn who (an anonymous author). */
  actorId?: string | null;
}

export const notificationsRepo = {
  /** Written in the same transaction as the change it tells of, so a notification never announces what did not happen. */
  async add(db: Queryable, items: NewNotification | NewNotification[]) {
    const rows = (Array.isArray(items) ? items : [items]).map((n) => ({ id: newId(), userId: n.userId, kind: n.kind, subjectId: n.subjectId ?? null, actorId: n.actorId ?? null }));
    if (!rows.length) return;
    await db.insert(notification).values(rows);
    // The person's open sockets hear that their inbox changed (ids only), when this transaction commits.
    for (const row of rows) await publish(db, { type: 'notification.created', subjectId: row.id, recipients: [row.userId] });
  },

  async list(db: Queryable, userId: string, limit: number) {
    return db
      .select({
        id: notification.id,
        kind: notification.kind,
        subjectId: notification.subjectId,
        actorId: notification.actorId,
        actorName: user.name,
        createdAt: notification.createdAt,
        readAt: notification.readAt,
      })
      .from(notification)
      .leftJoin(user, eq(user.id, notification.actorId))
      .where(eq(notification.userId, userId))
      .orderBy(desc(notification.createdAt), desc(notification.id))
      .limit(limit);
  },

  async unread(db: Queryable, userId: string) {
    const [row] = await db.select({ n: count() }).from(notification).where(and(eq(notification.userId, userId), isNull(notification.readAt)));
    return row?.n ?? 0;
  },

  /** Only the reader's own rows: ids of someone else's notifications change nothing. */
  async markRead(db: Queryable, userId: string, ids?: string[]) {
    const mine = and(eq(notification.userId, userId), isNull(notification.readAt));
    await db
      .update(notification)
      .set({ readAt: new Date() })
      .where(ids ? and(mine, inArray(notification.id, ids)) : mine);
  },
};
