import type { Notifications } from '../db/notifications.ts';

/**
 * Read results kept in memory while the database says they are unchanged (docs/decisions/0012). Each entry belongs
 * to one person; triggers notify a channel with that person's id whenever the underlying rows change, on any
 * instance, and every instance drops the person's entries. While notifications are down nothing is served from here
 * and everything is dropped; a read that overlapped an invalidation is not stored (the epoch); entries also expire.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, { userId: string; value: V; expiresAt: number }>();
  private readonly keysByUser = new Map<string, Set<string>>();
  private epoch = 0;

  constructor(
    private readonly notifications: Notifications | undefined,
    channel: string,
    private readonly opts: { ttlMs: number; maxEntries: number },
  ) {
    notifications?.on(channel, (userId) => this.evict(userId));
    notifications?.onReset(() => this.clear());
  }

  private get enabled() {
    return this.notifications?.healthy === true;
  }

  /** Call before reading the database; pass the result to set(). */
  begin(): number {
    return this.epoch;
  }

  get(key: string): V | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() >= entry.expiresAt) {
      this.remove(key, entry.userId);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a read, unless notifications are down or something changed since begin(); `expiresAt` caps its life. */
  set(key: string, userId: string, value: V, epochAtRead: number, expiresAt = Number.POSITIVE_INFINITY) {
    if (!this.enabled || epochAtRead !== this.epoch) return;
    if (this.entries.size >= this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.remove(oldest, this.entries.get(oldest)!.userId);
    }
    this.entries.set(key, { userId, value, expiresAt: Math.min(expiresAt, Date.now() + this.opts.ttlMs) });
    let keys = this.keysByUser.get(userId);
    if (!keys) this.keysByUser.set(userId, (keys = new Set()));
    keys.add(key);
  }

  evict(userId: string) {
    this.epoch++;
    for (const key of this.keysByUser.get(userId) ?? []) this.entries.delete(key);
    this.keysByUser.delete(userId);
  }

  clear() {
    this.epoch++;
    this.entries.clear();
    this.keysByUser.clear();
  }

  get size() {
    return this.entries.size;
  }

  private remove(key: string, userId: string) {
    this.entries.delete(key);
    const keys = this.keysByUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByUser.delete(userId);
  }
}
