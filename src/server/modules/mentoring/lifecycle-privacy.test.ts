import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import type { TestUser } from '../../../../test/helpers/factories.ts';
import { activePair, contactBodyFor, logContact, outsiders, type Pair, requestedPair } from '../../../../test/helpers/mentorship-factories.ts';
import { mentoringSettingsRepo } from './settings.ts';
import { contactFeedback, mentoringConcern, mentoringContact, mentorship, mentorshipAgreement } from './tables.ts';

/**
 * Every route of the relationship, its agreement, contacts, caseload, feedback and concerns, tried by people with no
 * right to it: 404 (401 without a session), and nothing changed. Coordinators see relationships, never the notes
 * unless the program says so; the mentee never sees concerns.
 */
let ctx: TestContext;
let p: Pair;
let requested: Pair;
let contactId: string;
let concernId: string;
let people: { member: TestUser; peer: TestUser; coordinator: TestUser };

const NOTES = 'Private to me: worried about the weekend.';
const TERMS = { contactHours: 'Evenings', channels: ['phone'], responseTime: 'A day', mentorDoes: 'Listen', mentorDoesNot: 'Lend money', inCrisis: 'Call 988' };

beforeAll(async () => {
  ctx = await createTestApp();
  p = await activePair(ctx, { request: { note: 'Only my mentor should read this.' } });
  requested = await requestedPair(ctx, { request: { note: 'Asking for the first time.' } });
  contactId = (await logContact(p.mentor.client, p.id, { notes: NOTES })).id;
  concernId = (await p.mentor.client.post(`/api/v1/mentorships/${p.id}/concerns`, { kind: 'wellbeing', note: 'Not sleeping, stopped meetings.' })).json().id;
  people = await outsiders(ctx);
});
afterAll(() => ctx.close());

async function snapshot() {
  const db = ctx.database.db;
  return {
    mentorships: await db.select().from(mentorship),
    agreements: await db.select().from(mentorshipAgreement),
    contacts: await db.select().from(mentoringContact),
    feedback: await db.select().from(contactFeedback),
    concerns: await db.select().from(mentoringConcern),
  };
}

type Method = 'GET' | 'POST' | 'PUT';
/** Every route keyed on a relationship: who may not act on it. */
const relationshipRoutes = (): Array<[Method, string, unknown]> => [
  ['GET', `/api/v1/mentorships/${p.id}`, undefined],
  ['POST', `/api/v1/mentorships/${requested.id}/accept`, {}],
  ['POST', `/api/v1/mentorships/${requested.id}/decline`, {}],
  ['POST', `/api/v1/mentorships/${requested.id}/cancel`, {}],
  ['POST', `/api/v1/mentorships/${p.id}/pause`, {}],
  ['POST', `/api/v1/mentorships/${p.id}/resume`, {}],
  ['POST', `/api/v1/mentorships/${p.id}/end`, { reason: 'mismatch' }],
  ['GET', `/api/v1/mentorships/${p.id}/agreement`, undefined],
  ['PUT', `/api/v1/mentorships/${p.id}/agreement`, TERMS],
  ['POST', `/api/v1/mentorships/${p.id}/agreement/sign`, { version: 1 }],
  ['GET', `/api/v1/mentorships/${p.id}/contacts`, undefined],
  ['POST', `/api/v1/mentorships/${p.id}/contacts`, contactBodyFor()],
  ['PUT', `/api/v1/mentorships/${p.id}/contacts/${contactId}/feedback`, { rating: 1 }],
  ['POST', `/api/v1/mentorships/${p.id}/concerns`, { kind: 'other', note: 'x' }],
];
/** Coordinators read a relationship, its agreement and its contacts (the GET routes above); they act on none of it. */
const isCoordinatorRead = (method: Method) => method === 'GET';

const call = (client: Client, method: Method, url: string, body: unknown) => client.request(method, url, body);

describe('someone with no part in the relationship', () => {
  test('gets 401 without a session and 404 as a member or a peer supporter, on every route; nothing changes', async () => {
    const before = await snapshot();
    const anonymous = new Client(ctx.app);
    for (const [method, url, body] of relationshipRoutes()) {
      expect((await call(anonymous, method, url, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
      for (const who of [people.member, people.peer]) {
        expect((await call(who.client, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      }
    }
    for (const [method, url, body] of [
      ['GET', '/api/v1/mentorships', undefined],
      ['GET', '/api/v1/mentoring/caseload', undefined],
      ['GET', '/api/v1/mentoring/feedback', undefined],
      ['GET', '/api/v1/mentoring/concerns', undefined],
      ['POST', `/api/v1/mentoring/concerns/${concernId}/acknowledge`, {}],
      ['POST', `/api/v1/mentoring/concerns/${concernId}/close`, { outcome: 'x' }],
    ] as Array<[Method, string, unknown]>) {
      expect((await call(anonymous, method, url, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('their lists hold nothing of it', async () => {
    for (const who of [people.member, people.peer]) {
      expect((await who.client.get('/api/v1/mentorships')).json()).toEqual({ mentorships: [] });
      expect((await who.client.get('/api/v1/mentoring/concerns?status=all')).json()).toEqual({ concerns: [] });
      expect((await who.client.get('/api/v1/mentoring/feedback')).statusCode).toBe(404);
      expect((await who.client.post(`/api/v1/mentoring/concerns/${concernId}/acknowledge`)).statusCode).toBe(404);
      expect((await who.client.post(`/api/v1/mentoring/concerns/${concernId}/close`, { outcome: 'x' })).statusCode).toBe(404);
    }
    expect((await people.member.client.get('/api/v1/mentoring/caseload')).statusCode).toBe(404);
    expect((await people.peer.client.get('/api/v1/mentoring/caseload')).json().entries).toEqual([]);
  });
});

describe('a coordinator', () => {
  test('reads the relationship, its request, agreement and contacts, never the notes by default; acts on none of it', async () => {
    const before = await snapshot();
    const c = people.coordinator.client;
    // Ending is the one act open to coordinators (tested below); every other change is 404.
    for (const [method, url, body] of relationshipRoutes().filter(([, url]) => !url.endsWith('/end'))) {
      const res = await call(c, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(isCoordinatorRead(method) ? 200 : 404);
    }
    expect(await snapshot()).toEqual(before);
    expect((await c.get(`/api/v1/mentorships/${p.id}`)).json()).toMatchObject({ myRole: null, request: { note: 'Only my mentor should read this.' } });
    const contacts = (await c.get(`/api/v1/mentorships/${p.id}/contacts`)).json().contacts;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ notes: null, feedback: null });
    expect(JSON.stringify(contacts)).not.toContain('Private to me');
    expect((await c.get('/api/v1/mentoring/caseload')).statusCode).toBe(404);
    // Not listed among their own relationships.
    expect((await c.get('/api/v1/mentorships')).json()).toEqual({ mentorships: [] });
  });

  test('may end a relationship (a safety concern); both people are told and read the note, no rematch on their behalf', async () => {
    const pair = await activePair(ctx);
    const c = people.coordinator.client;
    expect((await c.post(`/api/v1/mentorships/${pair.id}/end`, { reason: 'safety_concern', rematch: true })).statusCode).toBe(422);
    const res = await c.post(`/api/v1/mentorships/${pair.id}/end`, { reason: 'safety_concern', note: 'We will be in touch with each of you.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ended', endedBy: 'coordinator', endReason: 'safety_concern', note: null });
    for (const person of [pair.mentor, pair.mentee]) {
      expect((await person.client.get(`/api/v1/mentorships/${pair.id}`)).json().note).toEqual({ from: 'coordinator', text: 'We will be in touch with each of you.' });
      const inbox = (await person.client.get('/api/v1/me/notifications')).json().notifications;
      expect(inbox.some((n: { kind: string; subjectId: string }) => n.kind === 'mentoring.ended' && n.subjectId === pair.id)).toBe(true);
    }
    // Other members still cannot.
    const other = await activePair(ctx);
    expect((await people.member.client.post(`/api/v1/mentorships/${other.id}/end`, { reason: 'mismatch' })).statusCode).toBe(404);
    expect((await people.peer.client.post(`/api/v1/mentorships/${other.id}/end`, { reason: 'mismatch' })).statusCode).toBe(404);
  });

  test('reads the notes when the program says so', async () => {
    await mentoringSettingsRepo.update(ctx.database.db, { coordinatorsSeeNotes: true });
    try {
      expect((await people.coordinator.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().contacts[0].notes).toBe(NOTES);
      expect((await p.mentee.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().contacts[0].notes).toBeNull();
    } finally {
      await mentoringSettingsRepo.update(ctx.database.db, { coordinatorsSeeNotes: false });
    }
  });
});

describe('the two people', () => {
  test("the mentee's request is the mentor's to read, not the mentee's own relationship view, nor a mentor who was not asked", async () => {
    expect((await p.mentor.client.get(`/api/v1/mentorships/${p.id}`)).json().request).toMatchObject({ note: 'Only my mentor should read this.' });
    expect((await requested.mentor.client.get(`/api/v1/mentorships/${requested.id}`)).json().request).toMatchObject({ note: 'Asking for the first time.' });
    expect((await p.mentee.client.get(`/api/v1/mentorships/${p.id}`)).json().request).toBeNull();
    expect((await p.mentor.client.get(`/api/v1/mentorships/${requested.id}`)).statusCode).toBe(404);
    expect((await requested.mentor.client.get(`/api/v1/mentorships/${p.id}`)).statusCode).toBe(404);
  });

  test('the mentee never sees concerns, nor the notes; the mentor never sees the rating', async () => {
    const concerns = (await p.mentee.client.get('/api/v1/mentoring/concerns?status=all')).json();
    expect(concerns).toEqual({ concerns: [] });
    expect((await p.mentee.client.post(`/api/v1/mentoring/concerns/${concernId}/acknowledge`)).statusCode).toBe(404);
    expect((await p.mentee.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().contacts[0].notes).toBeNull();
    expect((await p.mentee.client.put(`/api/v1/mentorships/${p.id}/contacts/${contactId}/feedback`, { rating: 2, comment: 'Felt judged' })).statusCode).toBe(200);
    const mentorView = (await p.mentor.client.get(`/api/v1/mentorships/${p.id}/contacts`)).json().contacts[0];
    expect(mentorView).toMatchObject({ rated: true, feedback: null });
    // The mentor of one relationship reaches nothing of another's through their own ids.
    expect((await requested.mentor.client.put(`/api/v1/mentorships/${requested.id}/contacts/${contactId}/feedback`, { rating: 5 })).statusCode).toBe(404);
    expect((await p.mentor.client.get('/api/v1/mentoring/feedback')).statusCode).toBe(404);
    const caseload = (await p.mentor.client.get('/api/v1/mentoring/caseload')).json();
    expect(caseload.entries.map((e: { mentorship: { id: string } }) => e.mentorship.id)).toEqual([p.id]);
  });
});

describe('a relationship that does not exist', () => {
  test('is 404 for everyone, coordinators included', async () => {
    const missing = '0190b6a0-0000-7000-8000-000000000000';
    for (const who of [p.mentor, p.mentee, people.coordinator]) {
      expect((await who.client.get(`/api/v1/mentorships/${missing}`)).statusCode).toBe(404);
      expect((await who.client.get(`/api/v1/mentorships/${missing}/contacts`)).statusCode).toBe(404);
      expect((await who.client.put(`/api/v1/mentorships/${p.id}/contacts/${missing}/feedback`, { rating: 3 })).statusCode).toBe(404);
    }
    expect((await ctx.database.db.select().from(contactFeedback).where(eq(contactFeedback.contactId, missing)))).toEqual([]);
  });
});
