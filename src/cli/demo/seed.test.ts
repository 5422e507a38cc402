import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES } from '../../contracts/common.ts';
import { invite, user, userRole } from '../../server/modules/accounts/tables.ts';
import { auditLog } from '../../server/modules/audit/tables.ts';
import { settingsRepo } from '../../server/modules/instance/repo.ts';
import { createTestApp, type TestContext } from '../../../test/helpers/app.ts';
import { Client, sessionCookie } from '../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../test/helpers/factories.ts';
import { DEMO_EMAIL_DOMAIN, planPeople } from './people.ts';
import { SeededRandom } from './random.ts';
import { DEMO_SEEDED, DemoAlreadySeededError, type DemoSummary, seedDemo } from './seed.ts';

let ctx: TestContext;
let summary: DemoSummary;
let realCoordinatorEmail: string;

beforeAll(async () => {
  ctx = await createTestApp();
  // An instance that already has a real person: the demo only adds.
  realCoordinatorEmail = (await createCoordinator(ctx, { displayName: 'Real Coordinator' })).email;
  summary = await seedDemo(ctx.app, { people: 72 });
});
afterAll(() => ctx.close());

const demoPeople = async () => {
  const rows = await ctx.database.db.select({ id: user.id, name: user.name, email: user.email, locale: user.locale }).from(user);
  return rows.filter((r) => r.email !== realCoordinatorEmail);
};

const tally = async () => {
  const db = ctx.database.db;
  const [[users], [roles], [invites], [audit]] = await Promise.all([
    db.select({ n: count() }).from(user),
    db.select({ n: count() }).from(userRole),
    db.select({ n: count() }).from(invite),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { users: users!.n, roles: roles!.n, invites: invites!.n, audit: audit!.n };
};

describe('kindred demo', () => {
  test('adds at least 60 people, next to the people already there', async () => {
    expect(summary.people).toBe(72);
    expect(await demoPeople()).toHaveLength(72);
    expect((await tally()).users).toBe(73);
    // Sign-up dates spread over the past two years.
    const joined = (await ctx.database.db.select({ at: user.createdAt }).from(user)).map((r) => r.at.getTime());
    expect(Date.now() - Math.min(...joined)).toBeGreaterThan(365 * 24 * 60 * 60 * 1000);
  });

  test('every role is held, in the proportions of a recovery community', async () => {
    const rows = await ctx.database.db.select({ role: userRole.role, n: count() }).from(userRole).groupBy(userRole.role);
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r.n]));
    for (const role of ROLES) expect(byRole[role], role).toBeGreaterThan(0);
    expect(summary.roles.member).toBeGreaterThan(summary.people * 0.8);
    expect(summary.roles.peer_supporter / summary.people).toBeGreaterThanOrEqual(0.1);
    expect(summary.roles.peer_supporter / summary.people).toBeLessThanOrEqual(0.15);
    expect(summary.roles.coordinator).toBe(2);
  });

  test('people speak English and Spanish', async () => {
    const locales = new Set((await demoPeople()).map((p) => p.locale));
    expect(locales).toEqual(new Set(['en', 'es']));
  });

  test('display names are a first name or nickname, at most with an initial', async () => {
    for (const p of await demoPeople()) expect(p.name).toMatch(/^[^\s]+( \p{Lu}\.)?$/u);
  });

  test('every demo address is on the reserved domain', async () => {
    for (const p of await demoPeople()) expect(p.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`), p.email).toBe(true);
    for (const s of summary.samples) expect(s.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
  });

  test('role grants are audited as the first demo coordinator', async () => {
    const coordinator = summary.samples.find((s) => s.role === 'coordinator')!;
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'roles.changed'));
    expect(entries.length).toBeGreaterThan(0);
    const [actor] = await ctx.database.db.select({ id: user.id }).from(user).where(eq(user.email, coordinator.email));
    for (const e of entries) {
      expect(e.actorId).toBe(actor!.id);
      expect(e.details).toMatchObject({ removed: [], via: 'demo' });
    }
  });

  test('leaves pending invitations without an address', async () => {
    const rows = await ctx.database.db.select().from(invite);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.email).toBeNull();
    expect(summary.created['pending invitations']).toBe(rows.length);
  });

  test('a second run refuses and changes nothing', async () => {
    const before = await tally();
    await expect(seedDemo(ctx.app, { people: 72 })).rejects.toBeInstanceOf(DemoAlreadySeededError);
    expect(await tally()).toEqual(before);
  });

  test('a demo account signs in with the printed password', async () => {
    const sample = summary.samples.find((s) => s.role === 'peer_supporter')!;
    const res = await new Client(ctx.app).post('/api/v1/auth/sign-in', { email: sample.email, password: summary.password });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toBeDefined();
    expect(res.json()).toMatchObject({ displayName: sample.displayName, roles: expect.arrayContaining(['peer_supporter']) });
  });

  test('a run that fails half-way takes back what it made', async () => {
    const other = await createTestApp();
    try {
      // The eleventh planned address is taken, so creating that account fails after ten others exist.
      const taken = planPeople(20, new SeededRandom(5))[10]!;
      await createUser(other, { displayName: 'Earlier', email: taken.email });
      const db = other.database.db;
      const before = await Promise.all([db.select({ n: count() }).from(user), db.select({ n: count() }).from(auditLog), db.select({ n: count() }).from(invite)]);
      await expect(seedDemo(other.app, { people: 20, seed: 5 })).rejects.toMatchObject({ code: 'conflict' });
      const after = await Promise.all([db.select({ n: count() }).from(user), db.select({ n: count() }).from(auditLog), db.select({ n: count() }).from(invite)]);
      expect(after).toEqual(before);
      expect(await settingsRepo.get(db, DEMO_SEEDED)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  test('the same seed plans the same people', () => {
    expect(planPeople(72, new SeededRandom(7))).toEqual(planPeople(72, new SeededRandom(7)));
    expect(planPeople(72, new SeededRandom(7))).not.toEqual(planPeople(72, new SeededRandom(8)));
  });
});
