import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory } from '../../../../test/helpers/community-factories.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { addDays, todayIn } from '../journey/dates.ts';
import { celebrateMilestone, milestoneLabel } from './celebrations.ts';

let ctx: TestContext;

const celebrations = async (person: TestUser) =>
  (
    await ctx.database.db.execute<{ category_id: string; title: string; body: string; kind: string; anonymous: boolean; status: string; topic_status: string; locale: string }>(sql`
      select t.category_id, t.title, p.body, p.kind, p.anonymous, p.status, t.status as topic_status, p.locale
      from forum_post p join forum_topic t on t.id = p.topic_id where p.author_id = ${person.id} order by t.category_id`)
  ).rows;

/** A member with a recovery date `days` ago; reading their summary records (and announces) what they reached. */
async function reach(person: TestUser, days: number, announce: boolean) {
  const res = await person.client.post('/api/v1/me/sobriety/tracks', { label: 'alcohol', startedOn: addDays(todayIn('UTC'), -days), announceMilestones: announce });
  expect(res.statusCode, res.body).toBeLessThan(300);
  expect((await person.client.get('/api/v1/me/sobriety')).statusCode).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('milestone celebrations', () => {
  test('no celebrating category: nothing is posted and nothing fails', async () => {
    await createCategory(ctx, { readAccess: 'members' });
    const person = await createUser(ctx, { displayName: 'Early' });
    await reach(person, 8, true);
    expect(await celebrations(person)).toEqual([]);
  });

  test('one topic where they may post and celebrations are on, for the newest milestone only, once', async () => {
    const milestones = await createCategory(ctx, { name: 'Milestones', readAccess: 'members', celebrations: true });
    const ownGroup = await createGroup(ctx);
    const otherGroup = await createGroup(ctx);
    const groupRoom = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: ownGroup.id, celebrations: true });
    await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: otherGroup.id, celebrations: true });
    await createCategory(ctx, { readAccess: 'members', postAccess: 'moderators', celebrations: true });
    const maria = await createUser(ctx, { displayName: 'Maria' });
    await addGroupMember(ctx, ownGroup.id, maria.id);

    // Never accepted the guidelines: this post is written for her, so it is not asked.
    await reach(maria, 8, true);
    const rows = await celebrations(maria);
    expect(rows.map((r) => r.category_id).sort()).toEqual([milestones.id, groupRoom.id].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ title: '🎉 Maria reached one week', kind: 'milestone', anonymous: false, status: 'visible', topic_status: 'visible', locale: 'en' });
      expect(r.body).toBe('🎉 Maria reached one week. Every one of those days counted.');
    }
    // Reading the summary again announces nothing new.
    await maria.client.get('/api/v1/me/sobriety');
    expect(await celebrations(maria)).toHaveLength(2);

    // Other members see it in the category, with reactions to celebrate.
    const friend = await createUser(ctx, { displayName: 'Friend' });
    const list = (await friend.client.get(`/api/v1/community/categories/${milestones.slug}/topics`)).json();
    expect(list.topics[0]).toMatchObject({ title: '🎉 Maria reached one week', author: { displayName: 'Maria' } });
    const page = (await friend.client.get(`/api/v1/community/topics/${list.topics[0].id}`)).json();
    expect(page.posts[0]).toMatchObject({ kind: 'milestone', html: '<p>🎉 Maria reached one week. Every one of those days counted.</p>' });
    expect((await friend.client.put(`/api/v1/community/posts/${page.posts[0].id}/reactions/celebrate`)).statusCode).toBe(200);

    // Not opted in: nothing.
    const quiet = await createUser(ctx, { displayName: 'Quiet' });
    await reach(quiet, 40, false);
    expect(await celebrations(quiet)).toEqual([]);

    // In the member's language; suspended members are not celebrated in public.
    const lucia = await createUser(ctx, { displayName: 'Lucia' });
    expect((await lucia.client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
    await reach(lucia, 95, true);
    expect((await celebrations(lucia)).map((r) => [r.title, r.locale])).toEqual([['🎉 Lucia llegó a 90 días', 'es']]);
    const paused = await createUser(ctx, { displayName: 'Paused' });
    await ctx.database.db.execute(sql`insert into forum_member (user_id, suspended_until) values (${paused.id}, now() + interval '3 days')`);
    await ctx.database.db.transaction((tx) => celebrateMilestone(tx, { userId: paused.id, milestone: '30d', reachedOn: todayIn('UTC') }));
    expect(await celebrations(paused)).toEqual([]);
  });
});

describe('milestone words', () => {
  test('the same labels the journey shows, in both languages', () => {
    for (const locale of ['en', 'es'] as const) {
      const web = JSON.parse(readFileSync(new URL(`../../../web/i18n/${locale}.json`, import.meta.url), 'utf8')).journey.milestones as Record<string, string>;
      for (const key of ['1d', '7d', '30d', '60d', '90d', '6m', '9m', '1y', '18m']) expect(milestoneLabel(key, locale), `${locale} ${key}`).toBe(web[key]!.toLocaleLowerCase(locale));
      expect(milestoneLabel('3y', locale)).toBe(web.years_other!.replace('{{count}}', '3'));
    }
  });
});
