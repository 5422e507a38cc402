import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../context.ts';

/** Resources: import and export (CSV, JSON) and the printable resource sheet (PDF). */
export const resourceTransferRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (_app, _opts) => {};
