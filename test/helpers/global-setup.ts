import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';
import { runMigrations } from '../../src/server/db/migrate.ts';
import { buildWeb, webBuildIsStale } from '../../src/cli/web-build.ts';

/**
 * One real PostgreSQL per test run: the embedded server on a throwaway directory, or the server in DATABASE_URL
 * (which must allow CREATE DATABASE). Migrations are applied once to a template database; every test file then
 * gets its own copy (CREATE DATABASE ... TEMPLATE), so files run in parallel without touching each other.
 */
export default async function setup(project: TestProject) {
  // Browser and `serve` tests need the built web app; build it once here so no two files race to build it.
  if (webBuildIsStale()) await buildWeb();
  const external = process.env.DATABASE_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const dir = path.resolve('.tmp', `test-pg-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);
    const embedded = await startEmbeddedPostgres({
      dataDir: dir,
      // A throwaway cluster: durability buys nothing here.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    adminUrl = embedded.adminUrl;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = `kindred_tpl_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await runMigrations(templateUrl.toString());

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`kt_${process.pid}_%`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}
