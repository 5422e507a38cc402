import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, locale } from '../../../contracts/common.ts';
import {
  acceptGuidelinesBody,
  category,
  categoryBody,
  categoryList,
  categoryPatch,
  guidelines,
  post,
  postEditBody,
  postParams,
  postSaved,
  reactionParams,
  reactionSummary,
  replyBody,
  standing,
  topicBody,
  topicDetail,
  topicEditBody,
  topicList,
  topicListQuery,
  topicQuery,
  topicSummary,
} from '../../../contracts/community.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, noContent, optionalSession, security } from '../../http/openapi.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createCategoriesService } from './categories-service.ts';
import { createPostsService } from './posts-service.ts';
import { createReactionsService } from './reactions-service.ts';
import { createStandingService } from './standing-service.ts';

const tags = ['community'];
const categoryRef = z.strictObject({ slug: z.string().trim().min(1).max(100) });
const guidelinesQuery = z.strictObject({ locale: locale.optional() });

/**
 * The community forum's core (docs/community.md): categories, topics and replies, reactions, guidelines and the
 * reader's standing. Public categories read without a session; anything the reader may not see answers 404.
 */
export const communityRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; jobs?: Jobs }> = async (app, { ctx, jobs }) => {
  const categories = createCategoriesService(ctx);
  const posts = createPostsService(ctx, { jobs, log: app.log });
  const reactions = createReactionsService(ctx);
  const standings = createStandingService(ctx);

  // ── Categories ──

  app.get(
    '/api/v1/community/categories',
    { schema: { tags, security: optionalSession, summary: 'Categories the reader may read, with their visible topic counts', response: { 200: categoryList } } },
    async (req) => categories.list(await req.actor()),
  );

  app.post(
    '/api/v1/community/categories',
    { schema: { tags, security, summary: 'Coordinators set up a category: who may read it, who may post', body: categoryBody, response: { 201: category, ...errors(401, 404, 422) } } },
    async (req, reply) => reply.status(201).send(await categories.create(await req.actor(), req.body)),
  );

  app.patch(
    '/api/v1/community/categories/:id',
    { schema: { tags, security, summary: 'Coordinators change or archive a category', params: idParams, body: categoryPatch, response: { 200: category, ...errors(401, 404, 422) } } },
    async (req) => categories.update(await req.actor(), req.params.id, req.body),
  );

  app.get(
    '/api/v1/community/categories/:slug/topics',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: "A category's topics (by slug or id): pinned first, then latest activity; pass nextCursor for more",
        params: categoryRef,
        querystring: topicListQuery,
        response: { 200: topicList, ...errors(404, 422) },
      },
    },
    async (req) => posts.listTopics(await req.actor(), req.params.slug, req.query.cursor),
  );

  // ── Topics and posts ──

  app.post(
    '/api/v1/community/topics',
    {
      schema: {
        tags,
        security,
        summary: 'Start a topic (optionally anonymous); it may be held for review, and crisis help comes back at once when needed',
        body: topicBody,
        response: { 201: postSaved, ...errors(401, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await posts.createTopic(await req.actor(), req.body)),
  );

  app.get(
    '/api/v1/community/topics/:id',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: 'A topic with its posts (rendered HTML), from ?after= a post number; reading it moves my read marker',
        params: idParams,
        querystring: topicQuery,
        response: { 200: topicDetail, ...errors(404, 422) },
      },
      // The hot path (benchmarked with 200 replies): the service answers JSON bytes built by the presenters, exactly
      // topicDetail's shape (checked by the type system and by posting.test.ts), sent as they are (Fastify does not
      // serialize a Buffer); errors still go through the error handler's own serializer.
      serializerCompiler: () => (data: unknown) => JSON.stringify(data),
    },
    async (req, reply) => reply.type('application/json; charset=utf-8').send((await posts.topicJson(await req.actor(), req.params.id, req.query)) as never),
  );

  app.patch(
    '/api/v1/community/topics/:id',
    { schema: { tags, security, summary: "Change a topic's title (its author while open, or a moderator)", params: idParams, body: topicEditBody, response: { 200: topicSummary, ...errors(401, 404, 409, 422) } } },
    async (req) => posts.editTopic(await req.actor(), req.params.id, req.body),
  );

  app.post(
    '/api/v1/community/topics/:id/replies',
    { schema: { tags, security, summary: 'Reply to a topic (optionally anonymous, optionally answering one post)', params: idParams, body: replyBody, response: { 201: postSaved, ...errors(401, 404, 409, 422, 429) } } },
    async (req, reply) => reply.status(201).send(await posts.reply(await req.actor(), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/community/posts/:id',
    { schema: { tags, security: optionalSession, summary: 'One post, with its topic id and number (to link to it)', params: postParams, response: { 200: post, ...errors(404, 422) } } },
    async (req) => posts.post(await req.actor(), req.params.id),
  );

  app.patch(
    '/api/v1/community/posts/:id',
    { schema: { tags, security, summary: 'Edit my post while its topic is open (the earlier text is kept for moderators)', params: postParams, body: postEditBody, response: { 200: post, ...errors(401, 404, 409, 422) } } },
    async (req) => posts.editPost(await req.actor(), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/community/posts/:id',
    { schema: { tags, security, summary: 'Delete my post (a placeholder keeps the numbering)', params: postParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await posts.deletePost(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── Reactions ──

  app.put(
    '/api/v1/community/posts/:id/reactions/:kind',
    { schema: { tags, security, summary: 'Add my reaction of one kind (idempotent); answers the counts and my own kinds', params: reactionParams, response: { 200: reactionSummary, ...errors(401, 404, 409, 422) } } },
    async (req) => reactions.add(await req.actor(), req.params.id, req.params.kind),
  );

  app.delete(
    '/api/v1/community/posts/:id/reactions/:kind',
    { schema: { tags, security, summary: 'Take back my reaction of one kind (idempotent)', params: reactionParams, response: { 200: reactionSummary, ...errors(401, 404, 409, 422) } } },
    async (req) => reactions.remove(await req.actor(), req.params.id, req.params.kind),
  );

  // ── Guidelines and standing ──

  app.get(
    '/api/v1/community/guidelines',
    { schema: { tags, security: optionalSession, summary: "The community guidelines in the reader's language, and the version they accepted", querystring: guidelinesQuery, response: { 200: guidelines, ...errors(422) } } },
    async (req) => {
      const actor = await req.actor();
      const chosen = req.query.locale ?? actor?.profile?.locale ?? localeOf(req.headers['accept-language']);
      return standings.guidelines(actor, chosen === 'es' ? 'es' : 'en');
    },
  );

  app.post(
    '/api/v1/community/guidelines/accept',
    { schema: { tags, security, summary: 'Accept the current guidelines (409 if the version is not the current one)', body: acceptGuidelinesBody, response: { 204: noContent, ...errors(401, 409, 422) } } },
    async (req, reply) => {
      await standings.accept(await req.actor(), req.body.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/community/me',
    { schema: { tags, security, summary: 'My standing: trust level and its limits, posts today, guidelines, what the next level asks for', response: { 200: standing, ...errors(401) } } },
    async (req) => standings.me(await req.actor()),
  );
};
