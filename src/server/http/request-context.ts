import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Actor } from '../access.ts';
import type { Notifications } from '../db/notifications.ts';
import { SESSION_RENEW_AFTER_SECONDS, SESSION_SECONDS } from '../modules/accounts/auth.ts';
import type { RequestMeta } from '../modules/accounts/service.ts';
import type { ActorCache } from './actor-cache.ts';
import { loadActor, renewedCookie, type ResolvedSession } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, resolved from the session cookie on first use. */
    actor(): Promise<Actor | null>;
  }
  interface FastifyContextConfig {
    /**
     * This write changes nothing any instance caches (sessions, roles, check-in lists, forum pages): it answers
     * without waiting for the notification barrier. For the busiest writes only (sending a message), each checked.
     */
    touchesNoCache?: boolean;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installRequestContext(
  app: FastifyInstance,
  deps: { pool: pg.Pool; secret: string; cache: ActorCache; notifications: Notifications },
) {
  const sessions = new WeakMap<FastifyRequest, Promise<ResolvedSession | null>>();
  const resolve = (request: FastifyRequest) => {
    let pending = sessions.get(request);
    if (!pending) {
      pending = loadActor(deps, request.headers.cookie);
      sessions.set(request, pending);
    }
    return pending;
  };
  app.decorateRequest('actor', async function (this: FastifyRequest) {
    return (await resolve(this))?.actor ?? null;
  });

  app.addHook('onSend', async (request, reply) => {
    // A session in use is renewed once a day: 30 more days, in the database and in the cookie.
    const pending = sessions.get(request);
    const session = pending ? await pending.catch(() => null) : null;
    if (session && !reply.hasHeader('set-cookie') && session.expiresAt.getTime() - Date.now() < (SESSION_SECONDS - SESSION_RENEW_AFTER_SECONDS) * 1000) {
      await deps.pool.query(`update session set expires_at = now() + make_interval(secs => $2), updated_at = now() where id = $1`, [
        session.actor.sessionId,
        SESSION_SECONDS,
      ]);
      reply.header('set-cookie', renewedCookie(session.cookie, SESSION_SECONDS));
    }
    // After a write, answer only once this instance has applied the invalidations it caused (sign-out, roles...).
    if (WRITES.has(request.method) && !request.routeOptions.config?.touchesNoCache) await deps.notifications.barrier(deps.pool);
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
