import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { MenteeRequestBody } from '../../../contracts/mentoring.ts';
import type { Queryable } from '../../db/client.ts';
import { user } from '../accounts/tables.ts';
import { OPEN_STATUSES } from './policy.ts';
import type { RequestRow } from './repo.ts';
import { menteeRequest, mentorship } from './tables.ts';

export type RequestValues = Required<Omit<MenteeRequestBody, 'stage'>> & { stage: string | null };

const named = (db: Queryable) =>
  db
    .select({ ...getTableColumns(menteeRequest), displayName: user.name })
    .from(menteeRequest)
    .innerJoin(user, eq(user.id, menteeRequest.menteeId));

/** A request the mentee still has: in the pool, with a mentor asked, or matched (kept for a one-tap rematch). */
const CURRENT = ['waiting', 'pending', 'matched'];

export const requestsRepo = {
  /** The mentee's current request, the newest if an older matched one lingers. */
  async current(db: Queryable, menteeId: string): Promise<RequestRow | undefined> {
    const [row] = await named(db)
      .where(and(eq(menteeRequest.menteeId, menteeId), inArray(menteeRequest.status, CURRENT)))
      .orderBy(desc(menteeRequest.createdAt), desc(menteeRequest.id))
      .limit(1);
    return row;
  },

  async byId(db: Queryable, id: string): Promise<RequestRow | undefined> {
    const [row] = await named(db).where(eq(menteeRequest.id, id));
    return row;
  },

  /** Serialises one mentee's changes to their request and relationships (create, update, ask, withdraw). */
  async lockMentee(db: Queryable, menteeId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mentee_request:${menteeId}`}, 0))`);
  },

  /** Locks the request row for the transaction. */
  async lock(db: Queryable, id: string) {
    const [row] = await db.select().from(menteeRequest).where(eq(menteeRequest.id, id)).for('update');
    return row;
  },

  async create(db: Queryable, menteeId: string, values: RequestValues): Promise<string> {
    const [row] = await db
      .insert(menteeRequest)
      .values({ menteeId, ...values })
      .returning({ id: menteeRequest.id });
    return row!.id;
  },

  async update(db: Queryable, id: string, values: Partial<typeof menteeRequest.$inferInsert>) {
    await db
      .update(menteeRequest)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(menteeRequest.id, id));
  },

  /** Waiting and pending requests, longest wait first (coordinators). */
  async listOpen(db: Queryable): Promise<RequestRow[]> {
    return named(db)
      .where(inArray(menteeRequest.status, ['waiting', 'pending']))
      .orderBy(asc(menteeRequest.waitingSince), asc(menteeRequest.id));
  },

  /** The mentee's open relationship (requested, accepted, active or paused), if any. */
  async openMentorshipOf(db: Queryable, menteeId: string) {
    const [row] = await db
      .select({ id: mentorship.id, status: mentorship.status, mentorId: mentorship.mentorId, requestId: mentorship.requestId })
      .from(mentorship)
      .where(and(eq(mentorship.menteeId, menteeId), inArray(mentorship.status, [...OPEN_STATUSES])));
    return row;
  },

  /** The relationship a pending request is waiting on. */
  async requestedFor(db: Queryable, requestId: string) {
    const [row] = await db
      .select({ id: mentorship.id, mentorId: mentorship.mentorId })
      .from(mentorship)
      .where(and(eq(mentorship.requestId, requestId), eq(mentorship.status, 'requested')));
    return row;
  },
};
