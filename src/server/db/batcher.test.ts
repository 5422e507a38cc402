import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Batcher, onePer } from './batcher.ts';

/** A write that records its batches and answers each item doubled, after `delay` turns of the event loop. */
function recorder(opts: { fail?: (items: number[]) => boolean; delay?: number } = {}) {
  const batches: number[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const write = async (items: number[]) => {
    batches.push(items);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    for (let i = 0; i < (opts.delay ?? 1); i++) await new Promise((r) => setImmediate(r));
    inFlight--;
    if (opts.fail?.(items)) throw new Error('refused');
    return items.map((i) => i * 2);
  };
  return { write, batches, maxInFlight: () => maxInFlight };
}

describe('Batcher (group commit, batched reads)', () => {
  test('calls of one turn go together; calls arriving while batches are in flight wait for the next', async () => {
    const r = recorder({ delay: 3 });
    const b = new Batcher(r.write, { max: 10, concurrency: 1, key: (i: number) => String(i) });
    expect(await b.submit(1)).toBe(2);
    expect(r.batches).toEqual([[1]]);
    const first = Promise.all([3, 4].map((i) => b.submit(i)));
    // Made in a later turn, while [3, 4] is being written.
    await new Promise((resolve) => setImmediate(resolve));
    const later = Promise.all([5, 6].map((i) => b.submit(i)));
    expect([...(await first), ...(await later)]).toEqual([6, 8, 10, 12]);
    expect(r.batches.slice(1)).toEqual([[3, 4], [5, 6]]);
  });

  test('one item per key in a batch, at most `max`; the others keep their order for the next', async () => {
    const r = recorder();
    const b = new Batcher(r.write, { max: 2, concurrency: 1, key: (i: number) => String(i % 3) });
    await Promise.all([0, 1, 3, 2, 4, 5, 6].map((i) => b.submit(i)));
    expect(r.batches).toEqual([[0, 1], [3, 2], [4, 5], [6]]);
  });

  test('without a key (a read), equal items share a batch', async () => {
    const r = recorder();
    const b = new Batcher(r.write, { max: 3, concurrency: 1 });
    await Promise.all([7, 7, 7, 7, 8].map((i) => b.submit(i)));
    expect(r.batches).toEqual([[7, 7, 7], [7, 8]]);
  });

  test('a batch the database refuses is written again item by item: only the bad one fails', async () => {
    const r = recorder({ fail: (items) => items.includes(13) });
    const b = new Batcher(r.write, { max: 10, concurrency: 1, key: (i: number) => String(i) });
    const results = await Promise.allSettled([1, 2, 13, 4].map((i) => b.submit(i)));
    expect(results.map((x) => (x.status === 'fulfilled' ? x.value : 'refused'))).toEqual([2, 4, 'refused', 8]);
  });

  test('property: every call gets its own answer; no batch repeats a key, passes max or concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 9 }),
        async (items, max, concurrency, keys) => {
          const r = recorder({ delay: 2 });
          const b = new Batcher(r.write, { max, concurrency, key: (i: number) => String(i % keys) });
          const answers = await Promise.all(items.map((i) => b.submit(i)));
          expect(answers).toEqual(items.map((i) => i * 2));
          expect(r.batches.flat().sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
          for (const batch of r.batches) {
            expect(batch.length).toBeLessThanOrEqual(max);
            expect(new Set(batch.map((i) => i % keys)).size).toBe(batch.length);
          }
          expect(r.maxInFlight()).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('onePer', () => {
  test('one value per owner, made once, on first use', () => {
    let made = 0;
    const forOwner = onePer((owner: { name: string }) => ({ owner: owner.name, n: ++made }));
    const a = { name: 'a' };
    const b = { name: 'b' };
    expect(made).toBe(0);
    expect(forOwner(a)).toBe(forOwner(a));
    expect(forOwner(b)).toEqual({ owner: 'b', n: 2 });
    expect(forOwner(a)).toEqual({ owner: 'a', n: 1 });
    expect(made).toBe(2);
  });
});
