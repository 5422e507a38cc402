import type { Rule } from '../../access.ts';

/** Who may do what with accounts. Read with the gate in ../../access.ts. */
export const accountsPolicy = {
  /** Coordinators run the program: they see everyone's account (with email) and change roles. */
  manageAccounts: ((actor) => actor.roles.has('coordinator')) satisfies Rule,
  /** Instance settings and invitations are the coordinators' too. */
  manageInstance: ((actor) => actor.roles.has('coordinator')) satisfies Rule,
  /** A person's email is visible to that person and to coordinators only. */
  seeEmailOf: ((actor, subject: { id: string }) => actor.userId === subject.id || actor.roles.has('coordinator')) satisfies Rule<{
    id: string;
  }>,
};
