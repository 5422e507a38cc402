import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { crisisResources } from '../../../contracts/journey.ts';
import { adminCrisisResources, crisisResourcesBody, crisisResourcesLocaleParams, crisisResourcesLocaleQuery } from '../../../contracts/safety.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createCrisisResourcesService } from './crisis-resources-service.ts';


/** The instance's crisis lines: read by anyone, in their language; configured per language by coordinators. */
export const crisisResourcesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const lines = createCrisisResourcesService(ctx);

  app.get(
    '/api/v1/crisis-resources',
    { schema: { tags: ['safety'], summary: "The instance's crisis lines, in the request's language", response: { 200: crisisResources } } },
    async (req) => lines.list(localeOf(req.headers['accept-language'])),
  );

  app.get(
    '/api/v1/admin/crisis-resources',
    {
      schema: {
        tags: ['coordination'],
        security,
        summary: 'The crisis lines members see in a language, and whether they are configured or the defaults',
        querystring: crisisResourcesLocaleQuery,
        response: { 200: adminCrisisResources, ...errors(401, 404, 422) },
      },
    },
    async (req) => lines.adminList(await req.actor(), req.query.locale),
  );

  app.put(
    '/api/v1/admin/crisis-resources/:locale',
    {
      schema: {
        tags: ['coordination'],
        security,
        summary: "Replace a language's crisis lines (at most 20; an empty list returns to the defaults; audited)",
        params: crisisResourcesLocaleParams,
        body: crisisResourcesBody,
        response: { 200: adminCrisisResources, ...errors(401, 404, 422) },
      },
    },
    async (req) => lines.replace(await req.actor(), req.params.locale, req.body),
  );
};
