import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { createCategory } from '../helpers/community-factories.ts';
import {
  apiAnswers as apiAnswersOf,
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

const ZONE = 'America/Chicago';
const TITLE = 'Quitting methadone on my own';
const BODY = 'I stopped my methadone all at once last week and I feel great. Honestly everyone should just do it, the doctors only want to keep you hooked.';
const REASON = 'Your post told others to stop methadone all at once. Stopping suddenly can be dangerous, so it is hidden. Please talk with your prescriber.';

/**
 * The whole path, in Chromium at phone size: a new member accepts the guidelines and posts anonymously;
 * another member reacts and replies without ever learning who wrote it (not on screen, not in any answer the
 * browser receives); a third reports the post; a moderator hides it from the queue; the author reads why.
 */
describe.skipIf(!hasChromium)('an anonymous post, a report, and a moderator who explains', () => {
  let s: BrowserSession;
  let rosa: BrowserPerson;
  let tom: BrowserPerson;
  let lin: BrowserPerson;
  let mo: BrowserPerson;
  let topicPath = '';
  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'wind over the prairie' });
  const actAs = (who: BrowserPerson | null, path: string) => actAsIn(s, who, path);
  const button = (name: string | RegExp) => s.page.getByRole('button', { name, exact: typeof name === 'string' });

  const communityAnswers = (run: () => Promise<void>) => apiAnswersOf(s.page, run);

  beforeAll(async () => {
    s = await startBrowserSession();
    await person('Olga', ['coordinator']);
    rosa = await person('Rosa');
    tom = await person('Tom');
    lin = await person('Lin');
    mo = await person('Quinn', ['moderator']);
    await createCategory(s.ctx, { slug: 'newcomers', name: 'Newcomers' });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('Rosa accepts the guidelines and posts anonymously', async () => {
    const { page } = s;
    await actAs(rosa, '/community/new?category=newcomers');
    await page.getByRole('heading', { name: 'Before your first post' }).waitFor();
    await expectAccessible(page, 'community: the guidelines before a first post');
    await screenshot(page, 'community-guidelines-gate');
    await button('I agree to the guidelines').click();

    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Your post' }).fill(BODY);
    await page.getByRole('checkbox', { name: /Post anonymously/ }).check();
    // She is told plainly who can still see that it was her.
    await page.getByText(/Moderators and coordinators can still see that you wrote it/).waitFor();
    await expectAccessible(page, 'community: a new topic, anonymous');
    await button('Post topic').click();
    await page.getByText('Your topic is posted.').waitFor();
    topicPath = new URL(page.url()).pathname;
    expect(topicPath).toMatch(/^\/community\/t\/[0-9a-f-]{36}$/);
    await page.getByText('You, anonymously').first().waitFor();
    await screenshot(page, 'community-anonymous-topic-author');
  });

  test('Tom reacts and replies without ever learning who wrote it', async () => {
    const { page } = s;
    const answers = await communityAnswers(async () => {
      await actAs(tom, topicPath);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await settle(page);
      await page.getByText('Anonymous member').first().waitFor();
      const opening = page.locator('#post-1');
      await opening.getByRole('button', { name: /Support/ }).click();
      await opening.locator('button[aria-pressed="true"]', { hasText: 'Support' }).getByText('1').waitFor();

      await button(/agree to the guidelines/).click();
      await page.getByRole('textbox', { name: 'Your reply' }).fill('I am glad you feel good. Please talk with your prescriber before changing a dose, it can be risky to stop all at once.');
      await button('Post reply').click();
      await page.getByText('Your reply is posted.').waitFor();
      await page.locator('#post-2').waitFor();
    });
    expect(answers.length).toBeGreaterThan(3);
    for (const body of answers) {
      expect(body).not.toContain(rosa.id);
      expect(body).not.toContain('Rosa');
    }
    expect(await page.content()).not.toContain('Rosa');
    await expectAccessible(page, 'community: a topic with an anonymous author and a reply');
    await screenshot(page, 'community-topic-reader');
  });

  test('Lin reports the post, and it reaches the moderation queue', async () => {
    const { page } = s;
    await actAs(lin, topicPath);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.locator('#post-1').getByRole('button', { name: /Report/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /Medical advice presented as fact/ }).check();
    await dialog.getByLabel(/Anything you'd like the moderator to know/).fill('Stopping methadone suddenly is dangerous for someone new.');
    await expectAccessible(page, 'community: the report dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thank you for telling us.').waitFor();
  });

  test('Quinn, a moderator, hides it from the queue with a reason in plain words', async () => {
    const { page } = s;
    await actAs(mo, '/community/moderation');
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    await settle(page);
    // Moderators see through anonymity, for everyone's safety.
    await page.getByText('Posted anonymously by Rosa').waitFor();
    await page.getByText(/Stopping methadone suddenly is dangerous/).waitFor();
    await expectAccessible(page, 'moderation queue');
    await screenshot(page, 'community-moderation-queue');
    await button('Hide…').click();
    await page.getByLabel('What the author will read').fill(REASON);
    await button('Hide the post').click();
    await page.getByText(/Hidden\. The author of the post from “Quitting methadone on my own” will read why\./).waitFor();
  });

  test('Rosa sees that her post is hidden, and why', async () => {
    const { page } = s;
    await actAs(rosa, '/notifications');
    await page.getByRole('link', { name: /hid|moderator/i }).first().click();
    await page.getByRole('heading', { level: 1, name: 'My notices' }).waitFor();
    await page.getByText(/A moderator hid your post in “Quitting methadone on my own”/).waitFor();
    await page.getByText(REASON).waitFor();
    // Never which moderator.
    expect(await page.content()).not.toContain('Quinn');
    await expectAccessible(page, 'community: the author reads the notice');
    await screenshot(page, 'community-notice');

    await actAs(rosa, topicPath);
    await page.getByText(/Hidden by a moderator/).first().waitFor();
    await page.getByRole('link', { name: 'Why was my post hidden?' }).waitFor();
    await expectAccessible(page, 'community: the author reads her hidden topic');
    await screenshot(page, 'community-hidden-author');
    // For everyone else the topic is gone, and its text is in nothing the browser receives.
    const answers = await communityAnswers(async () => {
      await actAs(tom, topicPath);
      await settle(page);
    });
    expect(answers.some((body) => body.includes('"not_found"'))).toBe(true);
    for (const body of answers) expect(body).not.toContain('methadone all at once');
    expect(await page.content()).not.toContain(TITLE);
  });
});
