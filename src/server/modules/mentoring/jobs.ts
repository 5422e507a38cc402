import type { FastifyBaseLogger } from 'fastify';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { EXPIRY_JOB } from './jobs-names.ts';
import { createMentorshipService } from './service.ts';

/** The minute sweep for unanswered requests whose delayed expiry job was lost. */
export const EXPIRY_SWEEP_JOB = 'mentoring.request-expiry-sweep';

/**
 * Expiry of unanswered requests on the job queue: a delayed job per request (sent by matching after the request
 * commits, at its expiresAt), and a sweep every minute for any whose job was lost. Both call the same idempotent
 * expire, under the relationship's row lock.
 */
export async function startMentoringJobs(jobs: Jobs, ctx: ServiceContext, log?: FastifyBaseLogger) {
  const mentorships = createMentorshipService(ctx);
  await jobs.work<{ mentorshipId: string }>(EXPIRY_JOB, async ({ mentorshipId }) => {
    await mentorships.expire(mentorshipId);
  });
  await jobs.work(EXPIRY_SWEEP_JOB, async () => {
    const expired = await mentorships.expireDue();
    if (expired) log?.info({ expired }, 'unanswered mentoring requests expired by the sweep');
  });
  await jobs.schedule(EXPIRY_SWEEP_JOB, '* * * * *');
}
