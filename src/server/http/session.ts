import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/common.ts';
import type { Actor } from '../access.ts';
import type { Db } from '../db/client.ts';

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

/**
 * Resolves the session behind a request in one query (session, user and roles). better-auth writes sessions; this
 * reads them on every API request, which is the hot path.
 */
export async function loadActor(db: Db, cookieHeader: string | undefined, secret: string): Promise<Actor | null> {
  const raw = readCookie(cookieHeader, SECURE_SESSION_COOKIE) ?? readCookie(cookieHeader, SESSION_COOKIE);
  if (!raw) return null;
  const token = unsignSessionCookie(raw, secret);
  if (!token) return null;
  const { rows } = await db.execute<{ session_id: string; user_id: string; roles: Role[] | null }>(sql`
    select s.id as session_id, s.user_id,
           (select array_agg(r.role) from user_role r where r.user_id = s.user_id) as roles
      from session s
     where s.token = ${token} and s.expires_at > now()`);
  const row = rows[0];
  if (!row) return null;
  return { sessionId: row.session_id, userId: row.user_id, roles: new Set(row.roles ?? []) };
}
