import type { Role } from '../contracts/common.ts';
import type { UserRow } from './modules/accounts/presenters.ts';
import { notFound, unauthenticated } from './http/errors.ts';

/** The person making a request, as the session says. */
export interface Actor {
  userId: string;
  sessionId: string;
  roles: ReadonlySet<Role>;
  /** The person's own account row, when the session loader read it with the session (it does, for requests). */
  profile?: UserRow;
}

/** A permission rule: a readable declaration of who may do something to a resource (see each module's policy.ts). */
export type Rule<R = undefined> = (actor: Actor, resource: R) => boolean;

/**
 * The one access gate, called at the top of every service method. No session is 401. A session without the right
 * gets 404, never 403: in a recovery community the existence of a record is itself private.
 */
export function authorize(actor: Actor | null): Actor;
export function authorize<R>(actor: Actor | null, rule: Rule<R>, resource: R): Actor;
export function authorize<R>(actor: Actor | null, rule?: Rule<R>, resource?: R): Actor {
  if (!actor) throw unauthenticated();
  if (rule && !rule(actor, resource as R)) throw notFound();
  return actor;
}

export const hasRole = (actor: Actor, role: Role) => actor.roles.has(role);
