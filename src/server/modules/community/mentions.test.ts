import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory, createForumMember } from '../../../../test/helpers/community-factories.ts';
import type { TestUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import { announcePost, recordEdit } from './post-writes.ts';
import { moderationSettingsRepo } from './settings.ts';

let ctx: TestContext;
let writer: TestUser;
let lena: TestUser;
let categoryId: string;

const member = (displayName: string, roles: ('moderator' | 'coordinator')[] = []) => createForumMember(ctx, displayName, roles);

/** The community notifications a person has, as kind:subject. */
async function inbox(person: TestUser) {
  const res = await ctx.database.db.execute<{ kind: string; subject_id: string; actor_id: string | null }>(
    sql`select kind, subject_id, actor_id from notification where user_id = ${person.id} and kind like 'community.%' order by created_at`,
  );
  return res.rows;
}

const reply = (person: TestUser, topicId: string, body: string, extra: Record<string, unknown> = {}) =>
  person.client.post(`/api/v1/community/topics/${topicId}/replies`, { body, ...extra });
const topic = async (person: TestUser, body = 'Opening words', cat = categoryId) =>
  (await person.client.post('/api/v1/community/topics', { categoryId: cat, title: 'A topic to talk in', body })).json();

beforeAll(async () => {
  ctx = await createTestApp();
  [writer, lena] = await Promise.all([member('Wren'), member('Lena Marie')]);
  await ctx.database.db.execute(sql`insert into forum_member (user_id, trust_level) values (${writer.id}, 2)`);
  categoryId = (await createCategory(ctx, { readAccess: 'members' })).id;
});
afterAll(() => ctx.close());

describe('mentions', () => {
  test('a display name, any case, with or without brackets, tells that person once, with who', async () => {
    const kai = await member('Kai');
    const t = await topic(writer, 'Hello @kai and @[Lena Marie], and @KAI again');
    expect(await inbox(kai)).toEqual([{ kind: 'community.mentioned', subject_id: t.post.id, actor_id: writer.id }]);
    expect(await inbox(lena)).toEqual([{ kind: 'community.mentioned', subject_id: t.post.id, actor_id: writer.id }]);
    expect(t.post.html).toContain('<span class="mention">@kai</span>');
  });

  test('nobody when the name is shared, unknown, the author themself, or inside code', async () => {
    const [sam1, sam2, cody] = await Promise.all([member('Sam'), member('sam'), member('Cody')]);
    await topic(writer, '@Sam @Nobodyhere @Wren `@Cody`');
    for (const p of [sam1, sam2, cody, writer]) expect(await inbox(p)).toEqual([]);
  });

  test('never someone who cannot read the category', async () => {
    const group = await createGroup(ctx);
    const inside = await member('Inez');
    const outside = await member('Otto');
    await addGroupMember(ctx, group.id, inside.id);
    await addGroupMember(ctx, group.id, writer.id);
    const groupCategory = await createCategory(ctx, { readAccess: 'group', postAccess: 'group', groupId: group.id });
    const t = await topic(writer, '@Inez and @Otto, welcome', groupCategory.id);
    expect(await inbox(inside)).toHaveLength(1);
    expect(await inbox(outside)).toEqual([]);

    // Nor the topic's author, once they have left the group.
    const opener = await member('Petra');
    await addGroupMember(ctx, group.id, opener.id);
    const theirs = await topic(opener, 'Opening', groupCategory.id);
    await ctx.database.db.execute(sql`delete from group_member where user_id = ${opener.id}`);
    expect((await reply(writer, theirs.topicId, 'An answer')).statusCode).toBe(201);
    expect(await inbox(opener)).toEqual([]);
    expect(t.post.id).toBeTruthy();
  });
});

describe('replies', () => {
  test("tell the topic's author, not when they answer themself; a mention of them counts once", async () => {
    const opener = await member('Odile');
    const t = await topic(opener);
    const r = (await reply(writer, t.topicId, 'I hear you')).json();
    expect((await reply(opener, t.topicId, 'Thank you')).statusCode).toBe(201);
    const m = (await reply(writer, t.topicId, '@Odile one more thing')).json();
    expect(await inbox(opener)).toEqual([
      { kind: 'community.replied', subject_id: r.post.id, actor_id: writer.id },
      { kind: 'community.mentioned', subject_id: m.post.id, actor_id: writer.id },
    ]);
  });
});

describe('a held post', () => {
  test('tells nobody until a moderator approves it; approval shows it, counts it, and tells them then', async () => {
    const opener = await member('Greta');
    const newcomer = await member('Nico');
    const t = await topic(opener);
    await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: true });
    let held;
    try {
      held = (await reply(newcomer, t.topicId, '@Lena Marie @[Lena Marie] hello')).json();
    } finally {
      await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: false });
    }
    expect(held.held).toBe(true);
    const before = await inbox(opener);
    expect(before).toEqual([]);
    const count = async () => (await ctx.database.db.execute<{ reply_count: number }>(sql`select reply_count from forum_topic where id = ${t.topicId}`)).rows[0]!.reply_count;
    expect(await count()).toBe(0);

    // What the moderation helper's approve does.
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`update forum_post set status = 'visible' where id = ${held.post.id}`);
      await announcePost(tx, held.post.id);
    });
    expect(await count()).toBe(1);
    expect(await inbox(opener)).toEqual([{ kind: 'community.replied', subject_id: held.post.id, actor_id: newcomer.id }]);
    expect((await inbox(lena)).filter((n) => n.subject_id === held.post.id)).toHaveLength(1);
  });

  test('a held opening post becomes a visible topic on approval', async () => {
    const newcomer = await member('Hana');
    await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: true });
    let held;
    try {
      held = await topic(newcomer, 'Waiting');
    } finally {
      await moderationSettingsRepo.update(ctx.database.db, { holdNewMembers: false });
    }
    expect((await lena.client.get(`/api/v1/community/topics/${held.topicId}`)).statusCode).toBe(404);
    await ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`update forum_post set status = 'visible' where id = ${held.post.id}`);
      await announcePost(tx, held.post.id);
    });
    expect((await lena.client.get(`/api/v1/community/topics/${held.topicId}`)).statusCode).toBe(200);
  });
});

describe('recordEdit (the moderator edit path)', () => {
  test('keeps the earlier body with the note, renders and indexes the new one', async () => {
    const t = await topic(writer, 'Call me on 555 0100');
    const mod = await member('Mira', ['moderator']);
    await ctx.database.db.transaction((tx) => recordEdit(tx, { postId: t.post.id, body: 'Call me [number removed]', editedBy: mod.id, note: 'Removed a phone number' }));
    const [post] = (await ctx.database.db.execute(sql`select body, html, edited_at is not null as edited, search @@ plainto_tsquery('english', 'removed') as found from forum_post where id = ${t.post.id}`)).rows;
    expect(post).toEqual({ body: 'Call me [number removed]', html: '<p>Call me [number removed]</p>', edited: true, found: true });
    const revisions = (await ctx.database.db.execute(sql`select body, title, edited_by, note from forum_post_revision where post_id = ${t.post.id}`)).rows;
    expect(revisions).toEqual([{ body: 'Call me on 555 0100', title: null, edited_by: mod.id, note: 'Removed a phone number' }]);
  });
});
