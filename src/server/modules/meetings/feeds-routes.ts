import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarLink, importBody, importReport } from '../../../contracts/meetings.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { type FeedBody, createMeetingFeedsService } from './feeds-service.ts';
import { createMeetingImportService, FEED_MAX_BYTES } from './import-service.ts';

const tags = ['feeds'];
const JSON_TYPE = 'application/json; charset=utf-8';
const ICS_TYPE = 'text/calendar; charset=utf-8';

/** Did the client's copy (If-None-Match, else If-Modified-Since) stay current? RFC 9110 §13.1. */
function notModified(req: FastifyRequest, feed: FeedBody): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag || tag.trim() === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * A public feed with validators for revalidation. Other sites' meeting finders (TSML UI) fetch it from the
 * browser, and it holds only public data, so any origin may read it.
 */
function sendPublicFeed(req: FastifyRequest, reply: FastifyReply, feed: FeedBody, type: string) {
  reply.headers({
    etag: feed.etag,
    'last-modified': feed.lastModified.toUTCString(),
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  });
  if (notModified(req, feed)) return reply.status(304).send();
  return reply.type(type).send(feed.body);
}

// Loose on purpose: whatever does not name a public meeting or a live token is a 404, never a 422.
const slugParams = z.strictObject({ slug: z.string().max(500) });
const tokenParams = z.strictObject({ token: z.string().max(500) });
const feedText = (what: string) => z.string().describe(what);
const publicResponses = (what: string) => ({ 200: feedText(what), 304: noContent.describe('Not modified') });

/** The public meeting feeds, a member's private calendar address, and the coordinators' Meeting Guide import. */
export const meetingFeedsRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const feeds = createMeetingFeedsService(ctx);
  const importer = createMeetingImportService(ctx);

  app.get(
    '/feeds/meetings.json',
    {
      schema: {
        tags,
        summary: 'Every public weekly meeting in the Meeting Guide format (a JSON array), for meeting finders',
        produces: ['application/json'],
        response: publicResponses('A JSON array of meetings in the Meeting Guide format'),
      },
    },
    async (req, reply) => sendPublicFeed(req, reply, await feeds.meetingGuide(), JSON_TYPE),
  );

  app.get(
    '/feeds/meetings.ics',
    { schema: { tags, summary: 'Every public meeting as iCalendar', produces: ['text/calendar'], response: publicResponses('An iCalendar file') } },
    async (req, reply) => sendPublicFeed(req, reply, await feeds.meetingsIcs(), ICS_TYPE),
  );

  app.get(
    '/feeds/meetings/:slug.ics',
    {
      schema: {
        tags,
        summary: 'One public meeting as iCalendar',
        params: slugParams,
        produces: ['text/calendar'],
        response: { ...publicResponses('An iCalendar file'), ...errors(404) },
      },
    },
    async (req, reply) => sendPublicFeed(req, reply, await feeds.meetingIcs(req.params.slug), ICS_TYPE),
  );

  app.get(
    '/feeds/calendar/:token.ics',
    {
      schema: {
        tags,
        summary: "A member's RSVP'd meetings as iCalendar, at their private address (unknown or revoked: 404)",
        params: tokenParams,
        produces: ['text/calendar'],
        response: { 200: feedText('An iCalendar file'), ...errors(404) },
      },
    },
    async (req, reply) => {
      const body = await feeds.memberCalendar(req.params.token);
      // Personal: never kept by a shared cache.
      return reply.header('cache-control', 'private, no-store').type(ICS_TYPE).send(body);
    },
  );

  app.get(
    '/api/v1/me/calendar-link',
    { schema: { tags, security, summary: 'The private address of my meetings calendar, if I made one', response: { 200: calendarLink, ...errors(401) } } },
    async (req) => feeds.calendarLink(await req.actor()),
  );

  app.post(
    '/api/v1/me/calendar-link',
    { schema: { tags, security, summary: 'Make a new private calendar address (the old one stops working)', response: { 200: calendarLink, ...errors(401) } } },
    async (req) => feeds.createCalendarLink(await req.actor()),
  );

  app.delete(
    '/api/v1/me/calendar-link',
    { schema: { tags, security, summary: 'Stop my private calendar address from working', response: { 204: noContent, ...errors(401) } } },
    async (req, reply) => {
      await feeds.revokeCalendarLink(await req.actor());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/meetings/import',
    {
      // A feed of thousands of meetings is larger than the 1 MB every other request is held to.
      bodyLimit: FEED_MAX_BYTES,
      schema: {
        tags,
        security,
        summary: 'Import meetings from a Meeting Guide feed, given inline or by address (coordinators; safe to repeat)',
        body: importBody,
        response: { 200: importReport, ...errors(401, 404, 413, 422) },
      },
    },
    async (req) => importer.importFeed(await req.actor(), req.body),
  );
};
