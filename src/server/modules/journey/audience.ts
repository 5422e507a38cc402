import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { mentorship } from '../mentoring/tables.ts';
import type { JourneyAudience, ShareCategory } from './policy.ts';
import { journeyConsent } from './tables.ts';

/** Loads the facts journeyPolicy needs about one member. */
export async function loadAudience(db: Queryable, ownerId: string): Promise<JourneyAudience> {
  const [mentor] = await db
    .select({ mentorId: mentorship.mentorId })
    .from(mentorship)
    .where(and(eq(mentorship.menteeId, ownerId), eq(mentorship.status, 'active')));
  const consents = await db
    .select({ category: journeyConsent.category })
    .from(journeyConsent)
    .where(and(eq(journeyConsent.userId, ownerId), eq(journeyConsent.grantee, 'mentor'), isNull(journeyConsent.revokedAt)));
  return {
    ownerId,
    mentorId: mentor?.mentorId ?? null,
    sharedWithMentor: new Set(consents.map((c) => c.category as ShareCategory)),
  };
}
