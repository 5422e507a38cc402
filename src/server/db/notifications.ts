import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

const BARRIER = 'kindred_barrier';

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection: how server instances sharing a database tell each other
 * that something changed. While the connection is down, `healthy` is false and reset handlers have run, so anything
 * that relies on notifications (caches) must not trust itself; it reconnects with backoff.
 */
export class Notifications {
  healthy = false;
  private client: pg.Client | undefined;
  private closed = false;
  private retryMs = 250;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private readonly resetHandlers = new Set<() => void>();
  private readonly barriers = new Map<string, () => void>();
  private listening: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (err) {
      this.log.warn({ err: { type: (err as Error).name } }, 'notifications unavailable; retrying');
      this.reconnectLater();
    }
  }

  on(channel: string, handler: (payload: string) => void) {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      // One query at a time on the listening connection (several caches register their channels together).
      const client = this.client;
      if (client) this.listening = this.listening.then(() => client.query(`listen ${pg.escapeIdentifier(channel)}`)).then(() => undefined, () => this.lost(client));
    }
    set.add(handler);
  }

  /** Called whenever notifications may have been missed (connection lost). */
  onReset(handler: () => void) {
    this.resetHandlers.add(handler);
  }

  /**
   * Resolves once every notification committed before this call has been delivered here: PostgreSQL delivers a
   * listener's notifications in commit order, so our own marker arriving means the earlier ones have too.
   */
  async barrier(pool: pg.Pool): Promise<void> {
    if (!this.healthy) return;
    const nonce = crypto.randomUUID();
    const arrived = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        // No marker within the timeout: treat the connection as broken, which flushes every cache.
        this.barriers.delete(nonce);
        this.lost();
        resolve();
      }, 2000);
      this.barriers.set(nonce, () => {
        clearTimeout(timer);
        this.barriers.delete(nonce);
        resolve();
      });
    });
    await pool.query('select pg_notify($1, $2)', [BARRIER, nonce]);
    await arrived;
  }

  async close() {
    this.closed = true;
    this.healthy = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (msg) => {
      if (msg.channel === BARRIER) return this.barriers.get(msg.payload ?? '')?.();
      for (const handler of this.handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of [BARRIER, ...this.handlers.keys()]) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    this.client = client;
    this.healthy = true;
    this.retryMs = 250;
  }

  private lost(client = this.client) {
    if (client && client !== this.client) return;
    const wasHealthy = this.healthy;
    this.healthy = false;
    this.client = undefined;
    for (const handler of this.resetHandlers) handler();
    void client?.end().catch(() => {});
    if (wasHealthy) this.log.warn('notifications connection lost; caches flushed, reconnecting');
    this.reconnectLater();
  }

  private reconnectLater() {
    if (this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(() => {
      if (this.closed || this.client) return;
      this.connect().catch(() => this.reconnectLater());
    }, delay).unref();
  }
}
