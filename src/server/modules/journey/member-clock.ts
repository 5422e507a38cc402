import { eq } from 'drizzle-orm';
import type { Actor } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { user } from '../accounts/tables.ts';
import { todayIn } from './dates.ts';

/** A member's time zone and today's date there: every journey date is the member's local calendar date. */
export async function memberClock(db: Queryable, who: Actor | string, now = new Date()): Promise<{ timeZone: string; today: string }> {
  let timeZone = typeof who === 'string' ? undefined : who.profile?.timeZone;
  if (!timeZone) {
    const userId = typeof who === 'string' ? who : who.userId;
    const [row] = await db.select({ timeZone: user.timeZone }).from(user).where(eq(user.id, userId));
    timeZone = row?.timeZone ?? 'UTC';
  }
  return { timeZone, today: todayIn(timeZone, now) };
}
