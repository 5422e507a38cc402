import { Writable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, PUBLIC_URL, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createGroup, createMeeting, type MeetingRow } from '../../../../test/helpers/meetings-factories.ts';
import { createLogger } from '../../logging.ts';
import { newProofCode, normalizeProofCode } from './proof-code.ts';
import { renderProofPdf } from './proof-pdf.ts';
import { attendanceProof, meetingAttendance } from './tables.ts';

let ctx: TestContext;
let anyone: Client;
const logLines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  ctx = await createTestApp({}, { logger: createLogger('debug', sink) });
  anyone = new Client(ctx.app, undefined, '10.60.0.1');
});
afterAll(() => ctx.close());

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const MISSING = '0190b6a0-0000-7000-8000-000000000000';

/** A world of three meetings: in person, online (with a link that must never be copied), and a hybrid one. */
async function meetings() {
  const group = await createGroup(ctx, { name: 'Northside Home Group' });
  const room = await createMeeting(ctx, group.id, { name: 'Monday Night Step Study' });
  const online = await createMeeting(ctx, group.id, {
    name: 'Morning Online Meditation',
    attendance: 'online',
    locationName: '',
    formattedAddress: null,
    latitude: null,
    longitude: null,
    approximateAddress: 'Chicago, IL, USA',
    conferenceUrl: 'https://meet.example.org/secret-room',
    conferencePhone: '+13125550100',
  });
  const hybrid = await createMeeting(ctx, group.id, { name: 'Saturday Speaker', attendance: 'hybrid', conferenceUrl: 'https://meet.example.org/hybrid' });
  return { group, room, online, hybrid };
}

async function attend(user: TestUser, m: MeetingRow, localDate: string, time: string, method: 'self' | 'roster' = 'self') {
  await ctx.database.db.insert(meetingAttendance).values({ meetingId: m.id, userId: user.id, localDate, startsAt: new Date(`${localDate}T${time}:00-06:00`), method });
}

const proofsOf = async (userId: string) => (await ctx.database.db.select({ n: count() }).from(attendanceProof).where(eq(attendanceProof.userId, userId)))[0]!.n;

/** The text a PDF draws, from an uncompressed file: pdfkit writes each run as hex strings in a TJ array. */
function pdfText(pdf: Buffer): string {
  const runs = pdf.toString('latin1').match(/\[(?:<[0-9a-f]*>\s*-?[\d.]*\s*)+\]\s*TJ/g) ?? [];
  const lines = runs.map((run) => [...run.matchAll(/<([0-9a-f]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join(''));
  // Cells wrap: compare words, not lines.
  return lines.join(' ').replace(/\s+/g, ' ');
}

describe('issuing', () => {
  test('with names and places: only my attendance in the range, in the order the meetings started', async () => {
    const me = await createUser(ctx);
    const other = await createUser(ctx);
    const { room, online, hybrid } = await meetings();
    await attend(me, room, '2026-01-05', '19:00', 'roster');
    await attend(me, online, '2026-01-03', '07:00');
    await attend(me, hybrid, '2026-01-10', '10:00');
    await attend(me, room, '2025-12-29', '19:00'); // before the range
    await attend(me, room, '2026-02-02', '19:00'); // after it
    await attend(other, room, '2026-01-08', '19:00'); // someone else's

    const res = await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', holderName: 'Jordan A. Rivera', includeMeetingNames: true, includeLocations: true });
    expect(res.statusCode).toBe(201);
    const proof = res.json();
    expect(proof.code).toMatch(CODE);
    expect(proof.verifyUrl).toBe(`${PUBLIC_URL}/verify/${proof.code}`);
    expect(proof).toMatchObject({ from: '2026-01-01', to: '2026-01-31', holderName: 'Jordan A. Rivera', includeMeetingNames: true, includeLocations: true, revokedAt: null });
    expect(proof.entries).toEqual([
      {
        date: '2026-01-03',
        start: '2026-01-03T13:00:00.000Z',
        timeZone: 'America/Chicago',
        meetingName: 'Morning Online Meditation',
        groupName: 'Northside Home Group',
        location: 'Online',
        attendance: 'online',
        method: 'self',
      },
      expect.objectContaining({ date: '2026-01-05', meetingName: 'Monday Night Step Study', location: "St. Mark's Church, basement, 123 Main St, Chicago, IL 60601, USA", method: 'roster' }),
      expect.objectContaining({ date: '2026-01-10', meetingName: 'Saturday Speaker', attendance: 'hybrid', method: 'self' }),
    ]);
    // Never the conference link or phone, for any kind of meeting.
    expect(res.body).not.toMatch(/meet\.example\.org|5550100/);
  });

  test('without names or places, and without a name for the holder', async () => {
    const me = await createUser(ctx);
    const { room, online } = await meetings();
    await attend(me, room, '2026-03-02', '19:00');
    await attend(me, online, '2026-03-04', '07:00');
    const res = await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-03-01', to: '2026-03-31', includeMeetingNames: false });
    expect(res.statusCode).toBe(201);
    const proof = res.json();
    expect(proof.holderName).toBeNull();
    expect(proof.includeLocations).toBe(false);
    expect(proof.entries).toHaveLength(2);
    for (const e of proof.entries) expect(e).toMatchObject({ meetingName: null, groupName: null, location: null });
    expect(res.body).not.toMatch(/Monday Night|Northside|Morning Online|St\. Mark/);
  });

  test('a period without meetings is still a record', async () => {
    const me = await createUser(ctx);
    const res = await me.client.post('/api/v1/me/attendance-proofs', { from: '2025-06-01', to: '2025-06-30', holderName: '  ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ entries: [], holderName: null });
  });

  test('the entries are copied: renaming the meeting later does not change an issued proof', async () => {
    const me = await createUser(ctx);
    const { room } = await meetings();
    await attend(me, room, '2026-01-05', '19:00');
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const { meeting } = await import('./tables.ts');
    await ctx.database.db.update(meeting).set({ name: 'Renamed' }).where(eq(meeting.id, room.id));
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}`)).json().entries[0].meetingName).toBe('Monday Night Step Study');
  });

  test.each([
    [{ from: '2025-01-01', to: '2026-01-02' }, 'to'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'to'],
    [{ from: '2026-01-01', to: '2099-01-31' }, 'to'],
    [{ from: '2026-01-01' }, 'to'],
    [{ from: '2026-01-01', to: '2026-01-31', holderName: '<b>Jo</b>' }, 'holderName'],
    [{ from: '2026-01-01', to: '2026-01-31', userId: MISSING }, 'userId'],
  ])('bad request %j is 422 on %s and issues nothing', async (body, field) => {
    const me = await createUser(ctx);
    const res = await me.client.post('/api/v1/me/attendance-proofs', body);
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    expect(await proofsOf(me.id)).toBe(0);
  });

  test('a full leap year is allowed (366 days)', async () => {
    const me = await createUser(ctx);
    expect((await me.client.post('/api/v1/me/attendance-proofs', { from: '2024-01-01', to: '2024-12-31' })).statusCode).toBe(201);
  });

  test('at most 20 a day per person', async () => {
    const me = await createUser(ctx);
    for (let i = 0; i < 20; i++) expect((await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-02' })).statusCode).toBe(201);
    const refused = await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-02' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await proofsOf(me.id)).toBe(20);
    // Someone else is not held back.
    expect((await (await createUser(ctx)).client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-02' })).statusCode).toBe(201);
  });
});

describe("the member's own proofs", () => {
  test('listed newest first, read, revoked; revoked ones stay in the list, marked', async () => {
    const me = await createUser(ctx);
    const first = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const second = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-02-01', to: '2026-02-28' })).json();
    expect((await me.client.get('/api/v1/me/attendance-proofs')).json().proofs.map((p: { id: string }) => p.id)).toEqual([second.id, first.id]);
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${first.id}`)).json()).toEqual(first);

    expect((await me.client.delete(`/api/v1/me/attendance-proofs/${first.id}`)).statusCode).toBe(204);
    const revoked = (await me.client.get(`/api/v1/me/attendance-proofs/${first.id}`)).json();
    expect(revoked.revokedAt).not.toBeNull();
    // Revoking again keeps the first time.
    expect((await me.client.delete(`/api/v1/me/attendance-proofs/${first.id}`)).statusCode).toBe(204);
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${first.id}`)).json().revokedAt).toBe(revoked.revokedAt);
    // No PDF for a record that no longer verifies.
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${first.id}/pdf`)).statusCode).toBe(404);
  });

  test('another member cannot read, download or revoke it (404), and signed out is 401', async () => {
    const me = await createUser(ctx);
    const other = await createUser(ctx);
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', holderName: 'Jordan' })).json();
    const missing = await other.client.get(`/api/v1/me/attendance-proofs/${MISSING}`);
    for (const res of [
      await other.client.get(`/api/v1/me/attendance-proofs/${proof.id}`),
      await other.client.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf`),
      await other.client.delete(`/api/v1/me/attendance-proofs/${proof.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(missing.json());
    }
    expect((await other.client.get('/api/v1/me/attendance-proofs')).json()).toEqual({ proofs: [] });
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}`)).json().revokedAt).toBeNull();

    const signedOut = new Client(ctx.app);
    expect((await signedOut.get('/api/v1/me/attendance-proofs')).statusCode).toBe(401);
    expect((await signedOut.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf`)).statusCode).toBe(401);
    expect((await signedOut.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).statusCode).toBe(401);
  });
});

describe('verification', () => {
  test('anyone with the code sees what was included, never the account', async () => {
    const me = await createUser(ctx, { displayName: 'Quiet Heron' });
    const { room } = await meetings();
    await attend(me, room, '2026-01-05', '19:00', 'roster');
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', holderName: 'Jordan A. Rivera', includeLocations: true })).json();

    const res = await anyone.get(`/api/v1/attendance-proofs/${proof.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      code: proof.code,
      organization: 'Kindred',
      issuedAt: proof.createdAt,
      from: '2026-01-01',
      to: '2026-01-31',
      holderName: 'Jordan A. Rivera',
      count: 1,
      entries: proof.entries,
    });
    for (const secret of [me.id, me.email, 'Quiet Heron', proof.id]) expect(res.body).not.toContain(secret);
  });

  test('without a holder name, nothing names the member', async () => {
    const me = await createUser(ctx, { displayName: 'Silent Owl' });
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', includeMeetingNames: false })).json();
    const res = await anyone.get(`/api/v1/attendance-proofs/${proof.code}`);
    expect(res.json().holderName).toBeNull();
    expect(res.body).not.toContain('Silent Owl');
  });

  test('codes are read without hyphens, in any case, with O for 0 and I or L for 1', async () => {
    const me = await createUser(ctx);
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const bare = proof.code.replaceAll('-', '');
    const misread = bare.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
    for (const typed of [bare, bare.toLowerCase(), misread, proof.code.toLowerCase(), ` ${proof.code} `]) {
      const res = await anyone.get(`/api/v1/attendance-proofs/${encodeURIComponent(typed)}`);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json().code).toBe(proof.code);
    }
    expect(normalizeProofCode('abcd-efgh-jkmn-pqrI')).toBe('ABCDEFGHJKMNPQR1');
    expect(normalizeProofCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
    expect(normalizeProofCode('ABCD-EFGH-JKMN')).toBeNull();
    expect(newProofCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  test('revoked and unknown codes answer alike (404); a malformed one is 422', async () => {
    const me = await createUser(ctx);
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    await me.client.delete(`/api/v1/me/attendance-proofs/${proof.id}`);
    const revoked = await anyone.get(`/api/v1/attendance-proofs/${proof.code}`);
    const unknown = await anyone.get(`/api/v1/attendance-proofs/${newProofCode()}`);
    expect(revoked.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(revoked.json()).toEqual(unknown.json());
    // Well formed for the schema but not a code: not found, like any unknown code.
    expect((await anyone.get('/api/v1/attendance-proofs/UUUU-UUUU-UUUU-UUUU')).statusCode).toBe(404);
    for (const bad of ['abc', 'ABCD_EFGH_JKMN_PQRS', 'ABCD%20EFGH%20JKMN', 'x'.repeat(41)]) {
      const res = await anyone.get(`/api/v1/attendance-proofs/${bad}`);
      expect(res.statusCode, bad).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  test('30 misses per address in 10 minutes, then 429 even for a good code; other addresses go on', async () => {
    const me = await createUser(ctx);
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const guesser = new Client(ctx.app, undefined, '10.61.0.9');
    // Hits do not count against an office that checks many records.
    for (let i = 0; i < 5; i++) expect((await guesser.get(`/api/v1/attendance-proofs/${proof.code}`)).statusCode).toBe(200);
    for (let i = 0; i < 30; i++) expect((await guesser.get(`/api/v1/attendance-proofs/${newProofCode()}`)).statusCode).toBe(404);
    const blocked = await guesser.get(`/api/v1/attendance-proofs/${proof.code}`);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await new Client(ctx.app, undefined, '10.61.0.10').get(`/api/v1/attendance-proofs/${proof.code}`)).statusCode).toBe(200);
  });
});

describe('PDF', () => {
  test('a download named for its period, with the code in it', async () => {
    const me = await createUser(ctx);
    const { room } = await meetings();
    await attend(me, room, '2026-01-05', '19:00', 'roster');
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-03-31' })).json();
    const res = await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kindred-attendance-2026-01-01-to-2026-03-31.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The document's properties carry the code, readable even with the page streams compressed.
    expect(res.rawPayload.toString('latin1')).toContain(proof.code);
  });

  test('prints what was included and nothing else, in English or Spanish', async () => {
    const me = await createUser(ctx);
    const { room, online } = await meetings();
    await attend(me, room, '2026-01-05', '19:00', 'roster');
    await attend(me, online, '2026-01-07', '07:00');
    const named = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', holderName: 'José Ñúñez', includeLocations: true })).json();
    const en = pdfText(await renderProofPdf({ proof: named, organization: 'Springfield Recovery', locale: 'en', compress: false }));
    for (const text of ['Springfield Recovery', 'Proof of meeting attendance', 'José Ñúñez', 'Monday Night Step Study', 'Northside Home Group', '123 Main St', 'Confirmed by facilitator', 'Self check-in', 'Online', named.code, named.verifyUrl])
      expect(en).toContain(text);
    expect(en).toContain('Meetings recorded: 2');
    expect(en).toContain('7:00 AM CST');
    expect(en).not.toMatch(/meet\.example\.org|5550100/);

    const es = pdfText(await renderProofPdf({ proof: named, organization: 'Kindred', locale: 'es', compress: false }));
    for (const text of ['Constancia de asistencia a reuniones', 'Confirmada por quien facilita', 'Registro propio', 'En línea', 'Código de verificación']) expect(es).toContain(text);

    const bare = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', includeMeetingNames: false })).json();
    const plain = pdfText(await renderProofPdf({ proof: bare, organization: 'Kindred', locale: 'en', compress: false }));
    expect(plain).toContain(bare.code);
    expect(plain).not.toMatch(/Monday Night|Northside|Main St|José/);

    const empty = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2025-01-01', to: '2025-01-31' })).json();
    expect(pdfText(await renderProofPdf({ proof: empty, organization: 'Kindred', locale: 'en', compress: false }))).toContain('No meetings recorded in this period.');
  });

  test('a long record runs over pages, each carrying the code', async () => {
    const me = await createUser(ctx);
    const { room } = await meetings();
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const entries = Array.from({ length: 60 }, (_, i) => ({ ...proof.entries[0], date: '2026-01-05', start: '2026-01-06T01:00:00.000Z', timeZone: 'America/Chicago', meetingName: `${room.name} ${i}`, groupName: 'Northside', location: null, attendance: 'in_person', method: 'self' }));
    const text = pdfText(await renderProofPdf({ proof: { ...proof, entries }, organization: 'Kindred', locale: 'en', compress: false }));
    const pages = [...text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const total = pages[0]![1]!;
    expect(total).toBeGreaterThan(1);
    expect(pages).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    // The heading shows it twice (code and address), then every page's footer once.
    expect(text.split(proof.code).length - 1).toBe(2 + total);
    for (let i = 0; i < 60; i++) expect(text).toContain(`${room.name} ${i} `);
  });

  test("the language is the page's (?lang), else the account's", async () => {
    const me = await createUser(ctx);
    const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31' })).json();
    const titleOf = async (query: string, headers?: Record<string, string>) => {
      const res = await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf${query}`, headers);
      expect(res.statusCode).toBe(200);
      return res.rawPayload.toString('latin1').includes('Constancia de asistencia') ? 'es' : res.rawPayload.toString('latin1').includes('Proof of meeting attendance') ? 'en' : '?';
    };
    expect(await titleOf('', { 'accept-language': 'es-MX' })).toBe('en');
    expect(await titleOf('?lang=es')).toBe('es');
    expect((await me.client.patch('/api/v1/me', { locale: 'es' })).statusCode).toBe(200);
    expect(await titleOf('')).toBe('es');
    expect(await titleOf('?lang=en')).toBe('en');
    expect((await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf?lang=fr`)).statusCode).toBe(422);
  });
});

test('every proof route is in the OpenAPI document, under meetings', async () => {
  const doc = (await anyone.get('/api/openapi.json')).json();
  const ops = [
    doc.paths['/api/v1/me/attendance-proofs'].post,
    doc.paths['/api/v1/me/attendance-proofs'].get,
    doc.paths['/api/v1/me/attendance-proofs/{id}'].get,
    doc.paths['/api/v1/me/attendance-proofs/{id}'].delete,
    doc.paths['/api/v1/me/attendance-proofs/{id}/pdf'].get,
    doc.paths['/api/v1/attendance-proofs/{code}'].get,
  ];
  for (const op of ops) expect(op.tags).toEqual(['meetings']);
  expect(doc.paths['/api/v1/me/attendance-proofs/{id}/pdf'].get.responses['200'].content).toHaveProperty('application/pdf');
  expect(doc.paths['/api/v1/attendance-proofs/{code}'].get.security).toBeUndefined();
  expect(doc.paths['/api/v1/attendance-proofs/{code}'].get.responses).toHaveProperty('429');
});

test('the logs hold nothing a proof says', async () => {
  const me = await createUser(ctx, { displayName: 'Marisol Vance' });
  const { room } = await meetings();
  await attend(me, room, '2026-01-05', '19:00', 'roster');
  const proof = (await me.client.post('/api/v1/me/attendance-proofs', { from: '2026-01-01', to: '2026-01-31', holderName: 'Zephyrine Okafor', includeLocations: true })).json();
  expect((await me.client.get(`/api/v1/me/attendance-proofs/${proof.id}/pdf`)).statusCode).toBe(200);
  expect((await anyone.get(`/api/v1/attendance-proofs/${proof.code}`)).statusCode).toBe(200);
  const all = logLines.join('\n');
  expect(all).toContain('"statusCode"');
  for (const text of ['Zephyrine', 'Marisol', me.email, 'Monday Night Step Study', 'Northside Home Group', 'Main St']) expect(all).not.toContain(text);
});
