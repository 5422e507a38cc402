import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  escalationStats,
  escalationStatsQuery,
  onCallList,
  onCallQuery,
  onCallShift,
  onCallShiftBody,
  responder,
  responderBody,
  responderList,
  safetySettings,
  safetySettingsBody,
  userIdParams,
} from '../../../contracts/safety.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createOnCallService } from './on-call-service.ts';

const tags = ['coordination'];

/** Coordinators: the on-call roster, who is certified, acknowledgement deadlines, de-identified statistics. */
export const safetyAdminRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const onCall = createOnCallService(ctx);

  app.get(
    '/api/v1/admin/on-call',
    { schema: { tags, security, summary: 'On-call shifts (default: the next 14 days)', querystring: onCallQuery, response: { 200: onCallList, ...errors(401, 404, 422) } } },
    async (req) => onCall.shifts(await req.actor(), req.query),
  );

  app.post(
    '/api/v1/admin/on-call',
    { schema: { tags, security, summary: 'Add an on-call shift for a certified responder', body: onCallShiftBody, response: { 201: onCallShift, ...errors(401, 404, 422) } } },
    async (req, reply) => reply.status(201).send(await onCall.addShift(await req.actor(), req.body)),
  );

  app.delete(
    '/api/v1/admin/on-call/:id',
    { schema: { tags, security, summary: 'Remove an on-call shift', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await onCall.removeShift(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/responders',
    { schema: { tags, security, summary: 'Peer supporters and professionals, with their crisis certification', response: { 200: responderList, ...errors(401, 404) } } },
    async (req) => onCall.responders(await req.actor()),
  );

  app.put(
    '/api/v1/admin/responders/:userId',
    {
      schema: { tags, security, summary: 'Certify someone for crisis response, or withdraw it', params: userIdParams, body: responderBody, response: { 200: responder, ...errors(401, 404, 422) } },
    },
    async (req) => onCall.setCertified(await req.actor(), req.params.userId, req.body.certified),
  );

  app.get(
    '/api/v1/admin/safety-settings',
    { schema: { tags, security, summary: 'Minutes to acknowledge before the next person is paged; which detector level opens an escalation', response: { 200: safetySettings, ...errors(401, 404) } } },
    async (req) => onCall.settings(await req.actor()),
  );

  app.put(
    '/api/v1/admin/safety-settings',
    { schema: { tags, security, summary: 'Change the minutes to acknowledge or the escalation threshold (audited)', body: safetySettingsBody, response: { 200: safetySettings, ...errors(401, 404, 422) } } },
    async (req) => onCall.setSettings(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/admin/escalations/stats',
    {
      schema: {
        tags,
        security,
        summary: 'Escalation figures: counts, time to acknowledge, outcomes (no names, texts or ids)',
        querystring: escalationStatsQuery,
        response: { 200: escalationStats, ...errors(401, 404, 422) },
      },
    },
    async (req) => onCall.stats(await req.actor(), req.query),
  );
};
