import type { Locale } from '../../src/contracts/common.ts';
import type { MenteeRequestBody, MentorProfileBody } from '../../src/contracts/mentoring.ts';
import type { TestContext } from './app.ts';
import type { Client } from './client.ts';
import { createCoordinator, createUser, type TestUser } from './factories.ts';
import { askMentor, createMentee, createMentor, type TestMentee, type TestMentor } from './mentoring-factories.ts';

/** A relationship's two people, the mentorship id, and a coordinator and a stranger to prove who may not see it. */
export interface Pair {
  mentor: TestMentor;
  mentee: TestMentee;
  id: string;
}

export async function expectOk(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return res;
}

/** A mentee who has asked a mentor: the relationship is 'requested'. */
export async function requestedPair(
  t: TestContext,
  opts: { locale?: Locale; profile?: Partial<MentorProfileBody>; request?: Partial<MenteeRequestBody> } = {},
): Promise<Pair> {
  const mentor = await createMentor(t, { locale: opts.locale, profile: opts.profile });
  const mentee = await createMentee(t, { request: opts.request });
  return { mentor, mentee, id: await askMentor(mentee, mentor.id) };
}

/** The mentor accepted: the relationship is 'accepted', agreement version 1 waits for both signatures. */
export async function acceptedPair(t: TestContext, opts: Parameters<typeof requestedPair>[1] = {}): Promise<Pair> {
  const pair = await requestedPair(t, opts);
  await expectOk(await pair.mentor.client.post(`/api/v1/mentorships/${pair.id}/accept`));
  return pair;
}

/** Both signed version 1: the relationship is 'active'. */
export async function activePair(t: TestContext, opts: Parameters<typeof requestedPair>[1] = {}): Promise<Pair> {
  const pair = await acceptedPair(t, opts);
  await signBoth(pair, 1);
  return pair;
}

export async function signBoth(pair: Pair, version: number) {
  await expectOk(await pair.mentor.client.post(`/api/v1/mentorships/${pair.id}/agreement/sign`, { version }));
  await expectOk(await pair.mentee.client.post(`/api/v1/mentorships/${pair.id}/agreement/sign`, { version }));
}

/** People with no part in a relationship: a member, a peer supporter, and a coordinator (who sees relationships). */
export async function outsiders(t: TestContext): Promise<{ member: TestUser; peer: TestUser; coordinator: TestUser }> {
  const [member, peer, coordinator] = await Promise.all([createUser(t), createUser(t, { roles: ['peer_supporter'] }), createCoordinator(t)]);
  return { member, peer, coordinator };
}

export const contactBodyFor = (overrides: Record<string, unknown> = {}) => ({
  date: new Date().toISOString().slice(0, 10),
  durationMinutes: 45,
  mode: 'phone',
  topics: ['cravings', 'meetings'],
  notes: 'Talked through the weekend plan. Private to me.',
  nextStep: 'Try the Tuesday meeting',
  ...overrides,
});

export async function logContact(client: Client, id: string, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await client.post(`/api/v1/mentorships/${id}/contacts`, contactBodyFor(overrides));
  await expectOk(res, 201);
  return res.json();
}
