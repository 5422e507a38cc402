import { Writable } from 'node:stream';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { Client } from '../../../test/helpers/client.ts';
import { createUser, PASSWORD, uniqueEmail } from '../../../test/helpers/factories.ts';
import { createLogger } from '../logging.ts';
import { localeOf } from './messages.ts';
import { user } from '../modules/accounts/tables.ts';

let ctx: TestContext;
const logLines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  ctx = await createTestApp({}, { logger: createLogger('debug', sink) });
});
afterAll(() => ctx.close());

describe('error catalog', () => {
  test('malformed JSON is 400 invalid_json', async () => {
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', '{"email": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
  });

  test('a body over 1 MB is 413', async () => {
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: 'a@example.org', password: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  test('unknown fields are refused with per-field messages (422)', async () => {
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: 'a@example.org', password: 'p', admin: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { admin: 'Unknown field' } });
  });

  test('a non-JSON body is 415', async () => {
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  test('an unknown API route is 404 in the catalog shape', async () => {
    const res = await new Client(ctx.app).get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  test('every response carries a request id', async () => {
    const res = await new Client(ctx.app).get('/api/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CSRF defence for cookie-authenticated writes', () => {
  test('a cross-site request is refused before it does anything', async () => {
    const person = await createUser(ctx, { displayName: 'Vera' });
    const evil = await person.client.request('PATCH', '/api/v1/me', { displayName: 'Hacked' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('csrf_rejected');
    const otherOrigin = await person.client.request('PATCH', '/api/v1/me', { displayName: 'Hacked' }, { origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site' });
    expect(otherOrigin.statusCode).toBe(403);
    expect((await person.client.get('/api/v1/me')).json().displayName).toBe('Vera');
  });

  test('loopback aliases of a loopback PUBLIC_URL are the same site', async () => {
    const person = await createUser(ctx, { displayName: 'Vera' });
    const res = await person.client.request('PATCH', '/api/v1/me', { displayName: 'Vera B.' }, { origin: 'http://127.0.0.1:3000' });
    expect(res.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  test('a strict Content-Security-Policy with no inline script and no third-party origin', async () => {
    const res = await new Client(ctx.app).get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  test('behind HTTPS cookies are Secure and HSTS is on', async () => {
    const https = await createTestApp({ publicUrl: 'https://kindred.example.org' });
    try {
      const email = uniqueEmail();
      await https.app.services.accounts.createVerifiedAccount({ email, displayName: 'Sol', password: PASSWORD }, []);
      const res = await new Client(https.app).request('POST', '/api/v1/auth/sign-in', { email, password: PASSWORD }, { origin: 'https://kindred.example.org' });
      expect(res.statusCode).toBe(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.includes('session_token'))!;
      expect(cookie).toMatch(/^__Secure-kindred\.session_token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await https.close();
    }
  });
});

describe('OpenAPI', () => {
  test('the document lists every route with its schemas', async () => {
    const res = await new Client(ctx.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const listed = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) listed.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const apiRoutes = ctx.app.routeList.filter((r) => r.includes(' /api/'));
    expect(apiRoutes.length).toBeGreaterThan(15);
    for (const route of apiRoutes) expect(listed, route).toContain(route);
    const signUp = doc.paths['/api/v1/auth/sign-up'].post;
    expect(signUp.requestBody.content['application/json'].schema.properties).toHaveProperty('displayName');
    expect(signUp.responses).toHaveProperty('422');
    // A header a client may send is documented too: the sender's own socket, on a send.
    const send = doc.paths['/api/v1/conversations/{id}/messages'].post;
    expect(send.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'kindred-socket', required: false }));
  });
});

describe('logs', () => {
  test('hold no email, password, display name, token or cookie', async () => {
    const email = uniqueEmail('secretive');
    const anon = new Client(ctx.app, undefined, '10.8.0.1');
    await anon.post('/api/v1/auth/sign-up', { displayName: 'Zorayda', email, password: 'zebra lantern quietly' });
    await anon.post('/api/v1/auth/sign-in', { email, password: 'zebra lantern quietly' });
    await anon.post('/api/v1/auth/request-password-reset', { email });
    await anon.get('/verify-email?token=sometokenvalue123');
    const person = await createUser(ctx, { displayName: 'Xiomara' });
    await person.client.get('/api/v1/me');
    // Secrets that travel in paths: a proof's verification code, a private calendar's token.
    await anon.get('/api/v1/attendance-proofs/SECR-ETPR-OOFC-0DE1');
    await anon.get('/verify/SECR-ETPR-OOFC-0DE2');
    await anon.get('/feeds/calendar/secretcalendartoken123.ics');
    const all = logLines.join('\n');
    expect(all).toContain('"statusCode"');
    expect(all).toContain('/api/v1/attendance-proofs/:secret');
    for (const secret of [email, 'zebra lantern', 'Zorayda', 'Xiomara', person.email, 'sometokenvalue123', 'session_token', PASSWORD, 'SECR-ETPR', 'secretcalendartoken']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('bad input never causes a 500 and never changes data', () => {
  const routes = [
    ['POST', '/api/v1/auth/sign-up'],
    ['POST', '/api/v1/auth/sign-in'],
    ['POST', '/api/v1/setup'],
    ['POST', '/api/v1/auth/verify-email'],
    ['POST', '/api/v1/auth/reset-password'],
    ['PATCH', '/api/v1/me'],
    ['POST', '/api/v1/me/password'],
    ['PUT', '/api/v1/admin/users/0190b6a0-0000-7000-8000-000000000000/roles'],
    ['POST', '/api/v1/admin/invites'],
    ['POST', '/api/v1/groups'],
    ['POST', '/api/v1/meetings'],
    ['PUT', '/api/v1/meetings/0190b6a0-0000-7000-8000-000000000000/occurrences/2026-12-01'],
    ['POST', '/api/v1/me/attendance-proofs'],
    ['POST', '/api/v1/admin/meetings/import'],
  ] as const;

  test('random JSON bodies', async () => {
    const coordinator = await createUser(ctx, { roles: ['coordinator'] });
    const before = await ctx.database.db.select({ n: count() }).from(user);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('email', 'password', 'displayName', 'token', 'roles', 'locale', 'timeZone', 'name', 'schedule', 'startTime', 'groupId', 'feed', 'url', 'from', 'to', 'status'), fc.jsonValue())),
        async ([method, url], body) => {
          const res = await coordinator.client.from('10.9.9.9').request(method, url, body);
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf('string');
        },
      ),
      { numRuns: 150 },
    );
    const after = await ctx.database.db.select({ n: count() }).from(user);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('messages in the language of the request', () => {
  test('errors and field messages follow Accept-Language', async () => {
    const anon = new Client(ctx.app, undefined, '10.8.1.1');
    const es = await anon.post('/api/v1/auth/sign-in', { email: uniqueEmail(), password: 'not this one' }, { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(es.json().error).toEqual({ code: 'unauthenticated', message: 'El correo o la contraseña no son correctos.' });
    const field = await anon.post('/api/v1/auth/sign-up', { displayName: 'Ana', email: uniqueEmail(), password: 'password12345' }, { 'accept-language': 'es' });
    expect(field.json().error.fields.password).toMatch(/^Esta contraseña es demasiado común/);
    const fr = await anon.post('/api/v1/auth/sign-in', { email: uniqueEmail(), password: 'not this one' }, { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(fr.json().error.message).toBe('The email or password is not right.');
  });

  test.each([
    [undefined, 'en'],
    ['es', 'es'],
    ['es-419', 'es'],
    ['fr;q=1, es;q=0.5, en;q=0.4', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['es;q=0, en;q=0.1', 'en'],
    ['garbage;;;', 'en'],
  ])('Accept-Language %s speaks %s', (header, locale) => {
    expect(localeOf(header)).toBe(locale);
  });
});
