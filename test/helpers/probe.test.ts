import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestContext } from './app.ts';
import { Client } from './client.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

test('health', async () => {
  const res = await new Client(ctx.app).get('/api/health');
  expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
});
