import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { markReadBody, notificationList, notificationsQuery } from '../../../contracts/notifications.ts';
import { authorize } from '../../access.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from './repo.ts';

const tags = ['notifications'];

/** The reader's own in-app inbox. Nobody reads another person's notifications, coordinators included. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/api/v1/me/notifications',
    { schema: { tags, security, summary: 'My notifications, newest first, and how many are unread', querystring: notificationsQuery, response: { 200: notificationList, ...errors(401, 422) } } },
    async (req) => {
      const actor = authorize(await req.actor());
      const [rows, unread] = await Promise.all([notificationsRepo.list(ctx.db, actor.userId, req.query.limit), notificationsRepo.unread(ctx.db, actor.userId)]);
      return {
        unread,
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind as never,
          subjectId: r.subjectId,
          actor: r.actorId && r.actorName !== null ? { id: r.actorId, displayName: r.actorName } : null,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/me/notifications/read',
    { schema: { tags, security, summary: 'Mark some (or all) of my notifications read', body: markReadBody, response: { 204: noContent, ...errors(401, 422) } } },
    async (req, reply) => {
      const actor = authorize(await req.actor());
      await notificationsRepo.markRead(ctx.db, actor.userId, req.body.ids);
      return reply.status(204).send(null);
    },
  );
};
