import type { z } from 'zod';
import { type escalationLevel, type escalationSource, safetyLimits, type sosKind } from '../../../contracts/safety.ts';
import type { Queryable } from '../../db/client.ts';
import { settingsRepo } from '../instance/repo.ts';
import { type EscalationRow, escalationRepo, type Notice, rosterRepo } from './repo.ts';

type Level = z.infer<typeof escalationLevel>;

export const ACK_SETTING = 'safety_ack_minutes';
export const DEFAULT_ACK_MINUTES: Record<Level, number> = { emergency: 5, urgent: 30 };
/** People whose shift starts within this window are "later on the roster" once those on shift now were paged. */
const UPCOMING_WINDOW_MS = 24 * 3_600_000;

export async function ackMinutes(db: Queryable): Promise<Record<Level, number>> {
  return { ...DEFAULT_ACK_MINUTES, ...(await settingsRepo.get<Record<Level, number>>(db, ACK_SETTING)) };
}

const deadline = async (db: Queryable, level: string, from: Date) => new Date(from.getTime() + (await ackMinutes(db))[level as Level] * 60_000);

/**
 * Who is paged next: the next person on shift now (by position), then the next whose shift starts soonest, then
 * every coordinator at once. Nobody is paged twice, and never the member about themselves.
 */
async function nextStep(db: Queryable, esc: EscalationRow, now: Date, opening: boolean): Promise<Notice[]> {
  const skip = await escalationRepo.notifiedIds(db, esc.id);
  skip.add(esc.memberId);
  const fresh = (ids: string[]) => ids.filter((id) => !skip.has(id));
  const [onCall] = fresh(await rosterRepo.onCallAt(db, now));
  if (onCall) return [{ userId: onCall, reason: opening ? 'on_call' : 'roster_next' }];
  const [later] = fresh(await rosterRepo.startingBetween(db, now, new Date(now.getTime() + UPCOMING_WINDOW_MS)));
  if (later) return [{ userId: later, reason: 'roster_next' }];
  return fresh(await rosterRepo.coordinators(db)).map((userId) => ({ userId, reason: 'coordinator' as const }));
}

export interface OpenEscalationInput {
  memberId: string;
  source: z.infer<typeof escalationSource>;
  /** The check-in, post, reply or message that raised it; null for an SOS. */
  sourceId: string | null;
  level: Level;
  categories: string[];
  /** The words that raised it: the one place they are copied (cut to safetyLimits.excerptMax). */
  excerpt: string;
  sosKind?: z.infer<typeof sosKind>;
}

export interface OpenedEscalation {
  id: string;
  /** When to page the next person if nobody has acknowledged (null: nobody left to page). */
  nextPageAt: Date | null;
}

/**
 * Opens an escalation in the caller's transaction: the row, and the first notifications (the member's active mentor
 * and whoever is first on call; coordinators at once if nobody is). The deadline is stored on the row; after
 * commit, the caller hands the result to `escalations.scheduleDeadline` (the minute sweep pages it even if not).
 */
export async function openEscalation(tx: Queryable, input: OpenEscalationInput): Promise<OpenedEscalation> {
  const now = new Date();
  const row = await escalationRepo.insert(tx, {
    memberId: input.memberId,
    source: input.source,
    sourceId: input.sourceId,
    sosKind: input.sosKind ?? null,
    level: input.level,
    categories: input.categories,
    excerpt: input.excerpt.slice(0, safetyLimits.excerptMax),
    openedAt: now,
  });
  const mentorId = await rosterRepo.mentorOf(tx, input.memberId);
  if (mentorId && mentorId !== input.memberId) await escalationRepo.notify(tx, row.id, [{ userId: mentorId, reason: 'mentor' }]);
  const first = await nextStep(tx, row, now, true);
  await escalationRepo.notify(tx, row.id, first);
  const nextPageAt = first.length > 0 ? await deadline(tx, row.level, now) : null;
  await escalationRepo.update(tx, row.id, { nextPageAt });
  return { id: row.id, nextPageAt };
}

/**
 * Pages the next step if the escalation is still unacknowledged and its deadline has passed; otherwise changes
 * nothing. The row is locked (select ... for update), so two instances running the same deadline page once.
 */
export async function pageNextIn(tx: Queryable, id: string, now: Date): Promise<{ paged: Notice[]; nextPageAt: Date | null }> {
  const esc = await escalationRepo.lock(tx, id);
  if (!esc || esc.status !== 'open' || !esc.nextPageAt || esc.nextPageAt > now) return { paged: [], nextPageAt: null };
  const paged = await nextStep(tx, esc, now, false);
  await escalationRepo.notify(tx, id, paged);
  const nextPageAt = paged.length > 0 ? await deadline(tx, esc.level, now) : null;
  await escalationRepo.update(tx, id, { nextPageAt });
  return { paged, nextPageAt };
}
