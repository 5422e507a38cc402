import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access.ts';
import type pg from 'pg';
import type { RequestMeta } from '../modules/accounts/service.ts';
import { loadActor } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, resolved from the session cookie on first use. */
    actor(): Promise<Actor | null>;
  }
}

export function installRequestContext(app: FastifyInstance, pool: pg.Pool, secret: string) {
  const cache = new WeakMap<FastifyRequest, Promise<Actor | null>>();
  app.decorateRequest('actor', function (this: FastifyRequest) {
    let pending = cache.get(this);
    if (!pending) {
      pending = loadActor(pool, this.headers.cookie, secret);
      cache.set(this, pending);
    }
    return pending;
  });
}

/** The parts of a request better-auth needs: cookies and the user agent. Nothing else is passed on. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const headers = new Headers();
  if (request.headers.cookie) headers.set('cookie', request.headers.cookie);
  const ua = request.headers['user-agent'];
  if (ua) headers.set('user-agent', ua.slice(0, 300));
  return { ip: request.ip, headers };
}

export function withCookies<T>(reply: FastifyReply, outcome: { body: T; setCookies: string[] }, status = 200) {
  if (outcome.setCookies.length) reply.header('set-cookie', outcome.setCookies);
  if (outcome.body === null) return reply.status(204).send();
  return reply.status(status).send(outcome.body);
}
