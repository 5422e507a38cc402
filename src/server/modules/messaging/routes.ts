import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../contracts/common.ts';
import {
  blockBody,
  blockList,
  contactList,
  conversation,
  conversationList,
  createConversationBody,
  createdConversation,
  editMessageBody,
  groupChatBody,
  messagePage,
  messageSearchQuery,
  messageSearchResult,
  messagesExport,
  messagesQuery,
  messagingPreferences,
  messagingPreferencesBody,
  messagingReach,
  readBody,
  reportMessageBody,
  requestDecisionBody,
  sendMessageBody,
  sentMessage,
  unreadCount,
} from '../../../contracts/messaging.ts';
import { SOCKET_HEADER, socketHeaders } from '../../../contracts/realtime.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createBlocksService } from './blocks-service.ts';
import { createConversationsService } from './conversations-service.ts';
import { createMessagesExport } from './export.ts';
import { createMessagesService } from './messages-service.ts';
import { createReportsService } from './reports-service.ts';
import { createMessagingSettingsService } from './settings.ts';

const tags = ['messaging'];
const userParams = z.strictObject({ userId: uuid });

/**
 * Conversations, messages, requests, blocks, reports, search, export (docs/messaging.md). A conversation or message
 * the caller may not read answers 404 on every route, the same as one that never existed.
 */
export const messagingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; jobs?: Jobs }> = async (app, { ctx, jobs }) => {
  const deps = { jobs, log: app.log };
  const conversations = createConversationsService(ctx, deps);
  const messages = createMessagesService(ctx, deps);
  const blocks = createBlocksService(ctx);
  const reports = createReportsService(ctx);
  const settings = createMessagingSettingsService(ctx);
  const exports = createMessagesExport(ctx);

  app.post(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        security,
        summary: 'Start a conversation with one person (a message request without a relationship), or open a group’s chat; the existing one comes back with 200',
        body: createConversationBody,
        response: { 200: createdConversation, 201: createdConversation, ...errors(401, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const { created, body } = await conversations.create(await req.actor(), req.body);
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/api/v1/conversations',
    { schema: { tags, security, summary: 'My conversations (newest first) and the message requests waiting for me', response: { 200: conversationList, ...errors(401) } } },
    async (req) => conversations.list(await req.actor()),
  );

  app.get(
    '/api/v1/conversations/unread',
    { schema: { tags, security, summary: 'Unread messages and waiting requests, for the navigation badge', response: { 200: unreadCount, ...errors(401) } } },
    async (req) => conversations.unread(await req.actor()),
  );

  app.get(
    '/api/v1/conversations/:id',
    { schema: { tags, security, summary: 'One conversation', params: idParams, response: { 200: conversation, ...errors(401, 404, 422) } } },
    async (req) => conversations.get(await req.actor(), req.params.id),
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Messages in seq order: the newest page, after a seq (catching up) or before one (scrolling back)',
        params: idParams,
        querystring: messagesQuery,
        response: { 200: messagePage, ...errors(401, 404, 422) },
      },
    },
    async (req) => messages.page(await req.actor(), req.params.id, req.query),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        security,
        summary: 'Send a message (Markdown subset); crisis help comes back when the words call for it',
        params: idParams,
        headers: socketHeaders,
        body: sendMessageBody,
        response: { 201: sentMessage, ...errors(401, 404, 409, 422, 429) },
      },
      // A message, its event and an escalation are read by nobody's cache: no barrier to wait for.
      config: { touchesNoCache: true },
    },
    async (req, reply) =>
      reply.status(201).send(await messages.send(await req.actor(), req.params.id, req.body.body, { skipSocket: req.headers[SOCKET_HEADER] })),
  );

  app.post(
    '/api/v1/conversations/:id/read',
    { schema: { tags, security, summary: 'I have read up to this seq', params: idParams, body: readBody, response: { 204: noContent, ...errors(401, 404, 422) } }, config: { touchesNoCache: true } },
    async (req, reply) => {
      await conversations.read(await req.actor(), req.params.id, req.body.seq);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/conversations/:id/request',
    {
      schema: {
        tags,
        security,
        summary: 'Accept or ignore a message request (its sender is not told that it was ignored)',
        params: idParams,
        body: requestDecisionBody,
        response: { 200: conversation, ...errors(401, 404, 409, 422) },
      },
    },
    async (req) => conversations.decide(await req.actor(), req.params.id, req.body.decision),
  );

  app.patch(
    '/api/v1/messages/:id',
    {
      schema: { tags, security, summary: 'Edit my message', params: idParams, headers: socketHeaders, body: editMessageBody, response: { 200: sentMessage, ...errors(401, 404, 409, 422) } },
    },
    async (req) => messages.edit(await req.actor(), req.params.id, req.body.body, { skipSocket: req.headers[SOCKET_HEADER] }),
  );

  app.delete(
    '/api/v1/messages/:id',
    { schema: { tags, security, summary: 'Delete my message (it shows as deleted)', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await messages.remove(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/messages/:id/report',
    {
      schema: {
        tags,
        security,
        summary: 'Report a message to the moderators, with the few messages around it',
        params: idParams,
        body: reportMessageBody,
        response: { 201: z.object({ id: uuid }), ...errors(401, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.report(await req.actor(), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/messages/search',
    { schema: { tags, security, summary: 'Search my own conversations', querystring: messageSearchQuery, response: { 200: messageSearchResult, ...errors(401, 422) } } },
    async (req) => messages.search(await req.actor(), req.query.q, req.query.limit),
  );

  app.get(
    '/api/v1/messaging/contacts',
    { schema: { tags, security, summary: 'People I may write to without a request', response: { 200: contactList, ...errors(401) } } },
    async (req) => conversations.contacts(await req.actor()),
  );

  app.get(
    '/api/v1/messaging/people/:userId',
    {
      schema: {
        tags,
        security,
        summary: 'Before writing to someone: our conversation, what lets us write, whether I can start one',
        params: userParams,
        response: { 200: messagingReach, ...errors(401, 404, 422) },
      },
    },
    async (req) => conversations.reach(await req.actor(), req.params.userId),
  );

  app.get(
    '/api/v1/messaging/preferences',
    { schema: { tags, security, summary: 'My messaging choices (whether strangers may send me message requests)', response: { 200: messagingPreferences, ...errors(401) } } },
    async (req) => blocks.preferences(await req.actor()),
  );

  app.put(
    '/api/v1/messaging/preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Set my messaging choices',
        body: messagingPreferencesBody,
        response: { 200: messagingPreferences, ...errors(401, 422) },
      },
    },
    async (req) => blocks.setPreferences(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/messaging/blocks',
    { schema: { tags, security, summary: 'People I blocked', response: { 200: blockList, ...errors(401) } } },
    async (req) => blocks.list(await req.actor()),
  );

  app.post(
    '/api/v1/messaging/blocks',
    { schema: { tags, security, summary: 'Block a person: nothing more from them reaches me', body: blockBody, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await blocks.block(await req.actor(), req.body.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/messaging/blocks/:userId',
    { schema: { tags, security, summary: 'Unblock a person', params: userParams, response: { 204: noContent, ...errors(401, 422) } } },
    async (req, reply) => {
      await blocks.unblock(await req.actor(), req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/groups/:id/chat',
    {
      schema: {
        tags,
        security,
        summary: 'Turn a group’s chat on or off (its facilitators and coordinators)',
        params: idParams,
        body: groupChatBody,
        response: { 200: z.object({ enabled: z.boolean() }), ...errors(401, 404, 422) },
      },
    },
    async (req) => settings.setGroupChat(await req.actor(), req.params.id, req.body.enabled),
  );

  app.get(
    '/api/v1/me/messages/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download my messages: my direct conversations, and my own messages in groups’ chats',
        response: { 200: messagesExport, ...errors(401) },
      },
    },
    async (req, reply) => {
      const body = await exports.json(await req.actor());
      const filename = `kindred-messages-${body.exportedAt.slice(0, 10)}.json`;
      return reply.header('content-disposition', `attachment; filename="${filename}"`).send(body);
    },
  );
};
