import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, uuid } from '../../../contracts/common.ts';
import {
  agreement,
  agreementTerms,
  caseload,
  concern,
  concernBody,
  concernCloseBody,
  concernList,
  concernQuery,
  contact,
  contactBody,
  contactList,
  declineBody,
  endBody,
  feedbackBody,
  feedbackSummary,
  mentorship,
  mentorshipList,
  pauseBody,
  signBody,
} from '../../../contracts/mentoring.ts';
import { errors, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createCaseloadService } from './caseload-service.ts';
import { createConcernsService } from './concerns-service.ts';
import { createContactsService } from './contacts-service.ts';
import { createMentorshipService } from './service.ts';

const tags = ['mentoring'];
const contactParams = z.strictObject({ id: uuid, contactId: uuid });

/**
 * A mentoring relationship from the mentor's answer to its end: lifecycle, agreement, contact log and feedback, the
 * mentor's caseload, and concerns raised with coordinators. Records the caller may not see answer 404.
 */
export const mentorshipRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const mentorships = createMentorshipService(ctx);
  const contacts = createContactsService(ctx);
  const caseloads = createCaseloadService(ctx);
  const concerns = createConcernsService(ctx);

  // ── The relationship ──

  app.get(
    '/api/v1/mentorships',
    { schema: { tags, security, summary: 'My relationships, as mentor or mentee: open ones first, then past ones', response: { 200: mentorshipList, ...errors(401) } } },
    async (req) => mentorships.list(await req.actor()),
  );

  app.get(
    '/api/v1/mentorships/:id',
    { schema: { tags, security, summary: 'One relationship (its two people and coordinators)', params: idParams, response: { 200: mentorship, ...errors(401, 404, 422) } } },
    async (req) => mentorships.get(await req.actor(), req.params.id),
  );

  const action = (path: string, summary: string) => ({
    path: `/api/v1/mentorships/:id/${path}`,
    schema: { tags, security, summary, params: idParams, response: { 200: mentorship, ...errors(401, 404, 409, 422) } },
  });

  const accept = action('accept', 'The mentor accepts a request: version 1 of the agreement is written for both to sign');
  app.post(accept.path, { schema: accept.schema }, async (req) => mentorships.accept(await req.actor(), req.params.id));

  const decline = action('decline', 'The mentor declines a request, optionally with a kind message; it goes back to matching');
  app.post(decline.path, { schema: { ...decline.schema, body: declineBody } }, async (req) => mentorships.decline(await req.actor(), req.params.id, req.body));

  const cancel = action('cancel', 'The mentee takes back an unanswered request; it goes back to matching');
  app.post(cancel.path, { schema: cancel.schema }, async (req) => mentorships.cancel(await req.actor(), req.params.id));

  const pause = action('pause', 'Either side pauses an active relationship');
  app.post(pause.path, { schema: { ...pause.schema, body: pauseBody } }, async (req) => mentorships.pause(await req.actor(), req.params.id, req.body));

  const resume = action('resume', 'Either side resumes a paused relationship');
  app.post(resume.path, { schema: { ...resume.schema, body: pauseBody } }, async (req) => mentorships.resume(await req.actor(), req.params.id, req.body));

  const end = action('end', 'Either side ends the relationship with a reason; the mentee may go straight back to matching (rematch)');
  app.post(end.path, { schema: { ...end.schema, body: endBody } }, async (req) => mentorships.end(await req.actor(), req.params.id, req.body));

  // ── The agreement ──

  app.get(
    '/api/v1/mentorships/:id/agreement',
    { schema: { tags, security, summary: 'The agreement: the version in force, one waiting for signatures, every version', params: idParams, response: { 200: agreement, ...errors(401, 404, 422) } } },
    async (req) => mentorships.agreement(await req.actor(), req.params.id),
  );

  app.put(
    '/api/v1/mentorships/:id/agreement',
    {
      schema: {
        tags,
        security,
        summary: 'Propose new terms as the next version, signed by me; the version in force stays until both sign',
        params: idParams,
        body: agreementTerms,
        response: { 200: agreement, ...errors(401, 404, 409, 422) },
      },
    },
    async (req) => mentorships.proposeAgreement(await req.actor(), req.params.id, req.body),
  );

  const sign = action('agreement/sign', 'Sign the newest version (named, so nobody signs terms they have not read); both signed: active');
  app.post(sign.path, { schema: { ...sign.schema, body: signBody } }, async (req) => mentorships.sign(await req.actor(), req.params.id, req.body));

  // ── Contacts and feedback ──

  app.get(
    '/api/v1/mentorships/:id/contacts',
    { schema: { tags, security, summary: 'The contact log (notes only for the mentor, and coordinators if the program says so)', params: idParams, response: { 200: contactList, ...errors(401, 404, 422) } } },
    async (req) => contacts.list(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/mentorships/:id/contacts',
    { schema: { tags, security, summary: 'The mentor logs a contact', params: idParams, body: contactBody, response: { 201: contact, ...errors(401, 404, 409, 422) } } },
    async (req, reply) => reply.status(201).send(await contacts.log(await req.actor(), req.params.id, req.body)),
  );

  app.put(
    '/api/v1/mentorships/:id/contacts/:contactId/feedback',
    { schema: { tags, security, summary: 'The mentee rates a contact, once; unsigned unless they sign it', params: contactParams, body: feedbackBody, response: { 200: contact, ...errors(401, 404, 409, 422) } } },
    async (req) => contacts.rate(await req.actor(), req.params.id, req.params.contactId, req.body),
  );

  app.get(
    '/api/v1/mentoring/feedback',
    { schema: { tags, security, summary: "Coordinators: each mentor's ratings in aggregate; names only on signed comments", response: { 200: feedbackSummary, ...errors(401, 404) } } },
    async (req) => contacts.summary(await req.actor()),
  );

  // ── Caseload ──

  app.get(
    '/api/v1/mentoring/caseload',
    { schema: { tags, security, summary: "A mentor's caseload: mentees, last contact, what they share, and this week's load", response: { 200: caseload, ...errors(401, 404) } } },
    async (req) => caseloads.caseload(await req.actor()),
  );

  // ── Concerns ──

  app.post(
    '/api/v1/mentorships/:id/concerns',
    { schema: { tags, security, summary: 'The mentor raises a concern with coordinators', params: idParams, body: concernBody, response: { 201: concern, ...errors(401, 404, 409, 422) } } },
    async (req, reply) => reply.status(201).send(await concerns.open(await req.actor(), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/mentoring/concerns',
    { schema: { tags, security, summary: 'Concerns: coordinators see all, a mentor their own', querystring: concernQuery, response: { 200: concernList, ...errors(401, 422) } } },
    async (req) => concerns.list(await req.actor(), req.query),
  );

  app.post(
    '/api/v1/mentoring/concerns/:id/acknowledge',
    { schema: { tags, security, summary: 'Coordinators: acknowledge a concern', params: idParams, response: { 200: concern, ...errors(401, 404, 409, 422) } } },
    async (req) => concerns.acknowledge(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/mentoring/concerns/:id/close',
    { schema: { tags, security, summary: 'Coordinators: close a concern with its outcome', params: idParams, body: concernCloseBody, response: { 200: concern, ...errors(401, 404, 409, 422) } } },
    async (req) => concerns.close(await req.actor(), req.params.id, req.body),
  );
};
