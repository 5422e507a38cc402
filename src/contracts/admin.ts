import { z } from 'zod';
import { email, isoDateTime, limits, role, uuid } from './common.ts';

export const REGISTRATION_MODES = ['open', 'invite'] as const;
export const registrationMode = z.enum(REGISTRATION_MODES);
export type RegistrationMode = z.infer<typeof registrationMode>;

/** What a coordinator sees of a person: the only view that includes an email address besides the person's own. */
export const adminUser = z
  .object({
    id: uuid,
    displayName: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    roles: z.array(role),
    createdAt: isoDateTime,
  })
  .meta({ id: 'AdminUser' });

export const userListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const userList = z.object({ users: z.array(adminUser), total: z.number().int() }).meta({ id: 'UserList' });

export const setRolesBody = z.strictObject({
  roles: z.array(role).max(5).refine((r) => new Set(r).size === r.length, { message: 'Each role once' }),
});

export const auditEntry = z
  .object({
    id: uuid,
    action: z.string(),
    actor: z.object({ id: uuid, displayName: z.string() }).nullable(),
    subject: z.object({ id: uuid, displayName: z.string() }).nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: isoDateTime,
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const auditList = z.object({ entries: z.array(auditEntry) });

export const settings = z.object({ registrationMode }).meta({ id: 'InstanceSettings' });
export const updateSettingsBody = z.strictObject({ registrationMode });

export const createInviteBody = z.strictObject({
  email: email.optional(),
  roles: z.array(role).max(5).default([]),
  expiresInDays: z.number().int().min(1).max(limits.inviteDaysMax).default(14),
});

export const invite = z
  .object({
    id: uuid,
    email: z.string().nullable(),
    roles: z.array(role),
    status: z.enum(['pending', 'used', 'expired', 'revoked']),
    expiresAt: isoDateTime,
    createdAt: isoDateTime,
  })
  .meta({ id: 'Invite' });
export const createdInvite = invite.extend({ url: z.string() }).meta({ id: 'CreatedInvite' });
export const inviteList = z.object({ invites: z.array(invite) });
