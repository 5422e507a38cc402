import { sql } from 'drizzle-orm';
import { realtimeLimits } from '../../../contracts/realtime.ts';
import type { Queryable } from '../../db/client.ts';
import { messagesRepo } from './messages-repo.ts';
import { readMessagingSettings } from './settings.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The daily retention sweep: messages older than the coordinators' period (none when it is unset, the default) and
 * realtime events older than the resume window (a client away longer reloads over HTTP instead).
 */
export async function applyRetention(db: Queryable, now = new Date()): Promise<{ messages: number; events: number }> {
  const { retentionDays } = await readMessagingSettings(db);
  const messages = retentionDays ? await messagesRepo.deleteOlderThan(db, new Date(now.getTime() - retentionDays * DAY)) : 0;
  const res = await db.execute(sql`delete from realtime_event where created_at < ${new Date(now.getTime() - realtimeLimits.resumeDays * DAY).toISOString()}::timestamptz`);
  return { messages, events: res.rowCount ?? 0 };
}
