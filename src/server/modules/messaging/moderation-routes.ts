import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { messageReportDetail, messageReportList, messagingSettings, messagingSettingsBody, resolveReportBody } from '../../../contracts/messaging.ts';
import { errors, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createReportsService } from './reports-service.ts';
import { createMessagingSettingsService } from './settings.ts';

const tags = ['messaging', 'moderation'];
const reportListQuery = z.strictObject({ status: z.enum(['open', 'resolved']).default('open') });

/** Reported messages for moderators, and the coordinators' messaging settings (docs/messaging.md). */
export const messagingModerationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const reports = createReportsService(ctx);
  const settings = createMessagingSettingsService(ctx);

  app.get(
    '/api/v1/moderation/message-reports',
    { schema: { tags, security, summary: 'Reported messages (moderators and coordinators)', querystring: reportListQuery, response: { 200: messageReportList, ...errors(401, 404, 422) } } },
    async (req) => reports.list(await req.actor(), req.query.status),
  );

  app.get(
    '/api/v1/moderation/message-reports/:id',
    { schema: { tags, security, summary: 'One report with its copy of the message and the few around it (each reading is audited)', params: idParams, response: { 200: messageReportDetail, ...errors(401, 404, 422) } } },
    async (req) => reports.detail(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/moderation/message-reports/:id/resolve',
    {
      schema: {
        tags,
        security,
        summary: 'Resolve a report; message_removed deletes the message for everyone',
        params: idParams,
        body: resolveReportBody,
        response: { 200: messageReportDetail, ...errors(401, 404, 409, 422) },
      },
    },
    async (req) => reports.resolve(await req.actor(), req.params.id, req.body),
  );

  app.get(
    '/api/v1/admin/messaging/settings',
    { schema: { tags: ['admin'], security, summary: 'Messaging settings (coordinators)', response: { 200: messagingSettings, ...errors(401, 404) } } },
    async (req) => settings.get(await req.actor()),
  );

  app.put(
    '/api/v1/admin/messaging/settings',
    { schema: { tags: ['admin'], security, summary: 'Set how long messages are kept (null keeps them)', body: messagingSettingsBody, response: { 200: messagingSettings, ...errors(401, 404, 422) } } },
    async (req) => settings.update(await req.actor(), req.body),
  );
};
