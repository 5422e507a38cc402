/**
 * Batches for a hot statement. A write (sending a message) gets group commit: a call that arrives while earlier
 * batches are being written waits for the next one, and the calls waiting then go together in one statement and one
 * commit. A read (a send's gate, a session) gets one round trip for many callers. Calls made in the same turn of the
 * event loop are gathered until its end (`setImmediate`: the requests one poll of the sockets brought in), then sent
 * as one batch if a slot is free. Alone, a call goes out at the end of its turn; under load, many share the round
 * trip, the statement's planning and the commit (PostgreSQL serialises the commits of transactions that NOTIFY), and
 * fewer round trips leave the instance's event loop more time (bench/README.md, messaging). This holds nothing that
 * correctness rests on: each batch is an ordinary statement, and a call waits at most for the batches ahead of it.
 */
export class Batcher<I, R> {
  private waiting: Array<{ item: I; resolve: (r: R) => void; reject: (err: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    /** Writes the items, answering one result per item in the same order. */
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly opts: {
      /** Most items in one batch. */
      max: number;
      /** Batches written at once (each holds a pooled connection). */
      concurrency: number;
      /** Items with the same key never share a batch: a later one waits for the next. Without it, any may. */
      key?: (item: I) => string;
    },
  ) {}

  /** A pump is due at the end of this turn of the event loop. */
  private scheduled = false;

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump() {
    while (this.inFlight < this.opts.concurrency && this.waiting.length) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting items, up to `max`, one per key; the rest keep their place. */
  private take() {
    const keys = new Set<string>();
    const batch: typeof this.waiting = [];
    const rest: typeof this.waiting = [];
    for (const w of this.waiting) {
      const key = this.opts.key?.(w.item);
      if (batch.length < this.opts.max && (key === undefined || !keys.has(key))) {
        if (key !== undefined) keys.add(key);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch;
  }

  private async run(batch: typeof this.waiting) {
    try {
      const results = await this.write(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      // One item the database refuses must not fail the others: each is written again alone.
      await Promise.all(
        batch.map(async (w) => {
          try {
            w.resolve((await this.write([w.item]))[0]!);
          } catch (e) {
            w.reject(e);
          }
        }),
      );
    }
  }
}

/**
 * One value per owner (a database handle, a pool), made on first use and kept while the owner lives: the batchers of
 * a statement are shared by every service on that handle, so its batches in flight are the only ones.
 */
export function onePer<K extends object, V>(make: (owner: K) => V): (owner: K) => V {
  const made = new WeakMap<K, V>();
  return (owner) => {
    let value = made.get(owner);
    if (value === undefined) {
      value = make(owner);
      made.set(owner, value);
    }
    return value;
  };
}
