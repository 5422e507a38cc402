import { onePer } from '../db/batcher.ts';
import type { Db } from '../db/client.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import type { EventRow } from './events-repo.ts';

/** An event this instance wrote, with the message it names, as the hub would read them back. */
export interface HeldEvent {
  event: EventRow;
  message: MessageRow;
}

/** Expected this long at most: an event's NOTIFY comes back within milliseconds of its commit. */
const HOLD_MS = 10_000;
/** And no more than this many at once (several seconds of sending at a thousand messages a second). */
const HOLD_MAX = 10_000;

interface Entry {
  at: number;
  value: Promise<HeldEvent | null>;
  settle: (held: HeldEvent | null) => void;
}

/**
 * The events this instance is writing in a statement of its own (a batched message append), so that its hub delivers
 * them without reading them back. The writer says which events it expects before the statement goes out, and settles
 * them when the statement answers: with the event and its message, or null (not written, or the answer was lost).
 *
 * Only a shortcut, and one that does not depend on timing: the hub still hears every event through NOTIFY in commit
 * order, this instance's included. That NOTIFY often arrives before the statement's own answer does, so the hub
 * waits for the answer (the event is committed; its answer is on the way) instead of reading. Events expected here
 * are taken once; what is not expected (another instance's events, an edit, a write inside a transaction), settled
 * null or expected too long ago is read from the database as before.
 */
export class LocalEvents {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Before the statement goes out: these events may be written. Answers the call that settles them (once). */
  expect(ids: string[]): (held: ReadonlyMap<string, HeldEvent> | null) => void {
    const at = this.now();
    this.prune(at);
    const mine = ids.map((id) => {
      let settle!: Entry['settle'];
      const value = new Promise<HeldEvent | null>((resolve) => (settle = resolve));
      const entry: Entry = { at, value, settle };
      this.entries.set(id, entry);
      return [id, entry] as const;
    });
    return (held) => {
      for (const [id, entry] of mine) {
        const h = held?.get(id) ?? null;
        entry.settle(h);
        // Not written: no NOTIFY will ask for it.
        if (!h && this.entries.get(id) === entry) this.entries.delete(id);
      }
    };
  }

  /** An expected event (once: it is forgotten): the event once its statement has answered, or null (read it). */
  take(id: string): Promise<HeldEvent | null> | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    return entry.value;
  }

  get size() {
    return this.entries.size;
  }

  /** Oldest first (insertion order): what was never taken ages out, and past the cap the oldest go. */
  private prune(at: number) {
    for (const [id, entry] of this.entries) {
      if (at - entry.at < HOLD_MS && this.entries.size < HOLD_MAX) break;
      this.entries.delete(id);
    }
  }
}

/** One per database handle: the writes that expect events and the hub that delivers them share it. */
export const localEventsFor = onePer((_db: Db) => new LocalEvents());
