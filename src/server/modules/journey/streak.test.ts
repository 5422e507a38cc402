import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { checkInsRepo, streakOn } from './check-ins-repo.ts';
import { addDays, todayIn } from './dates.ts';
import { checkIn } from './tables.ts';

let ctx: TestContext;
let person: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  person = await createUser(ctx);
});
afterAll(() => ctx.close());

/** The reference: runs of consecutive days, walked in plain code. */
function reference(offsets: number[]) {
  const days = [...new Set(offsets)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let lastRun = { end: -Infinity, length: 0 };
  days.forEach((d, i) => {
    run = i > 0 && d === days[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    lastRun = { end: d, length: run };
  });
  return { current: lastRun.end >= -1 ? lastRun.length : 0, longest };
}

test('the stored streak matches consecutive days counted by hand, for any pattern of check-ins', async () => {
  const today = todayIn('UTC');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: -60, max: 1 }), { maxLength: 40 }), async (offsets) => {
      await ctx.database.db.delete(checkIn).where(eq(checkIn.userId, person.id));
      const dates = [...new Set(offsets)].map((o) => addDays(today, o));
      if (dates.length) {
        await ctx.database.db.insert(checkIn).values(dates.map((localDate) => ({ userId: person.id, localDate, mood: 3, craving: 3, used: 'no' })));
      }
      const stored = streakOn(await checkInsRepo.recomputeStreak(ctx.database.db, person.id), today);
      expect(stored).toEqual(reference(offsets));
    }),
    { numRuns: 40 },
  );
});

test('filling in yesterday joins two runs into one', async () => {
  const fresh = await createUser(ctx);
  const today = todayIn('UTC');
  const calm = { mood: 3, craving: 2, used: 'no' };
  await ctx.database.db.insert(checkIn).values([-4, -3, -2].map((o) => ({ userId: fresh.id, localDate: addDays(today, o), ...calm })));
  expect((await fresh.client.put(`/api/v1/me/check-ins/${today}`, calm)).json().streak).toEqual({ current: 1, longest: 3 });
  expect((await fresh.client.put(`/api/v1/me/check-ins/${addDays(today, -1)}`, calm)).json().streak).toEqual({ current: 5, longest: 5 });
  expect((await fresh.client.get('/api/v1/me/check-ins')).json().streak).toEqual({ current: 5, longest: 5 });
});
