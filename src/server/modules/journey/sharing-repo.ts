import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { user } from '../accounts/tables.ts';
import { mentorship } from '../mentoring/tables.ts';
import type { ShareCategory } from './policy.ts';
import { journeyConsent } from './tables.ts';

const activeConsent = (userId: string, category: ShareCategory) =>
  and(eq(journeyConsent.userId, userId), eq(journeyConsent.category, category), eq(journeyConsent.grantee, 'mentor'), isNull(journeyConsent.revokedAt));

export const sharingRepo = {
  /** Every consent a member has given, newest first (revoked ones included: the history is theirs to see). */
  async consentsOf(db: Queryable, userId: string) {
    return db
      .select({ category: journeyConsent.category, grantee: journeyConsent.grantee, grantedAt: journeyConsent.grantedAt, revokedAt: journeyConsent.revokedAt })
      .from(journeyConsent)
      .where(eq(journeyConsent.userId, userId))
      .orderBy(desc(journeyConsent.grantedAt), desc(journeyConsent.id));
  },

  /** Grants a category to the mentor; false when it was already granted. */
  async grant(db: Queryable, userId: string, category: ShareCategory): Promise<boolean> {
    const rows = await db
      .insert(journeyConsent)
      .values({ userId, category, grantee: 'mentor' })
      .onConflictDoNothing()
      .returning({ id: journeyConsent.id });
    return rows.length === 1;
  },

  /** Revokes the active grant of a category; false when there was none. */
  async revoke(db: Queryable, userId: string, category: ShareCategory): Promise<boolean> {
    const rows = await db.update(journeyConsent).set({ revokedAt: sql`now()` }).where(activeConsent(userId, category)).returning({ id: journeyConsent.id });
    return rows.length === 1;
  },

  /** The people someone mentors now: id and display name only. */
  async activeMentees(db: Queryable, mentorId: string) {
    return db
      .select({ id: user.id, displayName: user.name })
      .from(mentorship)
      .innerJoin(user, eq(user.id, mentorship.menteeId))
      .where(and(eq(mentorship.mentorId, mentorId), eq(mentorship.status, 'active')))
      .orderBy(asc(user.name), asc(user.id));
  },
};
