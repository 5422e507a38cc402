import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Resources: tips, reviews and the coordinators' and moderators' work list. */
export const resourceReviewRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (_app, _opts) => {};
