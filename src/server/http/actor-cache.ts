import type { Actor } from '../access.ts';
import type { Notifications } from '../db/notifications.ts';

/** The channel the database triggers (migration 0001) notify with a user id when a session, account or role changes. */
export const ACTOR_CHANNEL = 'kindred_actor';

interface Entry {
  actor: Actor;
  userId: string;
  /** When the session itself expires. */
  sessionExpiresAt: number;
  /** A safety net: an entry is re-read from the database at least this often. */
  staleAt: number;
}

/**
 * Signed-in requests resolve their session from memory when they can. The database stays the truth: triggers on
 * session, user and user_role notify every instance, which evicts that person's entries; while notifications are
 * down the cache is empty and unused. A read that raced an invalidation is never stored (the epoch check).
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tokensByUser = new Map<string, Set<string>>();
  private epoch = 0;

  constructor(
    private readonly notifications: Notifications | undefined,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 20_000,
  ) {
    notifications?.on(ACTOR_CHANNEL, (userId) => this.evictUser(userId));
    notifications?.onReset(() => this.clear());
  }

  private get enabled() {
    return this.notifications?.healthy === true;
  }

  /** Call before reading the database; pass the result to set(). */
  begin(): number {
    return this.epoch;
  }

  get(token: string): { actor: Actor; expiresAt: Date } | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = Date.now();
    if (now >= entry.sessionExpiresAt || now >= entry.staleAt) {
      this.remove(token, entry.userId);
      return undefined;
    }
    return { actor: entry.actor, expiresAt: new Date(entry.sessionExpiresAt) };
  }

  set(token: string, actor: Actor, sessionExpiresAt: Date, epochAtRead: number) {
    if (!this.enabled || epochAtRead !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.remove(oldest, this.entries.get(oldest)!.userId);
    }
    this.entries.set(token, { actor, userId: actor.userId, sessionExpiresAt: sessionExpiresAt.getTime(), staleAt: Date.now() + this.ttlMs });
    let tokens = this.tokensByUser.get(actor.userId);
    if (!tokens) this.tokensByUser.set(actor.userId, (tokens = new Set()));
    tokens.add(token);
  }

  evictUser(userId: string) {
    this.epoch++;
    for (const token of this.tokensByUser.get(userId) ?? []) this.entries.delete(token);
    this.tokensByUser.delete(userId);
  }

  clear() {
    this.epoch++;
    this.entries.clear();
    this.tokensByUser.clear();
  }

  get size() {
    return this.entries.size;
  }

  private remove(token: string, userId: string) {
    this.entries.delete(token);
    const tokens = this.tokensByUser.get(userId);
    tokens?.delete(token);
    if (tokens?.size === 0) this.tokensByUser.delete(userId);
  }
}
