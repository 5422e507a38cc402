import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResults } from '../../../contracts/community.ts';
import { errors, optionalSession } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createSearchService } from './search-service.ts';

const tags = ['community'];

/** Forum search: anyone may search what they may read (public categories when signed out). */
export const communitySearchRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const search = createSearchService(ctx);

  app.get(
    '/api/v1/community/search',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: 'Search the posts I may read, in English and Spanish; best matches first, matched words marked',
        querystring: searchQuery,
        response: { 200: searchResults, ...errors(404, 422) },
      },
    },
    async (req) => search.search(await req.actor(), req.query),
  );
};
