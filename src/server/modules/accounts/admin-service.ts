import type { z } from 'zod';
import type { createInviteBody, RegistrationMode, setRolesBody, userListQuery } from '../../../contracts/admin.ts';
import type { Role } from '../../../contracts/common.ts';
import { type Actor, authorize } from '../../access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { hashInviteToken, inviteStatus, newInviteToken } from './invites.ts';
import { accountsPolicy } from './policy.ts';
import { presentAdminUser } from './presenters.ts';
import { accountsRepo } from './repo.ts';

/** What coordinators do with accounts: people, roles, invitations, registration mode, the audit log. */
export function createAccountsAdminService(ctx: ServiceContext) {
  const { db } = ctx;
  const coordinator = (actor: Actor | null) => authorize(actor, accountsPolicy.manageAccounts, undefined);

  const presentInvite = (row: { id: string; email: string | null; roles: string[]; usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; createdAt: Date }) => ({
    id: row.id,
    email: row.email,
    roles: row.roles as Role[],
    status: inviteStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  });

  return {
    async listUsers(actor: Actor | null, query: z.output<typeof userListQuery>) {
      coordinator(actor);
      const { rows, total } = await accountsRepo.listUsers(db, query);
      return { users: rows.map(presentAdminUser), total };
    },

    async getUser(actor: Actor | null, id: string) {
      coordinator(actor);
      const row = await accountsRepo.findUser(db, id);
      if (!row) throw notFound();
      return presentAdminUser(row);
    },

    /** Replaces a person's roles. Every change is audited; the last coordinator cannot be removed. */
    async setRoles(actor: Actor | null, id: string, input: z.output<typeof setRolesBody>) {
      const a = coordinator(actor);
      const row = await accountsRepo.findUser(db, id);
      if (!row) throw notFound();
      const before = new Set((row.roles ?? []) as Role[]);
      const after = new Set(input.roles);
      const added = [...after].filter((r) => !before.has(r));
      const removed = [...before].filter((r) => !after.has(r));
      if (removed.includes('coordinator') && (await accountsRepo.countWithRole(db, 'coordinator')) <= 1) {
        throw new AppError('conflict', 'keepCoordinator', { roles: 'keepCoordinatorField' });
      }
      if (added.length || removed.length) {
        await db.transaction(async (tx) => {
          await accountsRepo.grantRoles(tx, id, added);
          await accountsRepo.revokeRoles(tx, id, removed);
          await auditRepo.record(tx, { actorId: a.userId, action: 'roles.changed', subjectId: id, details: { added, removed, via: 'coordinator' } });
        });
      }
      const updated = await accountsRepo.findUser(db, id);
      return presentAdminUser(updated!);
    },

    async auditLog(actor: Actor | null, limit: number, offset: number) {
      coordinator(actor);
      const rows = await auditRepo.list(db, limit, offset);
      return {
        entries: rows.map((r) => ({
          id: r.id,
          action: r.action,
          actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
          subject: r.subjectId ? { id: r.subjectId, displayName: r.subjectName ?? '' } : null,
          details: r.details as Record<string, unknown>,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    async settings(actor: Actor | null) {
      authorize(actor, accountsPolicy.manageInstance, undefined);
      return { registrationMode: await ctx.settings.registrationMode() };
    },

    async updateSettings(actor: Actor | null, input: { registrationMode: RegistrationMode }) {
      const a = authorize(actor, accountsPolicy.manageInstance, undefined);
      const before = await ctx.settings.registrationMode();
      if (before !== input.registrationMode) {
        await ctx.settings.setRegistrationMode(input.registrationMode);
        await auditRepo.record(db, { actorId: a.userId, action: 'settings.changed', details: { registrationMode: { from: before, to: input.registrationMode } } });
      }
      return { registrationMode: input.registrationMode };
    },

    async createInvite(actor: Actor | null, input: z.output<typeof createInviteBody>, locale: 'en' | 'es') {
      const a = authorize(actor, accountsPolicy.manageInstance, undefined);
      const token = newInviteToken();
      const row = await accountsRepo.invites.create(db, {
        tokenHash: hashInviteToken(token),
        email: input.email ?? null,
        roles: input.roles.filter((r) => r !== 'member'),
        createdBy: a.userId,
        expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
      });
      const url = `${ctx.config.publicUrl}/sign-up?invite=${encodeURIComponent(token)}`;
      if (input.email) await ctx.mailer.send({ to: input.email, template: 'invite', locale, vars: { url } });
      await auditRepo.record(db, { actorId: a.userId, action: 'invite.created', details: { inviteId: row.id, roles: row.roles, emailed: Boolean(input.email) } });
      return { ...presentInvite(row), url };
    },

    async listInvites(actor: Actor | null) {
      authorize(actor, accountsPolicy.manageInstance, undefined);
      return { invites: (await accountsRepo.invites.list(db)).map(presentInvite) };
    },

    async revokeInvite(actor: Actor | null, id: string) {
      const a = authorize(actor, accountsPolicy.manageInstance, undefined);
      const row = await accountsRepo.invites.revoke(db, id);
      if (!row) throw notFound();
      await auditRepo.record(db, { actorId: a.userId, action: 'invite.revoked', details: { inviteId: id } });
    },

    /** Public: lets the sign-up page show that an invite link is good before the person fills the form. */
    async checkInvite(token: string) {
      const row = await accountsRepo.invites.findUsable(db, hashInviteToken(token));
      if (!row) throw notFound();
      return { valid: true as const, email: row.email };
    },
  };
}

export type AccountsAdminService = ReturnType<typeof createAccountsAdminService>;
