import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, type ErrorCode, errorStatus } from '../../contracts/errors.ts';

/** Thrown by services and routes; the error handler turns it into the catalog's JSON shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const unauthenticated = () => new AppError('unauthenticated', 'Sign in to continue.');
export const validationFailed = (fields: Record<string, string>, message = 'Some fields need attention.') =>
  new AppError('validation_failed', message, fields);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'Too many attempts. Please wait and try again.', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

type ValidationIssue = { instancePath: string; message?: string; keyword?: string; params?: { keys?: string[] } };

function fieldsFrom(issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      for (const key of issue.params.keys) fields[[issue.instancePath.slice(1), key].filter(Boolean).join('.')] = 'Unknown field';
      continue;
    }
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
    fields[path] ??= issue.message ?? 'Invalid value';
  }
  return fields;
}

/** Maps every failure to the catalog. Bad input is a 4xx with a message a person can act on, never a 500. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.status(err.status).send(errorBody(err.code, err.message, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      return reply
        .status(422)
        .send(errorBody('validation_failed', `The request ${where} is not valid.`, fieldsFrom(err.validation)));
    }
    const status = err.statusCode ?? 500;
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(errorBody('payload_too_large', 'The request body is larger than 1 MB.'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(errorBody('unsupported_media_type', 'Send the body as application/json.'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(errorBody('invalid_json', 'The JSON body is empty.'));
    }
    if (status === 400 && (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
      return reply.status(400).send(errorBody('invalid_json', 'The request body is not valid JSON.'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(status === 404 ? 'not_found' : 'bad_request', 'The request is not valid.'));
    }
    // The message can carry personal data (a constraint error quotes values): log the type, code and frames only.
    request.log.error({ err: { type: err.name, code: err.code, frames: err.stack?.split('\n').slice(1, 8).join('\n') } }, 'request failed');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on our side. Please try again.'));
  });
}
