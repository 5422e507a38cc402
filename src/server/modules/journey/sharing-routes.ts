import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Journey routes: sharing (being written). */
export const journeySharingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async () => {};
