import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../context.ts';

/** Reported messages for moderators, and the coordinators' messaging settings (docs/messaging.md). */
export const messagingModerationRoutes: FastifyPluginAsync<{ ctx: ServiceContext }> = async () => {};
