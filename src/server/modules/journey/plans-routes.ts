import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Journey routes: plans (being written). */
export const journeyPlansRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async () => {};
