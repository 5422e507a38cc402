import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resourceExportQuery, resourceImportBody, resourceImportReport, resourceSheetQuery } from '../../../contracts/resources.ts';
import { errors, optionalSession, security } from '../../http/openapi.ts';
import type { ServiceContext } from '../context.ts';
import { createTransferService } from './transfer-service.ts';

const tags = ['resources'];
/** Bytes, sent as they are (Fastify does not serialize a Buffer); documented as a binary string. */
const pdfFile = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary', description: 'A PDF document' });
export const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;
const attachment = (filename: string) => `attachment; filename="${filename}"`;

/** Resources: import and export (CSV, JSON) and the printable resource sheet (PDF). */
export const resourceTransferRoutes: FastifyPluginAsyncZod<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  const transfer = createTransferService(ctx);

  app.post(
    '/api/v1/admin/resources/import',
    {
      // A file of thousands of entries is over the usual 1 MB: room for the 5 MB of text the contract allows, JSON-escaped.
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Import directory entries from CSV or JSON (coordinators): known external ids update, others are created; every rejected row is reported',
        body: resourceImportBody,
        response: { 200: resourceImportReport, ...errors(401, 404, 413, 422) },
      },
    },
    async (req) => transfer.importFile(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/admin/resources/export',
    {
      schema: {
        tags,
        security,
        summary: 'Download every published and archived entry as CSV or JSON (coordinators); the file imports back into the same entries',
        querystring: resourceExportQuery,
        response: {
          200: {
            description: 'A download (content-disposition: attachment)',
            content: {
              'application/json': { schema: z.string().describe('{"resources": [...]}: each entry as the import reads it, with externalId and status') },
              'text/csv': { schema: z.string().describe('CSV with a header row (RFC 4180, UTF-8 with a byte-order mark); columns in docs/resources.md') },
            },
          },
          ...errors(401, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const { filename, type, body } = await transfer.exportFile(await req.actor(), req.query.format);
      return reply.type(type).header('content-disposition', attachment(filename)).header('cache-control', 'private, no-store').send(body);
    },
  );

  app.get(
    '/api/v1/resources/sheet.pdf',
    {
      schema: {
        tags,
        security: optionalSession,
        summary: 'A printable resource sheet (PDF) grouped by category, in the chosen language: public entries, and members-only ones when signed in',
        querystring: resourceSheetQuery,
        response: {
          200: { description: 'A PDF (content-disposition: inline)', content: { 'application/pdf': { schema: pdfFile } } },
          ...errors(422),
        },
      },
    },
    async (req, reply) => {
      const { filename, body } = await transfer.sheet(await req.actor(), req.query);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store').send(body);
    },
  );
};
