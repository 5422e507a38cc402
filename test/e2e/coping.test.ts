import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { createMentorship } from '../helpers/factories.ts';
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

const ZONE = 'America/Denver';
const shots = path.resolve('.tmp/shots/coping');

/**
 * The coping strategies library in Chromium at 360 px: a member filters by "cravings", marks a strategy helpful and
 * saves it in one tap; a hard check-in shows it in her toolbox with other members' favourites she can save from
 * there; she writes her own, which waits for review; a mentor sends a strategy that his mentee's inbox links to.
 */
describe.skipIf(!hasChromium)('the coping strategies library', () => {
  let s: BrowserSession;
  let maya: BrowserPerson;
  let leo: BrowserPerson;
  let sam: BrowserPerson;
  let urgeSurfingPath = '';
  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'tide pools at low water' });
  const actAs = (who: BrowserPerson | null, to: string) => actAsIn(s, who, to);
  const button = (name: string) => s.page.getByRole('button', { name, exact: true });
  const expectHeading = (name: string) => s.page.getByRole('heading', { level: 1, name }).waitFor();
  const focused = () => s.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

  async function shot(name: string) {
    await settle(s.page);
    fs.mkdirSync(shots, { recursive: true });
    await s.page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  const apiAnswers = (run: () => Promise<void>) => apiAnswersOf(s.page, run);

  beforeAll(async () => {
    s = await startBrowserSession();
    await s.page.setViewportSize({ width: 360, height: 780 });
    // An instance with a coordinator is set up; without one every page leads to /setup.
    await person('Olga', ['coordinator']);
    maya = await person('Maya');
    leo = await person('Leo', ['peer_supporter']);
    sam = await person('Sam');
    await createMentorship(s.ctx, leo.id, sam.id);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('Maya filters by cravings, marks a strategy helpful and saves it to her toolbox in one tap', async () => {
    const { page } = s;
    await actAs(maya, '/resources/strategies');
    await expectHeading('Coping strategies');
    await page.getByRole('heading', { level: 2, name: 'Box breathing' }).waitFor();
    await expectAccessible(page, 'library');
    await shot('library');

    await page.getByRole('group', { name: 'When does it help?' }).getByLabel('Cravings', { exact: true }).check();
    await page.waitForURL(/when=cravings/);
    const surfing = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Urge surfing' }) });
    await surfing.waitFor();
    // Box breathing helps with stress, anger and sleep, not cravings.
    await page.getByRole('heading', { level: 2, name: 'Box breathing' }).waitFor({ state: 'detached' });
    await surfing.getByRole('list', { name: 'When it helps' }).getByText('Cravings').waitFor();
    await surfing.getByText('Written for Kindred').waitFor();

    const helped = surfing.getByRole('button', { name: 'This helped me', exact: true });
    expect(await helped.getAttribute('aria-pressed')).toBe('false');
    await helped.click();
    await surfing.locator('button[aria-pressed="true"]').waitFor();
    await surfing.locator('.helped-count', { hasText: '1' }).waitFor();
    expect(await surfing.getByText('1 member found this helpful').count()).toBe(1);

    await surfing.getByRole('button', { name: 'Save to my toolbox' }).click();
    await surfing.getByText('In your toolbox').waitFor();
    expect(await focused()).toContain('In your toolbox');
    expect(await surfing.getByRole('link', { name: 'Open my toolbox' }).getAttribute('href')).toBe('/journey/toolbox');
    await expectAccessible(page, 'library: cravings, helped and saved');
    await shot('library-cravings-saved');

    // The other language is one tap away; the strategies keep their own language for screen readers.
    await page.getByRole('link', { name: 'Show strategies in Spanish' }).click();
    const spanish = page.getByRole('heading', { level: 2, name: 'Surfear las ganas' });
    await spanish.waitFor();
    expect(await spanish.getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'library: in Spanish');
    await page.getByRole('link', { name: 'Show strategies in English' }).click();

    await page.getByRole('searchbox', { name: 'Search strategies' }).fill('tape');
    await button('Search').click();
    await page.getByRole('heading', { level: 2, name: 'Play the tape forward' }).waitFor();
    await page.getByRole('status').getByText('1 strategy').waitFor();
    await expectAccessible(page, 'library: a search');

    await button('Clear the search').click();
    await surfing.getByRole('link', { name: 'Urge surfing' }).click();
    await expectHeading('Urge surfing');
    urgeSurfingPath = new URL(page.url()).pathname;
    expect(urgeSurfingPath).toMatch(/^\/resources\/strategies\/[0-9a-f-]{36}$/);
    const steps = page.getByRole('region', { name: 'Steps' }).getByRole('listitem');
    expect(await steps.count()).toBeGreaterThan(2);
    expect(await page.locator('ol.steps').count()).toBe(1);
    await page.getByText('In your toolbox').waitFor();
    await expectAccessible(page, 'a strategy');
    await shot('strategy');
  });

  test('a hard check-in shows the saved strategy in her toolbox, and others she saves from there', async () => {
    const { page } = s;
    await page.goto(`${s.base}/journey/check-in`);
    await expectHeading("Today's check-in");
    await page.getByLabel('2 Low', { exact: true }).check();
    await page.getByRole('group', { name: 'How strong are cravings today?' }).getByLabel('9', { exact: true }).check();
    await page.getByRole('group', { name: 'Did you use today?' }).getByLabel('No', { exact: true }).check();
    await button('Save my check-in').click();

    const support = page.getByRole('region', { name: 'Thank you for being honest' });
    await support.waitFor();
    const toolbox = support.getByRole('region', { name: 'Things that help you' });
    await toolbox.getByRole('heading', { name: 'Urge surfing' }).waitFor();
    const suggestions = support.getByRole('region', { name: 'Other members found these helpful' });
    const first = suggestions.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4 }) }).first();
    const title = await first.getByRole('heading', { level: 4 }).innerText();
    // Only strategies not yet in her toolbox are suggested.
    expect(await suggestions.getByRole('heading', { name: 'Urge surfing' }).count()).toBe(0);
    expect(await toolbox.getByRole('heading', { name: title }).count()).toBe(0);
    await expectAccessible(page, 'check-in risk screen with suggestions');
    await shot('check-in-risk-suggestions');

    await first.getByRole('button', { name: 'Save to my toolbox' }).click();
    await first.getByText('In your toolbox').waitFor();
    expect(await focused()).toContain('In your toolbox');
    await toolbox.getByRole('heading', { name: title }).waitFor();
    await expectAccessible(page, 'check-in risk screen after saving a suggestion');
    await shot('check-in-risk-saved');
  });

  test('Maya writes a strategy, and it waits for review', async () => {
    const { page } = s;
    await page.goto(`${s.base}/resources/strategies`);
    await expectHeading('Coping strategies');
    await page.getByRole('link', { name: 'Write a strategy' }).click();
    await expectHeading('Write a strategy');

    // Nothing filled in: each missing answer is named, and focus goes to the first.
    await button('Send it for review').click();
    const summary = page.getByRole('alert');
    await summary.getByText('Choose when it helps.').waitFor();
    await summary.getByText('Add at least one step.').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Title');
    await expectAccessible(page, 'write a strategy: errors');
    await shot('write-errors');

    await page.getByLabel('Title', { exact: true }).fill('Walk to the corner shop and back');
    await page.getByRole('group', { name: 'When does it help?' }).getByLabel('Boredom', { exact: true }).check();
    await page.getByRole('group', { name: 'When does it help?' }).getByLabel('Cravings', { exact: true }).check();
    await page.getByLabel('Step 1', { exact: true }).fill('Buy a cold drink');
    await button('Add a step').click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('Step 2');
    await page.getByLabel('Step 2', { exact: true }).fill('Put on shoes and go out the door');
    // The steps were written in the wrong order: the second moves up, and focus follows it.
    await button('Move step 2 up').click();
    expect(await page.getByLabel('Step 1', { exact: true }).inputValue()).toBe('Put on shoes and go out the door');
    expect(await focused()).toBe('Move step 1 down');
    await expectAccessible(page, 'write a strategy: filled in');
    await shot('write-filled');
    await button('Send it for review').click();

    await expectHeading('Thank you for sharing');
    await page.getByText(/A moderator will look at it soon/).waitFor();
    await expectAccessible(page, 'write a strategy: thanks');
    await shot('write-thanks');

    await page.getByRole('link', { name: 'Back to the library' }).click();
    const mine = page.getByRole('region', { name: 'Your strategies' });
    await mine.getByRole('link', { name: 'Walk to the corner shop and back' }).waitFor();
    await mine.getByText('Waiting for review').waitFor();
    // Nobody else sees it in the library before a moderator approves it.
    expect(await page.getByRole('heading', { level: 2, name: 'Walk to the corner shop and back' }).count()).toBe(0);
    await expectAccessible(page, 'library: my strategy waiting for review');
    await shot('library-mine-pending');

    await mine.getByRole('link', { name: 'Walk to the corner shop and back' }).click();
    await expectHeading('Walk to the corner shop and back');
    await page.getByText('Waiting for review').waitFor();
    expect(await page.getByRole('region', { name: 'Steps' }).getByRole('listitem').allInnerTexts()).toEqual(['Put on shoes and go out the door', 'Buy a cold drink']);
    await expectAccessible(page, 'my strategy waiting for review');
    await shot('strategy-pending');
  });

  test('Leo sends a strategy to Sam, whom he mentors, and Sam’s inbox links to it', async () => {
    const { page } = s;
    const answers = await apiAnswers(async () => {
      await actAs(leo, urgeSurfingPath);
      await expectHeading('Urge surfing');
      await settle(page);
    });
    // Who marked it helpful is never in anything the browser receives: only the count.
    expect(answers.length).toBeGreaterThan(1);
    for (const body of answers) {
      expect(body).not.toContain(maya.id);
      expect(body).not.toContain('Maya');
    }
    await page.getByText('1 member found this helpful').first().waitFor();

    const send = page.getByRole('region', { name: 'Send to someone you mentor' });
    expect(await send.getByLabel('Who to send it to').inputValue()).toBe(sam.id);
    await send.getByRole('button', { name: 'Send' }).click();
    await send.getByText("Sent to Sam. They'll see it in their notifications.").waitFor();
    expect(await focused()).toContain('Sent to Sam');
    await expectAccessible(page, 'a strategy: sent to a mentee');
    await shot('strategy-sent');

    // Someone without a mentee has nothing to send to, and sees no such control.
    await actAs(maya, urgeSurfingPath);
    await expectHeading('Urge surfing');
    await settle(page);
    expect(await page.getByRole('region', { name: 'Send to someone you mentor' }).count()).toBe(0);

    await actAs(sam, '/notifications');
    const news = page.getByRole('link', { name: 'Leo, your mentor, sent you a coping strategy' });
    await news.waitFor();
    expect(await news.getAttribute('href')).toBe(urgeSurfingPath);
    await expectAccessible(page, 'notifications: a strategy from my mentor');
    await shot('notifications-strategy-shared');
    await news.click();
    await expectHeading('Urge surfing');
    await expectAccessible(page, 'a strategy, from the notification');

    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
