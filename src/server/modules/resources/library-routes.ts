import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { copingStrategy } from '../../../contracts/journey.ts';
import {
  copingLibraryInput,
  copingLibraryList,
  copingLibraryQuery,
  copingLibraryStrategy,
  helpedBody,
  reviewDecisionBody,
  sendToMenteeBody,
} from '../../../contracts/resources.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, noContent, optionalSession, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createLibraryService } from './library-service.ts';
import { createSharingService } from './sharing-service.ts';

const tags = ['resources'];
const savedToToolbox = z.object({ strategy: copingStrategy }).meta({ id: 'SavedToToolbox' });

/** Resources: the coping strategies library, and a mentor sending an entry or a strategy to their mentee. */
export const copingLibraryRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const library = createLibraryService(ctx);
  const sharing = createSharingService(ctx);

  app.get(
    '/api/v1/coping-strategies',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: "Approved strategies in the reader's language (or `locale`), most helped first, to anyone; signed in with mine=true also my own of any status",
        querystring: copingLibraryQuery,
        response: { 200: copingLibraryList, ...errors(401, 422) },
      },
    },
    async (req) => {
      const actor = await req.actor();
      const chosen = actor?.profile?.locale ?? localeOf(req.headers['accept-language']);
      return library.list(actor, req.query, chosen === 'es' ? 'es' : 'en');
    },
  );

  app.get(
    '/api/v1/coping-strategies/:id',
    { schema: { tags, security: optionalSession, summary: 'One strategy, to anyone once approved (pending and rejected ones: their author and reviewers only)', params: idParams, response: { 200: copingLibraryStrategy, ...errors(401, 404, 422) } } },
    async (req) => library.get(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/coping-strategies',
    { schema: { tags, security, summary: "Share a strategy: it waits for a coordinator's or moderator's review", body: copingLibraryInput, response: { 201: copingLibraryStrategy, ...errors(401, 422, 429) } } },
    async (req, reply) => reply.status(201).send(await library.create(await req.actor(), req.body)),
  );

  app.delete(
    '/api/v1/coping-strategies/:id',
    { schema: { tags, security, summary: 'Remove a strategy (its author or a reviewer); copies saved in toolboxes stay', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await library.remove(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/coping-strategies/:id/helped',
    { schema: { tags, security, summary: '"This helped me", or take it back (counted, never shown by whom)', params: idParams, body: helpedBody, response: { 200: copingLibraryStrategy, ...errors(401, 404, 422) } } },
    async (req) => library.setHelped(await req.actor(), req.params.id, req.body.helped),
  );

  app.post(
    '/api/v1/coping-strategies/:id/save',
    {
      schema: {
        tags,
        security,
        summary: 'Save to my toolbox (201 with the new item; 200 with the one I already have; 422 when the toolbox is full)',
        params: idParams,
        response: { 200: savedToToolbox, 201: savedToToolbox, ...errors(401, 404, 422) },
      },
    },
    async (req, reply) => {
      const { created, strategy } = await library.save(await req.actor(), req.params.id);
      return reply.status(created ? 201 : 200).send({ strategy });
    },
  );

  app.post(
    '/api/v1/coping-strategies/:id/review',
    { schema: { tags, security, summary: 'Approve or reject a strategy (coordinators and moderators)', params: idParams, body: reviewDecisionBody, response: { 200: copingLibraryStrategy, ...errors(401, 404, 422) } } },
    async (req) => library.review(await req.actor(), req.params.id, req.body),
  );

  // ── Sending to a mentee ──

  app.post(
    '/api/v1/coping-strategies/:id/send',
    { schema: { tags, security, summary: 'Send a strategy to my mentee (active mentorships only): they get a notification', params: idParams, body: sendToMenteeBody, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await sharing.sendStrategy(await req.actor(), req.params.id, req.body.menteeId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/resources/:id/send',
    { schema: { tags, security, summary: 'Send a directory entry to my mentee (active mentorships only): they get a notification', params: idParams, body: sendToMenteeBody, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await sharing.sendResource(await req.actor(), req.params.id, req.body.menteeId);
      return reply.status(204).send(null);
    },
  );
};
