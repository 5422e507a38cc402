import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  checkInBody,
  checkInDateParams,
  checkInList,
  checkInRangeQuery,
  createTrackBody,
  recoveryProfile,
  recoveryProfileBody,
  resetBody,
  savedCheckIn,
  sobrietySummary,
  stageBody,
  updateTrackBody,
} from '../../../contracts/journey.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createCheckInsService } from './check-ins-service.ts';
import { createProfileService } from './profile-service.ts';
import { createSobrietyService } from './sobriety-service.ts';

const tags = ['journey'];

/** The member's own journey: recovery profile, sobriety dates and milestones, daily check-ins. */
export const journeyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; jobs?: Jobs }> = async (app, { ctx, jobs }) => {
  const profile = createProfileService(ctx);
  const sobriety = createSobrietyService(ctx);
  // The jobs handle schedules the paging deadline of an escalation a check-in opens.
  const checkIns = createCheckInsService(ctx, { jobs, log: app.log });

  app.get(
    '/api/v1/me/recovery-profile',
    { schema: { tags, security, summary: 'My recovery profile', response: { 200: recoveryProfile, ...errors(401) } } },
    async (req) => profile.get(await req.actor()),
  );
  app.put(
    '/api/v1/me/recovery-profile',
    { schema: { tags, security, summary: 'Save my recovery profile', body: recoveryProfileBody, response: { 200: recoveryProfile, ...errors(401, 422) } } },
    async (req) => profile.save(await req.actor(), req.body),
  );
  app.post(
    '/api/v1/me/stage',
    { schema: { tags, security, summary: 'Record where I am in the stages of change (history kept)', body: stageBody, response: { 200: recoveryProfile, ...errors(401, 422) } } },
    async (req) => profile.assessStage(await req.actor(), req.body.stage),
  );

  app.get(
    '/api/v1/me/sobriety',
    { schema: { tags, security, summary: 'My recovery dates: day counts, milestones reached and next, history', response: { 200: sobrietySummary, ...errors(401) } } },
    async (req) => sobriety.summary(await req.actor()),
  );
  app.post(
    '/api/v1/me/sobriety/tracks',
    { schema: { tags, security, summary: 'Add a recovery date', body: createTrackBody, response: { 201: sobrietySummary, ...errors(401, 422) } } },
    async (req, reply) => reply.status(201).send(await sobriety.createTrack(await req.actor(), req.body)),
  );
  app.patch(
    '/api/v1/me/sobriety/tracks/:id',
    { schema: { tags, security, summary: 'Rename a recovery date or opt in to milestone announcements', params: idParams, body: updateTrackBody, response: { 200: sobrietySummary, ...errors(401, 404, 422) } } },
    async (req) => sobriety.updateTrack(await req.actor(), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/me/sobriety/tracks/:id',
    { schema: { tags, security, summary: 'Stop keeping a recovery date (its history stays in exports)', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await sobriety.archiveTrack(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/me/sobriety/reset',
    { schema: { tags, security, summary: 'Record a setback: the period ends (history kept) and a new one starts', body: resetBody, response: { 200: sobrietySummary, ...errors(401, 404, 422) } } },
    async (req) => sobriety.reset(await req.actor(), req.body),
  );

  app.put(
    '/api/v1/me/check-ins/:date',
    { schema: { tags, security, summary: "Save today's check-in (date is my local YYYY-MM-DD)", params: checkInDateParams, body: checkInBody, response: { 200: savedCheckIn, ...errors(401, 422) } } },
    async (req) => checkIns.save(await req.actor(), req.params.date, req.body),
  );
  app.get(
    '/api/v1/me/check-ins',
    { schema: { tags, security, summary: 'My check-ins in a date range (default: the last 30 days) and my streak', querystring: checkInRangeQuery, response: { 200: checkInList, ...errors(401, 422) } } },
    async (req) => checkIns.list(await req.actor(), req.query),
  );
  app.get(
    '/api/v1/me/check-ins/chart.svg',
    {
      schema: {
        tags,
        security,
        summary: 'A chart of my mood and craving (SVG), with check-ins and setbacks marked',
        querystring: z.strictObject({ days: z.enum(['30', '90']).default('30') }),
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('An SVG image'), ...errors(401, 422) },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      const svg = await checkIns.chart(actor, req.query.days === '90' ? 90 : 30, actor?.profile?.locale === 'es' ? 'es' : 'en');
      return reply.type('image/svg+xml; charset=utf-8').serializer((s: unknown) => s as string).send(svg);
    },
  );
};
