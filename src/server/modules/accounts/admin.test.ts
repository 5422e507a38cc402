import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, lastMailTo, linkIn, PASSWORD, type TestUser, uniqueEmail } from '../../../../test/helpers/factories.ts';

let ctx: TestContext;
let coordinator: TestUser;
let member: TestUser;
let peer: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx, { displayName: 'Coco' });
  member = await createUser(ctx, { displayName: 'Mia' });
  peer = await createUser(ctx, { displayName: 'Pablo', roles: ['peer_supporter', 'facilitator', 'professional'] });
});
afterAll(() => ctx.close());

const adminRoutes = (id: string) =>
  [
    ['GET', '/api/v1/admin/users'],
    ['GET', `/api/v1/admin/users/${id}`],
    ['PUT', `/api/v1/admin/users/${id}/roles`, { roles: ['member', 'coordinator'] }],
    ['GET', '/api/v1/admin/audit-log'],
    ['GET', '/api/v1/admin/settings'],
    ['PATCH', '/api/v1/admin/settings', { registrationMode: 'invite' }],
    ['GET', '/api/v1/admin/invites'],
    ['POST', '/api/v1/admin/invites', { roles: ['coordinator'] }],
    ['DELETE', `/api/v1/admin/invites/${id}`],
  ] as const;

describe('who may coordinate', () => {
  test('without a session every coordinator route is 401', async () => {
    for (const [method, url, body] of adminRoutes(member.id)) {
      const res = await new Client(ctx.app).request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  test('a member, a peer supporter, a facilitator or a professional gets 404 on every coordinator route and changes nothing', async () => {
    for (const person of [member, peer]) {
      for (const [method, url, body] of adminRoutes(coordinator.id)) {
        const res = await person.client.request(method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    expect((await member.client.get('/api/v1/me')).json().roles).toEqual(['member']);
    expect((await coordinator.client.get('/api/v1/admin/settings')).json().registrationMode).toBe('open');
  });

  test("a person's email is shown only to them and to coordinators", async () => {
    const list = await coordinator.client.get(`/api/v1/admin/users?q=${encodeURIComponent('Mia')}`);
    expect(list.json().users.map((u: { email: string }) => u.email)).toContain(member.email);
    expect((await member.client.get('/api/v1/me')).json().email).toBe(member.email);
    // No route a peer can call returns another person's address.
    const res = await peer.client.get(`/api/v1/admin/users/${member.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(member.email);
  });
});

describe('roles', () => {
  test('a coordinator changes roles; the change is audited and takes effect at once', async () => {
    const person = await createUser(ctx, { displayName: 'Lucía' });
    const res = await coordinator.client.put(`/api/v1/admin/users/${person.id}/roles`, { roles: ['member', 'peer_supporter'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['member', 'peer_supporter']);
    expect((await person.client.get('/api/v1/me')).json().roles).toEqual(['member', 'peer_supporter']);

    const promote = await coordinator.client.put(`/api/v1/admin/users/${person.id}/roles`, { roles: ['member', 'coordinator'] });
    expect(promote.statusCode).toBe(200);
    expect((await person.client.get('/api/v1/admin/settings')).statusCode).toBe(200);

    const log = (await coordinator.client.get('/api/v1/admin/audit-log')).json().entries.filter((e: { subject: { id: string } | null }) => e.subject?.id === person.id);
    expect(log[0]).toMatchObject({ action: 'roles.changed', actor: { id: coordinator.id, displayName: 'Coco' }, details: { added: ['coordinator'], removed: ['peer_supporter'] } });
    expect(log[1]).toMatchObject({ action: 'roles.changed', details: { added: ['peer_supporter'], removed: [] } });
    expect(log[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('the last coordinator cannot be removed', async () => {
    const fresh = await createTestApp();
    try {
      const only = await createCoordinator(fresh);
      const res = await only.client.put(`/api/v1/admin/users/${only.id}/roles`, { roles: ['member'] });
      expect(res.statusCode).toBe(409);
      expect((await only.client.get('/api/v1/me')).json().roles).toContain('coordinator');
    } finally {
      await fresh.close();
    }
  });

  test('bad role input is refused', async () => {
    for (const body of [{ roles: ['admin'] }, { roles: ['member', 'member'] }, { roles: 'coordinator' }, {}]) {
      const res = await coordinator.client.put(`/api/v1/admin/users/${member.id}/roles`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await coordinator.client.put('/api/v1/admin/users/not-a-uuid/roles', { roles: ['member'] })).statusCode).toBe(422);
    expect((await coordinator.client.put('/api/v1/admin/users/0190b6a0-0000-7000-8000-000000000000/roles', { roles: ['member'] })).statusCode).toBe(404);
  });
});

describe('registration by invitation', () => {
  test('in invite mode only an invitation link lets someone join, once, with the roles it carries', async () => {
    const fresh = await createTestApp();
    try {
      const boss = await createCoordinator(fresh);
      const anon = new Client(fresh.app, undefined, '10.7.0.1');
      expect((await boss.client.patch('/api/v1/admin/settings', { registrationMode: 'invite' })).json()).toEqual({ registrationMode: 'invite' });
      expect((await anon.get('/api/v1/instance')).json().registrationMode).toBe('invite');

      const email = uniqueEmail('invited');
      const blocked = await anon.post('/api/v1/auth/sign-up', { displayName: 'Nora', email, password: PASSWORD });
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json().error.fields.inviteToken).toBeTruthy();

      const created = await boss.client.post('/api/v1/admin/invites', { email, roles: ['peer_supporter'], expiresInDays: 7 });
      expect(created.statusCode).toBe(201);
      const inviteMail = await lastMailTo(fresh, email);
      expect(inviteMail?.template).toBe('invite');
      const token = linkIn(inviteMail!.text).searchParams.get('invite')!;
      expect(new URL(created.json().url).searchParams.get('invite')).toBe(token);
      expect((await anon.get(`/api/v1/invites/${token}`)).json()).toEqual({ valid: true, email });

      expect((await anon.post('/api/v1/auth/sign-up', { displayName: 'Nora', email, password: PASSWORD, inviteToken: token })).statusCode).toBe(202);
      const verify = linkIn((await lastMailTo(fresh, email))!.text).searchParams.get('token');
      await anon.post('/api/v1/auth/verify-email', { token: verify });
      const signIn = await anon.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
      expect(signIn.json().roles).toEqual(['member', 'peer_supporter']);

      // Used: the link no longer works.
      expect((await anon.get(`/api/v1/invites/${token}`)).statusCode).toBe(404);
      const reuse = await anon.post('/api/v1/auth/sign-up', { displayName: 'Other', email: uniqueEmail(), password: PASSWORD, inviteToken: token });
      expect(reuse.statusCode).toBe(422);
      const list = (await boss.client.get('/api/v1/admin/invites')).json().invites;
      expect(list[0]).toMatchObject({ status: 'used', roles: ['peer_supporter'] });
      expect(JSON.stringify(list)).not.toContain(token);
    } finally {
      await fresh.close();
    }
  });

  test('a revoked invitation does not work, and revoking twice is 404', async () => {
    const created = (await coordinator.client.post('/api/v1/admin/invites', {})).json();
    const token = new URL(created.url).searchParams.get('invite');
    expect((await coordinator.client.delete(`/api/v1/admin/invites/${created.id}`)).statusCode).toBe(204);
    expect((await new Client(ctx.app).get(`/api/v1/invites/${token}`)).statusCode).toBe(404);
    expect((await coordinator.client.delete(`/api/v1/admin/invites/${created.id}`)).statusCode).toBe(404);
  });

  test('invitation input is checked', async () => {
    for (const body of [{ expiresInDays: 0 }, { expiresInDays: 365 }, { email: 'nope' }, { roles: ['owner'] }]) {
      expect((await coordinator.client.post('/api/v1/admin/invites', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
  });
});

describe('profile', () => {
  test('a person changes display name, language and time zone; bad values change nothing', async () => {
    const person = await createUser(ctx, { displayName: 'Tomás' });
    const ok = await person.client.patch('/api/v1/me', { displayName: 'Tomás R.', locale: 'es', timeZone: 'America/Puerto_Rico' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'Tomás R.', locale: 'es', timeZone: 'America/Puerto_Rico' });
    for (const body of [{}, { locale: 'fr' }, { timeZone: 'Nowhere/Land' }, { displayName: '<b>bold</b>' }, { email: 'new@example.org' }]) {
      expect((await person.client.patch('/api/v1/me', body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await person.client.get('/api/v1/me')).json()).toMatchObject({ displayName: 'Tomás R.', locale: 'es', email: person.email });
  });

  test('a session cookie with a forged signature is no session', async () => {
    const [name, value] = member.cookie.split('=') as [string, string];
    const token = decodeURIComponent(value).split('.')[0];
    const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32).toString('base64')}`)}`;
    expect((await new Client(ctx.app).as(forged).get('/api/v1/me')).statusCode).toBe(401);
    expect((await new Client(ctx.app).as(`${name}=garbage%`).get('/api/v1/me')).statusCode).toBe(401);
  });
});
