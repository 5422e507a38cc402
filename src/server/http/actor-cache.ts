import type { Actor } from '../access.ts';
import type { Notifications } from '../db/notifications.ts';
import { NotifiedCache } from './notified-cache.ts';

/** The channel the database triggers (migration 0001) notify with a user id when a session, account or role changes. */
export const ACTOR_CHANNEL = 'kindred_actor';

/**
 * Signed-in requests resolve their session from memory when they can (session token → the person, their roles and
 * the session's expiry). Triggers evict a person's entries on every change (docs/decisions/0012); the re-read every
 * 5 minutes only bounds how long a change could go unseen if a notification were ever missed (a restore that ran with
 * triggers off). Never kept past the session's expiry.
 */
export type ActorCache = NotifiedCache<{ actor: Actor; expiresAt: Date }>;

export const createActorCache = (notifications: Notifications | undefined): ActorCache =>
  new NotifiedCache(notifications, ACTOR_CHANNEL, { ttlMs: 5 * 60_000, maxEntries: 20_000 });
