import { APIError } from 'better-auth/api';
import type { z } from 'zod';
import type { changePasswordBody, setupBody, signInBody, signUpBody, updateMeBody } from '../../../contracts/accounts.ts';
import type { Locale, Role } from '../../../contracts/common.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import { type RateRule, rateRules } from '../../http/rate-limit.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { settingsRepo } from '../instance/repo.ts';
import { hashInviteToken } from './invites.ts';
import { hashPassword, isCommonPassword } from './passwords.ts';
import { presentMe } from './presenters.ts';
import { accountsRepo } from './repo.ts';
import { isUniqueViolation } from '../../db/errors.ts';

/** What a route knows about the caller's connection; passed to better-auth as request headers. */
export interface RequestMeta {
  ip: string;
  headers: Headers;
}

export interface Outcome<T> {
  body: T;
  setCookies: string[];
}

const SETUP_CLAIM = 'setup_claim';

export type NewAccount = { email: string; displayName: string; locale?: Locale; timeZone?: string; createdAt?: Date } & (
  | { password: string }
  | { passwordHash: string }
);

function passwordMustNotBeCommon(password: string, field = 'password') {
  if (isCommonPassword(password)) {
    throw validationFailed({ [field]: 'passwordTooCommon' });
  }
}

const cookiesFrom = (headers: Headers | undefined): string[] => headers?.getSetCookie() ?? [];

const errorCode = (err: unknown): string | undefined =>
  err instanceof APIError ? (err.body as { code?: string } | undefined)?.code : undefined;

export function createAccountsService(ctx: ServiceContext) {
  const { db, auth, limiter } = ctx;

  async function me(actor: Actor | null) {
    const a = authorize(actor);
    // The session loader already read the row with the session; outside a request, read it.
    const row = a.profile ?? (await accountsRepo.findUser(db, a.userId));
    if (!row) throw notFound();
    return presentMe(row);
  }

  /**
   * Creates a verified account with exactly the given roles, without sending mail (setup, `kindred admin create`,
   * the demo). Pass `passwordHash` to reuse one hash for many accounts.
   */
  async function createVerifiedAccount(input: NewAccount, roles: Role[]) {
    if ('password' in input) passwordMustNotBeCommon(input.password);
    const taken = () => new AppError('conflict', 'accountExists', { email: 'alreadyRegistered' });
    if (await accountsRepo.findUserIdByEmail(db, input.email)) throw taken();
    const context = await auth.$context;
    let created: { id: string };
    try {
      created = await context.internalAdapter.createUser(
        {
          name: input.displayName,
          email: input.email,
          emailVerified: true,
          locale: input.locale ?? 'en',
          timeZone: input.timeZone ?? 'UTC',
          ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
        },
        { method: 'admin' },
      );
    } catch (err) {
      // Someone else took the address between the check and the insert.
      if (isUniqueViolation(err)) throw taken();
      throw err;
    }
    await context.internalAdapter.linkAccount({
      userId: created.id,
      providerId: 'credential',
      accountId: created.id,
      password: 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password),
    });
    await accountsRepo.grantRoles(db, created.id, roles);
    return created.id;
  }

  /** Counts a mail against its limits; false when the address or the account has had enough lately. */
  async function mailAllowed(limits: Array<[RateRule, string]>): Promise<boolean> {
    try {
      for (const [rule, key] of limits) await limiter.consume(rule, key);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'rate_limited') return false;
      throw err;
    }
  }

  /** Sends a verification link unless this address or account has had enough of them lately. */
  async function sendVerificationMail(email: string, meta: RequestMeta): Promise<boolean> {
    const allowed = await mailAllowed([
      [rateRules.verificationMailPerIp, meta.ip],
      [rateRules.verificationMailPerAccount, email],
    ]);
    if (!allowed) return false;
    try {
      await auth.api.sendVerificationEmail({ body: { email } });
    } catch (err) {
      if (!(err instanceof APIError)) throw err;
      // Already verified or unknown: nothing to send, and nothing to tell.
    }
    return true;
  }

  async function signInWithPassword(email: string, password: string, meta: RequestMeta): Promise<Outcome<ReturnType<typeof presentMe>>> {
    await limiter.check(rateRules.signInFailuresPerIp, meta.ip);
    await limiter.check(rateRules.signInFailuresPerAccount, email);
    try {
      const { headers, response } = await auth.api.signInEmail({
        body: { email, password, rememberMe: true },
        headers: meta.headers,
        returnHeaders: true,
      });
      await limiter.clear(rateRules.signInFailuresPerAccount, email);
      const row = await accountsRepo.findUser(db, response.user.id);
      if (!row) throw notFound();
      return { body: presentMe(row), setCookies: cookiesFrom(headers) };
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EMAIL_NOT_VERIFIED') {
        // Only reached with the right password. A new link, a few times an hour at most.
        const resent = await sendVerificationMail(email, meta);
        throw new AppError(
          'email_not_verified',
          resent ? 'emailNotVerifiedResent' : 'emailNotVerified',
        );
      }
      if (code === 'INVALID_EMAIL_OR_PASSWORD') {
        await limiter.record(rateRules.signInFailuresPerIp, meta.ip);
        await limiter.record(rateRules.signInFailuresPerAccount, email);
        // The same answer for an unknown email and a wrong password.
        throw new AppError('unauthenticated', 'wrongCredentials');
      }
      throw err;
    }
  }

  return {
    me,
    createVerifiedAccount,

    async signUp(input: z.output<typeof signUpBody>, meta: RequestMeta): Promise<{ status: 'accepted' }> {
      passwordMustNotBeCommon(input.password);
      await limiter.consume(rateRules.signUpPerIp, meta.ip);
      const mode = await ctx.settings.registrationMode();
      const invite = input.inviteToken ? await accountsRepo.invites.findUsable(db, hashInviteToken(input.inviteToken)) : undefined;
      if (mode === 'invite' && !invite) {
        throw validationFailed({ inviteToken: 'inviteNeeded' });
      }
      const existing = await accountsRepo.findUserIdByEmail(db, input.email);
      if (existing) {
        // Do not reveal that the address has an account: answer as for a new one, and tell the owner by mail.
        await hashPassword(input.password);
        // Repeated attempts from many addresses must not flood the owner's inbox: a few mails an hour at most.
        if (!(await mailAllowed([[rateRules.verificationMailPerAccount, input.email]]))) return { status: 'accepted' };
        await ctx.mailer.send({
          to: input.email,
          template: 'account_exists',
          locale: existing.locale === 'es' ? 'es' : 'en',
          vars: { name: existing.name, url: `${ctx.config.publicUrl}/sign-in` },
        });
        return { status: 'accepted' };
      }
      const claimed = invite ? await accountsRepo.invites.claim(db, invite.tokenHash) : undefined;
      if (invite && !claimed) throw validationFailed({ inviteToken: 'inviteUsed' });
      let userId: string;
      try {
        const result = await auth.api.signUpEmail({
          body: {
            name: input.displayName,
            email: input.email,
            password: input.password,
            locale: input.locale ?? 'en',
            timeZone: input.timeZone ?? 'UTC',
          },
          headers: meta.headers,
        });
        userId = result.user.id;
      } catch (err) {
        if (claimed) await accountsRepo.invites.release(db, claimed.id);
        // A concurrent sign-up with the same address: answer as above.
        if (errorCode(err)?.startsWith('USER_ALREADY_EXISTS')) return { status: 'accepted' };
        throw err;
      }
      await accountsRepo.grantRoles(db, userId, ['member']);
      if (claimed) {
        await accountsRepo.invites.markUsedBy(db, claimed.id, userId);
        const extra = (claimed.roles as Role[]).filter((r) => r !== 'member');
        if (extra.length) {
          await accountsRepo.grantRoles(db, userId, extra);
          await auditRepo.record(db, {
            actorId: claimed.createdBy,
            action: 'roles.changed',
            subjectId: userId,
            details: { added: extra, removed: [], via: 'invite' },
          });
        }
      }
      return { status: 'accepted' };
    },

    signIn: (input: z.output<typeof signInBody>, meta: RequestMeta) => signInWithPassword(input.email, input.password, meta),

    async signOut(meta: RequestMeta): Promise<Outcome<null>> {
      try {
        const { headers } = await auth.api.signOut({ headers: meta.headers, returnHeaders: true });
        return { body: null, setCookies: cookiesFrom(headers) };
      } catch {
        // No session to end: signing out is idempotent.
        return { body: null, setCookies: [] };
      }
    },

    async verifyEmail(token: string): Promise<{ status: 'accepted' }> {
      try {
        await auth.api.verifyEmail({ query: { token } });
        return { status: 'accepted' };
      } catch (err) {
        if (err instanceof APIError) {
          throw validationFailed({ token: 'linkInvalid' }, 'linkDidNotWork');
        }
        throw err;
      }
    },

    async resendVerification(email: string, meta: RequestMeta): Promise<{ status: 'accepted' }> {
      // The per-address limit answers 429 here; the per-account one stays silent (it would reveal the account).
      await limiter.check(rateRules.verificationMailPerIp, meta.ip);
      await sendVerificationMail(email, meta);
      return { status: 'accepted' };
    },

    async requestPasswordReset(email: string, meta: RequestMeta): Promise<{ status: 'accepted' }> {
      await limiter.consume(rateRules.resetRequestsPerIp, meta.ip);
      await auth.api.requestPasswordReset({ body: { email, redirectTo: `${ctx.config.publicUrl}/reset-password` } });
      return { status: 'accepted' };
    },

    async resetPassword(token: string, password: string): Promise<void> {
      passwordMustNotBeCommon(password);
      try {
        await auth.api.resetPassword({ body: { token, newPassword: password } });
      } catch (err) {
        if (errorCode(err) === 'INVALID_TOKEN') {
          throw validationFailed({ token: 'linkInvalid' }, 'linkDidNotWork');
        }
        throw err;
      }
    },

    async updateMe(actor: Actor | null, patch: z.output<typeof updateMeBody>) {
      const a = authorize(actor);
      await accountsRepo.updateProfile(db, a.userId, {
        ...(patch.displayName !== undefined ? { name: patch.displayName } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
      });
      return me({ ...a, profile: undefined });
    },

    async changePassword(actor: Actor | null, input: z.output<typeof changePasswordBody>, meta: RequestMeta): Promise<Outcome<null>> {
      const a = authorize(actor);
      passwordMustNotBeCommon(input.newPassword, 'newPassword');
      await limiter.check(rateRules.signInFailuresPerAccount, a.userId);
      try {
        const { headers } = await auth.api.changePassword({
          body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: false },
          headers: meta.headers,
          returnHeaders: true,
        });
        if (input.signOutOtherDevices) await accountsRepo.deleteOtherSessions(db, a.userId, a.sessionId);
        return { body: null, setCookies: cookiesFrom(headers) };
      } catch (err) {
        if (errorCode(err) === 'INVALID_PASSWORD') {
          await limiter.record(rateRules.signInFailuresPerAccount, a.userId);
          throw validationFailed({ currentPassword: 'currentPasswordWrong' });
        }
        throw err;
      }
    },

    /** First run: creates the first coordinator while none exists; afterwards the route answers 404. */
    async setup(input: z.output<typeof setupBody>, meta: RequestMeta): Promise<Outcome<ReturnType<typeof presentMe>>> {
      await limiter.consume(rateRules.setupPerIp, meta.ip);
      if ((await accountsRepo.countWithRole(db, 'coordinator')) > 0) throw notFound();
      // Only one request may run setup, even across server instances.
      if (!(await settingsRepo.claim(db, SETUP_CLAIM))) throw notFound();
      try {
        const userId = await createVerifiedAccount(input, ['member', 'coordinator']);
        await auditRepo.record(db, { actorId: userId, action: 'setup.completed', subjectId: userId, details: { roles: ['coordinator'] } });
      } catch (err) {
        await settingsRepo.remove(db, SETUP_CLAIM);
        throw err;
      }
      return signInWithPassword(input.email, input.password, meta);
    },

    async setupRequired(): Promise<boolean> {
      return (await accountsRepo.countWithRole(db, 'coordinator')) === 0;
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
