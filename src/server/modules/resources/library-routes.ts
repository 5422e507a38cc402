import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Resources: the coping strategies library. */
export const copingLibraryRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (_app, _opts) => {};
