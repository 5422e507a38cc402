import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { createEntry } from '../helpers/resources-factories.ts';
import {
  apiAnswers as apiAnswersOf,
  actAs as actAsIn,
  type BrowserPerson,
  type BrowserSession,
  createBrowserPerson,
  expectAccessible,
  hasChromium,
  settle,
  startBrowserSession,
  warnIfNoBrowser,
} from './harness.ts';

warnIfNoBrowser();

const ZONE = 'America/Chicago';
/** Where Rosa's phone says she is: the Loop, Chicago. */
const HERE = { latitude: 41.8819, longitude: -87.6278 };
const NALOXONE = 'Westside Naloxone Access';
const HOUSING = 'Members Recovery Housing Circle';
const STALE = 'Northside Food Pantry';
const SUGGESTED = 'Lakeside Harm Reduction Van';
const TIP = 'Ask at the front desk for the free kit, no ID needed. Spanish spoken on weekdays.';
const REVIEW = 'Kind staff, quick and private.';
const NOTE = 'Thank you. Please leave out the staff member first names.';
const shots = path.resolve('.tmp/shots/resources');

/** A full-page picture at phone size, for a person to look at. */
async function shot(page: Page, name: string) {
  await settle(page);
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/**
 * The path, in Chromium at 360 px: Rosa searches "naloxone" near her (the browser shares a fixed position
 * only when she taps "Near me"), opens the entry and adds a tip and a review; Quinn, a moderator, approves the tip
 * and turns the review down with a note, never seeing who wrote them; Rosa and everyone else then read the tip,
 * without a name. Signed out, a members-only entry is not found. Olga, a coordinator, edits an entry (a phone
 * number that cannot be dialled is caught, with focus on it), marks one verified today, and imports a small CSV
 * whose bad row is reported before anything is stored.
 */
describe.skipIf(!hasChromium)('the resource directory: search near me, tips, review, coordination', () => {
  let s: BrowserSession;
  let rosa: BrowserPerson;
  let quinn: BrowserPerson;
  let olga: BrowserPerson;
  let naloxoneId = '';
  let housingId = '';
  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'wind over the prairie' });
  const actAs = (who: BrowserPerson | null, at: string) => actAsIn(s, who, at);
  const button = (name: string | RegExp) => s.page.getByRole('button', { name, exact: typeof name === 'string' });

  const apiAnswers = (run: () => Promise<void>) => apiAnswersOf(s.page, run);

  beforeAll(async () => {
    s = await startBrowserSession();
    await s.page.setViewportSize({ width: 360, height: 780 });
    // "Near me" works only after a tap; the position is fixed so the distances are known.
    await s.context.grantPermissions(['geolocation'], { origin: s.base });
    await s.context.setGeolocation(HERE);
    olga = await person('Olga', ['coordinator']);
    rosa = await person('Rosa');
    quinn = await person('Quinn', ['moderator']);
    naloxoneId = await createEntry(s.ctx, {
      name: NALOXONE,
      category: 'harm_reduction',
      description: 'Free naloxone kits and training on how to use them. Walk in, no appointment.',
      phone: '(312) 555-0134',
      textLine: { number: '312-555-0199', keyword: 'KIT' },
      website: 'https://westside-naloxone.example.org/kits',
      address: '1200 W Madison St, Chicago, IL',
      location: { lat: 41.8815, lng: -87.6577 },
      hours: { timeZone: ZONE, alwaysOpen: true, periods: [] },
      languages: ['en', 'es'],
      costs: ['free'],
      inPerson: true,
    });
    housingId = await createEntry(s.ctx, { name: HOUSING, category: 'housing', audience: 'members', description: 'Peer-run recovery housing for members.' });
    await createEntry(s.ctx, { name: STALE, category: 'food', description: 'Groceries on Saturdays.' }, { verifiedAt: new Date('2020-01-15T12:00:00Z') });
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  test('Rosa searches "naloxone" near her and finds the entry with its call and text links', async () => {
    const { page } = s;
    await actAs(rosa, '/resources');
    await page.getByRole('heading', { level: 1, name: 'Recovery resources' }).waitFor();
    await expectAccessible(page, 'resources: the directory');
    await shot(page, 'directory');

    await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill('naloxone');
    await button('Search').click();
    await page.getByRole('status').filter({ hasText: /resources? found/ }).waitFor();
    const searched: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/v1/resources?')) searched.push(req.url());
    });
    await button('Near me').click();
    await page.getByText('Showing what is near you.').waitFor();
    const card = page.locator('.resource-card', { has: page.getByRole('link', { name: NALOXONE, exact: true }) });
    await card.getByText(/km away/).waitFor();
    // The position went to Kindred, rounded, and nowhere else.
    expect(searched.some((u) => new URL(u).searchParams.get('near') === '41.882,-87.628')).toBe(true);
    expect(s.foreignRequests).toEqual([]);
    await expect(card.getByRole('link', { name: /^Call \(312\) 555-0134/ }).getAttribute('href')).resolves.toBe('tel:+13125550134');
    await expect(card.getByRole('link', { name: /^Text KIT to/ }).getAttribute('href')).resolves.toBe('sms:3125550199?body=KIT');
    await card.getByText('Open now').waitFor();
    await expectAccessible(page, 'resources: naloxone near me');
    await shot(page, 'search-naloxone-near-me');
    // The printable sheet carries the search's words and the reader's language.
    const sheet = (await page.getByRole('link', { name: /Printable list \(PDF\)/ }).getAttribute('href')) ?? '';
    expect(sheet).toBe('/api/v1/resources/sheet.pdf?q=naloxone&locale=en');
    const pdf = await page.request.get(`${s.base}${sheet}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });

  test('Rosa opens the entry and adds a tip, and a review that is checked before it is sent', async () => {
    const { page } = s;
    await page.getByRole('link', { name: NALOXONE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: NALOXONE }).waitFor();
    await page.getByText('Open 24 hours, every day.').waitFor();
    await expectAccessible(page, 'resources: an entry');
    await shot(page, 'entry');

    await page.getByRole('textbox', { name: 'Your tip' }).fill(TIP);
    await button('Send tip').click();
    await page.getByText('Thank you. Your words are waiting for review.').waitFor();
    const mine = page.locator('.tip', { hasText: TIP });
    await mine.getByText('Waiting for review').waitFor();

    await page.getByRole('radio', { name: 'A review' }).check();
    await page.getByRole('textbox', { name: 'Your review' }).fill(REVIEW);
    await button('Send review').click();
    // No stars chosen: said next to the stars, and focus goes there.
    await page.getByText('Choose from 1 to 5 stars.').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
    await expectAccessible(page, 'resources: a review without stars');
    await shot(page, 'entry-review-needs-stars');
    await page.getByRole('radio', { name: '4' }).check();
    await button('Send review').click();
    await page.locator('.tip', { hasText: REVIEW }).getByText('Waiting for review').waitFor();
    await expectAccessible(page, 'resources: an entry with my tips waiting');
    await shot(page, 'entry-tips-waiting');
  });

  test('Quinn, a moderator, approves the tip and turns the review down, without learning who wrote them', async () => {
    const { page } = s;
    const answers = await apiAnswers(async () => {
      await actAs(quinn, '/resources/review');
      await page.getByRole('heading', { level: 1, name: 'Review resources' }).waitFor();
      await settle(page);
      await page.getByText(TIP).waitFor();
    });
    for (const body of answers) {
      expect(body).not.toContain(rosa.id);
      expect(body).not.toContain('Rosa');
    }
    // Re-verification is the coordinators' work.
    expect(await page.getByRole('heading', { name: /Due for re-verification/ }).count()).toBe(0);
    await expectAccessible(page, 'resources: the work list (moderator)');
    await shot(page, 'review-moderator');

    await button(`Approve tip on ${NALOXONE}`).click();
    await page.getByText(`Published the tip on ${NALOXONE}.`).waitFor();
    const review = page.locator('.card', { hasText: REVIEW });
    await review.getByLabel('Note for the author (optional)').fill(NOTE);
    await review.getByRole('button', { name: /^Reject/ }).click();
    await page.getByText(`Did not publish the tip on ${NALOXONE}.`).waitFor();
    await page.getByText('Nothing is waiting. Thank you.').waitFor();
    await expectAccessible(page, 'resources: the work list, done');
  });

  test('the tip is on the entry for Rosa and for everyone, without a name', async () => {
    const { page } = s;
    await actAs(rosa, `/resources/${naloxoneId}`);
    const tip = page.locator('.tip', { hasText: TIP });
    await tip.getByText('Yours', { exact: true }).waitFor();
    expect(await tip.getByText('Waiting for review').count()).toBe(0);
    await page.locator('.tip', { hasText: REVIEW }).getByText(`Note from the reviewer: ${NOTE}`).waitFor();
    await expectAccessible(page, 'resources: the entry with an approved tip');
    await shot(page, 'entry-tip-approved');

    const answers = await apiAnswers(async () => {
      await actAs(null, `/resources/${naloxoneId}`);
      await page.getByText(TIP).waitFor();
    });
    for (const body of answers) expect(body).not.toContain(rosa.id);
    expect(await page.getByText(REVIEW).count()).toBe(0);
    expect(await page.getByText('Yours', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Sign in to add a tip or review' }).waitFor();

    // The work list is not there for a member.
    await actAs(rosa, '/resources/review');
    await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).waitFor();
  });

  test('signed out, a members-only entry is not found, and is not in the search', async () => {
    const { page } = s;
    await actAs(null, `/resources/${housingId}`);
    await page.getByRole('heading', { level: 1, name: "We couldn't find that page" }).waitFor();
    await page.getByText('Some resources are only for members.').waitFor();
    expect(await page.content()).not.toContain(HOUSING);
    await expectAccessible(page, 'resources: a members-only entry, signed out');
    await shot(page, 'members-only-signed-out');

    await actAs(null, '/resources?category=housing');
    await page.getByRole('status').filter({ hasText: /found/ }).waitFor();
    expect(await page.getByRole('link', { name: HOUSING, exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Suggest a resource' }).count()).toBe(0);
    await actAs(rosa, '/resources?category=housing');
    await page.getByRole('link', { name: HOUSING, exact: true }).waitFor();

    // In Spanish, signed out, the directory speaks Spanish.
    await actAs(null, '/resources');
    await button('Español').click();
    await page.getByRole('heading', { level: 1, name: 'Recursos para la recuperación' }).waitFor();
    await page.getByRole('button', { name: 'Cerca de mí' }).waitFor();
    await expectAccessible(page, 'resources: the directory in Spanish, signed out');
    await shot(page, 'directory-es-signed-out');
    await button('English').click();
  });

  test('Olga edits an entry: a number that cannot be dialled is caught, then the change is saved', async () => {
    const { page } = s;
    await actAs(olga, `/resources/${naloxoneId}`);
    await page.getByRole('heading', { name: 'For coordinators' }).waitFor();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${NALOXONE}` }).waitFor();
    await expectAccessible(page, 'resources: the entry form (coordinator)');
    await shot(page, 'admin-edit-entry');

    await page.getByRole('textbox', { name: 'Phone' }).fill('12');
    await button('Save changes').click();
    await page.locator('#resource-form-phone[aria-invalid="true"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resource-form-phone');
    await expectAccessible(page, 'resources: the entry form with a bad phone');
    await shot(page, 'admin-edit-bad-phone');

    await page.getByRole('textbox', { name: 'Phone' }).fill('312-555-0177');
    await page.getByRole('textbox', { name: 'Name in Español' }).fill('Acceso a Naloxona del Oeste');
    // Weekday hours, one of them closing when it opens: the server's answer lands on that row's input.
    await page.getByRole('radio', { name: 'Set hours' }).check();
    await button('Add Monday to Friday, 9 to 5').click();
    await page.locator('#resource-form-hours-periods-2-closes').fill('09:00');
    await button('Save changes').click();
    await page.locator('#resource-form-hours-periods-2-closes[aria-invalid="true"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resource-form-hours-periods-2-closes');
    await expectAccessible(page, 'resources: the hours editor with a bad period');
    await shot(page, 'admin-edit-bad-hours');
    await page.locator('#resource-form-hours-periods-2-closes').fill('17:00');
    await button('Save changes').click();
    await page.getByText(`Saved ${NALOXONE}.`).waitFor();
    await page.getByRole('link', { name: `Open ${NALOXONE}` }).click();
    await page.getByRole('link', { name: /^Call \(312\) 555-0177/ }).waitFor();
  });

  test('Olga marks an entry past its re-verification date as verified today', async () => {
    const { page } = s;
    await actAs(olga, '/resources/review');
    const due = page.locator('.card', { has: page.getByRole('link', { name: STALE, exact: true }) });
    await due.waitFor();
    await expectAccessible(page, 'resources: the work list (coordinator)');
    await shot(page, 'review-coordinator');
    await due.getByRole('button', { name: `Verified today: ${STALE}` }).click();
    await page.getByText(`Marked ${STALE} as checked today.`).waitFor();
    expect(await page.getByRole('link', { name: STALE, exact: true }).count()).toBe(0);
  });

  test('Olga imports a CSV: the check lists the bad row, stores nothing, then the import adds the good one', async () => {
    const { page } = s;
    await actAs(olga, '/admin/resources');
    await page.getByRole('heading', { level: 1, name: 'Resources directory' }).waitFor();
    await expectAccessible(page, 'resources: coordination');
    await shot(page, 'admin-overview');

    const csv = [
      'externalId,name,category,phone,website,languages,costs',
      'lakeview-1,Lakeview Recovery Clinic,treatment_detox,(773) 555-0100,https://lakeview-clinic.example.org,en|es,sliding_scale',
      'lakeview-2,Broken Line,crisis_lines,12,https://example.org,en,free',
    ].join('\n');
    await page.getByLabel('File to import').setInputFiles({ name: 'lakeview.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await button('Check the file').click();
    await page.getByText('Checked. Nothing has been stored yet.').waitFor();
    await page.getByText('1 would be added').waitFor();
    await page.getByText('Row 2, Broken Line').waitFor();
    await page.locator('.import-report li li', { hasText: 'phone' }).waitFor();
    expect((await s.ctx.database.pool.query(`select count(*)::int as n from resource where name = 'Lakeview Recovery Clinic'`)).rows[0].n).toBe(0);
    await expectAccessible(page, 'resources: an import checked');
    await shot(page, 'admin-import-checked');

    await button('Import 1 entry').click();
    await page.getByText('Imported.').waitFor();
    await page.getByText('1 added').waitFor();
    expect((await s.ctx.database.pool.query(`select count(*)::int as n from resource where name = 'Lakeview Recovery Clinic' and status = 'published'`)).rows[0].n).toBe(1);
    await expectAccessible(page, 'resources: an import done');
    await shot(page, 'admin-import-done');
  });

  test('Rosa suggests a resource; Olga adds it to the directory; Rosa sees what became of it', async () => {
    const { page } = s;
    await actAs(rosa, '/resources/suggest');
    await page.getByRole('heading', { level: 1, name: 'Suggest a resource' }).waitFor();
    // No audience or crisis screen for members: coordinators decide those.
    expect(await page.getByRole('group', { name: 'Who can see it' }).count()).toBe(0);
    await button('Send suggestion').click();
    await page.locator('#resource-form-name[aria-invalid="true"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resource-form-name');
    await expectAccessible(page, 'resources: a suggestion without a name');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(SUGGESTED);
    await page.getByRole('combobox', { name: 'Kind of help' }).selectOption('harm_reduction');
    await page.getByRole('textbox', { name: 'Website' }).fill('https://lakeside-van.example.org');
    await button('Send suggestion').click();
    await page.getByText('Thank you, a coordinator will review it.').waitFor();
    await page.locator('.tip', { hasText: SUGGESTED }).getByText('Waiting for review').waitFor();
    await expectAccessible(page, 'resources: a suggestion sent');
    await shot(page, 'suggest-sent');
    // Not in the directory before a reviewer has looked at it.
    await actAs(null, `/resources?q=${encodeURIComponent('Lakeside')}`);
    await page.getByRole('status').filter({ hasText: /found/ }).waitFor();
    expect(await page.getByRole('link', { name: SUGGESTED, exact: true }).count()).toBe(0);

    await actAs(olga, '/resources/review');
    await button(`Approve the suggestion ${SUGGESTED}`).click();
    await page.getByText(`Added ${SUGGESTED} to the directory.`).waitFor();
    await actAs(rosa, '/resources/suggest');
    await page.locator('.tip', { hasText: SUGGESTED }).getByText('Added to the directory').waitFor();
    expect(s.consoleErrors).toEqual([]);
  });
});
