import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../../test/helpers/client.ts';
import { createUser, lastMailTo, linkIn, PASSWORD, uniqueEmail } from '../../../../test/helpers/factories.ts';
import { isCommonPassword } from './passwords.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const NEW_PASSWORD = 'river stones remember';

describe('password reset by emailed link', () => {
  test('reset works once, ends other sessions, and the old password stops working', async () => {
    const person = await createUser(ctx);
    const anon = new Client(ctx.app, undefined, '10.2.0.1');
    expect((await anon.post('/api/v1/auth/request-password-reset', { email: person.email })).statusCode).toBe(202);
    const mail = await lastMailTo(ctx, person.email);
    expect(mail?.template).toBe('reset_password');
    const link = linkIn(mail!.text);
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token');

    const common = await anon.post('/api/v1/auth/reset-password', { token, password: 'password123456' });
    expect(common.statusCode).toBe(422);

    expect((await anon.post('/api/v1/auth/reset-password', { token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await anon.post('/api/v1/auth/reset-password', { token, password: 'another long phrase' })).statusCode).toBe(422);
    expect((await person.client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await anon.post('/api/v1/auth/sign-in', { email: person.email, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  test('asking for a reset answers the same for unknown addresses and sends nothing', async () => {
    const anon = new Client(ctx.app, undefined, '10.2.0.2');
    const email = uniqueEmail('nobody');
    const res = await anon.post('/api/v1/auth/request-password-reset', { email });
    expect(res.statusCode).toBe(202);
    expect(await lastMailTo(ctx, email)).toBeUndefined();
  });

  test('reset requests are limited per address', async () => {
    const anon = new Client(ctx.app, undefined, '10.2.0.3');
    for (let i = 0; i < 5; i++) {
      expect((await anon.post('/api/v1/auth/request-password-reset', { email: uniqueEmail() })).statusCode).toBe(202);
    }
    const limited = await anon.post('/api/v1/auth/request-password-reset', { email: uniqueEmail() });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('changing a password', () => {
  test('needs the current password; can sign out other devices', async () => {
    const person = await createUser(ctx);
    const other = new Client(ctx.app, undefined, '10.2.1.9');
    const otherDevice = other.as(sessionCookie(await other.post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD })));
    expect((await otherDevice.get('/api/v1/me')).statusCode).toBe(200);

    const wrong = await person.client.post('/api/v1/me/password', { currentPassword: 'nope nope nope', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();

    const ok = await person.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOtherDevices: true });
    expect(ok.statusCode).toBe(204);
    expect((await person.client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await otherDevice.get('/api/v1/me')).statusCode).toBe(401);
  });

  test('needs a session', async () => {
    const res = await new Client(ctx.app).post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('sign-in failures are limited', () => {
  test('per account: after 10 failures in 15 minutes even the right password gets 429 with Retry-After', async () => {
    const person = await createUser(ctx);
    for (let i = 0; i < 10; i++) {
      // Spread over addresses, so only the per-account limit applies.
      const res = await new Client(ctx.app, undefined, `10.3.${i}.1`).post('/api/v1/auth/sign-in', { email: person.email, password: `wrong guess ${i}` });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await new Client(ctx.app, undefined, '10.3.99.1').post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  test('per address: one address guessing many accounts is stopped; others are not', async () => {
    const guesser = new Client(ctx.app, undefined, '10.4.0.1');
    for (let i = 0; i < 10; i++) {
      expect((await guesser.post('/api/v1/auth/sign-in', { email: uniqueEmail('guess'), password: 'a wrong password' })).statusCode).toBe(401);
    }
    const person = await createUser(ctx);
    expect((await guesser.post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD })).statusCode).toBe(429);
    expect((await new Client(ctx.app, undefined, '10.4.0.2').post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD })).statusCode).toBe(200);
  });

  test('unknown and known accounts are limited alike', async () => {
    const email = uniqueEmail('never-registered');
    for (let i = 0; i < 10; i++) {
      await new Client(ctx.app, undefined, `10.5.${i}.1`).post('/api/v1/auth/sign-in', { email, password: 'a wrong password' });
    }
    expect((await new Client(ctx.app, undefined, '10.5.99.1').post('/api/v1/auth/sign-in', { email, password: 'a wrong password' })).statusCode).toBe(429);
  });
});

describe('common passwords', () => {
  test.each(['password123', 'Password2024!', '1234567890', 'qwertyuiop', 'aaaaaaaaaaaa', 'iloveyou!!', 'Recovery123'])('%s is common', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });
  test.each([PASSWORD, NEW_PASSWORD, 'correct horse battery staple', 'mi perro se llama Chispa'])('%s is fine', (p) => {
    expect(isCommonPassword(p)).toBe(false);
  });
});
