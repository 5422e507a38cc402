import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, type ErrorCode, errorStatus } from '../../contracts/errors.ts';
import { isMessageKey, localeOf, type MessageKey, messages, say } from './messages.ts';

/**
 * Thrown by services and routes; the error handler turns it into the catalog's JSON shape, in the request's
 * language. `message` stays English for logs and the CLI.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly fields?: Record<string, MessageKey | string>,
    readonly headers?: Record<string, string>,
  ) {
    super(messages[key].en);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = () => new AppError('not_found', 'notFound');
export const unauthenticated = () => new AppError('unauthenticated', 'signInToContinue');
export const validationFailed = (fields: Record<string, MessageKey | string>, key: MessageKey = 'fieldsNeedAttention') =>
  new AppError('validation_failed', key, fields);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'tooManyAttempts', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

/** The catalog body for an AppError, in the language the request asks for. */
export function renderError(err: AppError, acceptLanguage: string | undefined): ErrorBody {
  const locale = localeOf(acceptLanguage);
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, isMessageKey(v) ? say(v, locale) : v]))
    : undefined;
  return errorBody(err.code, say(err.key, locale), fields);
}

type ValidationIssue = { instancePath: string; message?: string; keyword?: string; params?: { keys?: string[] } };

function fieldsFrom(issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      for (const key of issue.params.keys) fields[[issue.instancePath.slice(1).replaceAll('/', '.'), key].filter(Boolean).join('.')] = 'Unknown field';
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
    const send = (e: AppError) => {
      if (e.headers) reply.headers(e.headers);
      return reply.status(e.status).send(renderError(e, request.headers['accept-language']));
    };
    if (err instanceof AppError) return send(err);
    if (hasZodFastifySchemaValidationErrors(err)) return send(validationFailed(fieldsFrom(err.validation)));
    const status = err.statusCode ?? 500;
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(new AppError('payload_too_large', 'payloadTooLarge'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(new AppError('unsupported_media_type', 'unsupportedMediaType'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(new AppError('invalid_json', 'emptyJson'));
    }
    if (status === 400 && (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')) {
      return send(new AppError('invalid_json', 'invalidJson'));
    }
    if (status >= 400 && status < 500) return send(new AppError(status === 404 ? 'not_found' : 'bad_request', status === 404 ? 'notFound' : 'requestInvalid'));
    // The message can carry personal data (a constraint error quotes values): log the type, code and frames only.
    request.log.error({ err: { type: err.name, code: err.code, frames: err.stack?.split('\n').slice(1, 8).join('\n') } }, 'request failed');
    return send(new AppError('internal', 'internal'));
  });
}
