import type { Actor } from '../access.ts';
import type { Notifications } from '../db/notifications.ts';
import { NotifiedCache } from './notified-cache.ts';

/** The channel the database triggers (migration 0001) notify with a user id when a session, account or role changes. */
export const ACTOR_CHANNEL = 'kindred_actor';

/**
 * Signed-in requests resolve their session from memory when they can (session token → the person, their roles and
 * the session's expiry). Re-read at least every 30 s; never kept past the session's expiry.
 */
export type ActorCache = NotifiedCache<{ actor: Actor; expiresAt: Date }>;

export const createActorCache = (notifications: Notifications | undefined): ActorCache =>
  new NotifiedCache(notifications, ACTOR_CHANNEL, { ttlMs: 30_000, maxEntries: 20_000 });
