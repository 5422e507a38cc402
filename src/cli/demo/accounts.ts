import type { KindredApp } from '../../server/app.ts';
import { hashPassword } from '../../server/modules/accounts/passwords.ts';
import { auditRepo } from '../../server/modules/audit/repo.ts';
import type { DemoPerson } from './people.ts';

export interface SeededPerson extends DemoPerson {
  id: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates verified accounts with AccountsService.createVerifiedAccount, hashing the shared password once: scrypt
 * is deliberately slow, and every demo account has the same password.
 * Each id is pushed to `created` as soon as it exists, so a failed run can take it back.
 */
export async function createDemoAccounts(app: KindredApp, plan: DemoPerson[], password: string, created: string[]): Promise<SeededPerson[]> {
  const { db } = app.services.ctx;
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const people: SeededPerson[] = [];
  for (const person of plan) {
    const id = await app.services.accounts.createVerifiedAccount(
      {
        displayName: person.displayName,
        email: person.email,
        locale: person.locale,
        timeZone: person.timeZone,
        createdAt: new Date(now - person.joinedDaysAgo * DAY_MS),
        passwordHash,
      },
      person.roles,
    );
    created.push(id);
    people.push({ ...person, id });
  }

  // Roles beyond membership are audited as the first coordinator's doing, like the roles an invitation carries.
  const coordinator = people.find((p) => p.roles.includes('coordinator'));
  if (!coordinator) throw new Error('The demo plan has no coordinator');
  for (const person of people) {
    const added = person.roles.filter((r) => r !== 'member');
    if (added.length === 0) continue;
    await auditRepo.record(db, { actorId: coordinator.id, action: 'roles.changed', subjectId: person.id, details: { added, removed: [], via: 'demo' } });
  }
  return people;
}
