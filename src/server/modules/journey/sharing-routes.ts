import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { exportQuery, journeyExport, menteeJourney, menteeList, sharing, sharingBody, sharingParams } from '../../../contracts/journey.ts';
import { errors, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createJourneyExport } from './export.ts';
import { createSharingService } from './sharing-service.ts';

const tags = ['journey'];

const attachment = (filename: string) => `attachment; filename="${filename}"`;

/** Journey routes: sharing by consent, the mentor's view of a mentee, and the member's export. */
export const journeySharingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const sharingService = createSharingService(ctx);
  const exports = createJourneyExport(ctx);

  app.get(
    '/api/v1/me/sharing',
    { schema: { tags, security, summary: 'What I share with my mentor, and the history of my choices', response: { 200: sharing, ...errors(401) } } },
    async (req) => sharingService.sharing(await req.actor()),
  );

  app.put(
    '/api/v1/me/sharing/:category',
    {
      schema: {
        tags,
        security,
        summary: 'Share a category with my mentor, or stop sharing it (takes effect at once)',
        params: sharingParams,
        body: sharingBody,
        response: { 200: sharing, ...errors(401, 422) },
      },
    },
    async (req) => sharingService.setSharing(await req.actor(), req.params.category, req.body.mentor),
  );

  app.get(
    '/api/v1/mentees',
    { schema: { tags: ['mentoring'], security, summary: 'The people I mentor now', response: { 200: menteeList, ...errors(401) } } },
    async (req) => sharingService.mentees(await req.actor()),
  );

  app.get(
    '/api/v1/mentees/:id/journey',
    {
      schema: {
        tags: ['mentoring'],
        security,
        summary: "What a mentee shares with me as their mentor (404 unless I am their active mentor)",
        params: idParams,
        response: { 200: menteeJourney, ...errors(401, 404, 422) },
      },
    },
    async (req) => sharingService.menteeJourney(await req.actor(), req.params.id),
  );

  app.get(
    '/api/v1/me/journey/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download my journey: everything as JSON, or one section as CSV (format=csv&section=...)',
        querystring: exportQuery,
        response: {
          200: {
            description: 'A download (content-disposition: attachment)',
            content: {
              'application/json': { schema: journeyExport },
              'text/csv': { schema: z.string().describe('CSV with a header row (RFC 4180, UTF-8 with a byte-order mark)') },
            },
          },
          ...errors(401, 422),
        },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      if (req.query.format === 'csv' && req.query.section) {
        const { filename, body } = await exports.csv(actor, req.query.section);
        return reply.header('content-disposition', attachment(filename)).type('text/csv; charset=utf-8').send(body);
      }
      const { filename, body } = await exports.json(actor);
      return reply.header('content-disposition', attachment(filename)).type('application/json; charset=utf-8').send(body);
    },
  );
};
