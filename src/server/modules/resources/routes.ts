import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Resources: the directory (search, entries, suggestions). */
export const resourcesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (_app, _opts) => {};
