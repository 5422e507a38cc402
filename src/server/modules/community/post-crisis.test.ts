import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, createForumMember } from '../../../../test/helpers/community-factories.ts';
import type { TestUser } from '../../../../test/helpers/factories.ts';
import { createResponder, escalationRow, putOnCall } from '../../../../test/helpers/safety-factories.ts';
import { moderationSettingsRepo } from './settings.ts';

let ctx: TestContext;
let reader: TestUser;
let categoryId: string;

const EMERGENCY = "I don't want to be alive anymore, I have the pills ready";

const member = (displayName: string, roles: ('moderator' | 'coordinator')[] = []) => createForumMember(ctx, displayName, roles);
const queueItem = async (postId: string) =>
  (await ctx.database.db.execute<{ kinds: string[]; escalation_id: string | null; status: string }>(sql`select kinds, escalation_id, status from forum_queue_item where post_id = ${postId}`)).rows;
const escalationsFor = async (sourceId: string) =>
  (await ctx.database.db.execute<{ id: string }>(sql`select id from escalation where source_id = ${sourceId}`)).rows;

beforeAll(async () => {
  ctx = await createTestApp();
  reader = await member('Rene');
  await putOnCall(ctx, await createResponder(ctx, { displayName: 'Omar' }));
  categoryId = (await createCategory(ctx, { readAccess: 'members' })).id;
});
afterAll(() => ctx.close());

describe('words that read as a crisis', () => {
  test('an opening post: crisis help at once, an escalation from the post, needs care in the queue, still visible', async () => {
    const person = await member('Nora');
    const res = await person.client.post('/api/v1/community/topics', { categoryId, title: 'Tonight', body: EMERGENCY });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved.held).toBe(false);
    expect(saved.post.status).toBe('visible');
    expect(saved.crisis).toMatchObject({ level: 'emergency' });
    expect(saved.crisis.resources.length).toBeGreaterThan(0);
    expect(saved.crisis.resources[0].id).toBe('911');
    const row = await escalationRow(ctx, saved.crisis.escalationId);
    expect(row).toMatchObject({ memberId: person.id, source: 'post', sourceId: saved.post.id, level: 'emergency', status: 'open' });
    expect(await queueItem(saved.post.id)).toEqual([{ kinds: ['needs_care'], escalation_id: row.id, status: 'open' }]);
    // Others still read it: care, not removal.
    expect((await reader.client.get(`/api/v1/community/topics/${saved.topicId}`)).json().posts[0].html).toContain('pills ready');
  });

  test('a reply: the escalation names the reply', async () => {
    const opener = await member('Olga');
    const person = await member('Pavel');
    const { topicId } = (await opener.client.post('/api/v1/community/topics', { categoryId, title: 'Rough night', body: 'Anyone up?' })).json();
    const res = await person.client.post(`/api/v1/community/topics/${topicId}/replies`, { body: EMERGENCY });
    expect(res.statusCode).toBe(201);
    const saved = res.json();
    expect(saved.crisis.level).toBe('emergency');
    expect(await escalationRow(ctx, saved.crisis.escalationId)).toMatchObject({ source: 'reply', sourceId: saved.post.id });
    expect((await queueItem(saved.post.id))[0]!.kinds).toEqual(['needs_care']);
  });

  test('talk about prevention is not a crisis', async () => {
    const person = await member('Quinn');
    const res = await person.client.post('/api/v1/community/topics', { categoryId, title: 'This weekend', body: 'the suicide prevention walk was moving' });
    expect(res.statusCode).toBe(201);
    expect(res.json().crisis).toBeNull();
    expect(await escalationsFor(res.json().post.id)).toEqual([]);
    expect(await queueItem(res.json().post.id)).toEqual([]);
  });

  test('held by a rule as well: it stays held, the author still gets crisis help, one queue item says both', async () => {
    const person = await member('Rhea');
    await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: true });
    let res;
    try {
      res = await person.client.post('/api/v1/community/topics', { categoryId, title: 'Tonight', body: EMERGENCY });
    } finally {
      await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: false });
    }
    const saved = res.json();
    expect(saved).toMatchObject({ held: true, post: { status: 'held' }, crisis: { level: 'emergency' } });
    const [item] = await queueItem(saved.post.id);
    expect([...item!.kinds].sort()).toEqual(['held', 'needs_care']);
    expect(item!.escalation_id).toBe(saved.crisis.escalationId);
  });
});
