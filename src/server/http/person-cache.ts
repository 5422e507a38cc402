import type { Notifications } from '../db/notifications.ts';

/**
 * Read results about one person, kept in memory while the database says they are unchanged: a trigger notifies
 * `channel` with the person's id whenever the underlying rows change, on any instance, and every instance drops that
 * person's entries. While notifications are down nothing is served from here; a read that overlapped an
 * invalidation is not stored (the epoch). The same rules as the actor cache (docs/decisions/0012).
 */
export class PersonCache<T> {
  private readonly entries = new Map<string, { userId: string; value: T; staleAt: number }>();
  private readonly keysByUser = new Map<string, Set<string>>();
  private epoch = 0;

  constructor(
    private readonly notifications: Notifications | undefined,
    channel: string,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 5_000,
  ) {
    notifications?.on(channel, (userId) => this.evict(userId));
    notifications?.onReset(() => this.clear());
  }

  begin(): number {
    return this.epoch;
  }

  get(userId: string, key: string): T | undefined {
    if (this.notifications?.healthy !== true) return undefined;
    const entry = this.entries.get(`${userId}|${key}`);
    if (!entry) return undefined;
    if (Date.now() >= entry.staleAt) {
      this.entries.delete(`${userId}|${key}`);
      return undefined;
    }
    return entry.value;
  }

  set(userId: string, key: string, value: T, epochAtRead: number) {
    if (this.notifications?.healthy !== true || epochAtRead !== this.epoch) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const full = `${userId}|${key}`;
    this.entries.set(full, { userId, value, staleAt: Date.now() + this.ttlMs });
    let keys = this.keysByUser.get(userId);
    if (!keys) this.keysByUser.set(userId, (keys = new Set()));
    keys.add(full);
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
}
