import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Journey routes: recovery profile, sobriety dates, check-ins, crisis resources (being written). */
export const journeyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async () => {};
