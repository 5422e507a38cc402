import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import type { Notifications } from '../db/notifications.ts';
import type { ServiceContext } from '../modules/context.ts';

/** The realtime socket, GET /api/v1/realtime (docs/realtime.md). */
export const realtimeRoutes: FastifyPluginAsync<{ ctx: ServiceContext; pool: pg.Pool; notifications: Notifications }> = async () => {};
