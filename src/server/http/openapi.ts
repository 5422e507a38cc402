import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contracts/errors.ts';

/** OpenAPI 3.1, generated from the same zod schemas that validate requests. Served at /api/openapi.json. */
export async function installOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kindred API',
        version: '1',
        description:
          'The API of a Kindred instance. Errors always have the shape {"error":{"code","message","fields"}}; ' +
          'records the caller may not see answer 404.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kindred.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

export function registerOpenApiRoute(app: FastifyInstance) {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Standard error responses for a route's schema. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBody])) as Record<number, typeof errorBody>;
}

export const noContent = z.null().describe('No content');

/** OpenAPI security for routes that need a session cookie. */
export const security: { [scheme: string]: string[] }[] = [{ session: [] }];
/** For routes anyone may read, where a session shows more (members-only groups, links for members). */
export const optionalSession: { [scheme: string]: string[] }[] = [{}, { session: [] }];
