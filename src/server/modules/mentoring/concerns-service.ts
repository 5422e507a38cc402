import type { z } from 'zod';
import type { concernBody, concernCloseBody, concernQuery } from '../../../contracts/mentoring.ts';
import { type Actor, authorize, type Rule } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { mentoringPolicy } from './policy.ts';
import { presentConcern } from './presenters.ts';
import { concernRepo, mentorshipRepo, peopleRepo } from './repo.ts';

type ConcernLock = NonNullable<Awaited<ReturnType<typeof concernRepo.lock>>>;

const asMentor: Rule<{ mentorId: string }> = (a, m) => a.userId === m.mentorId;
/** A mentor raises a concern about someone they took on: not about a request they never accepted. */
const NOT_YET = new Set(['requested', 'declined', 'expired', 'cancelled']);

/**
 * Concerns a mentor raises with coordinators, tracked until closed. Coordinators see them all; a mentor sees their
 * own; the mentee never sees concerns about them.
 */
export function createConcernsService(ctx: ServiceContext) {
  const { db } = ctx;

  async function one(id: string) {
    return presentConcern((await concernRepo.byId(db, id))!);
  }

  /** A coordinator's change under the concern's row lock; a closed concern is 409. A change is audited, without the note. */
  async function coordinate(actor: Actor | null, id: string, action: string, apply: (tx: Queryable, a: Actor, c: ConcernLock, now: Date) => Promise<boolean>) {
    const a = authorize(actor, mentoringPolicy.coordinate, undefined);
    await db.transaction(async (tx) => {
      const c = await concernRepo.lock(tx, id);
      if (!c) throw notFound();
      if (c.status === 'closed') throw new AppError('conflict', 'mentoringConcernClosed');
      if (await apply(tx, a, c, new Date())) await auditRepo.record(tx, { actorId: a.userId, action, subjectId: c.mentorId, details: { concernId: c.id, kind: c.kind } });
    });
    return one(id);
  }

  return {
    /** The mentor raises a concern; every coordinator is told (but not the mentor themself, should they be one). */
    async open(actor: Actor | null, mentorshipId: string, body: z.output<typeof concernBody>) {
      const a = authorize(actor);
      const m = await mentorshipRepo.byId(db, mentorshipId);
      if (!m) throw notFound();
      authorize(a, asMentor, m);
      if (NOT_YET.has(m.status)) throw new AppError('conflict', 'mentoringConcernNotYet');
      const id = await db.transaction(async (tx) => {
        const created = await concernRepo.insert(tx, { mentorshipId: m.id, mentorId: m.mentorId, menteeId: m.menteeId, kind: body.kind, note: body.note });
        const coordinators = (await peopleRepo.coordinators(tx)).filter((u) => u !== a.userId);
        await notificationsRepo.add(
          tx,
          coordinators.map((userId) => ({ userId, kind: 'mentoring.concern_opened' as const, subjectId: created, actorId: a.userId })),
        );
        return created;
      });
      return one(id);
    },

    /** Coordinators: all concerns; anyone else: the concerns they raised as a mentor (a mentee's list has none about them). */
    async list(actor: Actor | null, query: z.output<typeof concernQuery>) {
      const a = authorize(actor);
      const mine = mentoringPolicy.coordinate(a) ? undefined : a.userId;
      const rows = await concernRepo.list(db, { mentorId: mine, openOnly: query.status === 'open' });
      return { concerns: rows.map(presentConcern) };
    },

    acknowledge(actor: Actor | null, id: string) {
      return coordinate(actor, id, 'mentoring.concern_acknowledged', async (tx, a, c, now) => {
        if (c.status !== 'open') return false;
        await concernRepo.update(tx, c.id, { status: 'acknowledged', acknowledgedBy: a.userId, acknowledgedAt: now });
        return true;
      });
    },

    close(actor: Actor | null, id: string, body: z.output<typeof concernCloseBody>) {
      return coordinate(actor, id, 'mentoring.concern_closed', async (tx, a, c, now) => {
        await concernRepo.update(tx, c.id, {
          status: 'closed',
          closedBy: a.userId,
          closedAt: now,
          outcome: body.outcome,
          // Closing says it was seen, too.
          ...(c.acknowledgedAt ? {} : { acknowledgedBy: a.userId, acknowledgedAt: now }),
        });
        return true;
      });
    },
  };
}

export type ConcernsService = ReturnType<typeof createConcernsService>;
