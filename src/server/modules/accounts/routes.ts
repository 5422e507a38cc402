import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accepted,
  changePasswordBody,
  emailOnlyBody,
  me,
  resetPasswordBody,
  signInBody,
  signUpBody,
  updateMeBody,
  verifyEmailBody,
} from '../../../contracts/accounts.ts';
import { errors, noContent } from '../../http/openapi.ts';
import { requestMeta, withCookies } from '../../http/request-context.ts';
import type { AccountsService } from './service.ts';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod<{ accounts: AccountsService }> = async (app, { accounts }) => {
  app.post(
    '/api/v1/auth/sign-up',
    { schema: { tags, summary: 'Create an account; a verification link is emailed', body: signUpBody, response: { 202: accepted, ...errors(400, 413, 422, 429) } } },
    async (req, reply) => reply.status(202).send(await accounts.signUp(req.body, requestMeta(req))),
  );

  app.post(
    '/api/v1/auth/sign-in',
    { schema: { tags, summary: 'Sign in with email and password', body: signInBody, response: { 200: me, ...errors(401, 403, 422, 429) } } },
    async (req, reply) => withCookies(reply, await accounts.signIn(req.body, requestMeta(req))),
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'End the current session', response: { 204: noContent } } },
    async (req, reply) => withCookies(reply, await accounts.signOut(requestMeta(req))),
  );

  app.post(
    '/api/v1/auth/verify-email',
    { schema: { tags, summary: 'Confirm an email address with the emailed token', body: verifyEmailBody, response: { 200: accepted, ...errors(422) } } },
    async (req) => accounts.verifyEmail(req.body.token),
  );

  app.post(
    '/api/v1/auth/resend-verification',
    { schema: { tags, summary: 'Send a new verification link (same answer for any address)', body: emailOnlyBody, response: { 202: accepted, ...errors(422, 429) } } },
    async (req, reply) => reply.status(202).send(await accounts.resendVerification(req.body.email, requestMeta(req))),
  );

  app.post(
    '/api/v1/auth/request-password-reset',
    { schema: { tags, summary: 'Email a password reset link (same answer for any address)', body: emailOnlyBody, response: { 202: accepted, ...errors(422, 429) } } },
    async (req, reply) => reply.status(202).send(await accounts.requestPasswordReset(req.body.email, requestMeta(req))),
  );

  app.post(
    '/api/v1/auth/reset-password',
    { schema: { tags, summary: 'Choose a new password with the emailed token', body: resetPasswordBody, response: { 204: noContent, ...errors(422) } } },
    async (req, reply) => {
      await accounts.resetPassword(req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The signed-in person', security: [{ session: [] }], response: { 200: me, ...errors(401) } } },
    async (req) => accounts.me(await req.actor()),
  );

  app.patch(
    '/api/v1/me',
    { schema: { tags, summary: 'Change display name, language or time zone', security: [{ session: [] }], body: updateMeBody, response: { 200: me, ...errors(401, 422) } } },
    async (req) => accounts.updateMe(await req.actor(), req.body),
  );

  app.post(
    '/api/v1/me/password',
    { schema: { tags, summary: 'Change password', security: [{ session: [] }], body: changePasswordBody, response: { 204: noContent, ...errors(401, 422, 429) } } },
    async (req, reply) => withCookies(reply, await accounts.changePassword(await req.actor(), req.body, requestMeta(req))),
  );
};
