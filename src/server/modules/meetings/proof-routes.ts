import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, locale } from '../../../contracts/common.ts';
import { attendanceProof, attendanceProofList, proofBody, proofCodeParams, proofVerification } from '../../../contracts/meetings.ts';
import { localeOf } from '../../http/messages.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createProofService } from './proof-service.ts';

const tags = ['meetings'];
/** Bytes, sent as they are (Fastify does not serialize a Buffer); documented as a binary string. */
const pdfFile = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary', description: 'A PDF document' });

/** Proof of attendance: the member issues, lists, prints and revokes; anyone with the code verifies. */
export const attendanceProofRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const proofs = createProofService(ctx);

  app.post(
    '/api/v1/me/attendance-proofs',
    {
      schema: {
        tags,
        security,
        summary: 'Issue a proof of my meeting attendance in a date range (at most 366 days; 20 a day)',
        body: proofBody,
        response: { 201: attendanceProof, ...errors(401, 422, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await proofs.issue(await req.actor(), req.body)),
  );

  app.get(
    '/api/v1/me/attendance-proofs',
    { schema: { tags, security, summary: 'My proofs of attendance, newest first (revoked ones included)', response: { 200: attendanceProofList, ...errors(401) } } },
    async (req) => proofs.list(await req.actor()),
  );

  app.get(
    '/api/v1/me/attendance-proofs/:id',
    { schema: { tags, security, summary: 'One of my proofs of attendance', params: idParams, response: { 200: attendanceProof, ...errors(401, 404, 422) } } },
    async (req) => proofs.get(await req.actor(), req.params.id),
  );

  app.get(
    '/api/v1/me/attendance-proofs/:id/pdf',
    {
      schema: {
        tags,
        security,
        summary: 'One of my proofs as a PDF to print or send (not for a revoked proof)',
        params: idParams,
        // The page's language; otherwise the account's, then Accept-Language.
        querystring: z.strictObject({ lang: locale.optional() }),
        response: {
          200: { description: 'A download (content-disposition: attachment)', content: { 'application/pdf': { schema: pdfFile } } },
          ...errors(401, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      const language = req.query.lang ?? (actor?.profile?.locale === 'es' ? 'es' : actor?.profile ? 'en' : localeOf(req.headers['accept-language']));
      const { fileName, body } = await proofs.pdf(actor, req.params.id, language);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.delete(
    '/api/v1/me/attendance-proofs/:id',
    { schema: { tags, security, summary: 'Revoke a proof: its code stops verifying', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await proofs.revoke(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/attendance-proofs/:code',
    {
      schema: {
        tags,
        summary: 'Verify a proof of attendance by its code (any case, hyphens optional); unknown and revoked codes are 404',
        params: proofCodeParams,
        response: { 200: proofVerification, ...errors(404, 422, 429) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return proofs.verify(req.params.code, req.ip);
    },
  );
};
