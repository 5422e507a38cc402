import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../audit/tables.ts';
import { notification } from '../notifications/tables.ts';
import { listPendingStrategies } from './library-repo.ts';
import { copingLibraryHelped, copingLibraryStrategy } from './tables.ts';

let ctx: TestContext;
let moderator: TestUser;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  moderator = await createUser(ctx, { roles: ['moderator'], displayName: 'Moderator Marisol' });
  coordinator = await createCoordinator(ctx, { displayName: 'Coordinator Cruz' });
});
afterAll(() => ctx.close());

const base = '/api/v1/coping-strategies';
const MISSING = '0190b6a0-0000-7000-8000-000000000000';

const input = (o: Record<string, unknown> = {}) => ({
  title: 'Walk around the block',
  summary: 'Ten minutes outside changes the room in my head.',
  whenHelps: ['cravings', 'stress'],
  steps: ['Put on your shoes', 'Walk for ten minutes without your phone'],
  ...o,
});

async function write(person: TestUser, o: Record<string, unknown> = {}): Promise<string> {
  const res = await person.client.post(base, input(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const idsIn = (res: { json(): { strategies: { id: string }[] } }) => res.json().strategies.map((s) => s.id);
const strategyRows = async () => (await ctx.database.db.select({ n: count() }).from(copingLibraryStrategy))[0]!.n;
const notificationsOf = (userId: string) => ctx.database.db.select().from(notification).where(eq(notification.userId, userId));

describe('writing and reviewing strategies', () => {
  test("a member's strategy waits for review, seen only by its author and reviewers; approving it tells the author by ids only", async () => {
    const author = await createUser(ctx);
    const other = await createUser(ctx);
    const created = (await author.client.post(base, input({ title: 'Cold water on my face' }))).json();
    expect(created).toMatchObject({ status: 'pending', mine: true, helpedCount: 0, helpedByMe: false, saved: false, source: 'peer', locale: 'en', reviewNote: null });
    const id = created.id;

    expect((await author.client.get(`${base}/${id}`)).statusCode).toBe(200);
    expect((await moderator.client.get(`${base}/${id}`)).json().mine).toBe(false);
    expect((await other.client.get(`${base}/${id}`)).statusCode).toBe(404);
    expect(idsIn(await other.client.get(`${base}?mine=true`))).not.toContain(id);
    expect(idsIn(await author.client.get(base))).not.toContain(id);
    expect(idsIn(await author.client.get(`${base}?mine=true`))).toContain(id);
    expect((await listPendingStrategies(ctx.database.db)).map((s) => s.id)).toContain(id);

    // A member cannot review, and trying changes nothing.
    expect((await other.client.post(`${base}/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await author.client.post(`${base}/${id}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await author.client.get(`${base}/${id}`)).json().status).toBe('pending');

    const approved = await moderator.client.post(`${base}/${id}/review`, { decision: 'approve' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect((await other.client.get(`${base}/${id}`)).json()).toMatchObject({ id, status: 'approved', mine: false, reviewNote: null });
    expect(idsIn(await other.client.get(base))).toContain(id);
    expect((await listPendingStrategies(ctx.database.db)).map((s) => s.id)).not.toContain(id);

    const notes = await notificationsOf(author.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'resources.strategy_approved', subjectId: id, actorId: null });
    const inbox = await author.client.get('/api/v1/me/notifications');
    expect(inbox.body).not.toContain('Cold water');
    expect(inbox.body).not.toContain(moderator.id);

    // Approving again tells nobody anything new.
    await moderator.client.post(`${base}/${id}/review`, { decision: 'approve' });
    expect(await notificationsOf(author.id)).toHaveLength(1);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'resources.strategy_reviewed'));
    expect(JSON.stringify(audit)).not.toContain('Cold water');
  });

  test('a rejected strategy stays visible to its author only, with the note; a reviewer\'s own is approved at once', async () => {
    const author = await createUser(ctx);
    const other = await createUser(ctx);
    const id = await write(author, { title: 'Count the ceiling tiles' });
    const rejected = await coordinator.client.post(`${base}/${id}/review`, { decision: 'reject', note: 'Please <b>add</b> what to do after counting' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewNote: 'Please add what to do after counting' });

    const mine = (await author.client.get(`${base}?mine=true`)).json().strategies.find((s: { id: string }) => s.id === id);
    expect(mine).toMatchObject({ status: 'rejected', mine: true, reviewNote: 'Please add what to do after counting' });
    expect((await other.client.get(`${base}/${id}`)).statusCode).toBe(404);
    expect(idsIn(await other.client.get(`${base}?mine=true`))).not.toContain(id);
    expect((await listPendingStrategies(ctx.database.db)).map((s) => s.id)).not.toContain(id);
    expect(await notificationsOf(author.id)).toHaveLength(0);

    for (const reviewer of [moderator, coordinator]) {
      const own = (await reviewer.client.post(base, input({ title: `A reviewer writes ${reviewer.id}` }))).json();
      expect(own).toMatchObject({ status: 'approved', mine: true });
      expect(idsIn(await other.client.get(base))).toContain(own.id);
    }
  });

  test('the author deletes their strategy, a reviewer hides it (still there for its author); anyone else gets 404 and nothing changes', async () => {
    const author = await createUser(ctx);
    const other = await createUser(ctx);
    const id = await write(author);
    await moderator.client.post(`${base}/${id}/review`, { decision: 'approve' });
    expect((await other.client.delete(`${base}/${id}`)).statusCode).toBe(404);
    expect((await new Client(ctx.app).delete(`${base}/${id}`)).statusCode).toBe(401);
    expect((await other.client.get(`${base}/${id}`)).statusCode).toBe(200);
    expect((await author.client.delete(`${base}/${id}`)).statusCode).toBe(204);
    expect((await author.client.get(`${base}/${id}`)).statusCode).toBe(404);
    expect((await author.client.delete(`${base}/${id}`)).statusCode).toBe(404);

    const second = await write(author, { title: 'Hidden by a reviewer' });
    await moderator.client.post(`${base}/${second}/review`, { decision: 'approve' });
    await other.client.put(`${base}/${second}/helped`, { helped: true });
    expect((await moderator.client.delete(`${base}/${second}`)).statusCode).toBe(204);
    expect((await other.client.get(`${base}/${second}`)).statusCode).toBe(404);
    expect(idsIn(await other.client.get(base))).not.toContain(second);
    expect((await author.client.get(`${base}/${second}`)).json()).toMatchObject({ status: 'hidden', mine: true });
    // Approving it again brings it back with its marks.
    await coordinator.client.post(`${base}/${second}/review`, { decision: 'approve' });
    expect((await other.client.get(`${base}/${second}`)).json()).toMatchObject({ status: 'approved', helpedCount: 1, helpedByMe: true });
    // Another member's pending strategy cannot be removed (or found) either.
    const pending = await write(author);
    expect((await other.client.delete(`${base}/${pending}`)).statusCode).toBe(404);
    expect((await author.client.get(`${base}/${pending}`)).statusCode).toBe(200);
  });
});

describe('"this helped me"', () => {
  test('is counted and marked for the reader only; who marked it never appears in any answer', async () => {
    const author = await createCoordinator(ctx, { displayName: 'Author Amaranta' });
    const helpers = [await createUser(ctx, { displayName: 'Helper Horacio' }), await createUser(ctx, { displayName: 'Helper Hortensia' })];
    const reader = await createUser(ctx);
    const id = await write(author, { title: 'Name five blue things' });

    for (const h of helpers) expect((await h.client.put(`${base}/${id}/helped`, { helped: true })).json()).toMatchObject({ helpedCount: helpers.indexOf(h) + 1, helpedByMe: true });
    // Marking twice counts once.
    expect((await helpers[0]!.client.put(`${base}/${id}/helped`, { helped: true })).json().helpedCount).toBe(2);

    const one = await reader.client.get(`${base}/${id}`);
    const list = await reader.client.get(base);
    expect(one.json()).toMatchObject({ helpedCount: 2, helpedByMe: false });
    for (const body of [one.body, list.body, (await helpers[0]!.client.get(`${base}/${id}`)).body]) {
      for (const who of [...helpers, author]) {
        expect(body).not.toContain(who.id);
        expect(body).not.toContain(who.displayName);
      }
    }

    expect((await helpers[0]!.client.put(`${base}/${id}/helped`, { helped: false })).json()).toMatchObject({ helpedCount: 1, helpedByMe: false });
    expect((await helpers[1]!.client.get(`${base}/${id}`)).json()).toMatchObject({ helpedCount: 1, helpedByMe: true });
  });

  test('only approved strategies can be marked: a pending one is 404 and nothing is stored', async () => {
    const author = await createUser(ctx);
    const other = await createUser(ctx);
    const id = await write(author);
    for (const person of [author, other]) expect((await person.client.put(`${base}/${id}/helped`, { helped: true })).statusCode).toBe(404);
    expect(await ctx.database.db.select().from(copingLibraryHelped).where(eq(copingLibraryHelped.strategyId, id))).toEqual([]);
    expect((await other.client.put(`${base}/${MISSING}/helped`, { helped: true })).statusCode).toBe(404);
  });
});

describe('bad input and reading the list', () => {
  test('signed out reads the approved library only (writing, marking and "mine" need a session); bad input is 422 with the field and stores nothing; HTML is stripped', async () => {
    const anonymous = new Client(ctx.app);
    const open = await anonymous.get(base);
    expect(open.statusCode).toBe(200);
    const listed = open.json().strategies as { status: string; helpedByMe: boolean; saved: boolean; mine: boolean; id: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((s) => s.status === 'approved' && !s.helpedByMe && !s.saved && !s.mine)).toBe(true);
    expect((await anonymous.get(`${base}/${listed[0]!.id}`)).statusCode).toBe(200);
    expect((await anonymous.get(`${base}?mine=true`)).statusCode).toBe(401);
    expect((await anonymous.post(base, input())).statusCode).toBe(401);
    expect((await anonymous.put(`${base}/${listed[0]!.id}/helped`, { helped: true })).statusCode).toBe(401);
    const pending = await (await createUser(ctx)).client.post(base, input({ title: 'Waiting for review, not public' }));
    expect(pending.statusCode).toBe(201);
    expect((await anonymous.get(`${base}/${pending.json().id}`)).statusCode).toBe(404);

    const author = await createUser(ctx);
    const before = await strategyRows();
    for (const [body, field] of [
      [input({ title: '' }), 'title'],
      [input({ title: '<b></b>ok' }), 'title'],
      [input({ whenHelps: [] }), 'whenHelps'],
      [input({ whenHelps: ['mondays'] }), 'whenHelps.0'],
      [input({ steps: [] }), 'steps'],
      [input({ steps: ['Breathe in', '<i> </i>'] }), 'steps.1'],
      [input({ steps: Array.from({ length: 13 }, (_, i) => `Step ${i}`) }), 'steps'],
      [input({ source: 'programme' }), 'programme'],
      [input({ source: 'programme', programme: '<p></p>' }), 'programme'],
      [input({ source: 'kindred' }), 'source'],
      [input({ locale: 'fr' }), 'locale'],
      [input({ authorId: author.id }), 'authorId'],
    ] as const) {
      const res = await author.client.post(base, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await strategyRows()).toBe(before);

    for (const url of [`${base}/not-an-id`, `${base}?when=mondays`, `${base}?mine=yes`, `${base}?extra=1`]) expect((await author.client.get(url)).statusCode, url).toBe(422);
    expect((await author.client.put(`${base}/${MISSING}/helped`, { helped: 'yes' })).statusCode).toBe(422);
    expect((await moderator.client.post(`${base}/${MISSING}/review`, { decision: 'maybe' })).statusCode).toBe(422);
    expect((await moderator.client.post(`${base}/${MISSING}/review`, { decision: 'approve' })).statusCode).toBe(404);

    const clean = (
      await author.client.post(
        base,
        input({ title: '<script>alert(1)</script>Breathe <b>slowly</b>', summary: '<img src=x onerror=alert(1)>In  and out', steps: ['<a href="javascript:x">Four</a> counts in'], source: 'programme', programme: '<em>SMART</em> Recovery' }),
      )
    ).json();
    expect(clean).toMatchObject({ title: 'Breathe slowly', summary: 'In and out', steps: ['Four counts in'], programme: 'SMART Recovery', source: 'programme' });
    const [row] = await ctx.database.db.select().from(copingLibraryStrategy).where(eq(copingLibraryStrategy.id, clean.id));
    expect(JSON.stringify(row)).not.toMatch(/<|script|onerror/);
  });

  test("the list narrows by moment and words, in the reader's language unless another is asked for", async () => {
    const word = `zephyr${Date.now()}`;
    const sleepy = await write(coordinator, { title: `Wind down ${word}`, whenHelps: ['sleep'] });
    const angry = await write(coordinator, { title: 'Cool off', whenHelps: ['anger'], steps: [`Say ${word} slowly`] });
    const spanish = await write(coordinator, { title: `Respira ${word}`, locale: 'es', whenHelps: ['sleep'] });
    const reader = await createUser(ctx);

    const english = idsIn(await reader.client.get(base));
    expect(english).toEqual(expect.arrayContaining([sleepy, angry]));
    expect(english).not.toContain(spanish);
    const bySleep = (await reader.client.get(`${base}?when=sleep`)).json().strategies;
    expect(bySleep.map((s: { id: string }) => s.id)).toContain(sleepy);
    expect(bySleep.every((s: { whenHelps: string[] }) => s.whenHelps.includes('sleep'))).toBe(true);
    expect(idsIn(await reader.client.get(`${base}?q=${word}`)).sort()).toEqual([sleepy, angry].sort());
    expect(idsIn(await reader.client.get(`${base}?q=${encodeURIComponent('%_')}`))).toEqual([]);
    expect(idsIn(await reader.client.get(`${base}?q=${word}&locale=es`))).toEqual([spanish]);

    expect((await reader.client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
    expect(idsIn(await reader.client.get(`${base}?q=${word}`))).toEqual([spanish]);
  });
});
