import crypto from 'node:crypto';
import { groupMember, meeting, supportGroup } from '../../src/server/modules/meetings/tables.ts';
import type { TestContext } from './app.ts';

/**
 * Groups and meetings written straight into the tables, for tests that need a world of meetings without going
 * through the meetings API. Defaults: a public, open twelve-step group; a weekly in-person meeting on Monday and
 * Thursday, 19:00-20:00 in America/Chicago, with a full address and coordinates.
 */

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${crypto.randomBytes(2).toString('hex')}`;

type Db = Pick<TestContext, 'database'>;
export type GroupRow = typeof supportGroup.$inferSelect;
export type MeetingRow = typeof meeting.$inferSelect;

export async function createGroup(ctx: Db, overrides: Partial<typeof supportGroup.$inferInsert> = {}): Promise<GroupRow> {
  const slug = overrides.slug ?? unique('group');
  const [row] = await ctx.database.db
    .insert(supportGroup)
    .values({
      slug,
      name: `Group ${counter}`,
      description: '',
      pathway: 'twelve_step',
      fellowship: 'Alcoholics Anonymous',
      languages: ['en'],
      visibility: 'public',
      membership: 'open',
      conferenceVisibility: 'public',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function createMeeting(ctx: Db, groupId: string, overrides: Partial<typeof meeting.$inferInsert> = {}): Promise<MeetingRow> {
  const [row] = await ctx.database.db
    .insert(meeting)
    .values({
      groupId,
      slug: unique('meeting'),
      name: `Meeting ${counter}`,
      days: [1, 4],
      onceOn: null,
      startTime: '19:00',
      endTime: '20:00',
      timeZone: 'America/Chicago',
      attendance: 'in_person',
      locationName: "St. Mark's Church, basement",
      formattedAddress: '123 Main St, Chicago, IL 60601, USA',
      latitude: 41.881832,
      longitude: -87.623177,
      types: ['O', 'D'],
      ...overrides,
    })
    .returning();
  return row!;
}

export async function addGroupMember(
  ctx: Db,
  groupId: string,
  userId: string,
  role: 'member' | 'facilitator' = 'member',
  status: 'active' | 'pending' = 'active',
) {
  await ctx.database.db.insert(groupMember).values({ groupId, userId, role, status });
}
