import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSecondInstance, createTestApp, type TestContext, until } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import type { KindredApp } from '../../app.ts';
import { addDays, todayIn } from './dates.ts';
import { checkIn } from './tables.ts';

// Two instances on one database: the check-in list is cached per person and must follow every change.
let a: TestContext;
let second: Awaited<ReturnType<typeof createSecondInstance>>;
let b: KindredApp;
beforeAll(async () => {
  a = await createTestApp();
  second = await createSecondInstance(a);
  b = second.app;
});
afterAll(async () => {
  await second?.close();
  await a?.close();
});

const calm = { mood: 4, craving: 2, used: 'no' };

test('a check-in saved on one instance shows in the list on the other within moments, and at once on its own', async () => {
  const person = await createUser(a);
  const today = todayIn('UTC');
  const onB = new Client(b, person.cookie);
  expect((await onB.get('/api/v1/me/check-ins')).json().checkIns).toEqual([]);
  expect((await onB.get('/api/v1/me/check-ins')).json().checkIns).toEqual([]); // now cached on B

  expect((await person.client.put(`/api/v1/me/check-ins/${today}`, calm)).statusCode).toBe(200);
  // The writing instance answers only after its own invalidation arrived (the write barrier).
  expect((await person.client.get('/api/v1/me/check-ins')).json().checkIns).toHaveLength(1);
  expect(await until(async () => (await onB.get('/api/v1/me/check-ins')).json().checkIns.length === 1)).toBe(true);

  // An edit changes the cached list too.
  await onB.put(`/api/v1/me/check-ins/${today}`, { ...calm, mood: 2 });
  expect((await onB.get('/api/v1/me/check-ins')).json().checkIns[0].mood).toBe(2);
  expect(await until(async () => (await person.client.get('/api/v1/me/check-ins')).json().checkIns[0].mood === 2)).toBe(true);
});

test('rows written straight into the database (a bulk load) are seen too', async () => {
  const person = await createUser(a);
  const today = todayIn('UTC');
  const onB = new Client(b, person.cookie);
  expect((await onB.get('/api/v1/me/check-ins')).json().checkIns).toEqual([]);
  await a.database.db.insert(checkIn).values([1, 2, 3].map((n) => ({ userId: person.id, localDate: addDays(today, -n), ...calm })));
  expect(await until(async () => (await onB.get('/api/v1/me/check-ins')).json().checkIns.length === 3)).toBe(true);
});
