import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { MentorProfileBody } from '../../../contracts/mentoring.ts';
import type { Queryable } from '../../db/client.ts';
import { user, userRole } from '../accounts/tables.ts';
import { OPEN_STATUSES } from './policy.ts';
import { mentorProfile, mentorship } from './tables.ts';

/** A profile with what the matching rules need beside it: the name, the role today and the places taken. */
export type ProfileRow = typeof mentorProfile.$inferSelect & { displayName: string; isPeerSupporter: boolean; open: number };

/** Places taken: relationships in an open status, one count per mentor (a grouped subquery, one scan). */
export const openCounts = (db: Queryable) =>
  db
    .select({ mentorId: mentorship.mentorId, open: sql<number>`count(*)::int`.as('open') })
    .from(mentorship)
    .where(inArray(mentorship.status, [...OPEN_STATUSES]))
    .groupBy(mentorship.mentorId)
    .as('open_counts');

export const isPeerSupporterSql = sql<boolean>`exists (select 1 from ${userRole} where ${userRole.userId} = ${mentorProfile.userId} and ${userRole.role} = 'peer_supporter')`;

/**
 * Profiles joined with the mentor's name, role and places taken; `open` is the places-taken expression, for
 * filters such as "has a free place".
 */
export function profileQuery(db: Queryable) {
  const counts = openCounts(db);
  const open = sql<number>`coalesce(${counts.open}, 0)`;
  const query = db
    .select({
      ...getTableColumns(mentorProfile),
      displayName: user.name,
      isPeerSupporter: isPeerSupporterSql,
      open: open.mapWith(Number),
    })
    .from(mentorProfile)
    .innerJoin(user, eq(user.id, mentorProfile.userId))
    .leftJoin(counts, eq(counts.mentorId, mentorProfile.userId));
  return { query, open };
}

const withFacts = (db: Queryable) => profileQuery(db).query;

export const profilesRepo = {
  async find(db: Queryable, userId: string): Promise<ProfileRow | undefined> {
    const [row] = await withFacts(db).where(eq(mentorProfile.userId, userId));
    return row;
  },

  /** Every profile, by name (coordinators). */
  async list(db: Queryable): Promise<ProfileRow[]> {
    return withFacts(db).orderBy(asc(user.name), asc(mentorProfile.userId));
  },

  /**
   * Locks a mentor's profile row for the transaction: every change to who holds the mentor's places (a request, an
   * introduction) takes this lock first, so two of them cannot both take the last place.
   */
  async lock(db: Queryable, userId: string): Promise<boolean> {
    const rows = await db.select({ userId: mentorProfile.userId }).from(mentorProfile).where(eq(mentorProfile.userId, userId)).for('update');
    return rows.length === 1;
  },

  async save(db: Queryable, userId: string, body: Required<Omit<MentorProfileBody, 'genderDescription'>> & { genderDescription: string | null }) {
    const values = { ...body, updatedAt: new Date() };
    await db
      .insert(mentorProfile)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: mentorProfile.userId, set: values });
  },

  async updateAdmin(db: Queryable, userId: string, values: Partial<Pick<typeof mentorProfile.$inferInsert, 'certified' | 'certifiedBy' | 'certifiedAt' | 'capacityCap'>>) {
    await db
      .update(mentorProfile)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(mentorProfile.userId, userId));
  },
};
