import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The PostgreSQL-backed job queue (pg-boss). Jobs survive restarts and are shared by every server instance;
 * nothing important waits on an in-memory timer.
 */
export interface Jobs {
  /** `startAfter` delays the job (a deadline); the handler must tolerate running late or more than once. */
  send(name: string, data: object, options?: { startAfter?: Date }): Promise<void>;
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>;
  schedule(name: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startJobs(url: string, log: FastifyBaseLogger): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, max: 3, schema: 'pgboss' });
  boss.on('error', (err: Error) => log.error({ err: { type: err.name, message: err.message } }, 'job queue error'));
  await boss.start();
  const queues = new Set<string>();
  const ensure = async (name: string) => {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  };
  return {
    async send(name, data, options) {
      await ensure(name);
      await boss.send(name, data, { retryLimit: 5, retryDelay: 30, retryBackoff: true, ...(options?.startAfter ? { startAfter: options.startAfter } : {}) });
    },
    async work(name, handler) {
      await ensure(name);
      await boss.work<object>(name, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    async schedule(name, cron) {
      await ensure(name);
      await boss.schedule(name, cron);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
