import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminUser,
  auditList,
  auditQuery,
  createdInvite,
  createInviteBody,
  inviteList,
  setRolesBody,
  settings,
  updateSettingsBody,
  userList,
  userListQuery,
} from '../../../contracts/admin.ts';
import { idParams } from '../../../contracts/common.ts';
import { inviteCheck, inviteTokenParams } from '../../../contracts/instance.ts';
import { errors, noContent, security } from '../../http/openapi.ts';
import type { AccountsAdminService } from './admin-service.ts';
import type { AccountsService } from './service.ts';

const tags = ['coordination'];

export const accountsAdminRoutes: FastifyPluginAsyncZod<{ admin: AccountsAdminService; accounts: AccountsService }> = async (
  app,
  { admin, accounts },
) => {
  app.get(
    '/api/v1/admin/users',
    { schema: { tags, security, summary: 'People on this instance (coordinators)', querystring: userListQuery, response: { 200: userList, ...errors(401, 404, 422) } } },
    async (req) => admin.listUsers(await req.actor(), req.query),
  );

  app.get(
    '/api/v1/admin/users/:id',
    { schema: { tags, security, summary: 'One person (coordinators)', params: idParams, response: { 200: adminUser, ...errors(401, 404, 422) } } },
    async (req) => admin.getUser(await req.actor(), req.params.id),
  );

  app.put(
    '/api/v1/admin/users/:id/roles',
    { schema: { tags, security, summary: "Replace a person's roles (audited)", params: idParams, body: setRolesBody, response: { 200: adminUser, ...errors(401, 404, 409, 422) } } },
    async (req) => admin.setRoles(await req.actor(), req.params.id, req.body),
  );

  app.get(
    '/api/v1/admin/audit-log',
    { schema: { tags, security, summary: 'Audit log, newest first', querystring: auditQuery, response: { 200: auditList, ...errors(401, 404, 422) } } },
    async (req) => admin.auditLog(await req.actor(), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/v1/admin/settings',
    { schema: { tags, security, summary: 'Instance settings', response: { 200: settings, ...errors(401, 404) } } },
    async (req) => admin.settings(await req.actor()),
  );

  app.patch(
    '/api/v1/admin/settings',
    { schema: { tags, security, summary: 'Change instance settings (audited)', body: updateSettingsBody, response: { 200: settings, ...errors(401, 404, 422) } } },
    async (req) => admin.updateSettings(await req.actor(), req.body),
  );

  app.get(
    '/api/v1/admin/invites',
    { schema: { tags, security, summary: 'Invitations', response: { 200: inviteList, ...errors(401, 404) } } },
    async (req) => admin.listInvites(await req.actor()),
  );

  app.post(
    '/api/v1/admin/invites',
    { schema: { tags, security, summary: 'Create an invitation link (emailed when an address is given)', body: createInviteBody, response: { 201: createdInvite, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      const actor = await req.actor();
      const locale = actor ? (await accounts.me(actor)).locale : 'en';
      return reply.status(201).send(await admin.createInvite(actor, req.body, locale));
    },
  );

  app.delete(
    '/api/v1/admin/invites/:id',
    { schema: { tags, security, summary: 'Revoke an unused invitation', params: idParams, response: { 204: noContent, ...errors(401, 404, 422) } } },
    async (req, reply) => {
      await admin.revokeInvite(await req.actor(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/invites/:token',
    { schema: { tags: ['accounts'], summary: 'Check an invitation link before signing up', params: inviteTokenParams, response: { 200: inviteCheck, ...errors(404, 422) } } },
    async (req) => admin.checkInvite(req.params.token),
  );
};
