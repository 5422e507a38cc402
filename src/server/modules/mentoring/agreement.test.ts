import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { acceptedPair, activePair, expectOk, outsiders, type Pair } from '../../../../test/helpers/mentorship-factories.ts';
import { notification } from '../notifications/tables.ts';
import { defaultChannels } from './agreement.ts';
import { mentorship, mentorshipAgreement } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const agreementOf = async (p: Pair, who: 'mentor' | 'mentee' = 'mentor') => (await p[who].client.get(`/api/v1/mentorships/${p.id}/agreement`)).json();
const sign = (p: Pair, who: 'mentor' | 'mentee', version: number) => p[who].client.post(`/api/v1/mentorships/${p.id}/agreement/sign`, { version });
const versionsIn = async (id: string) =>
  ctx.database.db.select().from(mentorshipAgreement).where(eq(mentorshipAgreement.mentorshipId, id)).orderBy(asc(mentorshipAgreement.version));
const statusOf = async (id: string) => (await ctx.database.db.select().from(mentorship).where(eq(mentorship.id, id)))[0]!;
const kinds = async (userId: string, subjectId: string) =>
  (await ctx.database.db.select().from(notification).where(eq(notification.userId, userId)).orderBy(asc(notification.createdAt), asc(notification.id)))
    .filter((n) => n.subjectId === subjectId)
    .map((n) => n.kind);

const newTerms = {
  contactHours: 'Evenings after 18:00, any day',
  channels: ['phone', 'messages'],
  responseTime: 'Within a few hours on weekdays',
  mentorDoes: 'Listen and share my experience',
  mentorDoesNot: 'Give medical advice or lend money',
  inCrisis: 'Call or text 988, then tell me',
};

describe('version 1', () => {
  test("is written when the mentor accepts, with default terms in the mentor's language and the ways both can meet", async () => {
    const spanish = await acceptedPair(ctx, { locale: 'es', profile: { contactModes: ['phone', 'video', 'in_person'] }, request: { contactModes: ['video', 'in_person'] } });
    const es = await agreementOf(spanish, 'mentee');
    expect(es.current).toBeNull();
    expect(es.history).toHaveLength(1);
    expect(es.pending).toMatchObject({ version: 1, proposedBy: 'mentor', mentorSignedAt: null, menteeSignedAt: null });
    expect(es.pending.terms).toEqual({
      contactHours: 'Entre semana de 9:00 a 20:00 en mi hora; fines de semana si lo acordamos',
      channels: ['in_person', 'video'],
      responseTime: 'En un día como máximo',
      mentorDoes: expect.stringContaining('Escucharte'),
      mentorDoesNot: expect.stringContaining('No soy terapeuta'),
      inCrisis: expect.stringContaining('988'),
    });

    const english = await acceptedPair(ctx, { request: { contactModes: [] } });
    const en = (await agreementOf(english)).pending.terms;
    expect(en).toMatchObject({ contactHours: 'Weekdays 9:00–20:00 my time; weekends by arrangement', responseTime: 'Within one day', channels: ['phone', 'video'] });
    expect(en.mentorDoesNot).toBe('I am not a therapist or a doctor, not a lender, not a ride service, and I do not keep secrets that put your life at risk');
    expect(en.inCrisis).toMatch(/^Call or text 988 \(or 911 in an emergency\) or press SOS in Kindred; then tell me\./);
  });

  test('channels: the ways both share, else the mentor’s, in a fixed order', () => {
    expect(defaultChannels(['video', 'phone'], ['phone', 'messages'])).toEqual(['phone']);
    expect(defaultChannels(['video', 'phone'], ['messages'])).toEqual(['phone', 'video']);
    expect(defaultChannels(['messages', 'in_person'], [])).toEqual(['in_person', 'messages']);
  });

  test('both sign: the relationship becomes active; each signature tells the other side', async () => {
    const p = await acceptedPair(ctx);
    const first = await sign(p, 'mentor', 1);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'accepted', agreementState: 'waiting_for_mentee', startedAt: null });
    expect(await kinds(p.mentee.id, p.id)).toEqual(['mentoring.accepted', 'mentoring.agreement_signed']);

    // Signing twice changes nothing.
    const signedAt = (await versionsIn(p.id))[0]!.mentorSignedAt;
    expect((await sign(p, 'mentor', 1)).json()).toMatchObject({ agreementState: 'waiting_for_mentee' });
    expect((await versionsIn(p.id))[0]!.mentorSignedAt).toEqual(signedAt);
    expect(await kinds(p.mentee.id, p.id)).toHaveLength(2);

    const second = await sign(p, 'mentee', 1);
    expect(second.json()).toMatchObject({ status: 'active', agreementState: 'signed' });
    expect(second.json().startedAt).not.toBeNull();
    expect(await kinds(p.mentor.id, p.id)).toEqual(['mentoring.requested', 'mentoring.active']);
    const view = await agreementOf(p);
    expect(view.current).toMatchObject({ version: 1 });
    expect(view.current.mentorSignedAt).not.toBeNull();
    expect(view.current.menteeSignedAt).not.toBeNull();
    expect(view.pending).toBeNull();
  });

  test('a version that does not exist, or is not the newest, cannot be signed', async () => {
    const p = await acceptedPair(ctx);
    const res = await sign(p, 'mentee', 2);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('A newer version of the agreement was proposed. Read it and sign that one.');
    expect((await sign(p, 'mentee', 0)).statusCode).toBe(422);
    expect((await versionsIn(p.id))[0]!.menteeSignedAt).toBeNull();
  });
});

describe('changing the terms by mutual consent', () => {
  test('a proposed version 2 leaves version 1 in force until both sign it; every version is kept', async () => {
    const p = await activePair(ctx);
    const v1 = (await agreementOf(p)).current;

    const proposed = await p.mentee.client.put(`/api/v1/mentorships/${p.id}/agreement`, newTerms);
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json().current).toEqual(v1);
    expect(proposed.json().pending).toMatchObject({ version: 2, proposedBy: 'mentee', terms: newTerms, mentorSignedAt: null });
    expect(proposed.json().pending.menteeSignedAt).not.toBeNull();
    expect(await kinds(p.mentor.id, p.id)).toContain('mentoring.agreement_proposed');
    expect(await kinds(p.mentee.id, p.id)).not.toContain('mentoring.agreement_proposed');
    expect((await p.mentor.client.get(`/api/v1/mentorships/${p.id}`)).json()).toMatchObject({ status: 'active', agreementState: 'waiting_for_mentor' });

    // Version 1 is no longer the one to sign.
    expect((await sign(p, 'mentor', 1)).statusCode).toBe(409);
    const signed = await sign(p, 'mentor', 2);
    expect(signed.json()).toMatchObject({ status: 'active', agreementState: 'signed' });
    expect(await kinds(p.mentee.id, p.id)).toContain('mentoring.agreement_signed');

    const after = await agreementOf(p, 'mentee');
    expect(after.current).toMatchObject({ version: 2, terms: newTerms });
    expect(after.pending).toBeNull();
    expect(after.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(after.history[1]).toEqual(v1);
  });

  test('a newer proposal replaces an unsigned one as pending; the older stays in the history', async () => {
    const p = await activePair(ctx);
    await expectOk(await p.mentee.client.put(`/api/v1/mentorships/${p.id}/agreement`, newTerms));
    const counter = { ...newTerms, responseTime: 'Within one day' };
    const res = await p.mentor.client.put(`/api/v1/mentorships/${p.id}/agreement`, counter);
    expect(res.json().pending).toMatchObject({ version: 3, proposedBy: 'mentor', terms: counter, menteeSignedAt: null });
    expect(res.json().current).toMatchObject({ version: 1 });
    expect(res.json().history.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  test('terms changed before the first signatures: the relationship starts when both sign the newest', async () => {
    const p = await acceptedPair(ctx);
    await expectOk(await sign(p, 'mentee', 1));
    await expectOk(await p.mentor.client.put(`/api/v1/mentorships/${p.id}/agreement`, newTerms));
    expect((await statusOf(p.id)).status).toBe('accepted');
    expect((await sign(p, 'mentee', 1)).statusCode).toBe(409);
    const res = await sign(p, 'mentee', 2);
    expect(res.json()).toMatchObject({ status: 'active', agreementState: 'signed' });
    expect((await agreementOf(p)).current).toMatchObject({ version: 2 });
  });

  test('bad terms are 422 and add no version', async () => {
    const p = await activePair(ctx);
    for (const body of [{}, { ...newTerms, channels: [] }, { ...newTerms, channels: ['pigeon'] }, { ...newTerms, inCrisis: '' }, { ...newTerms, extra: 1 }, { ...newTerms, mentorDoes: 'x'.repeat(1001) }]) {
      expect((await p.mentor.client.put(`/api/v1/mentorships/${p.id}/agreement`, body)).statusCode).toBe(422);
    }
    expect(await versionsIn(p.id)).toHaveLength(1);
  });
});

describe('privacy', () => {
  test('the two people and coordinators read the agreement; only the two people change or sign it; others get 404', async () => {
    const p = await acceptedPair(ctx);
    const { member, peer, coordinator } = await outsiders(ctx);
    expect((await coordinator.client.get(`/api/v1/mentorships/${p.id}/agreement`)).statusCode).toBe(200);
    for (const who of [member, peer]) {
      expect((await who.client.get(`/api/v1/mentorships/${p.id}/agreement`)).statusCode).toBe(404);
    }
    for (const who of [member, peer, coordinator]) {
      expect((await who.client.put(`/api/v1/mentorships/${p.id}/agreement`, newTerms)).statusCode).toBe(404);
      expect((await who.client.post(`/api/v1/mentorships/${p.id}/agreement/sign`, { version: 1 })).statusCode).toBe(404);
    }
    expect(await versionsIn(p.id)).toHaveLength(1);
    expect((await versionsIn(p.id))[0]).toMatchObject({ mentorSignedAt: null, menteeSignedAt: null });
    expect((await p.mentor.client.get(`/api/v1/mentorships/0190b6a0-0000-7000-8000-000000000000/agreement`)).statusCode).toBe(404);
  });
});
