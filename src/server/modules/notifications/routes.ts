import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markReadBody, notificationList, notificationsQuery } from '../../../contracts/notifications.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createNotificationsService } from './service.ts';

const tags = ['notifications'];

/** The reader's own in-app inbox. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const notifications = createNotificationsService(ctx);

  app.get(
    '/api/v1/me/notifications',
    { schema: { tags, security, summary: 'My notifications, newest first, and how many are unread', querystring: notificationsQuery, response: { 200: notificationList, ...errors(401, 422) } } },
    async (req) => notifications.list(await req.actor(), req.query.limit),
  );

  app.post(
    '/api/v1/me/notifications/read',
    { schema: { tags, security, summary: 'Mark some (or all) of my notifications read', body: markReadBody, response: { 204: noContent, ...errors(401, 422) } } },
    async (req, reply) => {
      await notifications.markRead(await req.actor(), req.body.ids);
      return reply.status(204).send(null);
    },
  );
};
