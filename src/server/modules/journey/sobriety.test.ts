import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createMentorship, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { domainEvent } from '../../events/tables.ts';
import { addDays, todayIn } from './dates.ts';

let ctx: TestContext;
let member: TestUser;
let other: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  member = await createUser(ctx, { displayName: 'Marta' });
  other = await createUser(ctx, { displayName: 'Otro' });
  // Far east of UTC: the member's today is often not the server's.
  await member.client.patch('/api/v1/me', { timeZone: 'Pacific/Kiritimati' });
});
afterAll(() => ctx.close());

const today = () => todayIn('Pacific/Kiritimati');

describe('recovery dates', () => {
  test('counts days in the member\'s calendar, with milestones reached and next', async () => {
    const startedOn = addDays(today(), -95);
    const res = await member.client.post('/api/v1/me/sobriety/tracks', { label: 'alcohol', startedOn });
    expect(res.statusCode).toBe(201);
    const track = res.json().tracks.find((t: { label: string }) => t.label === 'alcohol');
    expect(res.json().today).toBe(today());
    expect(track.days).toBe(95);
    expect(track.reached.map((m: { key: string }) => m.key)).toEqual(['1d', '7d', '30d', '60d', '90d']);
    expect(track.next).toMatchObject({ key: '6m' });
    expect(track.next.inDays).toBeGreaterThan(0);
    expect(track.span.years).toBe(0);
  });

  test('a date in the future is refused and nothing is stored', async () => {
    const before = (await member.client.get('/api/v1/me/sobriety')).json().tracks.length;
    const res = await member.client.post('/api/v1/me/sobriety/tracks', { label: 'later', startedOn: addDays(today(), 1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.startedOn).toBeTruthy();
    expect((await member.client.get('/api/v1/me/sobriety')).json().tracks).toHaveLength(before);
    for (const startedOn of ['2026-02-30', 'yesterday', '']) {
      expect((await member.client.post('/api/v1/me/sobriety/tracks', { label: 'x', startedOn })).statusCode).toBe(422);
    }
  });

  test('a setback keeps the history, the longest streak and the total; the note stays private to the member', async () => {
    const created = await member.client.post('/api/v1/me/sobriety/tracks', { label: 'opioids', startedOn: addDays(today(), -40) });
    const trackId = created.json().tracks.find((t: { label: string }) => t.label === 'opioids').id;
    const setback = addDays(today(), -10);
    const res = await member.client.post('/api/v1/me/sobriety/reset', { trackId, startedOn: setback, note: 'A hard weekend. I called my sponsor after.' });
    expect(res.statusCode).toBe(200);
    const track = res.json().tracks.find((t: { id: string }) => t.id === trackId);
    expect(track.days).toBe(10);
    expect(track.longestStreakDays).toBe(30);
    expect(track.totalDays).toBe(40);
    expect(track.periods).toEqual([
      { startedOn: addDays(today(), -40), endedOn: setback, days: 30, setbackNote: 'A hard weekend. I called my sponsor after.' },
      { startedOn: setback, endedOn: null, days: 10, setbackNote: null },
    ]);
    // A new start cannot be in the future or before the current period began.
    expect((await member.client.post('/api/v1/me/sobriety/reset', { trackId, startedOn: addDays(today(), 1) })).statusCode).toBe(422);
    expect((await member.client.post('/api/v1/me/sobriety/reset', { trackId, startedOn: addDays(today(), -11) })).statusCode).toBe(422);
    const events = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.type, 'journey.setback_recorded'));
    expect(events.some((e) => e.userId === member.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('hard weekend');
  });

  test('reaching milestones emits one event each, once', async () => {
    const fresh = await createUser(ctx);
    await fresh.client.post('/api/v1/me/sobriety/tracks', { label: 'cannabis', startedOn: addDays(todayIn('UTC'), -8), announceMilestones: true });
    await fresh.client.get('/api/v1/me/sobriety');
    await fresh.client.get('/api/v1/me/sobriety');
    const events = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.userId, fresh.id));
    const milestones = events.filter((e) => e.type === 'journey.milestone_reached').map((e) => (e.payload as { milestone: string; announce: boolean }));
    expect(milestones.map((m) => m.milestone).sort()).toEqual(['1d', '7d']);
    expect(milestones.every((m) => m.announce)).toBe(true);
  });

  test("another member cannot touch someone's recovery dates", async () => {
    const mine = (await member.client.get('/api/v1/me/sobriety')).json().tracks[0];
    expect((await other.client.patch(`/api/v1/me/sobriety/tracks/${mine.id}`, { label: 'hijacked' })).statusCode).toBe(404);
    expect((await other.client.post('/api/v1/me/sobriety/reset', { trackId: mine.id })).statusCode).toBe(404);
    expect((await other.client.delete(`/api/v1/me/sobriety/tracks/${mine.id}`)).statusCode).toBe(404);
    expect((await other.client.get('/api/v1/me/sobriety')).json().tracks).toEqual([]);
    expect((await member.client.get('/api/v1/me/sobriety')).json().tracks[0].label).toBe(mine.label);
  });

  test("a mentor's look at shared dates records nothing on the member's behalf", async () => {
    const mentee = await createUser(ctx);
    const mentor = await createUser(ctx, { roles: ['peer_supporter'] });
    await createMentorship(ctx, mentor.id, mentee.id);
    // Created straight in the database, so no read by the member has recorded its milestones yet.
    const { sobrietyRepo } = await import('./sobriety-repo.ts');
    await sobrietyRepo.createTrack(ctx.database.db, { userId: mentee.id, label: 'alcohol', startedOn: addDays(todayIn('UTC'), -40), announce: false });
    expect((await mentee.client.put('/api/v1/me/sharing/sobriety', { mentor: true })).statusCode).toBe(200);
    const view = await mentor.client.get(`/api/v1/mentees/${mentee.id}/journey`);
    expect(view.json().sobriety.tracks[0].days).toBe(40);
    const events = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.userId, mentee.id));
    expect(events.filter((e) => e.type === 'journey.milestone_reached')).toEqual([]);
    await mentee.client.get('/api/v1/me/sobriety');
    const after = await ctx.database.db.select().from(domainEvent).where(eq(domainEvent.userId, mentee.id));
    expect(after.filter((e) => e.type === 'journey.milestone_reached').length).toBe(3);
  });
});
