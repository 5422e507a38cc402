import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { instantToZoned } from '../../src/server/modules/meetings/recurrence.ts';
import { Client } from '../helpers/client.ts';
import {
  actAs as actAsIn,
  type BrowserPerson,
  type BrowserSession,
  createBrowserPerson,
  expectAccessible,
  hasChromium,
  heading,
  screenshot,
  startBrowserSession,
  warnIfNoBrowser,
} from './harness.ts';

warnIfNoBrowser();

// The browser session's zone (harness.ts): the finder shows times in it.
const ZONE = 'America/Mexico_City';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Person extends BrowserPerson {
  /** The same session, for API calls from the test. */
  client: Client;
}

describe.skipIf(!hasChromium)('a facilitator lists a hybrid meeting; a member finds it starting soon, goes, and proves it', () => {
  let s: BrowserSession;
  let facilitator: Person;
  let member: Person;
  let groupId: string;
  let meetingUrl: string;
  let code: string;

  async function person(displayName: string, roles: Role[] = []): Promise<Person> {
    const who = await createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'kettle on the windowsill' });
    return { ...who, client: new Client(s.ctx.app, who.cookie, '10.7.1.2') };
  }


  const go = (path: string) => s.page.goto(`${s.base}${path}`);
  const expectHeading = async (text: string | RegExp) => {
    await s.page.getByRole('heading', { level: 1, name: text }).waitFor();
    return heading(s.page);
  };
  const actAs = (who: BrowserPerson | null, path: string) => actAsIn(s, who, path);


  beforeAll(async () => {
    s = await startBrowserSession();
    // An instance without a coordinator opens on its setup page.
    await person('Olga', ['coordinator']);
    facilitator = await person('Rosa', ['facilitator']);
    member = await person('Maya');
    const res = await facilitator.client.request(
      'POST',
      '/api/v1/groups',
      { name: 'Downtown Hybrid Group', pathway: 'twelve_step', fellowship: 'Alcoholics Anonymous', languages: ['en', 'es'], visibility: 'public', membership: 'open' },
      { origin: s.base },
    );
    expect(res.statusCode, res.body).toBe(201);
    groupId = res.json().id;
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('the facilitator creates a weekly hybrid meeting that starts in ten minutes', async () => {
    const { page } = s;
    // Ten minutes from now, on the clock of the meeting's zone: that day of the week, every week.
    const start = instantToZoned(new Date(Date.now() + 10 * 60_000), ZONE);
    const end = instantToZoned(new Date(Date.now() + 70 * 60_000), ZONE);
    const hm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

    await actAs(facilitator, `/groups/${groupId}`);
    await expectHeading('Downtown Hybrid Group');
    await page.getByRole('link', { name: 'Add a meeting' }).click();
    await expectHeading('New meeting');
    await page.getByLabel('Name of the meeting').fill('Lunchtime Hope');
    await page.getByRole('group', { name: 'Days' }).getByRole('checkbox', { name: WEEKDAYS[start.weekday]! }).check();
    await page.getByLabel('Starts').fill(hm(start.minutes));
    await page.getByLabel('Ends').fill(hm(end.minutes));
    await page.getByLabel('Time zone').selectOption(ZONE);
    await page.getByLabel('In person and online').check();
    await page.getByLabel('Full address').fill('Calle de Madero 12, Centro, Ciudad de México, CDMX 06000, México');
    await page.getByLabel('Latitude').fill('19.43372');
    await page.getByLabel('Longitude').fill('-99.13782');
    await page.getByLabel('Video link').fill('https://meet.jit.si/lunchtime-hope');
    await page.getByRole('group', { name: 'Type of meeting' }).getByRole('checkbox', { name: 'Open', exact: true }).check();
    await expectAccessible(page, 'new meeting form');
    await screenshot(page, 'meetings-new-meeting-form');
    await page.getByRole('button', { name: 'Create the meeting' }).click();
    await expectHeading('Lunchtime Hope');
    meetingUrl = new URL(page.url()).pathname;
    expect(meetingUrl).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'https://meet.jit.si/lunchtime-hope' }).or(page.getByText('https://meet.jit.si/lunchtime-hope')).first().waitFor();
    await expectAccessible(page, 'meeting page (facilitator)');
  });

  test('a member finds it in the finder as starting soon, RSVPs and checks in', async () => {
    const { page } = s;
    await actAs(member, '/meetings');
    await expectHeading('Find a meeting');
    const showFilters = page.getByRole('button', { name: /Show filters/ });
    if (await showFilters.count()) await showFilters.click();
    await page.getByRole('checkbox', { name: 'In progress or starting within 2 hours' }).check();
    await page.getByRole('status').getByText(/1 meeting found/).waitFor();
    const result = page.getByRole('link', { name: 'Lunchtime Hope' });
    await result.waitFor();
    await page.getByText(/Starts in \d+ min/).first().waitFor();
    await expectAccessible(page, 'finder, starting soon');
    await screenshot(page, 'meetings-finder-soon');
    expect(new URL(page.url()).searchParams.get('soon')).toBe('true');

    await result.click();
    await expectHeading('Lunchtime Hope');
    await page.getByRole('button', { name: "I'll be there" }).first().click();
    await page.getByRole('button', { name: 'Check in to this meeting' }).click();
    await page.getByText("You're checked in.").waitFor();
    await expectAccessible(page, 'meeting page (member, checked in)');
    await screenshot(page, 'meetings-checked-in');
    const mine = (await member.client.get('/api/v1/me/meetings')).json().items;
    expect(mine.map((i: { meeting: { name: string } }) => i.meeting.name)).toEqual(['Lunchtime Hope']);
  });

  test('the member sees it in their history and makes a proof of attendance; the PDF downloads', async () => {
    const { page } = s;
    await go('/attendance');
    await expectHeading('My meetings');
    await page.getByText('Lunchtime Hope').filter({ visible: true }).first().waitFor();
    await expectAccessible(page, 'my meetings');
    await screenshot(page, 'meetings-my-meetings');

    await page.getByRole('link', { name: 'Proof of attendance' }).click();
    await expectHeading('Proof of attendance');
    await page.getByLabel('Your name, as it should appear (optional)').fill('Maya R.');
    await expectAccessible(page, 'proof form');
    await page.getByRole('button', { name: 'Make the record' }).click();
    await expectHeading('Proof of meeting attendance');
    code = (await page.locator('.proof-code').first().innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Lunchtime Hope').filter({ visible: true }).first().waitFor();
    await expectAccessible(page, 'proof record');
    await screenshot(page, 'meetings-proof-record');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kindred-attendance-.*\.pdf$/);
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('anyone with the code confirms it at the verification page, signed out', async () => {
    const { page } = s;
    await actAs(null, '/verify');
    await expectHeading('Check a proof of attendance');
    await page.getByLabel('Verification code').fill(code.toLowerCase().replaceAll('-', ''));
    await page.getByRole('button', { name: 'Check the code' }).click();
    await page.getByText('This record is valid.').waitFor();
    await page.getByText('Maya R.').filter({ visible: true }).first().waitFor();
    await page.getByText('Lunchtime Hope').filter({ visible: true }).first().waitFor();
    // Only what the member chose: not their display name.
    expect(await page.getByText('Maya', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'verification');
    await screenshot(page, 'meetings-verified');
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
