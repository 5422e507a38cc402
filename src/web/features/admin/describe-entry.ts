import type { TFunction } from 'i18next';
import type { AuditEntry } from './api.ts';

const list = (value: unknown, t: TFunction) =>
  Array.isArray(value) && value.length ? value.map((r) => t(`roles.${String(r)}`, { defaultValue: String(r) })).join(', ') : '';

/** One line of the audit log in plain words. Unknown actions fall back to their code, so nothing is hidden. */
export function describeEntry(entry: AuditEntry, t: TFunction): string {
  const vars = {
    actor: entry.actor?.displayName || t('admin.activity.someone'),
    subject: entry.subject?.displayName || t('admin.activity.someone'),
  };
  const d = entry.details;
  switch (entry.action) {
    case 'setup.completed':
      return t('admin.activity.setup', vars);
    case 'roles.changed': {
      const parts = [list(d.added, t) && t('admin.activity.added', { roles: list(d.added, t) }), list(d.removed, t) && t('admin.activity.removed', { roles: list(d.removed, t) })];
      const key = d.via === 'invite' ? 'admin.activity.rolesViaInvite' : 'admin.activity.roles';
      return `${t(key, vars)} ${parts.filter(Boolean).join('; ')}`.trim();
    }
    case 'settings.changed': {
      const change = d.registrationMode as { from?: string; to?: string } | undefined;
      if (change?.to) return t('admin.activity.registration', { ...vars, to: t(`admin.registration.${change.to}`, { defaultValue: change.to }) });
      return t('admin.activity.settings', vars);
    }
    case 'invite.created': {
      const roles = list(d.roles, t);
      const created = t(d.emailed ? 'admin.activity.inviteEmailed' : 'admin.activity.inviteCreated', vars);
      return roles ? `${created} ${t('admin.activity.inviteRoles', { roles })}` : created;
    }
    case 'invite.revoked':
      return t('admin.activity.inviteRevoked', vars);
    default:
      return `${vars.actor}: ${entry.action}`;
  }
}
