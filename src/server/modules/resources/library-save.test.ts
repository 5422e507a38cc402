import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createCoordinator, createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { COPING_STRATEGIES_MAX } from '../../../contracts/journey.ts';
import { copingStrategy } from '../journey/tables.ts';

let ctx: TestContext;
let coordinator: TestUser;
beforeAll(async () => {
  ctx = await createTestApp();
  coordinator = await createCoordinator(ctx, { displayName: 'Coordinator Celestina' });
});
afterAll(() => ctx.close());

const base = '/api/v1/coping-strategies';
const toolbox = '/api/v1/me/coping-strategies';

async function approvedStrategy(o: Record<string, unknown> = {}): Promise<string> {
  const res = await coordinator.client.post(base, {
    title: 'Delay, distract, decide',
    summary: 'A craving passes if you give it time.',
    whenHelps: ['cravings'],
    steps: ['Wait fifteen minutes', 'Do something with your hands', 'Then decide'],
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const toolboxRows = async (userId: string) => (await ctx.database.db.select({ n: count() }).from(copingStrategy).where(eq(copingStrategy.userId, userId)))[0]!.n;

describe('saving a strategy to my toolbox', () => {
  test('copies title and steps to the end of my toolbox; saving again answers the same item; removing it there makes it unsaved', async () => {
    const member = await createUser(ctx);
    const own = await member.client.post(toolbox, { title: 'My own first', steps: ['Call my sister'] });
    expect(own.statusCode, own.body).toBe(201);
    const id = await approvedStrategy();

    const saved = await member.client.post(`${base}/${id}/save`);
    expect(saved.statusCode).toBe(201);
    const item = saved.json().strategy;
    expect(item).toMatchObject({ title: 'Delay, distract, decide', steps: ['Wait fifteen minutes', 'Do something with your hands', 'Then decide'] });
    expect(item.position).toBeGreaterThan(own.json().position);
    const list = (await member.client.get(toolbox)).json().strategies;
    expect(list.map((s: { id: string }) => s.id)).toEqual([own.json().id, item.id]);
    const [row] = await ctx.database.db.select().from(copingStrategy).where(eq(copingStrategy.id, item.id));
    expect(row!.libraryStrategyId).toBe(id);

    const again = await member.client.post(`${base}/${id}/save`);
    expect(again.statusCode).toBe(200);
    expect(again.json().strategy.id).toBe(item.id);
    expect(await toolboxRows(member.id)).toBe(2);
    expect((await member.client.get(`${base}/${id}`)).json().saved).toBe(true);

    // The copy is the member's own: editing it leaves the library alone.
    expect((await member.client.put(`${toolbox}/${item.id}`, { title: 'My way of waiting', steps: ['Wait'] })).statusCode).toBe(200);
    expect((await member.client.get(`${base}/${id}`)).json().title).toBe('Delay, distract, decide');

    expect((await member.client.delete(`${toolbox}/${item.id}`)).statusCode).toBe(204);
    expect((await member.client.get(`${base}/${id}`)).json().saved).toBe(false);
    expect((await member.client.post(`${base}/${id}/save`)).statusCode).toBe(201);
  });

  test('"saved" is the reader\'s own: nobody learns who saved what, and a removed strategy leaves the copies alone', async () => {
    const saver = await createUser(ctx, { displayName: 'Saver Silvestre' });
    const other = await createUser(ctx);
    const id = await approvedStrategy({ title: 'Play the tape forward' });
    await saver.client.post(`${base}/${id}/save`);

    expect((await saver.client.get(`${base}/${id}`)).json().saved).toBe(true);
    const one = await other.client.get(`${base}/${id}`);
    const list = await other.client.get(base);
    expect(one.json()).toMatchObject({ saved: false, helpedCount: 0 });
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(saver.id);
      expect(body).not.toContain(saver.displayName);
    }

    expect((await coordinator.client.delete(`${base}/${id}`)).statusCode).toBe(204);
    const kept = (await saver.client.get(toolbox)).json().strategies;
    expect(kept.map((s: { title: string }) => s.title)).toContain('Play the tape forward');
  });

  test('a full toolbox is a 422 with a message, and nothing is added', async () => {
    const member = await createUser(ctx);
    await ctx.database.db
      .insert(copingStrategy)
      .values(Array.from({ length: COPING_STRATEGIES_MAX }, (_, i) => ({ userId: member.id, title: `Mine ${i}`, steps: ['A step'], position: i })));
    const id = await approvedStrategy();
    const res = await member.client.post(`${base}/${id}/save`, undefined, { 'accept-language': 'es' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/caja de herramientas está llena/);
    expect((await member.client.post(`${base}/${id}/save`)).json().error.message).toMatch(/toolbox is full/);
    expect(await toolboxRows(member.id)).toBe(COPING_STRATEGIES_MAX);
    expect((await member.client.get(`${base}/${id}`)).json().saved).toBe(false);
  });

  test("another member's pending strategy cannot be saved (404); the author can save their own; signed out is 401", async () => {
    const author = await createUser(ctx);
    const other = await createUser(ctx);
    const moderator = await createUser(ctx, { roles: ['moderator'] });
    const pending = (
      await author.client.post(base, { title: 'Hold an ice cube', whenHelps: ['cravings'], steps: ['Hold it until it melts'] })
    ).json().id;
    for (const person of [other, moderator]) {
      expect((await person.client.post(`${base}/${pending}/save`)).statusCode).toBe(404);
      expect(await toolboxRows(person.id)).toBe(0);
    }
    expect((await new Client(ctx.app).post(`${base}/${pending}/save`)).statusCode).toBe(401);
    expect((await author.client.post(`${base}/${pending}/save`)).statusCode).toBe(201);
    expect((await author.client.post(`${base}/not-an-id/save`)).statusCode).toBe(422);
  });
});
