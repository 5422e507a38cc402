import { onePer } from '../db/batcher.ts';
import type { Db } from '../db/client.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import type { EventRow } from './events-repo.ts';

/** An event this instance wrote, with the message it names, as the hub would read them back. */
export interface HeldEvent {
  event: EventRow;
  message: MessageRow;
}

/** Held this long at most: an event's NOTIFY comes back within milliseconds of its commit. */
const HOLD_MS = 10_000;
/** And no more than this many at once (a few seconds of sending at a thousand messages a second). */
const HOLD_MAX = 5_000;

/**
 * The events this instance has just written (a message's append), kept briefly so its own hub delivers them without
 * reading them back. Only a shortcut: the hub still delivers in NOTIFY order, every instance (this one included) hears
 * every event from PostgreSQL, and what is not held here (another instance's events, an edit, a held event already
 * dropped) is read from the database as before. An event held but never committed is never asked for and ages out.
 */
export class LocalEvents {
  private readonly held = new Map<string, HeldEvent & { at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hold(h: HeldEvent) {
    const at = this.now();
    this.held.set(h.event.id, { ...h, at });
    // Oldest first (insertion order): drop what aged out, and past the cap the oldest.
    for (const [id, e] of this.held) {
      if (at - e.at < HOLD_MS && this.held.size <= HOLD_MAX) break;
      this.held.delete(id);
    }
  }

  /** The held event (once: it is dropped), or undefined. */
  take(id: string): HeldEvent | undefined {
    const h = this.held.get(id);
    if (!h) return undefined;
    this.held.delete(id);
    return this.now() - h.at < HOLD_MS ? { event: h.event, message: h.message } : undefined;
  }

  get size() {
    return this.held.size;
  }
}

/** One per database handle: the services that write and the hub that delivers share it. */
export const localEventsFor = onePer((_db: Db) => new LocalEvents());
