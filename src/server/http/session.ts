import crypto from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../contracts/common.ts';
import type { Actor } from '../access.ts';
import { Batcher, onePer } from '../db/batcher.ts';
import type { ActorCache } from './actor-cache.ts';

export const SESSION_COOKIE = 'kindred.session_token';
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** Reads one cookie from a Cookie header without parsing the rest. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token inside better-auth's signed cookie (`token.base64(HMAC-SHA256(secret, token))`), if the signature holds. */
export function unsignSessionCookie(value: string, secret: string): string | undefined {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = crypto.createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? token : undefined;
}

// A named statement: PostgreSQL parses and plans it once per connection, not once per request (measured in bench/).
// The sessions of the requests that arrive together are read at once (one array of tokens).
const LOAD_ACTORS = {
  name: 'kindred_load_actors',
  text: `select s.token, s.id as session_id, s.expires_at, u.id, u.name, u.email, u.email_verified, u.locale, u.time_zone, u.created_at,
                (select array_agg(r.role) from user_role r where r.user_id = u.id) as roles
           from session s join "user" u on u.id = s.user_id
          where s.token = any($1::text[]) and s.expires_at > now()`,
};

/**
 * The session reads of one pool, batched: at 10,000 members each sending every few seconds, the cache's 30-second
 * re-reads alone are hundreds a second, and one round trip each cost the instance more than the read cost PostgreSQL.
 */
const readerFor = onePer(
  (pool: pg.Pool) =>
    new Batcher<string, ActorRow | null>(
      async (tokens) => {
        const { rows } = await pool.query<ActorRow & { token: string }>({ name: LOAD_ACTORS.name, text: LOAD_ACTORS.text, values: [tokens] });
        const byToken = new Map(rows.map((r) => [r.token, r]));
        return tokens.map((t) => byToken.get(t) ?? null);
      },
      { max: 64, concurrency: 2 },
    ),
);

interface ActorRow {
  session_id: string;
  expires_at: Date;
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  locale: string;
  time_zone: string;
  created_at: Date;
  roles: Role[] | null;
}

export interface ResolvedSession {
  actor: Actor;
  expiresAt: Date;
  /** The cookie as the browser sent it, for renewing it. */
  cookie: { name: string; value: string };
}

/**
 * Resolves the session behind a request: from the actor cache when it holds it (by the signed cookie value), else
 * after checking the signature in one query (session, the person's own profile and roles). better-auth writes
 * sessions; this reads them on every signed-in request.
 */
export async function loadActor(
  deps: { pool: pg.Pool; secret: string; cache: ActorCache },
  cookieHeader: string | undefined,
): Promise<ResolvedSession | null> {
  const secure = readCookie(cookieHeader, SECURE_SESSION_COOKIE);
  const cookie = secure !== undefined ? { name: SECURE_SESSION_COOKIE, value: secure } : { name: SESSION_COOKIE, value: readCookie(cookieHeader, SESSION_COOKIE) ?? '' };
  if (!cookie.value) return null;
  // Cached by the signed value, so a cached session costs no HMAC (2.5% of an instance's CPU when sending messages,
  // bench/README.md): only a value whose signature held is ever cached, and a forged one is a different key.
  const cached = deps.cache.get(cookie.value);
  if (cached) return { actor: cached.actor, expiresAt: cached.expiresAt, cookie };
  const token = unsignSessionCookie(cookie.value, deps.secret);
  if (!token) return null;
  const epoch = deps.cache.begin();
  const row = await readerFor(deps.pool).submit(token);
  if (!row) return null;
  const actor: Actor = {
    sessionId: row.session_id,
    userId: row.id,
    roles: new Set(row.roles ?? []),
    profile: {
      id: row.id,
      name: row.name,
      email: row.email,
      emailVerified: row.email_verified,
      locale: row.locale,
      timeZone: row.time_zone,
      createdAt: row.created_at,
      roles: row.roles,
    },
  };
  deps.cache.set(cookie.value, actor.userId, { actor, expiresAt: row.expires_at }, epoch, row.expires_at.getTime());
  return { actor, expiresAt: row.expires_at, cookie };
}

/** The Set-Cookie that extends a session cookie, with the attributes better-auth gives it. */
export function renewedCookie(cookie: { name: string; value: string }, maxAgeSeconds: number): string {
  const secure = cookie.name.startsWith('__Secure-') ? '; Secure' : '';
  return `${cookie.name}=${encodeURIComponent(cookie.value)}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}
