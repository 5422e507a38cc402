import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../../test/helpers/client.ts';
import { createUser, lastMailTo, linkIn, PASSWORD, uniqueEmail } from '../../../../test/helpers/factories.ts';
import { devOutbox } from '../../mail/tables.ts';
import { user } from './tables.ts';

let ctx: TestContext;
let anon: Client;
beforeAll(async () => {
  ctx = await createTestApp();
  anon = new Client(ctx.app, undefined, '10.1.0.1');
});
afterAll(() => ctx.close());

async function signUpAndVerify(email: string, displayName = 'Rosa') {
  const res = await anon.post('/api/v1/auth/sign-up', { displayName, email, password: PASSWORD, locale: 'es', timeZone: 'America/Chicago' });
  expect(res.statusCode).toBe(202);
  const mail = await lastMailTo(ctx, email);
  expect(mail?.template).toBe('verify_email');
  return linkIn(mail!.text);
}

describe('a newcomer signs up', () => {
  test('sign-up, email verification, sign-in, /me, sign-out', async () => {
    const email = uniqueEmail('newcomer');
    const link = await signUpAndVerify(email);
    expect(link.pathname).toBe('/verify-email');
    // The mail is in the person's language.
    expect((await lastMailTo(ctx, email))!.subject).toMatch(/Confirma tu correo/);

    const early = await anon.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('email_not_verified');

    const verified = await anon.post('/api/v1/auth/verify-email', { token: link.searchParams.get('token') });
    expect(verified.statusCode).toBe(200);

    const signIn = await anon.post('/api/v1/auth/sign-in', { email: email.toUpperCase(), password: PASSWORD });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ email, displayName: 'Rosa', roles: ['member'], locale: 'es', timeZone: 'America/Chicago', emailVerified: true });
    const setCookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.includes('session_token'))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/); // plain http in tests; Secure comes with an https PUBLIC_URL

    const me = anon.as(sessionCookie(signIn));
    expect((await me.get('/api/v1/me')).json().email).toBe(email);

    const out = await me.post('/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect((await me.get('/api/v1/me')).statusCode).toBe(401);
  });

  test('a verification link works once and a forged one is refused', async () => {
    const email = uniqueEmail();
    const link = await signUpAndVerify(email);
    const forged = await anon.post('/api/v1/auth/verify-email', { token: `${link.searchParams.get('token')}x` });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error.fields.token).toBeTruthy();
  });

  test('signing up with a taken address answers the same and tells the owner by mail', async () => {
    const owner = await createUser(ctx, { displayName: 'Owner' });
    const before = await ctx.database.db.select({ n: count() }).from(user);
    const res = await anon.post('/api/v1/auth/sign-up', { displayName: 'Someone', email: owner.email, password: PASSWORD });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    expect((await lastMailTo(ctx, owner.email))?.template).toBe('account_exists');
    const after = await ctx.database.db.select({ n: count() }).from(user);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  test('repeated sign-ups with a taken address mail the owner a few times at most', async () => {
    const owner = await createUser(ctx, { displayName: 'Flooded' });
    for (let i = 0; i < 6; i++) {
      const res = await anon.from(`10.1.4.${i}`).post('/api/v1/auth/sign-up', { displayName: 'Someone', email: owner.email, password: PASSWORD });
      expect(res.statusCode).toBe(202);
    }
    const mails = await ctx.database.db.select().from(devOutbox).where(eq(devOutbox.to, owner.email));
    expect(mails).toHaveLength(3);
  });

  test('resending a verification link gives the same answer for known and unknown addresses', async () => {
    const email = uniqueEmail();
    await signUpAndVerify(email);
    const known = await anon.from('10.1.0.2').post('/api/v1/auth/resend-verification', { email });
    const unknown = await anon.from('10.1.0.2').post('/api/v1/auth/resend-verification', { email: uniqueEmail('nobody') });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
  });

  test('signing in unverified resends the link, but only a few times an hour', async () => {
    const email = uniqueEmail('unverified');
    await signUpAndVerify(email);
    const client = anon.from('10.1.3.1');
    const newest = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
      expect(res.statusCode).toBe(403);
      newest.add((await lastMailTo(ctx, email))!.id);
    }
    // The sign-up mail plus at most three resent links.
    const mails = await ctx.database.db.select().from(devOutbox).where(eq(devOutbox.to, email));
    expect(mails).toHaveLength(4);
    // The first three attempts each brought a new link; the last two did not.
    expect(newest.size).toBe(3);
  });

  test('wrong password and unknown email get the same answer', async () => {
    const person = await createUser(ctx);
    const wrong = await anon.from('10.1.0.3').post('/api/v1/auth/sign-in', { email: person.email, password: 'not the password at all' });
    const unknown = await anon.from('10.1.0.3').post('/api/v1/auth/sign-in', { email: uniqueEmail('ghost'), password: 'not the password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });
});

describe('sign-up input', () => {
  test.each([
    [{ displayName: 'Ana', email: 'not-an-email', password: PASSWORD }, 'email'],
    [{ displayName: 'Ana', email: 'ana@example.org', password: 'short' }, 'password'],
    [{ displayName: 'Ana', email: 'ana@example.org', password: 'password1234' }, 'password'],
    [{ displayName: 'Ana', email: 'ana@example.org', password: 'Qwertyuiop!' }, 'password'],
    [{ displayName: '<script>alert(1)</script>', email: 'ana@example.org', password: PASSWORD }, 'displayName'],
    [{ displayName: '', email: 'ana@example.org', password: PASSWORD }, 'displayName'],
    [{ displayName: 'x'.repeat(41), email: 'ana@example.org', password: PASSWORD }, 'displayName'],
    [{ displayName: 'Ana', email: 'ana@example.org', password: PASSWORD, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ displayName: 'Ana', email: 'ana@example.org', password: PASSWORD, role: 'coordinator' }, 'role'],
  ])('%j is refused on %s and stores nothing', async (body, field) => {
    const mailsBefore = await ctx.database.db.select({ n: count() }).from(devOutbox);
    const res = await anon.from('10.1.1.1').post('/api/v1/auth/sign-up', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(Object.keys(res.json().error.fields)).toContain(field);
    const rows = await ctx.database.db.select().from(user).where(eq(user.email, 'ana@example.org'));
    expect(rows).toHaveLength(0);
    const mailsAfter = await ctx.database.db.select({ n: count() }).from(devOutbox);
    expect(mailsAfter[0]!.n).toBe(mailsBefore[0]!.n);
  });

  test('sign-ups are limited per address', async () => {
    const client = anon.from('10.1.2.1');
    for (let i = 0; i < 10; i++) {
      expect((await client.post('/api/v1/auth/sign-up', { displayName: 'Flood', email: uniqueEmail('flood'), password: PASSWORD })).statusCode).toBe(202);
    }
    const limited = await client.post('/api/v1/auth/sign-up', { displayName: 'Flood', email: uniqueEmail('flood'), password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await anon.from('10.1.2.2').post('/api/v1/auth/sign-up', { displayName: 'Calm', email: uniqueEmail(), password: PASSWORD })).statusCode).toBe(202);
  });
});
