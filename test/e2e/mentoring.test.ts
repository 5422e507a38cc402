import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { mentorProfile } from '../../src/server/modules/mentoring/tables.ts';
import { mentorProfileBody } from '../helpers/mentoring-factories.ts';
import {
  actAs as actAsIn,
  type BrowserPerson,
  type BrowserSession,
  createBrowserPerson,
  expectAccessible,
  hasChromium,
  screenshot,
  settle,
  startBrowserSession,
  warnIfNoBrowser,
} from './harness.ts';

warnIfNoBrowser();

const ZONE = 'America/New_York';

/**
 * The whole path, in Chromium at phone size: a member asks for a mentor, reads explained suggestions and asks
 * one; the mentor accepts; both sign the agreement; the mentor logs a contact; the member rates it, ends the
 * relationship with one tap and is matched again.
 */
describe.skipIf(!hasChromium)('a member finds a mentor, and finds another when it is not the right fit', () => {
  let s: BrowserSession;
  let maya: BrowserPerson;
  let leo: BrowserPerson;
  let ana: BrowserPerson;
  let olga: BrowserPerson;
  let mentorshipId = '';

  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'lanterns along the river' });
  const actAs = (who: BrowserPerson | null, path: string) => actAsIn(s, who, path);
  const button = (name: string | RegExp) => s.page.getByRole('button', { name, exact: typeof name === 'string' });

  beforeAll(async () => {
    s = await startBrowserSession();
    // An instance with a coordinator is set up; without one every page leads to /setup.
    olga = await person('Olga', ['coordinator']);
    maya = await person('Maya');
    leo = await person('Leo', ['peer_supporter']);
    ana = await person('Ana', ['peer_supporter']);
    // Two mentors who fit Maya; Leo fits best (SMART Recovery, free on Monday evenings like her).
    await s.ctx.database.db.insert(mentorProfile).values([
      { userId: leo.id, ...mentorProfileBody({ pathways: ['smart_recovery'], capacity: 3 }) },
      { userId: ana.id, ...mentorProfileBody({ pathways: ['twelve_step'], summary: 'Twelve years sober. Coffee and honesty.', availability: [{ day: 6, start: '09:00', end: '11:00' }], capacity: 2 }) },
    ]);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('Maya says what she is looking for and sees mentors with the reasons they fit', async () => {
    const { page } = s;
    await actAs(maya, '/mentoring');
    await page.getByRole('heading', { level: 1, name: 'Find a mentor' }).waitFor();
    await expectAccessible(page, 'find a mentor: the request form');
    await page.getByRole('group', { name: /Recovery pathways/ }).getByRole('checkbox', { name: 'SMART Recovery' }).check();
    const languages = page.getByRole('group', { name: /Languages you'd be comfortable/ });
    if (!(await languages.getByRole('checkbox', { name: 'English' }).isChecked())) await languages.getByRole('checkbox', { name: 'English' }).check();
    await button('Add a time').click();
    await page.getByLabel('Until').selectOption('21:00');
    await button('Start looking for a mentor').click();
    await page.getByText("You're on the list. Below").waitFor();

    const cards = page.getByRole('button', { name: /^Ask / });
    await cards.first().waitFor();
    // Best fit first, with the reasons in words.
    expect(await cards.first().innerText()).toBe('Ask Leo');
    const leoCard = page.locator('li, article').filter({ has: page.getByRole('button', { name: 'Ask Leo', exact: true }) }).first();
    expect(await leoCard.innerText()).toMatch(/Both SMART Recovery/);
    expect(await leoCard.innerText()).toMatch(/Both speak English/);
    expect(await leoCard.innerText()).toMatch(/places free/);
    await expectAccessible(page, 'find a mentor: suggestions');
    await screenshot(page, 'mentoring-suggestions');

    await button('Ask Leo').click();
    await page.getByRole('heading', { name: /Waiting for .*answer/ }).waitFor();
    await screenshot(page, 'mentoring-pending');
  });

  test('Leo accepts from his caseload and both sign the agreement', async () => {
    const { page } = s;
    await actAs(leo, '/mentoring/caseload');
    await settle(page);
    await expectAccessible(page, 'caseload with a request');
    await screenshot(page, 'mentoring-caseload-request');
    await button(/Accept Maya/).click();
    const agreementLink = page.getByRole('link', { name: /read and sign the agreement/ });
    await agreementLink.waitFor();
    mentorshipId = (await agreementLink.getAttribute('href'))!.split('/').pop()!;
    await agreementLink.click();
    await settle(page);
    await button('Sign version 1').click();
    await page.getByText('You signed version 1.').waitFor();

    await actAs(maya, `/mentorships/${mentorshipId}`);
    await settle(page);
    // The agreement says what a mentor is not, and what happens in a crisis.
    expect(await page.locator('main').innerText()).toMatch(/not a therapist/i);
    await button('Sign version 1').click();
    await page.getByText(/You've both signed/).waitFor();
    await expectAccessible(page, 'relationship: signed');
    await screenshot(page, 'mentoring-signed');
  });

  test('Leo logs a contact; Maya rates it without her name', async () => {
    const { page } = s;
    await actAs(leo, `/mentorships/${mentorshipId}`);
    await settle(page);
    await button('Log a contact').click();
    await page.getByLabel('How long, in minutes').fill('45');
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByRole('checkbox', { name: 'Cravings' }).check();
    await page.getByLabel('Private notes (optional)').fill('Talked about the weekend plan.');
    await page.getByLabel('Next step', { exact: true }).fill('Call on Thursday');
    await button('Save the contact').click();
    await page.getByText('Contact logged.').waitFor();
    await expectAccessible(page, 'relationship: contact logged');

    await actAs(maya, `/mentorships/${mentorshipId}`);
    await settle(page);
    // The mentor's private notes never reach the mentee.
    expect(await page.locator('main').innerText()).not.toContain('weekend plan');
    expect(await page.locator('main').innerText()).toContain('Call on Thursday');
    await button('Rate this contact').click();
    await page.getByRole('radio', { name: /^4/ }).check();
    await button('Send my rating').click();
    await page.getByText('Thank you. Your rating is sent.').waitFor();
    await screenshot(page, 'mentoring-rated');
  });

  test('Maya ends it in one tap and is matched again', async () => {
    const { page } = s;
    await button('End and find me a new mentor').click();
    await page.getByText(/has ended/).first().waitFor();
    await page.getByRole('link', { name: 'See mentors who could be a good fit' }).first().click();
    await settle(page);
    await button('Ask Ana').waitFor();
    await button('Ask Ana').click();
    await page.getByRole('heading', { name: /Waiting for .*answer/ }).waitFor();
    await expectAccessible(page, 'rematched');
    await screenshot(page, 'mentoring-rematched');

    // Ana is told, in her inbox.
    await actAs(ana, '/notifications');
    await settle(page);
    expect(await page.locator('main').innerText()).toMatch(/Maya/);
    await expectAccessible(page, 'notifications');
  });

  test('a coordinator can end a relationship for a safety concern; both people read the note', async () => {
    const { page } = s;
    await actAs(ana, '/mentoring/caseload');
    await settle(page);
    await button(/Accept Maya/).click();
    const link = page.getByRole('link', { name: /read and sign the agreement/ });
    await link.waitFor();
    const id = (await link.getAttribute('href'))!.split('/').pop()!;

    await actAs(olga, `/mentorships/${id}`);
    await settle(page);
    await page.getByRole('radio', { name: /safety concern/i }).check();
    await page.getByLabel('A note for Ana and Maya (optional)').fill('We will call each of you today.');
    await button('End the mentorship').click();
    await page.getByText('The mentorship between Ana and Maya has ended. Both have been told.').waitFor();
    await expectAccessible(page, 'coordinator ended a relationship');

    await actAs(maya, `/mentorships/${id}`);
    await settle(page);
    await page.getByText("A note from the program's coordinators").waitFor();
    expect(await page.locator('main').innerText()).toContain('We will call each of you today.');
    await screenshot(page, 'mentoring-ended-by-coordinator');
  });
});
