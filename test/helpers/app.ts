import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type KindredApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { connect, type Database } from '../../src/server/db/client.ts';
import { createLogger, type Logger } from '../../src/server/logging.ts';
import { type Jobs, startJobs } from '../../src/server/jobs/queue.ts';

export const PUBLIC_URL = 'http://localhost:3000';
export const ORIGIN = PUBLIC_URL;

export interface TestContext {
  app: KindredApp;
  database: Database;
  config: Config;
  url: string;
  jobs?: Jobs;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template. The name carries the global setup's pid for cleanup. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `kt_${inject('pgTemplate').split('_')[2]}_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestApp(overrides: Partial<Config> = {}, opts: { logger?: Logger; webDir?: string; withJobs?: boolean } = {}): Promise<TestContext> {
  const url = await createTestDatabase();
  const config: Config = { ...loadConfig({ PUBLIC_URL, LOG_LEVEL: 'silent' }), ...overrides, databaseUrl: url };
  const database = connect(url, { max: 5 });
  let jobs: Jobs | undefined;
  let app: KindredApp;
  try {
    jobs = opts.withJobs ? await startJobs(url, createLogger('silent')) : undefined;
    app = await buildApp({ config, database, jobs, logger: opts.logger ?? false, webDir: opts.webDir ?? '/nonexistent-web-build' });
    await app.ready();
  } catch (err) {
    await jobs?.stop();
    await database.close();
    throw err;
  }
  return {
    app,
    database,
    config,
    url,
    jobs,
    async close() {
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}

/** A second Kindred instance on the same database as `first`, as behind a load balancer. */
export async function createSecondInstance(first: TestContext, opts: { withJobs?: boolean } = {}): Promise<{ app: KindredApp; jobs?: Jobs; close(): Promise<void> }> {
  const database = connect(first.url, { max: 3 });
  const jobs = opts.withJobs ? await startJobs(first.url, createLogger('silent')) : undefined;
  const app = await buildApp({ config: first.config, database, jobs, logger: false, webDir: '/nonexistent-web-build' });
  await app.ready();
  return {
    app,
    jobs,
    async close() {
      await jobs?.stop();
      await app.close();
      await database.close();
    },
  };
}

/** Listens on a free loopback port (for real sockets: WebSocket clients); answers the base URL, http://127.0.0.1:port. */
export async function listen(app: KindredApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}

/** Polls until `check` holds or `ms` pass: for what reaches another instance by notification, within moments. */
export async function until(check: () => Promise<boolean>, ms = 2000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
