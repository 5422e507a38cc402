import type { z } from 'zod';
import type { MenteeRequest, menteeRequestBody } from '../../../contracts/mentoring.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { mentorshipRepo } from './repo.ts';
import { mentoringPolicy } from './policy.ts';
import { presentRequest } from './presenters.ts';
import { requestsRepo } from './requests-repo.ts';

/**
 * The mentee's request: what they look for. Visible to the mentee, to coordinators, and to the mentor it was sent
 * to (through the relationship); never listed to other members.
 */
export function createRequestsService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async mine(actor: Actor | null): Promise<{ request: MenteeRequest | null }> {
      const a = authorize(actor, mentoringPolicy.mentee, undefined);
      const row = await requestsRepo.current(db, a.userId);
      return { request: row ? presentRequest(row) : null };
    },

    /**
     * Creates a waiting request, or changes the current one's preferences. While a mentor is asked or a relationship
     * is open, only the preferences change; a matched request whose relationship is over goes back to the pool. No
     * new request while a relationship is open (409).
     */
    async save(actor: Actor | null, body: z.output<typeof menteeRequestBody>): Promise<MenteeRequest> {
      const a = authorize(actor, mentoringPolicy.mentee, undefined);
      const id = await db.transaction(async (tx) => {
        await requestsRepo.lockMentee(tx, a.userId);
        const current = await requestsRepo.current(tx, a.userId);
        const open = await requestsRepo.openMentorshipOf(tx, a.userId);
        if (!current) {
          // A new search while a relationship is open would offer someone a place they cannot take up.
          if (open) throw new AppError('conflict', 'mentoringAlreadyOpen');
          return requestsRepo.create(tx, a.userId, body);
        }
        const backToPool = current.status === 'matched' && !open;
        await requestsRepo.update(tx, current.id, { ...body, ...(backToPool ? { status: 'waiting', waitingSince: new Date() } : {}) });
        return current.id;
      });
      return presentRequest((await requestsRepo.byId(db, id))!);
    },

    /** Leaves matching. A mentor asked and not yet answering is told the request was cancelled. */
    async withdraw(actor: Actor | null): Promise<void> {
      const a = authorize(actor, mentoringPolicy.mentee, undefined);
      await db.transaction(async (tx) => {
        await requestsRepo.lockMentee(tx, a.userId);
        const current = await requestsRepo.current(tx, a.userId);
        if (!current) throw notFound();
        const asked = current.status === 'pending' ? await requestsRepo.requestedFor(tx, current.id) : undefined;
        // Under the relationship's row lock: the mentor may be answering at this very moment.
        if (asked && (await mentorshipRepo.lock(tx, asked.id))?.status === 'requested') {
          await mentorshipRepo.update(tx, asked.id, { status: 'cancelled', respondedAt: new Date() });
          await notificationsRepo.add(tx, { userId: asked.mentorId, kind: 'mentoring.cancelled', subjectId: asked.id, actorId: a.userId });
        }
        await requestsRepo.update(tx, current.id, { status: 'withdrawn' });
      });
    },

    /** Waiting and pending requests (coordinators). */
    async list(actor: Actor | null): Promise<{ requests: MenteeRequest[] }> {
      authorize(actor, mentoringPolicy.coordinate, undefined);
      return { requests: (await requestsRepo.listOpen(db)).map(presentRequest) };
    },
  };
}
