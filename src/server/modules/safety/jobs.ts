import type { FastifyBaseLogger } from 'fastify';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createEscalationService, DEADLINE_JOB, SWEEP_JOB } from './service.ts';

/**
 * Paging on the job queue: a delayed job per deadline (sent after the escalation commits), and a sweep every
 * minute for any deadline whose job was lost. Both call the same idempotent pageNext, under a row lock.
 */
export async function startSafetyJobs(jobs: Jobs, ctx: ServiceContext, log?: FastifyBaseLogger) {
  const escalations = createEscalationService(ctx, { jobs, log });
  await jobs.work<{ escalationId: string }>(DEADLINE_JOB, async ({ escalationId }) => {
    await escalations.pageNext(escalationId);
  });
  await jobs.work(SWEEP_JOB, () => escalations.pageOverdue());
  await jobs.schedule(SWEEP_JOB, '* * * * *');
}
