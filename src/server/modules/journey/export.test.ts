import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/helpers/app.ts';
import { Client } from '../../../../test/helpers/client.ts';
import { createUser, type TestUser } from '../../../../test/helpers/factories.ts';
import { createGroup, createMeeting } from '../../../../test/helpers/meetings-factories.ts';
import { attendanceProof, meetingAttendance, meetingRsvp } from '../meetings/tables.ts';
import { neutralizeFormula, toCsv } from './export.ts';
import { checkIn, journeyConsent, recoveryProfile, sobrietyPeriod, sobrietyTrack, stageAssessment } from './tables.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const BOM = '\uFEFF';

/** A member with a row in every journey table, every text carrying `tag`. */
async function memberWithEverything(tag: string): Promise<TestUser> {
  const m = await createUser(ctx);
  const { db } = ctx.database;
  await db.insert(recoveryProfile).values({ userId: m.id, pathways: ['secular'], recoveringFrom: [`${tag} alcohol`], languages: ['es'] });
  await db.insert(stageAssessment).values({ userId: m.id, stage: 'action' });
  const [track] = await db.insert(sobrietyTrack).values({ userId: m.id, label: `${tag} track` }).returning();
  await db.insert(sobrietyPeriod).values([
    { trackId: track!.id, userId: m.id, startedOn: '2025-01-01', endedOn: '2025-02-01', setbackNote: `${tag} setback` },
    { trackId: track!.id, userId: m.id, startedOn: '2025-02-01' },
  ]);
  await db.insert(checkIn).values({ userId: m.id, localDate: '2025-03-01', mood: 4, craving: 2, used: 'no', notes: `${tag} note`, triggers: ['stress', 'boredom'], hoursSlept: 7.5 });
  const goal = (await m.client.post('/api/v1/me/goals', { title: `${tag} goal`, measure: 'self_reported', target: 3, period: 'week' })).json();
  await m.client.post(`/api/v1/me/goals/${goal.id}/entries`, { date: '2025-03-02', amount: 2 });
  const archived = (await m.client.post('/api/v1/me/goals', { title: `${tag} old goal`, measure: 'check_ins', target: 1, period: 'month' })).json();
  await m.client.delete(`/api/v1/me/goals/${archived.id}`);
  await m.client.post('/api/v1/me/coping-strategies', { title: `${tag} tool`, steps: ['one'] });
  const plan = { warningSigns: [`${tag} sign`], copingAlone: [], distractions: [], helpers: [], professionals: [], saferEnvironment: [], reasons: [] };
  await m.client.put('/api/v1/me/safety-plan', plan);
  await db.insert(journeyConsent).values({ userId: m.id, category: 'goals', grantee: 'mentor' });
  return m;
}

/**
 * A member who went to two meetings of a group (checked in once, marked on the roster once, the second meeting
 * archived since), said they would go to a third occurrence, and issued two proofs, one revoked. Names carry `tag`.
 */
async function memberWithMeetings(tag: string, names = { group: `${tag} group`, meeting: `${tag} meeting` }): Promise<TestUser> {
  const m = await createUser(ctx);
  const { db } = ctx.database;
  const g = await createGroup(ctx, { name: names.group });
  const weekly = await createMeeting(ctx, g.id, { name: names.meeting });
  const online = await createMeeting(ctx, g.id, { name: `${tag} online`, attendance: 'online', timeZone: 'America/Mexico_City', archivedAt: new Date() });
  await db.insert(meetingAttendance).values([
    { meetingId: online.id, localDate: '2025-03-04', userId: m.id, startsAt: new Date('2025-03-05T01:00:00Z'), method: 'roster', recordedAt: new Date('2025-03-05T02:00:00Z') },
    { meetingId: weekly.id, localDate: '2025-03-03', userId: m.id, startsAt: new Date('2025-03-04T01:00:00Z'), method: 'self', recordedAt: new Date('2025-03-04T01:05:00Z') },
  ]);
  await db.insert(meetingRsvp).values({ meetingId: weekly.id, localDate: '2025-03-06', userId: m.id, createdAt: new Date('2025-03-01T12:00:00Z') });
  const proof = { userId: m.id, fromDate: '2025-03-01', toDate: '2025-03-31', includeMeetingNames: true, includeLocations: false, entries: [{ meetingName: `${tag} copied` }] };
  await db.insert(attendanceProof).values([
    { ...proof, code: `${tag}-kept-${m.id}`, holderName: `${tag} holder`, createdAt: new Date('2025-04-01T00:00:00Z') },
    { ...proof, code: `${tag}-gone-${m.id}`, holderName: null, includeMeetingNames: false, createdAt: new Date('2025-04-02T00:00:00Z'), revokedAt: new Date('2025-04-03T00:00:00Z') },
  ]);
  return m;
}

describe('JSON export', () => {
  test("holds everything the member has and nothing of anyone else's, as a download", async () => {
    const me = await memberWithEverything('Amber');
    await memberWithEverything('Indigo');
    const res = await me.client.get('/api/v1/me/journey/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kindred-journey-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('Indigo');
    const data = res.json();
    expect(data).toMatchObject({
      timeZone: 'UTC',
      profile: { pathways: ['secular'], recoveringFrom: ['Amber alcohol'], languages: ['es'] },
      stageHistory: [{ stage: 'action' }],
      tracks: [
        {
          label: 'Amber track',
          archivedAt: null,
          periods: [
            { startedOn: '2025-01-01', endedOn: '2025-02-01', setbackNote: 'Amber setback' },
            { startedOn: '2025-02-01', endedOn: null, setbackNote: null },
          ],
        },
      ],
      checkIns: [{ date: '2025-03-01', notes: 'Amber note', triggers: ['stress', 'boredom'], hoursSlept: 7.5 }],
      copingStrategies: [{ title: 'Amber tool', steps: ['one'] }],
      safetyPlan: { warningSigns: ['Amber sign'], updatedAt: expect.any(String) },
      consents: [{ category: 'goals', grantee: 'mentor', revokedAt: null }],
    });
    expect(data.goals.map((g: { title: string; archivedAt: string | null; entries: unknown[] }) => [g.title, g.archivedAt !== null, g.entries])).toEqual([
      ['Amber goal', false, [{ date: '2025-03-02', amount: 2, createdAt: expect.any(String) }]],
      ['Amber old goal', true, []],
    ]);
  });

  test('a new member exports an empty journey', async () => {
    const me = await createUser(ctx);
    expect((await me.client.get('/api/v1/me/journey/export?format=json')).json()).toMatchObject({
      profile: null,
      stageHistory: [],
      tracks: [],
      checkIns: [],
      goals: [],
      copingStrategies: [],
      safetyPlan: { warningSigns: [], updatedAt: null },
      consents: [],
      meetings: { attendance: [], rsvps: [], proofs: [] },
    });
  });

  test("holds the member's meeting attendance, RSVPs and proofs, archived meetings included, and no one else's", async () => {
    const me = await memberWithMeetings('Amber');
    await memberWithMeetings('Indigo');
    const res = await me.client.get('/api/v1/me/journey/export');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Indigo');
    const { meetings } = res.json();
    expect(meetings.attendance).toEqual([
      {
        date: '2025-03-03',
        startsAt: '2025-03-04T01:00:00.000Z',
        meeting: 'Amber meeting',
        group: 'Amber group',
        timeZone: 'America/Chicago',
        attendance: 'in_person',
        method: 'self',
        recordedAt: '2025-03-04T01:05:00.000Z',
      },
      {
        date: '2025-03-04',
        startsAt: '2025-03-05T01:00:00.000Z',
        meeting: 'Amber online',
        group: 'Amber group',
        timeZone: 'America/Mexico_City',
        attendance: 'online',
        method: 'roster',
        recordedAt: '2025-03-05T02:00:00.000Z',
      },
    ]);
    expect(meetings.rsvps).toEqual([{ date: '2025-03-06', meeting: 'Amber meeting', group: 'Amber group', createdAt: '2025-03-01T12:00:00.000Z' }]);
    expect(meetings.proofs).toEqual([
      {
        code: expect.stringMatching(/^Amber-kept-/),
        from: '2025-03-01',
        to: '2025-03-31',
        holderName: 'Amber holder',
        includeMeetingNames: true,
        includeLocations: false,
        createdAt: '2025-04-01T00:00:00.000Z',
        revokedAt: null,
      },
      {
        code: expect.stringMatching(/^Amber-gone-/),
        from: '2025-03-01',
        to: '2025-03-31',
        holderName: null,
        includeMeetingNames: false,
        includeLocations: false,
        createdAt: '2025-04-02T00:00:00.000Z',
        revokedAt: '2025-04-03T00:00:00.000Z',
      },
    ]);
    // The entries copied into a proof are not repeated.
    expect(res.body).not.toContain('Amber copied');
  });

  test('needs a session; a CSV needs a section', async () => {
    expect((await new Client(ctx.app).get('/api/v1/me/journey/export')).statusCode).toBe(401);
    const me = await createUser(ctx);
    for (const q of ['format=csv', 'format=csv&section=diary', 'format=xml', 'format=json&extra=1']) {
      const res = await me.client.get(`/api/v1/me/journey/export?${q}`);
      expect(res.statusCode, q).toBe(422);
    }
  });
});

describe('CSV export', () => {
  test('each section is a CSV with a header row, only of the member', async () => {
    const me = await memberWithEverything('Amber');
    await memberWithEverything('Indigo');
    const csv = async (section: string) => {
      const res = await me.client.get(`/api/v1/me/journey/export?format=csv&section=${section}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="kindred-${section.replace('_', '-')}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(res.body).not.toContain('Indigo');
      return res.body;
    };
    expect(await csv('check_ins')).toBe(
      `${BOM}date,mood,craving,triggers,trigger_note,used,hours_slept,meetings,gratitude,notes\r\n2025-03-01,4,2,stress;boredom,,no,7.5,0,,Amber note\r\n`,
    );
    expect(await csv('sobriety')).toBe(
      `${BOM}track,started_on,ended_on,setback_note,track_archived_at\r\nAmber track,2025-01-01,2025-02-01,Amber setback,\r\nAmber track,2025-02-01,,,\r\n`,
    );
    const goals = (await csv('goals')).split('\r\n');
    expect(goals[0]).toBe(`${BOM}goal,measure,target,period,created_at,archived_at,entry_date,entry_amount`);
    expect(goals[1]).toMatch(/^Amber goal,self_reported,3,week,\d{4}-[^,]+,,2025-03-02,2$/);
    expect(goals[2]).toMatch(/^Amber old goal,check_ins,1,month,\d{4}-[^,]+,\d{4}-[^,]+,,$/);
    expect(await csv('coping_strategies')).toBe(`${BOM}position,title,steps\r\n1,Amber tool,one\r\n`);
    expect(await csv('meetings')).toBe(`${BOM}date,starts_at,meeting,group,time_zone,attendance,method,recorded_at\r\n`);
  });

  test("the meetings section is the member's attendance, one row each, formulas kept as text", async () => {
    const me = await memberWithMeetings('Amber', { group: '+Amber, "group"', meeting: '=HYPERLINK("http://evil.example")' });
    await memberWithMeetings('Indigo');
    const res = await me.client.get('/api/v1/me/journey/export?format=csv&section=meetings');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kindred-meetings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body).not.toContain('Indigo');
    expect(res.body).toBe(
      [
        `${BOM}date,starts_at,meeting,group,time_zone,attendance,method,recorded_at`,
        `2025-03-03,2025-03-04T01:00:00.000Z,"'=HYPERLINK(""http://evil.example"")","'+Amber, ""group""",America/Chicago,in_person,self,2025-03-04T01:05:00.000Z`,
        `2025-03-04,2025-03-05T01:00:00.000Z,Amber online,"'+Amber, ""group""",America/Mexico_City,online,roster,2025-03-05T02:00:00.000Z`,
        '',
      ].join('\r\n'),
    );
  });

  test('commas, quotes and line breaks are quoted; formulas are kept as text', async () => {
    const me = await createUser(ctx);
    for (const s of [
      { title: 'Call Ana, then walk', steps: ['Say "no" kindly', 'Breathe'] },
      { title: '=HYPERLINK("http://evil.example","help")', steps: ['+1 call', 'then -2'] },
      { title: '-5 minute rule', steps: ['@SUM(A1:A9)'] },
      { title: '@home', steps: ['Line one\r\nline two'] },
    ]) {
      expect((await me.client.post('/api/v1/me/coping-strategies', s)).statusCode).toBe(201);
    }
    const res = await me.client.get('/api/v1/me/journey/export?format=csv&section=coping_strategies');
    expect(res.body).toBe(
      [
        `${BOM}position,title,steps`,
        '1,"Call Ana, then walk","Say ""no"" kindly\nBreathe"',
        `2,"'=HYPERLINK(""http://evil.example"",""help"")","'+1 call\nthen -2"`,
        `3,'-5 minute rule,'@SUM(A1:A9)`,
        `4,'@home,"Line one\r\nline two"`,
        '',
      ].join('\r\n'),
    );
  });

  test('the formula guard and the writer', () => {
    expect(['=1+1', '+1', '-1', '@x', '\tx', '\rx', 'fine', "'=already", '', 3, null].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      'fine',
      "'=already",
      '',
      3,
      null,
    ]);
    expect(toCsv(['a', 'b'], [['x,y', null], ['line\nbreak', 'q"uote'], [-1, 0]])).toBe(`${BOM}a,b\r\n"x,y",\r\n"line\nbreak","q""uote"\r\n-1,0\r\n`);
  });
});
