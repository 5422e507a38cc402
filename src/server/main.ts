import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { connect } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { provideDatabase } from './db/provision.ts';
import { startJobs } from './jobs/queue.ts';
import { createLogger } from './logging.ts';
import { deliverBySmtp, MAIL_JOB } from './mail/mailer.ts';
import { startSafetyJobs } from './modules/safety/jobs.ts';
import { startMentoringJobs } from './modules/mentoring/jobs.ts';
import { startMessagingJobs } from './modules/messaging/jobs.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** config -> database -> migrations -> jobs -> listen, and a clean shutdown in the reverse order. */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const provided = await provideDatabase(config, { log: (line) => log.debug({ postgres: line }, 'embedded postgres') });
  const steps: Array<() => Promise<unknown>> = [() => provided.stop()];
  const close = async () => {
    for (const step of steps.reverse()) await step().catch((err: Error) => log.error({ err: { type: err.name } }, 'shutdown step failed'));
  };
  try {
    await runMigrations(provided.url);
    const database = connect(provided.url, { max: config.databasePoolSize });
    steps.push(() => database.close());
    const jobs = await startJobs(provided.url, log);
    steps.push(() => jobs.stop());
    const app = await buildApp({ config, database, jobs, logger: log });
    steps.push(() => app.close());

    if (config.smtp) await jobs.work<{ to: string; subject: string; text: string }>(MAIL_JOB, (m) => deliverBySmtp(config, m));
    await jobs.work('maintenance.prune-rate-events', async () => {
      await app.services.ctx.limiter.prune();
    });
    await jobs.schedule('maintenance.prune-rate-events', '17 * * * *');
    await startSafetyJobs(jobs, app.services.ctx, log);
    await startMentoringJobs(jobs, app.services.ctx, log);
    await startMessagingJobs(jobs, app.services.ctx, log);

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info({ port, database: provided.source }, 'Kindred is listening');
    return { url: `http://${config.host}:${port}`, close };
  } catch (err) {
    await close();
    throw err;
  }
}
