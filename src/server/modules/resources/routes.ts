import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, type Locale } from '../../../contracts/common.ts';
import {
  mySuggestions,
  resource,
  resourceInput,
  resourcePatch,
  resourceSearchQuery,
  resourceSearchResult,
  resourceSettings,
  resourceSettingsBody,
  resourceTip,
  resourceVerifyBody,
  RESOURCE_STATUSES,
  tipBody,
} from '../../../contracts/resources.ts';
import type { Actor } from '../../access.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, noContent, optionalSession, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createEntriesService } from './entries-service.ts';
import { createTipsService } from './tips-service.ts';

const tags = ['resources'];
const suggestionSaved = z.object({ id: z.uuid(), status: z.enum(RESOURCE_STATUSES) });

/** The reader's language: their profile's, else what the browser asks for. */
export const readerLocale = (actor: Actor | null, acceptLanguage: string | undefined): Locale => {
  const chosen = actor?.profile?.locale ?? localeOf(acceptLanguage);
  return chosen === 'es' ? 'es' : 'en';
};

/**
 * The resources directory (docs/resources.md): search and entries (public ones without a session), coordinators'
 * entries and settings, members' suggestions and tips. Anything the reader may not see answers 404.
 */
export const resourcesRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const entries = createEntriesService(ctx);
  const tips = createTipsService(ctx);

  app.get(
    '/api/v1/resources',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: 'Search the directory by words, category, language, cost, distance from a point and open now; members-only entries with a session',
        querystring: resourceSearchQuery,
        response: { 200: resourceSearchResult, ...errors(422) },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return entries.search(actor, req.query, readerLocale(actor, req.headers['accept-language']));
    },
  );

  app.post(
    '/api/v1/resources',
    { schema: { tags, security, summary: 'Coordinators add an entry, published and verified by them', body: resourceInput, response: { 201: resource, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      const actor = await req.actor();
      return reply.status(201).send(await entries.create(actor, req.body, readerLocale(actor, req.headers['accept-language'])));
    },
  );

  app.get(
    '/api/v1/resources/suggestions/mine',
    { schema: { tags, security, summary: 'The entries I suggested and what became of them', response: { 200: mySuggestions, ...errors(401) } } },
    async (req) => entries.mySuggestions(await req.actor()),
  );

  app.post(
    '/api/v1/resources/suggestions',
    { schema: { tags, security, summary: 'Suggest an entry: reviewers see it (never who suggested it) before anyone else does', body: resourceInput, response: { 201: suggestionSaved, ...errors(401, 422, 429) } } },
    async (req, reply) => reply.status(201).send(await entries.suggest(await req.actor(), req.body)),
  );

  app.get(
    '/api/v1/resources/:id',
    { schema: { tags, security: optionalSession, summary: 'One entry with its hours, approved tips and my own', params: idParams, response: { 200: resource, ...errors(404, 422) } } },
    async (req) => {
      const actor = await req.actor();
      return entries.get(actor, req.params.id, readerLocale(actor, req.headers['accept-language']));
    },
  );

  app.patch(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Coordinators change an entry: any fields, checked together with the rest of it',
        params: idParams,
        body: resourcePatch,
        response: { 200: resource, ...errors(401, 404, 422) },
      },
    },
    async (req) => {
      const actor = await req.actor();
      return entries.update(actor, req.params.id, req.body, readerLocale(actor, req.headers['accept-language']));
    },
  );

  app.post(
    '/api/v1/resources/:id/verify',
    { schema: { tags, security, summary: 'Coordinators confirm an entry is still right (verified now, by them)', params: idParams, body: resourceVerifyBody, response: { 200: resource, ...errors(401, 404, 422) } } },
    async (req) => {
      const actor = await req.actor();
      return entries.verify(actor, req.params.id, readerLocale(actor, req.headers['accept-language']));
    },
  );

  app.delete(
    '/api/v1/resources/:id',
    { schema: { tags, security, summary: 'Coordinators remove an entry from the directory (archived)', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await entries.archive(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/resources/:id/tips',
    { schema: { tags, security, summary: 'Add a tip or a review (shown without my name once a reviewer approves it)', params: idParams, body: tipBody, response: { 201: resourceTip, ...errors(401, 404, 422, 429) } } },
    async (req, reply) => reply.status(201).send(await tips.add(await req.actor(), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/resources/tips/:id',
    { schema: { tags, security, summary: 'Take back my tip (reviewers remove any)', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await tips.remove(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/resources/settings',
    { schema: { tags, security, summary: "Coordinators read the directory's settings", response: { 200: resourceSettings, ...errors(401, 404) } } },
    async (req) => entries.settings(await req.actor()),
  );

  app.patch(
    '/api/v1/admin/resources/settings',
    {
      schema: {
        tags,
        security,
        summary: 'Coordinators set the re-verification period and the country phone numbers are read in',
        body: resourceSettingsBody,
        response: { 200: resourceSettings, ...errors(401, 404, 422) },
      },
    },
    async (req) => entries.saveSettings(await req.actor(), req.body),
  );
};
