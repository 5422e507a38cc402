import { and, eq, inArray, like, or } from 'drizzle-orm';
import { setupBody } from '../../contracts/accounts.ts';
import { LOCALES, type Locale, ROLES, type Role } from '../../contracts/common.ts';
import type { Actor } from '../../server/access.ts';
import type { KindredApp } from '../../server/app.ts';
import type { Db } from '../../server/db/client.ts';
import { invite, user } from '../../server/modules/accounts/tables.ts';
import { auditLog } from '../../server/modules/audit/tables.ts';
import { settingsRepo } from '../../server/modules/instance/repo.ts';
import { groupMember, supportGroup } from '../../server/modules/meetings/tables.ts';
import { copingLibraryStrategy, resource } from '../../server/modules/resources/tables.ts';
import { conversation, conversationParticipant } from '../../server/modules/messaging/tables.ts';
import { createDemoAccounts, type SeededPerson } from './accounts.ts';
import { seedInvitations } from './invitations.ts';
import { seedCommunity } from './community.ts';
import { seedJourneys } from './journey.ts';
import { seedMeetings } from './meetings.ts';
import { seedMentoring } from './mentoring.ts';
import { DEMO_RESOURCE_PREFIX, seedResources } from './resources.ts';
import { seedMessaging } from './messaging.ts';
import { demoPassword } from './password.ts';
import { planPeople } from './people.ts';
import { SeededRandom } from './random.ts';

/** The instance setting that marks the demo as added; its presence makes a second run refuse. */
export const DEMO_SEEDED = 'demo_seeded';
export const DEMO_PEOPLE = { min: 10, max: 500 } as const;
const DEFAULT_SEED = 20_240_917;

/** What every step can build on. */
export interface DemoWorld {
  app: KindredApp;
  db: Db;
  random: SeededRandom;
  people: SeededPerson[];
  /** The first demo coordinator: steps act as this person, so the audit log reads as a coordinator's work. */
  coordinator: Actor;
}

/**
 * One part of the demo (invitations; later journeys, groups, forum...). Returns what it made, by label, for the
 * summary. Rows a step writes must belong to a demo person (cascade on delete) so a failed run can be undone.
 */
export type DemoStep = (world: DemoWorld) => Promise<Record<string, number>>;

export const DEMO_STEPS: readonly DemoStep[] = [seedInvitations, seedJourneys, seedMeetings, seedMentoring, seedCommunity, seedResources, seedMessaging];

export interface DemoSummary {
  people: number;
  roles: Record<Role, number>;
  locales: Record<Locale, number>;
  /** What the steps made, e.g. { 'pending invitations': 3 }. */
  created: Record<string, number>;
  /** The one password of every demo account of this run. */
  password: string;
  /** One person per role, for trying each view. */
  samples: { role: Role; displayName: string; email: string }[];
}

export class DemoAlreadySeededError extends Error {}

/** Adds a demo community to the instance (alongside anyone already there). Refuses if it was added before. */
/** `steps` is for tests (a step that fails after the others ran); the command always runs DEMO_STEPS. */
export async function seedDemo(app: KindredApp, opts: { people: number; seed?: number; steps?: readonly DemoStep[] }): Promise<DemoSummary> {
  if (!Number.isInteger(opts.people) || opts.people < DEMO_PEOPLE.min || opts.people > DEMO_PEOPLE.max) {
    throw new RangeError(`The demo has from ${DEMO_PEOPLE.min} to ${DEMO_PEOPLE.max} people`);
  }
  const { db } = app.services.ctx;
  const random = new SeededRandom(opts.seed ?? DEFAULT_SEED);
  const plan = planPeople(opts.people, random);
  const password = demoPassword();
  // The demo data must pass the same rules as a person's own sign-up.
  for (const p of plan) setupBody.parse({ displayName: p.displayName, email: p.email, password, locale: p.locale, timeZone: p.timeZone });

  // Claimed before anything is written: a second run, even a concurrent one, changes nothing.
  if (!(await settingsRepo.claim(db, DEMO_SEEDED))) {
    const previous = await settingsRepo.get<{ seededAt?: string } | string>(db, DEMO_SEEDED);
    const when = typeof previous === 'string' ? previous : previous?.seededAt;
    throw new DemoAlreadySeededError(`This instance already has the demo community${when ? ` (added ${when})` : ''}. Nothing was changed.`);
  }
  const created: string[] = [];
  try {
    const people = await createDemoAccounts(app, plan, password, created);
    const first = people.find((p) => p.roles.includes('coordinator'))!;
    const world: DemoWorld = { app, db, random, people, coordinator: cliActor(first) };
    const made: Record<string, number> = {};
    for (const step of opts.steps ?? DEMO_STEPS) Object.assign(made, await step(world));
    await settingsRepo.set(db, DEMO_SEEDED, { seededAt: new Date().toISOString(), people: people.length, seed: opts.seed ?? DEFAULT_SEED });
    return summarize(people, made, password);
  } catch (err) {
    await undo(db, created);
    await settingsRepo.remove(db, DEMO_SEEDED);
    throw err;
  }
}

/** The command acts as the coordinator without a session; none of the services it calls reads the session id. */
const cliActor = (person: SeededPerson): Actor => ({ userId: person.id, sessionId: '', roles: new Set(person.roles) });

/**
 * Takes back a failed run, so it can simply be run again. Deleting the people cascades to what hangs off them:
 * journeys (tracks, periods, milestones, check-ins, profile, stages, goals, toolbox, safety plan, consents) and
 * mentorships all reference the user with ON DELETE CASCADE. Groups do not, so they are deleted by their facilitators.
 */
async function undo(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.delete(auditLog).where(or(inArray(auditLog.actorId, ids), inArray(auditLog.subjectId, ids)));
    await tx.delete(invite).where(inArray(invite.createdBy, ids));
    // Groups belong to no one; the demo's are the ones its facilitators run (their meetings, exceptions, RSVPs and
    // attendance go with them).
    const demoGroups = tx.select({ id: groupMember.groupId }).from(groupMember).where(and(inArray(groupMember.userId, ids), eq(groupMember.role, 'facilitator')));
    await tx.delete(supportGroup).where(inArray(supportGroup.id, demoGroups));
    // Directory entries and library strategies outlive their authors by design; the demo's own go here.
    await tx.delete(resource).where(like(resource.externalId, `${DEMO_RESOURCE_PREFIX}%`));
    await tx.delete(copingLibraryStrategy).where(inArray(copingLibraryStrategy.authorId, ids));
    // Direct conversations belong to their two people; a group's chat went with its group.
    await tx.delete(conversation).where(inArray(conversation.id, tx.select({ id: conversationParticipant.conversationId }).from(conversationParticipant).where(inArray(conversationParticipant.userId, ids))));
    await tx.delete(user).where(inArray(user.id, ids));
  });
}

function summarize(people: SeededPerson[], created: Record<string, number>, password: string): DemoSummary {
  const count = <K extends string>(keys: readonly K[], has: (p: SeededPerson, k: K) => boolean) =>
    Object.fromEntries(keys.map((k) => [k, people.filter((p) => has(p, k)).length])) as Record<K, number>;
  // For each role, the person holding the fewest other roles shows that role's view most plainly.
  const samples = ROLES.map((role) => {
    const p = people.filter((x) => x.roles.includes(role)).sort((a, b) => a.roles.length - b.roles.length)[0]!;
    return { role, displayName: p.displayName, email: p.email };
  });
  return {
    people: people.length,
    roles: count(ROLES, (p, r) => p.roles.includes(r)),
    locales: count(LOCALES, (p, l) => p.locale === l),
    created,
    password,
    samples,
  };
}
