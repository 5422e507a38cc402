import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  banBody,
  hidePostBody,
  lockTopicBody,
  memberModeration,
  moderationNotice,
  moderationSettings,
  moderatorEditBody,
  noticeList,
  post,
  queueItem,
  queueList,
  queueQuery,
  reportBody,
  reportCreated,
  resolveQueueBody,
  revisionList,
  setTrustBody,
  suspendBody,
  warnBody,
} from '../../../contracts/community.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createModerationService } from './moderation-service.ts';
import { createNoticesService } from './notices-service.ts';
import { createReportsService } from './reports-service.ts';

const tags = ['community moderation'];
const base = '/api/v1/community/moderation';

/**
 * Reports, the moderation queue and its actions, notices and the coordinators' automatic rules (docs/community.md,
 * Moderation). Every moderation route answers 404 to anyone who does not moderate, 401 without a session.
 */
export const communityModerationRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const moderation = createModerationService(ctx);
  const notices = createNoticesService(ctx);
  const reports = createReportsService(ctx);

  app.post(
    '/api/v1/community/reports',
    { schema: { tags, security, summary: 'Report a post to the moderators, with a reason (the author never learns who)', body: reportBody, response: { 201: reportCreated, ...errors(401, 404, 409, 422) } } },
    async (req, reply) => reply.status(201).send(await reports.report(await req.actor(), req.body)),
  );

  // ── Notices: what the person acted on reads ──

  app.get(
    '/api/v1/community/notices',
    { schema: { tags, security, summary: 'Moderation notices about me, newest first: what happened and why, never who', response: { 200: noticeList, ...errors(401) } } },
    async (req) => notices.list(await req.actor()),
  );

  app.get(
    '/api/v1/community/notices/:id',
    { schema: { tags, security, summary: 'One of my moderation notices', params: idParams, response: { 200: moderationNotice, ...errors(401, 404, 422) } } },
    async (req) => notices.one(await req.actor(), req.params.id),
  );

  // ── The queue ──

  app.get(
    `${base}/queue`,
    { schema: { tags, security, summary: 'The moderation queue: needs care first, then the oldest, each with context', querystring: queueQuery, response: { 200: queueList, ...errors(401, 404, 422) } } },
    async (req) => moderation.queue(await req.actor(), req.query),
  );

  app.post(
    `${base}/queue/:id/resolve`,
    {
      schema: {
        tags,
        security,
        summary: 'Approve a held post, dismiss the reports, or hide the post (with the reason its author reads)',
        params: idParams,
        body: resolveQueueBody,
        response: { 200: queueItem, ...errors(401, 404, 409, 422) },
      },
    },
    async (req) => moderation.resolve(await req.actor(), req.params.id, req.body),
  );

  // ── Posts and topics ──

  const postAction = (summary: string) => ({ tags, security, summary, params: idParams, response: { 200: post, ...errors(401, 404, 409, 422) } });

  app.post(`${base}/posts/:id/hide`, { schema: { ...postAction('Hide a post; its author reads why'), body: hidePostBody } }, async (req) =>
    moderation.hidePost(await req.actor(), req.params.id, req.body),
  );
  app.post(`${base}/posts/:id/unhide`, { schema: postAction('Show a hidden post again') }, async (req) => moderation.unhidePost(await req.actor(), req.params.id));
  app.post(`${base}/posts/:id/edit`, { schema: { ...postAction('Edit a post with a note (kept with the earlier text; the author reads it)'), body: moderatorEditBody } }, async (req) =>
    moderation.editPost(await req.actor(), req.params.id, req.body),
  );

  app.get(
    '/api/v1/community/posts/:id/revisions',
    { schema: { tags, security, summary: "A post's earlier versions, newest first (moderators)", params: idParams, response: { 200: revisionList, ...errors(401, 404, 422) } } },
    async (req) => notices.revisions(await req.actor(), req.params.id),
  );

  app.post(
    `${base}/topics/:id/lock`,
    { schema: { tags, security, summary: 'Close a topic to new replies, or open it again', params: idParams, body: lockTopicBody, response: { 204: noContent, ...errors(401, 404, 409, 422) } } },
    async (req, reply) => {
      await moderation.lockTopic(await req.actor(), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ── People ──

  const personAction = (summary: string) => ({ tags, security, summary, params: idParams, response: { 200: memberModeration, ...errors(401, 404, 409, 422) } });

  app.get(`${base}/people/:id`, { schema: personAction("A person's standing and every moderation action about them") }, async (req) =>
    notices.person(await req.actor(), req.params.id),
  );
  app.post(`${base}/people/:id/warn`, { schema: { ...personAction('Warn a person, with the reason they read'), body: warnBody } }, async (req) =>
    moderation.warn(await req.actor(), req.params.id, req.body),
  );
  app.post(`${base}/people/:id/suspend`, { schema: { ...personAction('Pause a person’s posting for some days'), body: suspendBody } }, async (req) =>
    moderation.suspend(await req.actor(), req.params.id, req.body),
  );
  app.post(`${base}/people/:id/unsuspend`, { schema: personAction('Lift a suspension') }, async (req) => moderation.unsuspend(await req.actor(), req.params.id));
  app.post(`${base}/people/:id/ban`, { schema: { ...personAction('Stop a person posting in the community'), body: banBody } }, async (req) =>
    moderation.ban(await req.actor(), req.params.id, req.body),
  );
  app.post(`${base}/people/:id/unban`, { schema: personAction('Lift a ban') }, async (req) => moderation.unban(await req.actor(), req.params.id));
  app.put(`${base}/people/:id/trust`, { schema: { ...personAction('Set a person’s trust level, or null to make it automatic again'), body: setTrustBody } }, async (req) =>
    moderation.setTrust(await req.actor(), req.params.id, req.body),
  );

  // ── Automatic rules (coordinators) ──

  app.get(
    `${base}/settings`,
    { schema: { tags, security, summary: 'The automatic rules that hold posts for review (coordinators)', response: { 200: moderationSettings, ...errors(401, 404) } } },
    async (req) => moderation.settings(await req.actor()),
  );
  app.put(
    `${base}/settings`,
    { schema: { tags, security, summary: 'Replace the automatic rules; each pattern is checked before it is saved', body: moderationSettings, response: { 200: moderationSettings, ...errors(401, 404, 422) } } },
    async (req) => moderation.updateSettings(await req.actor(), req.body),
  );
};
