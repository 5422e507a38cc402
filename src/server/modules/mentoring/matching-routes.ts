import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  introductionsBody,
  introductionsResult,
  menteeRequest,
  menteeRequestBody,
  mentorAdminBody,
  mentoringSettings,
  mentoringSettingsBody,
  mentorList,
  mentorProfile,
  mentorProfileBody,
  mentorship,
  mentorshipRequestBody,
  myRequest,
  proposal,
  requestList,
  suggestionList,
} from '../../../contracts/mentoring.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createMatchingService } from './matching-service.ts';
import { createProfilesService } from './profiles-service.ts';
import { createRequestsService } from './requests-service.ts';
import { createMentoringSettingsService } from './settings-service.ts';

const tags = ['mentoring'];

/** Mentor profiles, mentee requests, suggestions, asking a mentor, and the coordinators' matching and settings. */
export const mentoringMatchingRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; jobs?: Jobs }> = async (app, { ctx, jobs }) => {
  const profiles = createProfilesService(ctx);
  const requests = createRequestsService(ctx);
  const matching = createMatchingService(ctx, { jobs, log: app.log });
  const settings = createMentoringSettingsService(ctx);

  // ── The mentor's profile ──

  app.get(
    '/api/v1/mentoring/profile',
    { schema: { tags, security, summary: 'My mentor profile (peer supporters)', response: { 200: mentorProfile, ...errors(401, 404) } } },
    async (req) => profiles.mine(await req.actor()),
  );

  app.put(
    '/api/v1/mentoring/profile',
    { schema: { tags, security, summary: 'Save my mentor profile (peer supporters)', body: mentorProfileBody, response: { 200: mentorProfile, ...errors(401, 404, 422) } } },
    async (req) => profiles.save(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/mentoring/mentors',
    { schema: { tags, security, summary: 'Every mentor profile (coordinators)', response: { 200: mentorList, ...errors(401, 404) } } },
    async (req) => profiles.list(await req.actor()),
  );

  app.patch(
    '/api/v1/mentoring/mentors/:id',
    {
      schema: {
        tags,
        security,
        summary: "Certify a mentor or cap their capacity (coordinators; audited)",
        params: idParams,
        body: mentorAdminBody,
        response: { 200: mentorProfile, ...errors(401, 404, 422) },
      },
    },
    async (req) => profiles.administer(await req.actor(), req.params.id, req.body),
  );

  // ── The mentee's request ──

  app.get(
    '/api/v1/mentoring/request',
    { schema: { tags, security, summary: 'My request for a mentor, or null', response: { 200: myRequest, ...errors(401, 404) } } },
    async (req) => requests.mine(await req.actor()),
  );

  app.put(
    '/api/v1/mentoring/request',
    {
      schema: {
        tags,
        security,
        summary: 'Say what I look for in a mentor (creates a waiting request, or changes my current one)',
        body: menteeRequestBody,
        response: { 200: menteeRequest, ...errors(401, 404, 422) },
      },
    },
    async (req) => requests.save(await req.actor(), req.body),
  );

  app.delete(
    '/api/v1/mentoring/request',
    { schema: { tags, security, summary: 'Withdraw my request (a mentor asked and not yet answering is told it was cancelled)', response: { 204: noContent, ...errors(401, 404) } } },
    async (req, reply) => {
      await requests.withdraw(await req.actor());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/mentoring/suggestions',
    { schema: { tags, security, summary: 'Mentors for my waiting request, best first, each with why', response: { 200: suggestionList, ...errors(401, 404) } } },
    async (req) => matching.suggestions(await req.actor(), localeOf(req.headers['accept-language'])),
  );

  app.post(
    '/api/v1/mentorships',
    {
      schema: {
        tags,
        security,
        summary: 'Ask a mentor (one of my suggestions); they have 72 hours to answer',
        body: mentorshipRequestBody,
        response: { 201: mentorship, ...errors(401, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await matching.ask(await req.actor(), req.body.mentorId)),
  );

  // ── Coordinators ──

  app.get(
    '/api/v1/mentoring/requests',
    { schema: { tags, security, summary: 'Waiting and pending requests, longest wait first (coordinators)', response: { 200: requestList, ...errors(401, 404) } } },
    async (req) => requests.list(await req.actor()),
  );

  app.post(
    '/api/v1/mentoring/proposal',
    {
      schema: {
        tags,
        security,
        summary: 'Propose an assignment of every waiting mentee: most matched first, then the best total score (coordinators)',
        response: { 200: proposal, ...errors(401, 404) },
      },
    },
    async (req) => matching.proposal(await req.actor()),
  );

  app.post(
    '/api/v1/mentoring/introductions',
    {
      schema: {
        tags,
        security,
        summary: 'Send reviewed introductions; pairs that no longer hold are skipped with the reason (coordinators; audited)',
        body: introductionsBody,
        response: { 200: introductionsResult, ...errors(401, 404, 422) },
      },
    },
    async (req) => matching.introduce(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/mentoring/settings',
    { schema: { tags, security, summary: 'Mentoring settings (coordinators)', response: { 200: mentoringSettings, ...errors(401, 404) } } },
    async (req) => settings.get(await req.actor()),
  );

  app.patch(
    '/api/v1/mentoring/settings',
    { schema: { tags, security, summary: 'Change mentoring settings (coordinators; audited)', body: mentoringSettingsBody, response: { 200: mentoringSettings, ...errors(401, 404, 422) } } },
    async (req) => settings.patch(await req.actor(), req.body),
  );
};
