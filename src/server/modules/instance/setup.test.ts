import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../../test/helpers/client.ts';
import { PASSWORD } from '../../../../test/helpers/factories.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const first = { displayName: 'Dolores', email: 'dolores@example.org', password: PASSWORD, locale: 'es' as const };

describe('first run', () => {
  test('health answers while the database does', async () => {
    const res = await new Client(ctx.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('setup creates the first coordinator, signs them in, and then is gone', async () => {
    const anon = new Client(ctx.app, undefined, '10.6.0.1');
    expect((await anon.get('/api/v1/instance')).json()).toMatchObject({ setupRequired: true, registrationMode: 'open', locales: ['en', 'es'] });

    const bad = await anon.post('/api/v1/setup', { ...first, password: 'password12345' });
    expect(bad.statusCode).toBe(422);

    const res = await anon.post('/api/v1/setup', first);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ displayName: 'Dolores', roles: ['member', 'coordinator'], emailVerified: true, locale: 'es' });
    const me = await anon.as(sessionCookie(res)).get('/api/v1/me');
    expect(me.json().roles).toContain('coordinator');

    expect((await anon.get('/api/v1/instance')).json().setupRequired).toBe(false);
    const again = await anon.post('/api/v1/setup', { ...first, email: 'intruder@example.org' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');

    const audit = await anon.as(sessionCookie(res)).get('/api/v1/admin/audit-log');
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toContain('setup.completed');
  });

  test('concurrent setups create exactly one coordinator', async () => {
    const fresh = await createTestApp();
    try {
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((k, i) =>
          new Client(fresh.app, undefined, `10.6.1.${i}`).post('/api/v1/setup', { ...first, email: `race-${k}@example.org` }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404, 404, 404]);
      expect(await fresh.app.services.accounts.setupRequired()).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
