import { asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { acceptedPair, activePair, contactBodyFor, expectOk, logContact, outsiders, type Pair } from '../../../../test/helpers/mentorship-factories.ts';
import { notification } from '../notifications/tables.ts';
import { mentoringSettingsRepo } from './settings.ts';
import { contactFeedback, mentoringContact } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());
afterEach(() => mentoringSettingsRepo.update(ctx.database.db, { coordinatorsSeeNotes: false }));

const NOTES = 'Talked through the weekend plan. Private to me.';
const contactsOf = async (p: Pair, client: Pair['mentor']['client']) => {
  const res = await client.get(`/api/v1/mentorships/${p.id}/contacts`);
  expect(res.statusCode).toBe(200);
  return res.json().contacts as Array<Record<string, unknown>>;
};
const contactRows = async (mentorshipId: string) =>
  (await ctx.database.db.select({ n: count() }).from(mentoringContact).where(eq(mentoringContact.mentorshipId, mentorshipId)))[0]!.n;
const rate = (p: Pair, contactId: string, body: Record<string, unknown>) => p.mentee.client.put(`/api/v1/mentorships/${p.id}/contacts/${contactId}/feedback`, body);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('the contact log', () => {
  test('the mentor logs a contact; the mentee is told', async () => {
    const p = await activePair(ctx);
    const res = await p.mentor.client.post(`/api/v1/mentorships/${p.id}/contacts`, contactBodyFor({ topicsOther: 'new job', date: daysFromNow(-2) }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      mentorshipId: p.id,
      date: daysFromNow(-2),
      durationMinutes: 45,
      mode: 'phone',
      topics: ['cravings', 'meetings'],
      topicsOther: 'new job',
      notes: NOTES,
      nextStep: 'Try the Tuesday meeting',
      feedback: null,
      rated: false,
    });
    const told = await ctx.database.db.select().from(notification).where(eq(notification.userId, p.mentee.id)).orderBy(asc(notification.createdAt));
    expect(told.at(-1)).toMatchObject({ kind: 'mentoring.contact_logged', subjectId: p.id, actorId: p.mentor.id });
  });

  test('only while the relationship is active or paused, only by the mentor, never in the future', async () => {
    const accepted = await acceptedPair(ctx);
    const refused = await accepted.mentor.client.post(`/api/v1/mentorships/${accepted.id}/contacts`, contactBodyFor());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('This can’t be done now: the relationship is not active.');

    const p = await activePair(ctx);
    const { member, coordinator } = await outsiders(ctx);
    for (const client of [p.mentee.client, member.client, coordinator.client]) {
      expect((await client.post(`/api/v1/mentorships/${p.id}/contacts`, contactBodyFor())).statusCode).toBe(404);
    }
    const future = await p.mentor.client.post(`/api/v1/mentorships/${p.id}/contacts`, contactBodyFor({ date: daysFromNow(3) }));
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields).toEqual({ date: 'This date is in the future.' });
    for (const bad of [{ durationMinutes: 0 }, { durationMinutes: 601 }, { mode: 'carrier_pigeon' }, { topics: ['gossip'] }, { topics: ['health', 'health'] }, { date: '2025-02-30' }, { notes: 'x'.repeat(4001) }]) {
      expect((await p.mentor.client.post(`/api/v1/mentorships/${p.id}/contacts`, contactBodyFor(bad))).statusCode, JSON.stringify(bad)).toBe(422);
    }
    expect(await contactRows(p.id)).toBe(0);

    await expectOk(await p.mentee.client.post(`/api/v1/mentorships/${p.id}/pause`, {}));
    await logContact(p.mentor.client, p.id);
    await expectOk(await p.mentor.client.post(`/api/v1/mentorships/${p.id}/end`, { reason: 'goals_met' }));
    expect((await p.mentor.client.post(`/api/v1/mentorships/${p.id}/contacts`, contactBodyFor())).statusCode).toBe(409);
    expect(await contactRows(p.id)).toBe(1);
  });

  test('the mentee sees the contacts without the notes; the mentor with them; newest first', async () => {
    const p = await activePair(ctx);
    const older = await logContact(p.mentor.client, p.id, { date: daysFromNow(-5) });
    const newer = await logContact(p.mentor.client, p.id, { date: daysFromNow(-1), notes: undefined });
    const asMentee = await contactsOf(p, p.mentee.client);
    expect(asMentee.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(asMentee.every((c) => c.notes === null)).toBe(true);
    expect(asMentee[1]).toMatchObject({ nextStep: 'Try the Tuesday meeting', topics: ['cravings', 'meetings'], durationMinutes: 45 });
    expect(JSON.stringify(asMentee)).not.toContain('Private to me');
    const asMentor = await contactsOf(p, p.mentor.client);
    expect(asMentor.map((c) => c.notes)).toEqual([null, NOTES]);
  });

  test('coordinators see the log, and the notes only when the program says so', async () => {
    const p = await activePair(ctx);
    await logContact(p.mentor.client, p.id);
    const { coordinator } = await outsiders(ctx);
    expect((await contactsOf(p, coordinator.client))[0]).toMatchObject({ notes: null, nextStep: 'Try the Tuesday meeting' });
    await mentoringSettingsRepo.update(ctx.database.db, { coordinatorsSeeNotes: true });
    expect((await contactsOf(p, coordinator.client))[0]).toMatchObject({ notes: NOTES });
    // The setting is for coordinators: the mentee still never reads the notes.
    expect((await contactsOf(p, p.mentee.client))[0]).toMatchObject({ notes: null });
    // The mentor is told who else can read their notes.
    expect((await p.mentor.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().notesVisibleToCoordinators).toBe(true);
    await mentoringSettingsRepo.update(ctx.database.db, { coordinatorsSeeNotes: false });
    expect((await p.mentor.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().notesVisibleToCoordinators).toBe(false);
  });

  test('someone else gets 404 for the log', async () => {
    const p = await activePair(ctx);
    await logContact(p.mentor.client, p.id);
    const { member, peer } = await outsiders(ctx);
    for (const who of [member, peer]) expect((await who.client.get(`/api/v1/mentorships/${p.id}/contacts`)).statusCode).toBe(404);
    expect((await p.mentor.client.get('/api/v1/mentorships/0190b6a0-0000-7000-8000-000000000000/contacts')).statusCode).toBe(404);
  });
});

describe("the mentee's goals", () => {
  test('a logged contact counts towards a "mentor contacts" goal; one both logged and reported counts once', async () => {
    const p = await activePair(ctx);
    const today = contactBodyFor().date;
    const goal = (await p.mentee.client.post('/api/v1/me/goals', { title: 'Talk to my mentor', measure: 'mentor_contacts', target: 2, period: 'week' })).json();
    const progress = async () => (await p.mentee.client.get('/api/v1/me/goals')).json().goals.find((g: { id: string }) => g.id === goal.id).progress.count;
    expect(await progress()).toBe(0);
    await logContact(p.mentor.client, p.id);
    expect(await progress()).toBe(1);
    // The member also notes the same call: the day counts the larger of the two, not both.
    await expectOk(await p.mentee.client.post(`/api/v1/me/goals/${goal.id}/entries`, { date: today, amount: 1 }), 201);
    expect(await progress()).toBe(1);
    // A second call the mentor did not log: now the member's own count is the larger.
    await expectOk(await p.mentee.client.post(`/api/v1/me/goals/${goal.id}/entries`, { date: today, amount: 1 }), 201);
    expect(await progress()).toBe(2);
    // Another member's contacts never count towards this goal.
    const other = await activePair(ctx);
    await logContact(other.mentor.client, other.id);
    expect(await progress()).toBe(2);
  });
});

describe('feedback', () => {
  test('the mentee rates a contact once; the mentor learns only that it was rated', async () => {
    const p = await activePair(ctx);
    const c = await logContact(p.mentor.client, p.id);
    const res = await rate(p, c.id, { rating: 4, comment: 'Really helped before the weekend' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: c.id, notes: null, rated: true, feedback: { rating: 4, comment: 'Really helped before the weekend', signed: false } });

    const again = await rate(p, c.id, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('You have already rated this contact.');
    expect((await ctx.database.db.select().from(contactFeedback).where(eq(contactFeedback.contactId, c.id)))[0]).toMatchObject({ rating: 4 });

    expect((await contactsOf(p, p.mentee.client))[0]).toMatchObject({ rated: true, feedback: { rating: 4 } });
    const mentorView = (await contactsOf(p, p.mentor.client))[0]!;
    expect(mentorView).toMatchObject({ rated: true, feedback: null });
    expect(JSON.stringify(mentorView)).not.toContain('Really helped');
    const { coordinator } = await outsiders(ctx);
    expect((await contactsOf(p, coordinator.client))[0]).toMatchObject({ rated: true, feedback: null });
  });

  test('only the mentee of that relationship rates, and only its contacts; bad ratings are 422', async () => {
    const p = await activePair(ctx);
    const other = await activePair(ctx);
    const c = await logContact(p.mentor.client, p.id);
    const theirs = await logContact(other.mentor.client, other.id);
    const { coordinator } = await outsiders(ctx);
    for (const client of [p.mentor.client, coordinator.client, other.mentee.client]) {
      expect((await client.put(`/api/v1/mentorships/${p.id}/contacts/${c.id}/feedback`, { rating: 5 })).statusCode).toBe(404);
    }
    expect((await rate(p, theirs.id, { rating: 5 })).statusCode).toBe(404);
    for (const bad of [{ rating: 0 }, { rating: 6 }, { rating: 3.5 }, {}, { rating: 3, comment: 'x'.repeat(1001) }, { rating: 3, signed: 'yes' }]) {
      expect((await rate(p, c.id, bad)).statusCode, JSON.stringify(bad)).toBe(422);
    }
    expect(await ctx.database.db.select().from(contactFeedback).where(eq(contactFeedback.contactId, c.id))).toEqual([]);
  });
});

describe("coordinators' feedback summary", () => {
  test('aggregates per mentor; a name only on a comment the mentee signed', async () => {
    const t = await createTestApp();
    try {
      const p = await activePair(t, { request: { note: 'Quiet mentee' } });
      const contacts = [];
      for (let i = 0; i < 4; i++) contacts.push(await logContact(p.mentor.client, p.id, { date: daysFromNow(-i) }));
      await expectOk(await p.mentee.client.put(`/api/v1/mentorships/${p.id}/contacts/${contacts[0]!.id}/feedback`, { rating: 5, comment: 'Thank you, truly', signed: true }));
      await expectOk(await p.mentee.client.put(`/api/v1/mentorships/${p.id}/contacts/${contacts[1]!.id}/feedback`, { rating: 1, comment: 'Felt rushed and judged' }));
      await expectOk(await p.mentee.client.put(`/api/v1/mentorships/${p.id}/contacts/${contacts[2]!.id}/feedback`, { rating: 4 }));
      const idle = await activePair(t);
      const coordinator = (await outsiders(t)).coordinator;

      const res = await coordinator.client.get('/api/v1/mentoring/feedback');
      expect(res.statusCode).toBe(200);
      const mine = res.json().mentors.find((m: { mentorId: string }) => m.mentorId === p.mentor.id);
      expect(mine).toMatchObject({ displayName: p.mentor.user.displayName, ratings: 3, average: 3.33, distribution: [1, 0, 0, 1, 1] });
      const month = `${new Date().toISOString().slice(0, 7)}-01`;
      expect(mine.comments).toEqual(
        expect.arrayContaining([
          { rating: 5, comment: 'Thank you, truly', date: month, signedBy: p.mentee.user.displayName },
          { rating: 1, comment: 'Felt rushed and judged', date: month, signedBy: null },
        ]),
      );
      expect(mine.comments).toHaveLength(2);
      // The low rating carries nothing that names the mentee: not their name, not their id, not the contact.
      const low = JSON.stringify(mine.comments.find((c: { rating: number }) => c.rating === 1));
      for (const identity of [p.mentee.user.displayName, p.mentee.id, p.id, contacts[1]!.id]) expect(low).not.toContain(identity);
      expect(res.json().mentors.find((m: { mentorId: string }) => m.mentorId === idle.mentor.id)).toMatchObject({ ratings: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] });

      for (const who of [p.mentor, p.mentee, (await outsiders(t)).peer]) expect((await who.client.get('/api/v1/mentoring/feedback')).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
