import type { FastifyPluginAsync } from 'fastify';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';

/** Conversations, messages, requests, blocks, reports, search, export (docs/messaging.md). */
export const messagingRoutes: FastifyPluginAsync<{ ctx: ServiceContext; jobs?: Jobs }> = async () => {};
