import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createEntry } from '../../../../test/helpers/resources-factories.ts';

let ctx: TestContext;
let anonymous: Client;
let coordinator: TestUser;
let moderator: TestUser;
let author: TestUser;
let other: TestUser;

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new Client(ctx.app);
  [coordinator, moderator, author, other] = await Promise.all([
    createCoordinator(ctx, { displayName: 'Corinne' }),
    createUser(ctx, { roles: ['moderator'], displayName: 'Moana' }),
    createUser(ctx, { displayName: 'Tamsin' }),
    createUser(ctx, { displayName: 'Oswin' }),
  ]);
});
afterAll(() => ctx.close());

const tip = (who: TestUser, entryId: string, body: Record<string, unknown> = { kind: 'tip', body: 'Ask for the sliding-scale fee at the front desk.' }) =>
  who.client.post(`/api/v1/resources/${entryId}/tips`, body);
const tipsSeenBy = async (c: Client, entryId: string) => (await c.get(`/api/v1/resources/${entryId}`)).json().tips as { id: string; status: string; mine: boolean; reviewNote: string | null }[];
const notificationsOf = async (userId: string) =>
  (await ctx.database.db.execute<{ kind: string; subject_id: string; actor_id: string | null }>(sql`select kind, subject_id, actor_id from notification where user_id = ${userId} order by created_at, id`)).rows;

/** Every response body the others can get about an entry and the work list: the author must be in none of them. */
async function bodiesAbout(entryId: string) {
  return [
    (await anonymous.get(`/api/v1/resources/${entryId}`)).body,
    (await other.client.get(`/api/v1/resources/${entryId}`)).body,
    (await moderator.client.get(`/api/v1/resources/${entryId}`)).body,
    (await coordinator.client.get(`/api/v1/resources/${entryId}`)).body,
    (await moderator.client.get('/api/v1/resources/review')).body,
    (await coordinator.client.get('/api/v1/resources/review')).body,
  ];
}

describe('tips and reviews', () => {
  test('a pending tip is seen by its author and reviewers only; approval shows it to all without a name and tells the author', async () => {
    const entry = await createEntry(ctx, { name: 'Beacon Syringe Services' });
    const res = await tip(author, entry, { kind: 'tip', body: 'Spanish-speaking staff on <b>weekdays</b><script>x()</script>.' });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({ kind: 'tip', body: 'Spanish-speaking staff on weekdays.', status: 'pending', mine: true, rating: null, reviewNote: null });

    expect(await tipsSeenBy(author.client, entry)).toEqual([expect.objectContaining({ id: saved.id, status: 'pending', mine: true })]);
    expect(await tipsSeenBy(anonymous, entry)).toEqual([]);
    expect(await tipsSeenBy(other.client, entry)).toEqual([]);
    const work = (await moderator.client.get('/api/v1/resources/review')).json();
    expect(work.tips).toContainEqual(expect.objectContaining({ id: saved.id, status: 'pending', mine: false, resource: { id: entry, name: 'Beacon Syringe Services' } }));
    for (const body of await bodiesAbout(entry)) {
      expect(body).not.toContain(author.id);
      expect(body).not.toContain('Tamsin');
    }

    const approved = await moderator.client.post(`/api/v1/resources/tips/${saved.id}/review`, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', mine: false });
    expect(await tipsSeenBy(anonymous, entry)).toEqual([expect.objectContaining({ id: saved.id, status: 'approved', mine: false })]);
    expect(await tipsSeenBy(author.client, entry)).toEqual([expect.objectContaining({ id: saved.id, mine: true })]);
    for (const body of await bodiesAbout(entry)) {
      expect(body).not.toContain(author.id);
      expect(body).not.toContain('Tamsin');
    }

    // The notice names the entry: no text, no reviewer.
    expect(await notificationsOf(author.id)).toEqual([{ kind: 'resources.tip_approved', subject_id: entry, actor_id: null }]);
    const inbox = await author.client.get('/api/v1/notifications');
    expect(inbox.body).not.toContain('Spanish-speaking');
    expect(inbox.body).not.toContain('Moana');
    const audit = (await ctx.database.db.execute(sql`select action, actor_id, subject_id, details from audit_log where details->>'tipId' = ${saved.id}`)).rows;
    expect(audit).toEqual([{ action: 'resources.tip_approved', actor_id: moderator.id, subject_id: null, details: { tipId: saved.id, resourceId: entry } }]);

    // Decided once: a second decision is a conflict and changes nothing.
    const again = await coordinator.client.post(`/api/v1/resources/tips/${saved.id}/review`, { decision: 'reject', note: 'no' });
    expect(again.statusCode).toBe(409);
    expect(await tipsSeenBy(anonymous, entry)).toHaveLength(1);
  });

  test("a rejection's note is for the author alone, and nobody is told", async () => {
    const entry = await createEntry(ctx, { name: 'Compass Recovery Housing', category: 'housing' });
    const id = (await tip(author, entry, { kind: 'review', body: 'Staff were kind but the wait was long.', rating: 3 })).json().id;
    const res = await coordinator.client.post(`/api/v1/resources/tips/${id}/review`, { decision: 'reject', note: 'Please leave out <i>names</i> of staff.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await tipsSeenBy(author.client, entry)).toEqual([expect.objectContaining({ id, status: 'rejected', reviewNote: 'Please leave out names of staff.' })]);
    expect(await tipsSeenBy(other.client, entry)).toEqual([]);
    expect((await moderator.client.get(`/api/v1/resources/${entry}`)).body).not.toContain('Please leave out');
    expect(await notificationsOf(author.id)).not.toContainEqual(expect.objectContaining({ subject_id: entry }));
  });

  test('reviews carry a rating; the average counts approved ones; a reviewer’s own tip is approved at once', async () => {
    const entry = await createEntry(ctx, { name: 'Meridian Counseling', category: 'mental_health' });
    const r1 = (await tip(author, entry, { kind: 'review', body: 'Helped me a lot.', rating: 5 })).json().id;
    await tip(other, entry, { kind: 'review', body: 'Not for me.', rating: 1 });
    expect((await anonymous.get(`/api/v1/resources/${entry}`)).json().rating).toBeNull();
    await moderator.client.post(`/api/v1/resources/tips/${r1}/review`, { decision: 'approve' });
    const own = await moderator.client.post(`/api/v1/resources/${entry}/tips`, { kind: 'review', body: 'Good evening hours.', rating: 4 });
    expect(own.json()).toMatchObject({ status: 'approved', mine: true });
    expect((await anonymous.get(`/api/v1/resources/${entry}`)).json().rating).toEqual({ average: 4.5, count: 2 });
  });

  test('bad tips are 422 and store nothing', async () => {
    const entry = await createEntry(ctx, { name: 'Tidewater Legal Clinic', category: 'legal_aid' });
    const count = async () => (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from resource_tip where resource_id = ${entry}`)).rows[0]!.n;
    for (const body of [
      { kind: 'tip', body: 'x'.repeat(5000) },
      { kind: 'tip', body: 'ok' },
      { kind: 'tip', body: '<script>alert(1)</script><b></b>' },
      { kind: 'tip', body: 'Fine text', rating: 4 },
      { kind: 'review', body: 'No rating given' },
      { kind: 'review', body: 'Six stars', rating: 6 },
      { kind: 'rant', body: 'Something' },
      { kind: 'tip', body: 'Hello', authorId: other.id },
    ]) {
      const res = await tip(author, entry, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await count()).toBe(0);
  });

  test('where a tip cannot go: signed out 401; entries the member may not read or that are not published 404', async () => {
    const members = await createEntry(ctx, { name: 'Keel Peer Circle', audience: 'members' });
    const suggested = await createEntry(ctx, { name: 'Bowline Pantry', category: 'food' }, { status: 'suggested', origin: 'suggestion', suggestedBy: other.id });
    const archived = await createEntry(ctx, { name: 'Gunwale Rides', category: 'transport' }, { status: 'archived' });
    expect((await anonymous.post(`/api/v1/resources/${members}/tips`, { kind: 'tip', body: 'Signed out tip' })).statusCode).toBe(401);
    expect((await tip(author, members)).statusCode).toBe(201);
    expect((await tip(author, suggested)).statusCode).toBe(404);
    expect((await tip(author, archived)).statusCode).toBe(404);
    expect((await tip(author, '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const n = (await ctx.database.db.execute<{ n: number }>(sql`select count(*)::int as n from resource_tip where resource_id in (${suggested}, ${archived})`)).rows[0]!.n;
    expect(n).toBe(0);
  });

  test('the author takes a tip back; another member cannot (404); a reviewer removes any', async () => {
    const entry = await createEntry(ctx, { name: 'Lighthouse Jobs Desk', category: 'employment' });
    const a = (await tip(author, entry)).json().id;
    const b = (await tip(author, entry, { kind: 'tip', body: 'Bring an ID.' })).json().id;
    expect((await other.client.delete(`/api/v1/resources/tips/${a}`)).statusCode).toBe(404);
    expect((await anonymous.delete(`/api/v1/resources/tips/${a}`)).statusCode).toBe(401);
    expect((await author.client.delete(`/api/v1/resources/tips/${a}`)).statusCode).toBe(204);
    expect((await moderator.client.delete(`/api/v1/resources/tips/${b}`)).statusCode).toBe(204);
    expect(await tipsSeenBy(author.client, entry)).toEqual([]);
    const audit = (await ctx.database.db.execute(sql`select action, details from audit_log where details->>'tipId' in (${a}, ${b})`)).rows;
    expect(audit).toEqual([{ action: 'resources.tip_removed', details: { tipId: b, resourceId: entry } }]);
  });
});

describe('the work list and suggestions', () => {
  test('members get 404, signed out 401, for the work list and every decision; nothing changes', async () => {
    const entry = await createEntry(ctx, { name: 'Jetty Harm Reduction' });
    const pendingTip = (await tip(author, entry)).json().id;
    const suggestion = (await author.client.post('/api/v1/resources/suggestions', { name: 'Mooring Family Group', category: 'family_support' })).json().id;
    for (const c of [other.client, author.client]) {
      expect((await c.get('/api/v1/resources/review')).statusCode).toBe(404);
      expect((await c.post(`/api/v1/resources/tips/${pendingTip}/review`, { decision: 'approve' })).statusCode).toBe(404);
      expect((await c.post(`/api/v1/resources/${suggestion}/review`, { decision: 'approve' })).statusCode).toBe(404);
    }
    expect((await anonymous.get('/api/v1/resources/review')).statusCode).toBe(401);
    expect((await anonymous.post(`/api/v1/resources/tips/${pendingTip}/review`, { decision: 'approve' })).statusCode).toBe(401);
    expect((await anonymous.post(`/api/v1/resources/${suggestion}/review`, { decision: 'approve' })).statusCode).toBe(401);
    expect((await moderator.client.post(`/api/v1/resources/tips/${pendingTip}/review`, { decision: 'maybe' })).statusCode).toBe(422);
    const { rows } = await ctx.database.db.execute(sql`select (select status from resource_tip where id = ${pendingTip}) as tip, (select status from resource where id = ${suggestion}) as entry`);
    expect(rows).toEqual([{ tip: 'pending', entry: 'suggested' }]);
  });

  test('a moderator publishes a suggestion: it is listed, the suggester is told, and never named', async () => {
    const suggester = await createUser(ctx, { displayName: 'Wilhelmina' });
    const res = await suggester.client.post('/api/v1/resources/suggestions', {
      name: 'Saltmarsh Naloxone Vending',
      category: 'harm_reduction',
      description: 'saltmarsh free naloxone kits, any hour',
      location: { lat: 41.3, lng: -72.9 },
    });
    const id = res.json().id;
    const work = (await moderator.client.get('/api/v1/resources/review')).json();
    expect(work.suggestions).toContainEqual(expect.objectContaining({ id, name: 'Saltmarsh Naloxone Vending', createdAt: expect.any(String) }));
    expect(JSON.stringify(work)).not.toContain(suggester.id);
    expect(JSON.stringify(work)).not.toContain('Wilhelmina');

    const decided = await moderator.client.post(`/api/v1/resources/${id}/review`, { decision: 'approve' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toEqual({ id, status: 'published' });
    expect((await anonymous.get('/api/v1/resources?q=saltmarsh')).json().resources.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(await notificationsOf(suggester.id)).toEqual([{ kind: 'resources.suggestion_approved', subject_id: id, actor_id: null }]);
    // Published but not yet verified by a coordinator: it waits in their re-verification list.
    expect((await coordinator.client.get('/api/v1/resources/review')).json().reverify.map((r: { id: string }) => r.id)).toContain(id);
    for (const body of [(await anonymous.get(`/api/v1/resources/${id}`)).body, (await coordinator.client.get(`/api/v1/resources/${id}`)).body]) {
      expect(body).not.toContain(suggester.id);
      expect(body).not.toContain('Wilhelmina');
    }
    expect((await moderator.client.post(`/api/v1/resources/${id}/review`, { decision: 'reject' })).statusCode).toBe(409);
    expect((await suggester.client.get('/api/v1/resources/suggestions/mine')).json().suggestions).toEqual([expect.objectContaining({ id, status: 'published' })]);
  });

  test('a rejected suggestion stays out of sight; its note reaches the suggester', async () => {
    const suggester = await createUser(ctx);
    const id = (await suggester.client.post('/api/v1/resources/suggestions', { name: 'Driftwood Lottery Club', category: 'mutual_aid' })).json().id;
    expect((await coordinator.client.post(`/api/v1/resources/${id}/review`, { decision: 'reject', note: 'Not a recovery resource.' })).json()).toEqual({ id, status: 'rejected' });
    expect((await member()).statusCode).toBe(404);
    expect((await suggester.client.get('/api/v1/resources/suggestions/mine')).json().suggestions).toEqual([expect.objectContaining({ id, status: 'rejected', reviewNote: 'Not a recovery resource.' })]);
    expect(await notificationsOf(suggester.id)).toEqual([]);
    // A decision on something that is not a suggestion finds nothing.
    const published = await createEntry(ctx, { name: 'Anchor Point' });
    expect((await moderator.client.post(`/api/v1/resources/${published}/review`, { decision: 'reject' })).statusCode).toBe(404);

    function member() {
      return other.client.get(`/api/v1/resources/${id}`);
    }
  });
});
