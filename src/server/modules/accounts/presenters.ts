import type { Me } from '../../../contracts/accounts.ts';
import type { Role } from '../../../contracts/common.ts';
import { ROLES } from '../../../contracts/common.ts';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  locale: string;
  timeZone: string;
  createdAt: Date;
  roles: string[] | null;
}

const sortRoles = (roles: string[] | null): Role[] =>
  ROLES.filter((r) => (roles ?? []).includes(r));

/** The person's own view of themselves. */
export function presentMe(row: UserRow): Me {
  return {
    id: row.id,
    displayName: row.name,
    email: row.email,
    emailVerified: row.emailVerified,
    roles: sortRoles(row.roles),
    locale: row.locale === 'es' ? 'es' : 'en',
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A coordinator's view of a person. */
export function presentAdminUser(row: UserRow) {
  return {
    id: row.id,
    displayName: row.name,
    email: row.email,
    emailVerified: row.emailVerified,
    roles: sortRoles(row.roles),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What any peer sees of another person: a display name, nothing else. */
export function presentPeer(row: { id: string; name: string }) {
  return { id: row.id, displayName: row.name };
}
