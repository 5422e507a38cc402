import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { CLOSE_CODES, realtimeLimits } from '../../contracts/realtime.ts';
import type { Db } from '../db/client.ts';
import type { Notifications } from '../db/notifications.ts';
import { ACTOR_CHANNEL } from '../http/actor-cache.ts';
import type { Connection, Outgoing } from './connection.ts';
import { type EventRow, eventsRepo, MAX_REPLAY } from './events-repo.ts';
import { frameFor, loadMessages } from './frames.ts';
import { type HeldEvent, type LocalEvents, localEventsFor } from './local-events.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import { parsePayload, REALTIME_CHANNEL } from './publish.ts';

/** An event this instance must deliver: its id and the recipients with a socket here (null: read them from the row). */
interface Pending {
  eventId: string;
  recipients: string[] | null;
  /** The writer's own socket (the `kindred-socket` header): it has the message from its answer. */
  skipSocket: string | null;
  /** Its place in arrival order, counted from the hub's start. */
  n: number;
}

const BATCH = 500;
/**
 * Time between heartbeat ticks, each visiting one slot of the sockets (see the constructor): a 250th of them at the
 * 25 s interval, 40 pings at 10,000 sockets (~1.6 ms at ~40 µs a socket) where a tick a second took 400 (~16 ms).
 */
const HEARTBEAT_TICK_MS = 100;
/** Close code when events may have been missed here (the notification connection dropped): reconnect and resume. */
const TRY_AGAIN = 1013;
/**
 * How long a batch waits for the answers of this instance's own appends (LocalEvents) before reading those events
 * instead. Their events are committed and the answers on their way: this only guards against an answer that never
 * comes.
 */
const OWN_ANSWER_WAIT_MS = 1000;

export interface HubDeps {
  db: Db;
  pool: pg.Pool;
  notifications: Notifications;
  log: FastifyBaseLogger;
  heartbeatMs?: number;
}

/**
 * The sockets of one instance and the fan-out to them (docs/realtime.md). Every instance, the writer's included,
 * hears each event through LISTEN/NOTIFY in commit order, keeps the recipients that have a socket here (no database
 * work otherwise), reads the events and their messages in batches (those this instance has just appended it takes
 * from the append's answer instead: LocalEvents), and sends each reader their own presentation. Batches run one after
 * another, so frames leave in the order the events committed.
 */
export class RealtimeHub {
  private readonly byUser = new Map<string, Set<Connection>>();
  private queue: Pending[] = [];
  private draining = false;
  private arrivedCount = 0;
  private deliveredCount = 0;
  private readonly waiters: Array<{ n: number; resolve: () => void }> = [];
  private barrierInFlight: Promise<void> | null = null;
  private barrierQueued: Promise<void> | null = null;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly slots: Set<Connection>[];
  private nextSlot = 0;
  private ticks = 0;
  private readonly local: LocalEvents;

  constructor(private readonly deps: HubDeps) {
    this.local = localEventsFor(deps.db);
    deps.notifications.on(REALTIME_CHANNEL, (payload) => this.arrived(payload));
    // Sessions changed (sign-out, expiry, roles): sockets of an ended session close at once, on every instance.
    deps.notifications.on(ACTOR_CHANNEL, (userId) => {
      if (this.byUser.has(userId)) this.checkSessions([userId]).catch(() => {}); // the next heartbeat checks again
    });
    // Notifications may have been missed: every socket reconnects and resumes from the table.
    deps.notifications.onReset(() => this.closeAll(TRY_AGAIN, 'reconnect and resume'));
    // One interval for every socket: heartbeats, late resumers, sessions that ended while notifications were down.
    // Each tick visits one slot of the sockets, so each is visited once per heartbeat but never all at once: 10,000
    // pings and a session check in one go stalled every delivery for 400 ms (bench/README.md, messaging).
    const heartbeatMs = deps.heartbeatMs ?? realtimeLimits.heartbeatMs;
    this.slots = Array.from({ length: Math.max(1, Math.floor(heartbeatMs / HEARTBEAT_TICK_MS)) }, () => new Set<Connection>());
    this.timer = setInterval(() => void this.tick(), heartbeatMs / this.slots.length);
    this.timer.unref();
  }

  /** Ticks in one heartbeat interval: each socket is visited once in that many. */
  get heartbeatSlots(): number {
    return this.slots.length;
  }

  /** Ticks so far (the interval's and any others): tick n visits slot (n - 1) modulo the slots. */
  get tickCount(): number {
    return this.ticks;
  }

  get connections(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  get healthy(): boolean {
    return !this.closed && this.deps.notifications.healthy;
  }

  add(conn: Connection) {
    let set = this.byUser.get(conn.userId);
    if (!set) this.byUser.set(conn.userId, (set = new Set()));
    set.add(conn);
    conn.slot = this.nextSlot++ % this.slots.length;
    this.slots[conn.slot]!.add(conn);
  }

  remove(conn: Connection) {
    this.slots[conn.slot]?.delete(conn);
    const set = this.byUser.get(conn.userId);
    if (!set?.delete(conn)) return;
    if (!set.size) this.byUser.delete(conn.userId);
  }

  private arrived(payload: string) {
    if (this.closed) return;
    const parsed = parsePayload(payload);
    if (!parsed) return;
    let recipients: string[] | null = null;
    if (parsed.recipients) {
      recipients = parsed.recipients.filter((id) => this.byUser.has(id));
      if (!recipients.length) return void this.local.take(parsed.eventId);
    } else if (!this.byUser.size) return void this.local.take(parsed.eventId);
    this.queue.push({ eventId: parsed.eventId, recipients, skipSocket: parsed.skipSocket, n: ++this.arrivedCount });
    if (!this.draining) {
      this.draining = true;
      // Let the notifications that arrived together gather into one batch.
      setImmediate(() => void this.drain());
    }
  }

  private async drain() {
    while (this.queue.length && !this.closed) {
      const batch = this.queue.splice(0, BATCH);
      try {
        await this.deliver(batch);
      } catch (err) {
        // The database failed mid-batch: those events stay stored, so the affected sockets resume them.
        this.deps.log.warn({ err: { type: (err as Error).name } }, 'realtime delivery failed; closing affected sockets');
        for (const p of batch) for (const id of p.recipients ?? [...this.byUser.keys()]) this.closeUser(id, TRY_AGAIN, 'reconnect and resume');
      }
      this.deliveredCount = batch.at(-1)!.n;
      this.wake();
    }
    this.draining = false;
    this.deliveredCount = this.arrivedCount;
    this.wake();
  }

  private wake() {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.n <= this.deliveredCount) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }

  /**
   * Resolves once every event committed before this call has been handed to the sockets here: the notification
   * barrier makes them arrive, then this waits until the batches holding them are delivered.
   */
  private async caughtUp() {
    await this.barrier();
    const n = this.arrivedCount;
    if (n <= this.deliveredCount) return;
    await new Promise<void>((resolve) => this.waiters.push({ n, resolve }));
  }

  private async deliver(batch: Pending[]) {
    const events = new Map<string, EventRow>();
    const messages = new Map<string, MessageRow>();
    for (const held of await this.ownEvents(batch)) {
      events.set(held.event.id, held.event);
      messages.set(held.message.id, held.message);
    }
    const unread = batch.filter((p) => !events.has(p.eventId));
    if (unread.length) {
      const read = await eventsRepo.forDelivery(
        this.deps.db,
        unread.map((p) => p.eventId),
        unread.filter((p) => !p.recipients).map((p) => p.eventId),
      );
      for (const [id, e] of read.events) events.set(id, e);
      for (const [id, m] of read.messages) messages.set(id, m);
    }
    for (const p of batch) {
      const event = events.get(p.eventId);
      if (!event) continue;
      for (const userId of p.recipients ?? event.recipients ?? []) {
        const conns = this.byUser.get(userId);
        if (!conns) continue;
        const frame = frameFor(event, messages, userId);
        if (!frame) continue;
        // Only a message's own sender can have a socket skipped, and only the one they named.
        const skip = p.skipSocket && 'message' in frame && frame.message.mine ? p.skipSocket : null;
        // Serialised once, and only if some socket takes it (a sender's one named socket takes nothing).
        let out: Outgoing | undefined;
        for (const conn of conns) {
          if (conn.id === skip) continue;
          out ??= { id: event.id, text: JSON.stringify(frame) };
          conn.deliver(out);
        }
      }
    }
  }

  /**
   * The events of this batch that this instance's own appends wrote, from their answers (LocalEvents). An event too
   * long to carry its recipients in its NOTIFY is not taken from there: its row lists them.
   */
  private async ownEvents(batch: Pending[]): Promise<HeldEvent[]> {
    const expected: Promise<HeldEvent | null>[] = [];
    for (const p of batch) {
      const held = this.local.take(p.eventId);
      if (held && p.recipients) expected.push(held);
    }
    if (!expected.length) return [];
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null[]>((resolve) => (timer = setTimeout(() => resolve([]), OWN_ANSWER_WAIT_MS)));
    const answered: Array<HeldEvent | null> = await Promise.race([Promise.all(expected), late]);
    clearTimeout(timer);
    return answered.filter((h): h is HeldEvent => h !== null);
  }

  /**
   * A notification barrier sent after this call. Callers while one is in flight share the next one, so a reconnect
   * storm costs a few NOTIFYs rather than one per socket.
   */
  private barrier(): Promise<void> {
    if (!this.barrierInFlight) {
      this.barrierInFlight = this.deps.notifications.barrier(this.deps.pool).finally(() => (this.barrierInFlight = null));
      return this.barrierInFlight;
    }
    // The one in flight may have been sent before the caller's query finished: wait for the next.
    this.barrierQueued ??= this.barrierInFlight.then(() => {
      this.barrierQueued = null;
      return this.barrier();
    });
    return this.barrierQueued;
  }

  /**
   * `resume`: what the client missed since `after`, then the events held meanwhile (minus the replayed ones), then
   * live. Without `after`, or after a `resync`, it goes live at once.
   */
  async resume(conn: Connection, after: string | undefined) {
    if (conn.state === 'replaying') return;
    conn.state = 'replaying';
    try {
      if (!after) {
        conn.control({ type: 'resumed', replayed: 0 });
        return conn.goLive();
      }
      const events = await eventsRepo.since(this.deps.pool, conn.userId, after, realtimeLimits.resumeDays);
      if (!events || events.length > MAX_REPLAY) {
        conn.control({ type: 'resync', latest: await eventsRepo.latest(this.deps.pool, conn.userId) });
        return conn.goLive();
      }
      // Everything committed before the query above is now held here or was never for this socket, so the held
      // events the query covered can be told apart from the ones committed after it.
      await this.caughtUp();
      const missed = events.filter((e) => !e.had);
      const messages = await loadMessages(this.deps.db, missed);
      for (const event of missed) {
        const frame = frameFor(event, messages, conn.userId);
        if (frame) conn.send(JSON.stringify(frame));
      }
      conn.control({ type: 'resumed', replayed: missed.length });
      // Held live events this replay covered (sent now, or shown to be had already) are not sent again.
      const sent = new Set(events.map((e) => e.id));
      conn.goLive(sent);
    } catch (err) {
      this.deps.log.warn({ err: { type: (err as Error).name } }, 'realtime resume failed');
      conn.close(TRY_AGAIN, 'reconnect and resume');
    }
  }

  /** One slot's heartbeat (the interval's work). */
  async tick() {
    await this.beat([...this.slots[this.ticks++ % this.slots.length]!]);
  }

  /** Heartbeat for every socket at once (tests; the interval spreads the same work over its ticks). */
  async sweep() {
    await this.beat(this.slots.flatMap((slot) => [...slot]));
  }

  /** A client that did not answer the previous heartbeat is gone; the others are pinged and their sessions checked. */
  private async beat(conns: Connection[]) {
    const now = Date.now();
    const heartbeatMs = this.deps.heartbeatMs ?? realtimeLimits.heartbeatMs;
    for (const conn of conns) {
      if (conn.ws.readyState !== conn.ws.OPEN) continue;
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
      // A client that never resumed still gets its events, one heartbeat late.
      if (conn.state === 'waiting' && now - conn.openedAt >= heartbeatMs) conn.goLive();
    }
    await this.checkConnections(conns).catch(() => {});
  }

  /** Closes (4401) the sockets of these people whose session has ended. */
  async checkSessions(userIds: string[]) {
    await this.checkConnections(userIds.flatMap((id) => [...(this.byUser.get(id) ?? [])]));
  }

  private async checkConnections(conns: Connection[]) {
    for (let i = 0; i < conns.length; i += 5000) {
      const chunk = conns.slice(i, i + 5000);
      const live = await eventsRepo.liveSessions(this.deps.pool, [...new Set(chunk.map((c) => c.sessionId))]);
      for (const conn of chunk) if (!live.has(conn.sessionId)) conn.close(CLOSE_CODES.signedOut, 'signed out');
    }
  }

  private closeUser(userId: string, code: number, reason: string) {
    for (const conn of this.byUser.get(userId) ?? []) conn.close(code, reason);
  }

  closeAll(code: number, reason: string) {
    for (const userId of this.byUser.keys()) this.closeUser(userId, code, reason);
  }

  /** Shutdown: stop delivering, tell every client to go elsewhere (1001), and drop whoever does not answer. */
  async close() {
    this.closed = true;
    clearInterval(this.timer);
    for (const w of this.waiters.splice(0)) w.resolve();
    const sockets = [...this.byUser.values()].flatMap((set) => [...set].map((c) => c.ws));
    this.closeAll(1001, 'server shutting down');
    await Promise.race([
      Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.readyState === ws.CLOSED ? resolve(null) : ws.once('close', resolve))))),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    for (const ws of sockets) ws.terminate();
  }
}
