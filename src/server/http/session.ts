import crypto from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../contracts/common.ts';
import type { Actor } from '../access.ts';

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
const LOAD_ACTOR = {
  name: 'kindred_load_actor',
  text: `select s.id as session_id, u.id, u.name, u.email, u.email_verified, u.locale, u.time_zone, u.created_at,
                (select array_agg(r.role) from user_role r where r.user_id = u.id) as roles
           from session s join "user" u on u.id = s.user_id
          where s.token = $1 and s.expires_at > now()`,
};

interface ActorRow {
  session_id: string;
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  locale: string;
  time_zone: string;
  created_at: Date;
  roles: Role[] | null;
}

/**
 * Resolves the session behind a request in one query: session, the person's own profile and roles. better-auth
 * writes sessions; this reads them on every signed-in request, which is the hot path.
 */
export async function loadActor(pool: pg.Pool, cookieHeader: string | undefined, secret: string): Promise<Actor | null> {
  const raw = readCookie(cookieHeader, SECURE_SESSION_COOKIE) ?? readCookie(cookieHeader, SESSION_COOKIE);
  if (!raw) return null;
  const token = unsignSessionCookie(raw, secret);
  if (!token) return null;
  const { rows } = await pool.query<ActorRow>({ ...LOAD_ACTOR, values: [token] });
  const row = rows[0];
  if (!row) return null;
  return {
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
}
