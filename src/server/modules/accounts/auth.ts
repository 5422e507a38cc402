import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../../contracts/common.ts';
import { limits } from '../../../contracts/common.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { account, session, user, verification } from './tables.ts';

const DAY = 24 * 60 * 60;
/** Sessions last 30 days from their last renewal; a session in use is renewed once a day (http/request-context.ts). */
export const SESSION_SECONDS = 30 * DAY;
export const SESSION_RENEW_AFTER_SECONDS = DAY;

const localeOf = (u: unknown): Locale => ((u as { locale?: string }).locale === 'es' ? 'es' : 'en');

/**
 * better-auth owns credentials, sessions and the email-verification and reset tokens. Kindred's own routes call
 * its server API (auth.api.*) so every endpoint stays under /api/v1 with Kindred's schemas and error catalog;
 * better-auth's HTTP handler is not mounted.
 */
export function createAuth(deps: { config: Config; db: Db; secret: string; mailer: Mailer; log: FastifyBaseLogger }) {
  const { config, db, secret, mailer, log } = deps;
  return betterAuth({
    appName: 'Kindred',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [new URL(config.publicUrl).origin],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    // No data leaves the instance.
    telemetry: { enabled: false },
    // Into Kindred's structured log, message only: the extra arguments can carry personal data.
    logger: {
      level: 'warn',
      log: (level, message) => log[level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'debug']({ component: 'auth' }, message),
    },
    // Kindred counts failures per account and per IP in PostgreSQL itself (http/rate-limit.ts).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'kindred',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      database: { generateId: () => newId() },
      // A recovery community has no use for a log of where people signed in from.
      ipAddress: { disableIpTracking: true },
    },
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'en', input: true },
        timeZone: { type: 'string', required: false, defaultValue: 'UTC', input: true },
      },
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_RENEW_AFTER_SECONDS },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: limits.passwordMin,
      maxPasswordLength: limits.passwordMax,
      requireEmailVerification: true,
      autoSignIn: false,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: { hash: hashPassword, verify: verifyPassword },
      sendResetPassword: async ({ user: u, token }) => {
        await mailer.send({
          to: u.email,
          template: 'reset_password',
          locale: localeOf(u),
          vars: { name: u.name, url: `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}` },
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // Kindred resends on sign-in itself, rate limited (service.ts), so a known password cannot flood a mailbox.
      sendOnSignIn: false,
      autoSignInAfterVerification: false,
      expiresIn: DAY,
      sendVerificationEmail: async ({ user: u, token }) => {
        await mailer.send({
          to: u.email,
          template: 'verify_email',
          locale: localeOf(u),
          vars: { name: u.name, url: `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}` },
        });
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
