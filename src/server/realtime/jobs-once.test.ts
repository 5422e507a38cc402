import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSecondInstance, createTestApp, type TestContext, until } from '../../../test/helpers/app.ts';
import type { Jobs } from '../jobs/queue.ts';

/**
 * Background jobs run exactly once however many instances run (pg-boss claims each job with SKIP LOCKED, and a
 * schedule is sent once per minute across instances). Two instances with their own queues on one database.
 */
let one: TestContext;
let two: Awaited<ReturnType<typeof createSecondInstance>>;
let queues: Jobs[];

beforeAll(async () => {
  one = await createTestApp({}, { withJobs: true });
  two = await createSecondInstance(one, { withJobs: true });
  queues = [one.jobs!, two.jobs!];
});

afterAll(async () => {
  await two?.close();
  await one?.close();
});

test('N jobs sent through both instances: N handler runs in all, each job once', { timeout: 60_000 }, async () => {
  const runs: Array<{ instance: number; n: number }> = [];
  for (const [instance, jobs] of queues.entries()) await jobs.work<{ n: number }>('test.count', async ({ n }) => void runs.push({ instance, n }));
  // Each worker takes one job per 2 s poll: a dozen keeps this short.
  const total = 12;
  for (let n = 0; n < total; n++) await queues[n % 2]!.send('test.count', { n });
  expect(await until(async () => runs.length >= total, 40_000)).toBe(true);
  // Long enough for a second claim of any job to show up.
  await new Promise((r) => setTimeout(r, 3000));
  expect(runs).toHaveLength(total);
  expect(new Set(runs.map((r) => r.n)).size).toBe(total);
});

test('a schedule on both instances fires once per minute', { timeout: 120_000 }, async () => {
  const runs: number[] = [];
  for (const jobs of queues) {
    await jobs.work('test.every-minute', async () => void runs.push(Date.now()));
    await jobs.schedule('test.every-minute', '* * * * *');
  }
  // pg-boss looks at schedules every 30 s from one instance at a time, and sends a schedule at most once a minute.
  expect(await until(async () => runs.length >= 1, 75_000)).toBe(true);
  // Either instance looks again within 35 s. A schedule sent twice would run twice within moments; looks are 30 s
  // apart, so a second run (the next minute) comes at least 20 s after the first.
  await new Promise((r) => setTimeout(r, 35_000));
  for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThan(20_000);
  // Every job the schedule created ran once (a job created just now gets a moment to run).
  const created = async () =>
    (await one.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'test.every-minute'`)).rows[0]!.n;
  expect(await until(async () => runs.length === (await created()), 10_000)).toBe(true);
  expect(runs.length).toBeLessThanOrEqual(2);
});
