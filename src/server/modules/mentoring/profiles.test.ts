import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser } from '../../../../test/helpers/factories.ts';
import { createMentor, mentorProfileBody } from '../../../../test/helpers/mentoring-factories.ts';
import { auditFor } from '../../../../test/helpers/safety-factories.ts';
import { mentorProfile } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const MISSING = '0190b6a0-0000-7000-8000-000000000000';
const profileRow = async (userId: string) => (await ctx.database.db.select().from(mentorProfile).where(eq(mentorProfile.userId, userId)))[0];

describe('my mentor profile', () => {
  test('a peer supporter saves, reads and changes it', async () => {
    const person = await createUser(ctx, { roles: ['peer_supporter'], displayName: 'Rosa' });
    expect((await person.client.get('/api/v1/mentoring/profile')).statusCode).toBe(404);

    const body = mentorProfileBody({ languages: ['es', 'en'], gender: 'woman', genderDescription: 'Woman', ageBand: '35_44' });
    const saved = await person.client.put('/api/v1/mentoring/profile', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      userId: person.id,
      displayName: 'Rosa',
      languages: ['es', 'en'],
      gender: 'woman',
      genderDescription: 'Woman',
      ageBand: '35_44',
      capacity: 3,
      capacityCap: null,
      activeMentees: 0,
      accepting: true,
      certified: false,
      available: true,
    });
    expect((await person.client.get('/api/v1/mentoring/profile')).json()).toEqual(saved.json() as object);

    const changed = await person.client.put('/api/v1/mentoring/profile', { ...body, accepting: false, capacity: 5, genderDescription: null });
    expect(changed.json()).toMatchObject({ accepting: false, capacity: 5, available: false, genderDescription: null });
  });

  test('someone who is not a peer supporter has no profile route (404) and stores nothing', async () => {
    const member = await createUser(ctx);
    const coordinator = await createCoordinator(ctx);
    for (const who of [member, coordinator]) {
      expect((await who.client.get('/api/v1/mentoring/profile')).statusCode).toBe(404);
      expect((await who.client.put('/api/v1/mentoring/profile', mentorProfileBody())).statusCode).toBe(404);
      expect(await profileRow(who.id)).toBeUndefined();
    }
    const anonymous = new Client(ctx.app);
    expect((await anonymous.get('/api/v1/mentoring/profile')).statusCode).toBe(401);
    expect((await anonymous.put('/api/v1/mentoring/profile', mentorProfileBody())).statusCode).toBe(401);
  });

  test.each([
    { pathways: [] },
    { pathways: ['smart_recovery', 'smart_recovery'] },
    { pathways: ['astrology'] },
    { languages: [] },
    { languages: ['English'] },
    { gender: 'other' },
    { ageBand: '12_17' },
    { timeZone: 'Mars/Olympus' },
    { availability: [{ day: 7, start: '10:00', end: '11:00' }] },
    { availability: [{ day: 1, start: '11:00', end: '10:00' }] },
    { availability: [{ day: 1, start: '25:00', end: '26:00' }] },
    { availability: Array.from({ length: 22 }, () => ({ day: 1, start: '10:00', end: '11:00' })) },
    { contactModes: [] },
    { contactModes: ['carrier_pigeon'] },
    { capacity: 0 },
    { capacity: 21 },
    { capacity: 2.5 },
    { accepting: 'yes' },
    { summary: 'x'.repeat(1001) },
    { certified: true },
    { capacityCap: 10 },
  ])('bad profile %j is 422 and changes nothing', async (patch) => {
    const mentor = await createMentor(ctx);
    const before = await profileRow(mentor.id);
    const res = await mentor.client.put('/api/v1/mentoring/profile', { ...mentorProfileBody(), ...patch });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('validation_failed');
    expect(await profileRow(mentor.id)).toEqual(before);
  });
});

describe("coordinators' part", () => {
  test('coordinators list every profile with the admin fields; others get 404', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx, { displayName: 'Listed' });
    const list = await coordinator.client.get('/api/v1/mentoring/mentors');
    expect(list.statusCode).toBe(200);
    expect(list.json().mentors.find((m: { userId: string }) => m.userId === mentor.id)).toMatchObject({ displayName: 'Listed', certified: false, capacityCap: null });

    const member = await createUser(ctx);
    for (const who of [member, mentor.user]) {
      expect((await who.client.get('/api/v1/mentoring/mentors')).statusCode).toBe(404);
      expect((await who.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, { certified: true })).statusCode).toBe(404);
    }
    expect((await profileRow(mentor.id))!.certified).toBe(false);
  });

  test('certify and cap: the effective capacity is the smaller, and each change is audited', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx, { profile: { capacity: 4 } });

    const certified = await coordinator.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, { certified: true, capacityCap: 2 });
    expect(certified.statusCode).toBe(200);
    expect(certified.json()).toMatchObject({ certified: true, capacity: 4, capacityCap: 2, available: true });
    const row = (await profileRow(mentor.id))!;
    expect(row.certifiedBy).toBe(coordinator.id);
    expect(row.certifiedAt).not.toBeNull();

    // A cap of 0 closes the profile to requests whatever the mentor chose.
    expect((await coordinator.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, { capacityCap: 0 })).json()).toMatchObject({ capacityCap: 0, available: false });
    // The mentor sees the cap but cannot change it.
    expect((await mentor.client.get('/api/v1/mentoring/profile')).json()).toMatchObject({ capacityCap: 0, certified: true, available: false });

    const audit = (await auditFor(ctx, mentor.id)).filter((e) => e.action === 'mentoring.mentor_changed');
    expect(audit).toHaveLength(2);
    expect(audit.map((e) => e.details)).toContainEqual({ certified: { from: false, to: true }, capacityCap: { from: null, to: 2 }, effectiveCapacity: 2 });
    expect(audit.every((e) => e.actorId === coordinator.id)).toBe(true);

    // Saying again what is already so changes and records nothing.
    await coordinator.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, { certified: true });
    expect((await auditFor(ctx, mentor.id)).filter((e) => e.action === 'mentoring.mentor_changed')).toHaveLength(2);
  });

  test('uncertified mentors are not available when the program requires certification', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx);
    expect((await mentor.client.get('/api/v1/mentoring/profile')).json().available).toBe(true);
    await coordinator.client.patch('/api/v1/mentoring/settings', { requireCertification: true });
    try {
      expect((await mentor.client.get('/api/v1/mentoring/profile')).json().available).toBe(false);
      await coordinator.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, { certified: true });
      expect((await mentor.client.get('/api/v1/mentoring/profile')).json().available).toBe(true);
    } finally {
      await coordinator.client.patch('/api/v1/mentoring/settings', { requireCertification: false });
    }
  });

  test('bad admin changes are 422 (or 404 for no profile) and change nothing', async () => {
    const coordinator = await createCoordinator(ctx);
    const mentor = await createMentor(ctx);
    const before = await profileRow(mentor.id);
    for (const body of [{}, { certified: 'yes' }, { capacityCap: -1 }, { capacityCap: 21 }, { capacity: 5 }, { accepting: false }]) {
      expect((await coordinator.client.patch(`/api/v1/mentoring/mentors/${mentor.id}`, body)).statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await coordinator.client.patch('/api/v1/mentoring/mentors/not-a-uuid', { certified: true })).statusCode).toBe(422);
    expect((await coordinator.client.patch(`/api/v1/mentoring/mentors/${MISSING}`, { certified: true })).statusCode).toBe(404);
    // A person without a mentor profile is 404 too.
    expect((await coordinator.client.patch(`/api/v1/mentoring/mentors/${coordinator.id}`, { certified: true })).statusCode).toBe(404);
    expect(await profileRow(mentor.id)).toEqual(before);
  });
});
