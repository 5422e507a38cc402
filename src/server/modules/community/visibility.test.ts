import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../../contracts/common.ts';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { createCategory } from '../../../../test/helpers/community-factories.ts';
import { createUser } from '../../../../test/helpers/factories.ts';
import { addGroupMember, createGroup } from '../../../../test/helpers/meetings-factories.ts';
import type { Actor } from '../../access.ts';
import { canReadCategory } from './policy.ts';
import { readableCategory } from './visibility.ts';

/**
 * canReadCategory (policy.ts, single records) and readableCategory (visibility.ts, every list and count) must say the
 * same thing, or a private category leaks through one of them. Every access × reader × archived, against a written
 * truth table, so both being wrong the same way fails too.
 */

type Access = 'public' | 'members' | 'group';
type Reader = 'signed out' | 'member' | 'group member' | 'pending group member' | 'moderator' | 'coordinator';

const ACCESSES: Access[] = ['public', 'members', 'group'];
const READERS: Reader[] = ['signed out', 'member', 'group member', 'pending group member', 'moderator', 'coordinator'];

function expected(reader: Reader, access: Access, archived: boolean): boolean {
  if (reader === 'moderator' || reader === 'coordinator') return true;
  if (archived) return false;
  if (access === 'public') return true;
  if (reader === 'signed out') return false;
  if (access === 'members') return true;
  return reader === 'group member';
}

let ctx: TestContext;
const actors = new Map<Reader, Actor | null>();
const categories: { id: string; access: Access; archived: boolean; groupId: string }[] = [];
let groupId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  groupId = (await createGroup(ctx)).id;
  const roles: Partial<Record<Reader, Role[]>> = { moderator: ['moderator'], coordinator: ['coordinator'] };
  actors.set('signed out', null);
  for (const reader of READERS.filter((r) => r !== 'signed out')) {
    const person = await createUser(ctx, { roles: roles[reader] ?? [] });
    if (reader === 'group member') await addGroupMember(ctx, groupId, person.id);
    if (reader === 'pending group member') await addGroupMember(ctx, groupId, person.id, 'member', 'pending');
    actors.set(reader, { userId: person.id, sessionId: 'test', roles: new Set<Role>(['member', ...(roles[reader] ?? [])]) });
  }
  for (const access of ACCESSES) {
    for (const archived of [false, true]) {
      const c = await createCategory(ctx, { readAccess: access, postAccess: access === 'group' ? 'group' : 'members', groupId: access === 'group' ? groupId : null });
      if (archived) await ctx.database.db.execute(sql`update forum_category set archived_at = now() where id = ${c.id}`);
      categories.push({ id: c.id, access, archived, groupId });
    }
  }
});
afterAll(() => ctx.close());

describe('who reads a category', () => {
  for (const reader of READERS) {
    test(reader, async () => {
      const actor = actors.get(reader)!;
      const res = await ctx.database.db.execute<{ id: string }>(sql`select c.id from forum_category c where ${readableCategory(actor)}`);
      const bySql = new Set(res.rows.map((r) => r.id));
      for (const c of categories) {
        const inGroup = reader === 'group member' && c.access === 'group';
        const byPolicy = canReadCategory(actor, { readAccess: c.access, postAccess: 'members', groupId: c.groupId, archivedAt: c.archived ? new Date() : null }, inGroup);
        const label = `${reader} / ${c.access}${c.archived ? ' / archived' : ''}`;
        expect(byPolicy, label).toBe(expected(reader, c.access, c.archived));
        expect(bySql.has(c.id), label).toBe(expected(reader, c.access, c.archived));
      }
    });
  }
});
