import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common.ts';
import {
  crisisSharing,
  crisisSharingBody,
  escalationActionBody,
  escalationCloseBody,
  escalationDetail,
  escalationList,
  mySos,
  sosBody,
} from '../../../contracts/safety.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { createEscalationService } from './service.ts';

const tags = ['safety'];

/** The member's SOS and crisis sharing, and the responders' escalations. */
export const safetyRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext; jobs?: Jobs }> = async (app, { ctx, jobs }) => {
  const escalations = createEscalationService(ctx, { jobs, log: app.log });

  // ── The member ──

  app.post(
    '/api/v1/sos',
    {
      schema: {
        tags,
        security,
        summary: 'Ask for help now: tells my mentor and whoever is on call (one open SOS at a time; a second answers with it)',
        body: sosBody,
        response: { 200: mySos, 201: mySos, ...errors(401, 422) },
      },
    },
    async (req, reply) => {
      const { created, sos } = await escalations.raiseSos(await req.actor(), req.body);
      return reply.status(created ? 201 : 200).send(sos);
    },
  );

  app.get(
    '/api/v1/me/sos',
    { schema: { tags, security, summary: 'My open SOS, or null', response: { 200: mySos.nullable(), ...errors(401) } } },
    async (req) => escalations.mySos(await req.actor()),
  );

  app.delete(
    '/api/v1/me/sos',
    { schema: { tags, security, summary: 'Call off my SOS (closed as cancelled by me)', response: { 204: noContent, ...errors(401) } } },
    async (req, reply) => {
      await escalations.cancelSos(await req.actor());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/sharing/crisis',
    { schema: { tags, security, summary: 'Whether crisis responders who are not my mentor may see my safety plan', response: { 200: crisisSharing, ...errors(401) } } },
    async (req) => escalations.crisisSharing(await req.actor()),
  );

  app.put(
    '/api/v1/me/sharing/crisis',
    {
      schema: {
        tags,
        security,
        summary: 'Let anyone responding to my crisis see my safety plan and crisis contacts (off by default)',
        body: crisisSharingBody,
        response: { 200: crisisSharing, ...errors(401, 422) },
      },
    },
    async (req) => escalations.setCrisisSharing(await req.actor(), req.body.safetyPlan),
  );

  // ── Responders ──

  app.get(
    '/api/v1/escalations',
    { schema: { tags, security, summary: 'Open and recent escalations I was notified about (coordinators: all)', response: { 200: escalationList, ...errors(401) } } },
    async (req) => escalations.list(await req.actor()),
  );

  app.get(
    '/api/v1/escalations/:id',
    { schema: { tags, security, summary: 'One escalation (audited)', params: idParams, response: { 200: escalationDetail, ...errors(401, 404, 422) } } },
    async (req) => escalations.get(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/escalations/:id/acknowledge',
    { schema: { tags, security, summary: 'I have it: stops paging the roster', params: idParams, response: { 200: escalationDetail, ...errors(401, 404, 409, 422) } } },
    async (req) => escalations.acknowledge(await req.actor(), req.params.id),
  );

  app.post(
    '/api/v1/escalations/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Record what I did',
        params: idParams,
        body: escalationActionBody,
        response: { 200: escalationDetail, ...errors(401, 404, 409, 422) },
      },
    },
    async (req) => escalations.addAction(await req.actor(), req.params.id, req.body),
  );

  app.post(
    '/api/v1/escalations/:id/close',
    {
      schema: { tags, security, summary: 'Close with an outcome', params: idParams, body: escalationCloseBody, response: { 200: escalationDetail, ...errors(401, 404, 409, 422) } },
    },
    async (req) => escalations.close(await req.actor(), req.params.id, req.body.outcome),
  );
};
