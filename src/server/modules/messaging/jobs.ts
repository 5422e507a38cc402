import type { FastifyBaseLogger } from 'fastify';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { applyRetention } from './retention.ts';

export const RETENTION_JOB = 'messaging.retention';

/** The daily retention sweep on the job queue (one run across instances: pg-boss schedules once). */
export async function startMessagingJobs(jobs: Jobs, ctx: ServiceContext, log?: FastifyBaseLogger) {
  await jobs.work(RETENTION_JOB, async () => {
    const removed = await applyRetention(ctx.db);
    if (removed.messages || removed.events) log?.info(removed, 'messaging retention removed old messages and events');
  });
  await jobs.schedule(RETENTION_JOB, '23 3 * * *');
}
