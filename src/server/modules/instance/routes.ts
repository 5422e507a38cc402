import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { me, setupBody } from '../../../contracts/accounts.ts';
import { LOCALES } from '../../../contracts/common.ts';
import { health, instanceInfo } from '../../../contracts/instance.ts';
import { databaseAnswers } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { errors } from '../../http/openapi.ts';
import { requestMeta, withCookies } from '../../http/request-context.ts';
import type { AccountsService } from '../accounts/service.ts';
import type { InstanceSettings } from './service.ts';
import type pg from 'pg';

export const instanceRoutes: FastifyPluginAsyncZod<{ accounts: AccountsService; settings: InstanceSettings; pool: pg.Pool }> = async (
  app,
  { accounts, settings, pool },
) => {
  app.get(
    '/api/health',
    { schema: { tags: ['instance'], summary: 'Liveness and database check', response: { 200: health, ...errors(503) } } },
    async () => {
      if (!(await databaseAnswers(pool))) throw new AppError('unavailable', 'databaseDown');
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );

  app.get(
    '/api/v1/instance',
    { schema: { tags: ['instance'], summary: 'Public facts the web app needs before sign-in', response: { 200: instanceInfo } } },
    async () => ({
      name: settings.name(),
      setupRequired: await accounts.setupRequired(),
      registrationMode: await settings.registrationMode(),
      locales: [...LOCALES],
    }),
  );

  app.post(
    '/api/v1/setup',
    {
      schema: {
        tags: ['instance'],
        summary: 'Create the first coordinator (only while none exists; 404 afterwards)',
        body: setupBody,
        response: { 201: me, ...errors(404, 409, 422, 429) },
      },
    },
    async (req, reply) => withCookies(reply, await accounts.setup(req.body, requestMeta(req)), 201),
  );
};
