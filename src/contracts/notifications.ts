import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';

/**
 * The in-app inbox: short, named events about records the reader may open ("Alex accepted your request"). A
 * notification names records by id and never carries anyone's text; the page it links to applies its own access rules.
 */
export const NOTIFICATION_KINDS = [
  'mentoring.requested',
  'mentoring.introduced',
  'mentoring.accepted',
  'mentoring.declined',
  'mentoring.expired',
  'mentoring.cancelled',
  'mentoring.agreement_proposed',
  'mentoring.agreement_signed',
  'mentoring.active',
  'mentoring.paused',
  'mentoring.resumed',
  'mentoring.ended',
  'mentoring.contact_logged',
  'mentoring.concern_opened',
  /** Community: subject is the post (mentioned in, replied to, approved after review). */
  'community.mentioned',
  'community.replied',
  'community.approved',
  /** Community: subject is the moderation action; the notice says why in plain words. */
  'community.moderated',
  /** Resources: subject is the directory entry (a tip on it, or the member's suggestion, was approved). */
  'resources.tip_approved',
  'resources.suggestion_approved',
  /** Resources: subject is the library strategy the member wrote. */
  'resources.strategy_approved',
  /** Resources: the member's mentor (the actor) sent them a directory entry (subject) or a strategy (subject). */
  'resources.resource_shared',
  'resources.strategy_shared',
  /** Messaging: someone without a relationship to the member sent a message request (subject: the conversation). */
  'messaging.requested',
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notification = z
  .object({
    id: uuid,
    kind: notificationKind,
    /** The record it is about (a mentorship, a concern), for the link. */
    subjectId: uuid.nullable(),
    /** Who did it, when the reader may know (null otherwise). */
    actor: z.object({ id: uuid, displayName: z.string() }).nullable(),
    createdAt: isoDateTime,
    readAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationList = z
  .object({ notifications: z.array(notification), unread: z.number().int() })
  .meta({ id: 'NotificationList' });
export const notificationsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) });
export const markReadBody = z.strictObject({
  /** Mark these read; absent: all of mine. */
  ids: z.array(uuid).max(100).optional(),
});
