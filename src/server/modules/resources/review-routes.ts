import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { RESOURCE_STATUSES, resourceTip, resourceWorkList, reviewDecisionBody } from '../../../contracts/resources.ts';
import { errors, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createReviewService } from './review-service.ts';
import { readerLocale } from './routes.ts';

const tags = ['resources'];
const suggestionDecided = z.object({ id: z.uuid(), status: z.enum(RESOURCE_STATUSES) });

/** Resources: the coordinators' and moderators' work list and their decisions on tips, reviews and suggestions. */
export const resourceReviewRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const reviews = createReviewService(ctx);

  app.get(
    '/api/v1/resources/review',
    {
      schema: {
        tags,
        security,
        summary: 'Reviewers: suggestions, tips, reviews and strategies waiting (never who wrote them); coordinators also see entries due for re-verification',
        response: { 200: resourceWorkList, ...errors(401, 404) },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return reviews.workList(actor, readerLocale(actor, req.headers['accept-language']));
    },
  );

  app.post(
    '/api/v1/resources/tips/:id/review',
    { schema: { tags, security, summary: 'Reviewers approve or reject a tip or review (its author is told of an approval)', params: idParams, body: reviewDecisionBody, response: { 200: resourceTip, ...errors(401, 404, 409, 422) } } },
    async (req) => reviews.decideTip(await req.actor(), req.params.id, req.body),
  );

  app.post(
    '/api/v1/resources/:id/review',
    { schema: { tags, security, summary: "Reviewers publish or reject a member's suggested entry", params: idParams, body: reviewDecisionBody, response: { 200: suggestionDecided, ...errors(401, 404, 409, 422) } } },
    async (req) => reviews.decideSuggestion(await req.actor(), req.params.id, req.body),
  );
};
