import { eq } from 'drizzle-orm';
import type { Locale } from '../../src/contracts/common.ts';
import type { MenteeRequestBody, MentorProfileBody } from '../../src/contracts/mentoring.ts';
import { mentorProfile } from '../../src/server/modules/mentoring/tables.ts';
import type { TestContext } from './app.ts';
import type { Client } from './client.ts';
import { createCoordinator, createUser, type TestUser } from './factories.ts';

export { createCoordinator };

/** A mentor profile a test can start from: SMART Recovery, English, Monday and Wednesday evenings in New York. */
export const mentorProfileBody = (overrides: Partial<MentorProfileBody> = {}): MentorProfileBody => ({
  summary: 'Six years in recovery. I know how hard the first months are.',
  pathways: ['smart_recovery'],
  languages: ['en'],
  gender: null,
  ageBand: null,
  timeZone: 'America/New_York',
  availability: [
    { day: 1, start: '18:00', end: '21:00' },
    { day: 3, start: '18:00', end: '21:00' },
  ],
  contactModes: ['phone', 'video'],
  capacity: 3,
  accepting: true,
  ...overrides,
});

/** A request matching the default mentor: SMART Recovery, English, Monday evening in New York, by phone. */
export const menteeRequestBody = (overrides: Partial<MenteeRequestBody> = {}): MenteeRequestBody => ({
  pathways: ['smart_recovery'],
  languages: ['en'],
  genderPreference: null,
  timeZone: 'America/New_York',
  availability: [{ day: 1, start: '18:00', end: '20:00' }],
  contactModes: ['phone'],
  stage: 'action',
  note: 'Looking for someone to talk to once a week.',
  ...overrides,
});

export interface TestMentor {
  user: TestUser;
  client: Client;
  id: string;
}

export interface TestMentee extends TestMentor {
  requestId: string;
}

/**
 * A peer supporter with a mentor profile saved through the API. `certified` is written straight into the table
 * (a coordinator's act); `locale` is the person's language (the agreement's default terms follow it).
 */
export async function createMentor(
  t: TestContext,
  opts: { profile?: Partial<MentorProfileBody>; locale?: Locale; certified?: boolean; displayName?: string } = {},
): Promise<TestMentor> {
  const user = await createUser(t, { roles: ['peer_supporter'], displayName: opts.displayName });
  if (opts.locale) await expectStatus(await user.client.patch('/api/v1/me', { locale: opts.locale }), 200, 'set locale');
  await expectStatus(await user.client.put('/api/v1/mentoring/profile', mentorProfileBody(opts.profile)), 200, 'save mentor profile');
  if (opts.certified !== undefined) await t.database.db.update(mentorProfile).set({ certified: opts.certified }).where(eq(mentorProfile.userId, user.id));
  return { user, client: user.client, id: user.id };
}

/** A member with a waiting request saved through the API. */
export async function createMentee(t: TestContext, opts: { request?: Partial<MenteeRequestBody>; displayName?: string } = {}): Promise<TestMentee> {
  const user = await createUser(t, { displayName: opts.displayName });
  const res = await user.client.put('/api/v1/mentoring/request', menteeRequestBody(opts.request));
  await expectStatus(res, 200, 'save mentee request');
  return { user, client: user.client, id: user.id, requestId: res.json().id };
}

/** The mentee asks the mentor (POST /api/v1/mentorships); the new mentorship's id ('requested'). */
export async function askMentor(mentee: { client: Client }, mentorId: string): Promise<string> {
  const res = await mentee.client.post('/api/v1/mentorships', { mentorId });
  await expectStatus(res, 201, 'ask mentor');
  return res.json().id;
}

async function expectStatus(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
}
