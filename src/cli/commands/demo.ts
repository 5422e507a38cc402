import type { Role } from '../../contracts/common.ts';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { DEMO_PEOPLE, DemoAlreadySeededError, type DemoSummary, seedDemo } from '../demo/seed.ts';
import { DEMO_EMAIL_DOMAIN } from '../demo/people.ts';
import { withDatabase } from '../database.ts';
import { CommandFailed, UsageError } from '../errors.ts';

const ROLE_LABELS: Record<Role, [one: string, many: string]> = {
  member: ['member', 'members'],
  peer_supporter: ['peer supporter', 'peer supporters'],
  facilitator: ['facilitator', 'facilitators'],
  professional: ['professional', 'professionals'],
  moderator: ['moderator', 'moderators'],
  coordinator: ['coordinator', 'coordinators'],
};

function report(s: DemoSummary): string {
  const rows: [string, string | number][] = [
    ...(Object.entries(s.roles) as [Role, number][]).map(([role, n]): [string, number] => [ROLE_LABELS[role][1], n]),
    ['languages', `${s.locales.en} English, ${s.locales.es} Spanish`],
    ...Object.entries(s.created).map(([label, n]): [string, string] => [label, n.toLocaleString('en-US')]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const nameWidth = Math.max(...s.samples.map((x) => x.displayName.length));
  return [
    `Added a demo community of ${s.people} people (some hold several roles).`,
    `These are DEMO accounts: made-up people, with addresses on ${DEMO_EMAIL_DOMAIN} that no mail can reach.`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    `Every demo account signs in with this password (shown only now):`,
    '',
    `  ${s.password}`,
    '',
    'Sample sign-ins, one per role:',
    ...s.samples.map((x) => `  ${ROLE_LABELS[x.role][0].padEnd(15)} ${x.displayName.padEnd(nameWidth)}  ${x.email}`),
    '',
    'Demo coordinators see every account on this instance, including real ones: keep the password to yourself.',
    '',
  ].join('\n');
}

export async function demo(opts: { people: string }) {
  const people = Number(opts.people);
  if (!Number.isInteger(people) || people < DEMO_PEOPLE.min || people > DEMO_PEOPLE.max) {
    throw new UsageError(`--people must be a whole number from ${DEMO_PEOPLE.min} to ${DEMO_PEOPLE.max}`);
  }
  const outcome = await withDatabase(async (database) => {
    const app = await buildApp({ config: loadConfig(), database, logger: false });
    try {
      return await seedDemo(app, { people });
    } catch (err) {
      if (err instanceof DemoAlreadySeededError) return err;
      throw err;
    } finally {
      await app.close();
    }
  });
  // Thrown only now, after the database is closed and the embedded server stopped.
  if (outcome instanceof DemoAlreadySeededError) throw new CommandFailed(outcome.message);
  process.stdout.write(report(outcome));
}
