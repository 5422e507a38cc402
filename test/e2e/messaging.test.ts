import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { createCategory, insertReply, insertTopic } from '../helpers/community-factories.ts';
import { createMentorship } from '../helpers/factories.ts';
import { addGroupMember, createGroup } from '../helpers/meetings-factories.ts';
import {
  apiAnswers,
  type BrowserPerson,
  type BrowserSession,
  chromiumPath,
  createBrowserPerson,
  expectAccessible,
  hasChromium,
  screenshot,
  settle,
  startBrowserSession,
  warnIfNoBrowser,
} from './harness.ts';

warnIfNoBrowser();

const ZONE = 'America/Denver';
const HELLO = 'Hi Leo, today was a rough day.';
const REPLY = 'I am here. Want to talk it through at six?';
const LINK_TEXT = 'a breathing guide';
const LINK_URL = 'https://breathing.example.org/box';
const CRISIS = "I don't want to be alive anymore.";
const REQUEST = 'Hey Maya, we met at the meeting. Text me at 555-201-7788 or on WhatsApp.';
const GROUP_HELLO = 'Anyone going early on Tuesday?';
const AFTER_BLOCK = 'Why are you not answering me?';

/** A second phone: its own browser, so two people are signed in at once and each sees the other's words arrive. */
interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

async function openPhone(base: string): Promise<Phone> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'en-US', timezoneId: ZONE });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const phone: Phone = { browser, context, page, consoleErrors: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const expectedApiAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) && msg.location().url.startsWith(`${base}/api/`);
    if (!expectedApiAnswer) phone.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => phone.consoleErrors.push(`uncaught: ${err.message}`));
  return phone;
}

async function signIn(context: BrowserContext, base: string, who: BrowserPerson) {
  await context.clearCookies();
  const [name, value] = who.cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: base }]);
}

/**
 * The end-to-end path at phone size: Maya (a member) and Leo (her mentor) each open Messages on their own
 * phone; Maya starts the conversation and each sees the other's message appear without reloading, and "Seen". A
 * link in a message first says "You are leaving Kindred". Sam, whom Maya does not know, sends her a message request
 * asking to move to another app: she sees it under requests with the gentle off-platform note, blocks him, and his
 * next attempt is refused with nothing reaching her. Axe runs on every state.
 */
describe.skipIf(!hasChromium)('messaging: a mentor and mentee chat in real time; a blocked person is stopped', () => {
  let s: BrowserSession;
  let leoPhone: Phone;
  let maya: BrowserPerson;
  let leo: BrowserPerson;
  let sam: BrowserPerson;
  let olga: BrowserPerson;
  let conversationId = '';
  let requestId = '';
  let topicId = '';

  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'snow on the foothills' });
  const mayaPage = () => s.page;

  beforeAll(async () => {
    s = await startBrowserSession();
    // An instance with a coordinator is set up; without one every page leads to /setup.
    olga = await person('Olga', ['coordinator']);
    maya = await person('Maya');
    leo = await person('Leo', ['peer_supporter']);
    sam = await person('Sam');
    await createMentorship(s.ctx, leo.id, maya.id, 'active');
    // Maya wrote in the forum, where Sam finds her; Olga replied anonymously.
    const category = await createCategory(s.ctx, { name: 'Evenings' });
    ({ topicId } = await insertTopic(s.ctx, { categoryId: category.id, authorId: maya.id, title: 'Evenings are hard' }));
    await insertReply(s.ctx, { topicId, authorId: olga.id, anonymous: true, body: 'A walk after dinner helps me.' });
    leoPhone = await openPhone(s.base);
    await signIn(leoPhone.context, s.base, leo);
    await signIn(s.context, s.base, maya);
  }, 90_000);
  afterAll(async () => {
    await leoPhone?.browser.close();
    await s?.close();
  });

  test('Maya starts a conversation with her mentor from Messages', async () => {
    const page = mayaPage();
    await page.goto(`${s.base}/messages`);
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await page.getByRole('button', { name: 'Message Leo' }).waitFor();
    await expectAccessible(page, 'messages: empty, with contacts');
    await screenshot(page, 'messaging-empty');

    await page.getByRole('button', { name: 'Message Leo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leo' }).waitFor();
    conversationId = new URL(page.url()).pathname.split('/').pop()!;
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page, 'conversation: empty');
  });

  test('each sees the other’s message arrive without reloading, and "Seen"', async () => {
    const page = mayaPage();
    const leoPage = leoPhone.page;
    await leoPage.goto(`${s.base}/messages`);
    await settle(leoPage);
    // Leo's list is on screen before Maya writes: it changes live.
    const loads: string[] = [];
    leoPage.on('load', () => loads.push(leoPage.url()));
    page.on('load', () => loads.push(page.url()));

    await page.getByLabel('Message to Leo').fill(HELLO);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('log').getByText(HELLO).waitFor();

    // Leo's list shows it, unread, without a reload.
    const row = leoPage.locator('.conversation-row').filter({ hasText: 'Maya' });
    await row.getByText(HELLO).waitFor();
    expect(await row.innerText()).toMatch(/1 unread message/);
    await leoPage.getByRole('link', { name: /Messages, 1 unread/ }).waitFor();
    await expectAccessible(leoPage, 'mentor: list with an unread message');
    await screenshot(leoPage, 'messaging-mentor-list');

    await row.getByRole('link').click();
    await leoPage.getByRole('heading', { level: 1, name: 'Maya' }).waitFor();
    await leoPage.getByRole('log').getByText(HELLO).waitFor();
    // Leo has it on screen: Maya sees "Seen" under her message, live.
    await page.getByText('Seen', { exact: true }).waitFor();

    await leoPage.getByLabel('Message to Maya').fill(REPLY);
    const sending = leoPage.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/conversations/${conversationId}/messages`));
    await leoPage.getByRole('button', { name: 'Send', exact: true }).click();
    // The send names Leo's own socket, which is then sent no frame for it: his screen shows it from the answer.
    expect((await sending).headers()['kindred-socket']).toMatch(/^[0-9a-f-]{36}$/);
    await leoPage.getByRole('log').getByText(REPLY).waitFor();
    await page.getByRole('log').getByText(REPLY).waitFor();
    expect(loads, 'nobody reloaded a page').toEqual([]);
    await expectAccessible(page, 'conversation: both messages');
    await expectAccessible(leoPage, 'mentor: conversation');
    await screenshot(page, 'messaging-conversation');
  });

  test('a link in a message says "You are leaving Kindred" before going anywhere', async () => {
    const page = mayaPage();
    const leoPage = leoPhone.page;
    await leoPage.getByLabel('Message to Maya').fill(`This helps me: [${LINK_TEXT}](${LINK_URL})`);
    await leoPage.getByRole('button', { name: 'Send', exact: true }).click();
    const link = page.getByRole('log').getByRole('link', { name: LINK_TEXT });
    await link.waitFor();
    await link.click();
    const dialog = page.getByRole('dialog', { name: 'You are leaving Kindred' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(LINK_URL);
    await expectAccessible(page, 'leaving dialog');
    await screenshot(page, 'messaging-leaving');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/messages/${conversationId}`);
    expect(s.foreignRequests).toEqual([]);
  });

  test('words that read as a crisis bring crisis help first; the message is sent all the same', async () => {
    const page = mayaPage();
    await page.getByLabel('Message to Leo').fill(CRISIS);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const panel = page.locator('.crisis-panel');
    await panel.getByRole('heading', { name: "We're here with you" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('.crisis-panel') !== null), 'focus is on the crisis help').toBe(true);
    // Above the conversation, and the message itself reached Leo.
    expect(await panel.evaluate((el) => Boolean(el.compareDocumentPosition(document.querySelector('[role="log"]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    await page.getByRole('log').getByText(CRISIS).waitFor();
    await leoPhone.page.getByRole('log').getByText(CRISIS).waitFor();
    await expectAccessible(page, 'conversation: crisis help');
    await screenshot(page, 'messaging-crisis');
  });

  test('Maya finds a message by searching her own conversations', async () => {
    const page = mayaPage();
    await page.goto(`${s.base}/messages/search`);
    await page.getByLabel('Words to find').fill('rough day');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '1 message found' }).waitFor();
    await page.getByRole('link', { name: 'Leo' }).waitFor();
    await expectAccessible(page, 'message search');
    await page.getByRole('link', { name: 'Leo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leo' }).waitFor();
  });

  test('a stranger’s request shows under requests with the off-platform note; Maya blocks him', async () => {
    const page = mayaPage();
    await page.goto(`${s.base}/messages`);
    await page.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor();

    // Sam writes from his phone (Leo's phone, signed in as Sam).
    const samPage = leoPhone.page;
    await signIn(leoPhone.context, s.base, sam);
    // He finds her post in the forum and writes to her from it; an anonymous post offers no way to write to its author.
    await samPage.goto(`${s.base}/community/t/${topicId}`);
    const mayaPost = samPage.locator('article.post').filter({ has: samPage.getByRole('heading', { level: 2, name: 'Maya' }) });
    await mayaPost.waitFor();
    expect(await samPage.locator('article.post').filter({ hasText: 'A walk after dinner' }).getByRole('link', { name: 'Message' }).count()).toBe(0);
    await expectAccessible(samPage, 'a forum topic, signed in');
    await screenshot(samPage, 'messaging-from-forum');
    await mayaPost.getByRole('link', { name: 'Message' }).click();
    await samPage.getByRole('heading', { level: 1, name: 'Send a message request to Maya' }).waitFor();
    await expectAccessible(samPage, 'new message request');
    await samPage.getByLabel('Your first message').fill(REQUEST);
    await samPage.getByRole('button', { name: 'Send request' }).click();
    await samPage.getByRole('heading', { level: 1, name: 'Maya', exact: true }).waitFor();
    requestId = new URL(samPage.url()).pathname.split('/').pop()!;
    await samPage.getByText(/You can write again once Maya accepts it/).waitFor();
    // Until Maya accepts, Sam has no message box.
    expect(await samPage.getByLabel(/Message to/).count()).toBe(0);
    await expectAccessible(samPage, 'request waiting');

    // Maya's list grows a requests section live.
    await page.getByRole('heading', { level: 2, name: '1 message request' }).waitFor();
    await expectAccessible(page, 'messages: a request');
    await screenshot(page, 'messaging-request-list');
    await page.locator('.conversation-row').filter({ hasText: 'Sam' }).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Sam would like to message you' }).waitFor();
    await page.getByText('Take care: this person asked to move the conversation off Kindred.').waitFor();
    await expectAccessible(page, 'request with the off-platform note');
    await screenshot(page, 'messaging-request');

    // She reports the message for the moderators before blocking him.
    await page.locator('.message').filter({ hasText: 'Text me at' }).getByRole('button', { name: 'Report' }).click();
    const report = page.getByRole('dialog', { name: 'Report this message' });
    await report.getByRole('radio', { name: 'Pressure to talk somewhere else' }).check();
    await expectAccessible(page, 'report dialog');
    await report.getByRole('button', { name: 'Send the report' }).click();
    await report.getByText('Thank you. Your report is sent.').waitFor();
    await report.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Block Sam' }).click();
    await page.getByRole('group', { name: /Block Sam\?/ }).getByRole('button', { name: 'Block Sam' }).click();
    await page.getByText('You blocked Sam. Nothing they send will reach you.').waitFor();
    await expectAccessible(page, 'after blocking');
  });

  test('Sam’s next attempts are refused and nothing reaches Maya', async () => {
    const samPage = leoPhone.page;
    const origin = { origin: s.base };
    // His waiting request takes no more messages, and a new request is refused the same way as any other refusal.
    const more = await leoPhone.context.request.post(`${s.base}/api/v1/conversations/${requestId}/messages`, { data: { body: AFTER_BLOCK }, headers: origin });
    expect(more.status(), await more.text()).toBe(409);
    // Writing to her again from the forum opens his waiting request, which has no message box.
    await samPage.goto(`${s.base}/messages/new?to=${maya.id}`);
    await samPage.getByRole('heading', { level: 1, name: 'Maya', exact: true }).waitFor();
    await samPage.getByText(/You can write again once Maya accepts it/).waitFor();
    expect(await samPage.getByLabel(/Message to|Your first message/).count()).toBe(0);
    await expectAccessible(samPage, 'request still waiting after the block');

    // Maya's browser is told nothing of it: not in her list, her requests, her unread count or her notifications.
    const page = mayaPage();
    const answers = await apiAnswers(page, async () => {
      await page.goto(`${s.base}/messages`);
      await page.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor();
      await settle(page);
      await page.goto(`${s.base}/notifications`);
      await settle(page);
    });
    expect(answers.join('\n')).not.toContain(AFTER_BLOCK);
    await page.goto(`${s.base}/messages`);
    await page.getByRole('heading', { level: 2, name: 'Conversations' }).waitFor();
    expect(await page.getByRole('heading', { name: /message request/ }).count()).toBe(0);
    await expectAccessible(page, 'messages after the block');

    // Blocked people are listed in settings, where Maya could unblock him.
    await page.goto(`${s.base}/settings`);
    await page.getByRole('button', { name: 'Unblock Sam' }).waitFor();
    await expectAccessible(page, 'settings: blocked people');

    // She closes herself to message requests: Rita, whom she does not know, cannot start one from the forum.
    const requests = page.getByRole('checkbox', { name: /Let people I don't know through Kindred send me message requests/ });
    expect(await requests.isChecked()).toBe(true);
    await requests.uncheck();
    await page.getByText('Nobody new can send you message requests.').waitFor();
    await expectAccessible(page, 'settings: closed to requests');
    await screenshot(page, 'messaging-settings');
    const rita = await person('Rita');
    await signIn(leoPhone.context, s.base, rita);
    await samPage.goto(`${s.base}/community/t/${topicId}`);
    await samPage.locator('article.post').filter({ has: samPage.getByRole('heading', { level: 2, name: 'Maya' }) }).getByRole('link', { name: 'Message' }).click();
    await samPage.getByRole('heading', { level: 1, name: "You can't write to Maya here" }).waitFor();
    expect(await samPage.getByRole('textbox').count()).toBe(0);
    await expectAccessible(samPage, 'cannot start a request');
    await screenshot(samPage, 'messaging-closed-to-requests');
    await page.goto(`${s.base}/settings`);
    expect(await page.getByRole('checkbox', { name: /send me message requests/ }).isChecked()).toBe(false);

  });

  test('a moderator reads the report with its context and resolves it; a coordinator sets retention', async () => {
    const page = mayaPage();
    await signIn(s.context, s.base, olga);
    await page.goto(`${s.base}/community/moderation/messages`);
    await page.getByRole('heading', { level: 1, name: 'Reported messages' }).waitFor();
    await page.getByText('Written by Sam').waitFor();
    await expectAccessible(page, 'reported messages');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.getByText('Reported by Maya').waitFor();
    expect(await page.locator('.report-line--reported').innerText()).toContain('Text me at 555-201-7788');
    await page.getByRole('radio', { name: 'The sender was warned' }).check();
    await expectAccessible(page, 'a report, opened');
    await screenshot(page, 'messaging-moderation');
    await page.getByRole('button', { name: 'Resolve the report' }).click();
    await page.getByText('No open reports.').waitFor();

    await page.goto(`${s.base}/admin/messaging`);
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await page.getByRole('radio', { name: 'Delete them after a number of days' }).check();
    await page.getByLabel('Days to keep messages').fill('10');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // Too short is caught before anything is sent, with focus on the field.
    await page.getByText('Use a whole number of days between 30 and 3650.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('retention-days');
    await page.getByLabel('Days to keep messages').fill('365');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await expectAccessible(page, 'messaging retention');
    await page.reload();
    await page.getByLabel('Days to keep messages').waitFor();
    expect(await page.getByLabel('Days to keep messages').inputValue()).toBe('365');
    await signIn(s.context, s.base, maya);
  });

  test('a facilitator turns on the group chat; a member writes in it and the facilitator reads it live', async () => {
    const group = await createGroup(s.ctx, { name: 'Tuesday Night Circle' });
    await addGroupMember(s.ctx, group.id, leo.id, 'facilitator');
    await addGroupMember(s.ctx, group.id, maya.id);
    const leoPage = leoPhone.page;
    await signIn(leoPhone.context, s.base, leo);
    await leoPage.goto(`${s.base}/groups/${group.id}`);
    const chatSwitch = leoPage.getByRole('checkbox', { name: 'Group chat is on' });
    await chatSwitch.waitFor();
    expect(await chatSwitch.isChecked()).toBe(false);
    await chatSwitch.check();
    await leoPage.getByText('Group chat turned on.').waitFor();
    await expectAccessible(leoPage, 'group page: chat switch');
    await leoPage.getByRole('button', { name: 'Open the group chat' }).click();
    await leoPage.getByRole('heading', { level: 1, name: 'Tuesday Night Circle' }).waitFor();

    const page = mayaPage();
    await page.goto(`${s.base}/groups/${group.id}`);
    await page.getByRole('button', { name: 'Open the group chat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuesday Night Circle' }).waitFor();
    await page.getByLabel('Message to Tuesday Night Circle').fill(GROUP_HELLO);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await leoPage.getByRole('log').getByText(GROUP_HELLO).waitFor();
    await expectAccessible(page, 'group chat');
    await screenshot(leoPage, 'messaging-group-chat');

    expect(s.consoleErrors).toEqual([]);
    expect(leoPhone.consoleErrors).toEqual([]);
  });
});
