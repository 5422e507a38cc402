import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../src/contracts/common.ts';
import { createEscalationService } from '../../src/server/modules/safety/service.ts';
import { onCallShift, responder } from '../../src/server/modules/safety/tables.ts';
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

const ZONE = 'America/Mexico_City';
const HOUR = 3_600_000;

type Person = BrowserPerson;

describe.skipIf(!hasChromium)('a member in crisis is answered at once, and a person on call follows up', () => {
  let s: BrowserSession;
  let member: Person;
  let leo: Person;
  let ana: Person;

  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: 'lanterns along the river' });


  /** A certified peer supporter on call from an hour ago for eight hours, at a place in the roster. */
  async function onCall(who: Person, position: number) {
    await s.ctx.database.db.insert(responder).values({ userId: who.id, certified: true });
    await s.ctx.database.db.insert(onCallShift).values({ userId: who.id, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 8 * HOUR), position });
  }

  const button = (name: string) => s.page.getByRole('button', { name, exact: true });
  const expectHeading = async (text: string | RegExp) => {
    await s.page.getByRole('heading', { level: 1, name: text }).waitFor();
    return heading(s.page);
  };
  const actAs = (who: BrowserPerson | null, path: string) => actAsIn(s, who, path);


  beforeAll(async () => {
    s = await startBrowserSession();
    await person('Olga', ['coordinator']);
    member = await person('Maya');
    leo = await person('Leo', ['peer_supporter']);
    ana = await person('Ana', ['peer_supporter']);
    await onCall(leo, 0);
    await onCall(ana, 1);
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  test('a check-in note with suicidal intent brings the crisis screen at once, before anything else', async () => {
    const { page } = s;
    await actAs(member, '/journey/check-in');
    await expectHeading("Today's check-in");
    await page.getByLabel('1 Very low', { exact: true }).check();
    await page.getByRole('group', { name: 'How strong are cravings today?' }).getByLabel('6', { exact: true }).check();
    await page.getByRole('group', { name: 'Did you use today?' }).getByLabel('No', { exact: true }).check();
    await page.getByLabel('Private notes (optional)').fill("I don't want to be alive anymore. I keep thinking everyone would be better off.");
    await button('Save my check-in').click();

    const crisis = page.locator('.page > h1 + *');
    await crisis.getByRole('heading', { name: "We're here with you" }).waitFor();
    await crisis.getByRole('heading', { name: 'Can we ask you one question?' }).waitFor();
    // The crisis panel is the first thing under the heading, and focus is on it.
    expect(await page.evaluate(() => document.activeElement?.closest('.page > h1 + *') !== null)).toBe(true);
    expect(await crisis.getByRole('link', { name: /988/ }).first().getAttribute('href')).toMatch(/^(tel|sms):988/);
    await crisis.getByRole('link', { name: 'Talk to someone here now' }).waitFor();
    await expectAccessible(page, 'check-in crisis screen');
    await screenshot(page, 'safety-check-in-crisis');
    // What the member wrote is kept.
    const saved = (await new Client(s.ctx.app, member.cookie).get('/api/v1/me/check-ins')).json();
    expect(saved.checkIns.at(-1).notes).toContain("I don't want to be alive anymore");
  });

  test('the peer supporter on call sees it, acknowledges, logs the outreach and closes it', async () => {
    const { page } = s;
    await actAs(leo, '/');
    await page.getByRole('link', { name: 'Escalations' }).first().click();
    await expectHeading(/Escalations/);
    await page.getByRole('link', { name: /Maya/ }).first().click();
    await page.getByText("I don't want to be alive anymore", { exact: false }).first().waitFor();
    await expectAccessible(page, 'escalation detail');
    await button('Acknowledge').click();
    await page.getByRole('status').getByText(/./).first().waitFor();
    await page.getByRole('checkbox', { name: /Reached out/ }).or(page.getByRole('radio', { name: /Reached out/ })).first().check();
    await page.getByLabel(/note/i).first().fill('Called her, we talked for 40 minutes; she is with her sister tonight.');
    await button('Log what you did').click();
    await page.getByText('Called her, we talked for 40 minutes', { exact: false }).first().waitFor();
    await page.getByRole('radio', { name: 'Safe and supported' }).check();
    await button('Close this escalation').click();
    await page.getByText(/closed/i).first().waitFor();
    await expectAccessible(page, 'escalation closed');
    await screenshot(page, 'safety-escalation-closed');
  });

  test('an SOS nobody acknowledges pages the next person on the roster', async () => {
    const { page } = s;
    await actAs(member, '/');
    await page.getByRole('link', { name: 'I need support now' }).first().click();
    await page.getByRole('radio', { name: /talk/i }).first().check();
    await button('Send').click();
    await page.getByRole('heading', { name: /We've let people know/ }).waitFor();
    await expectAccessible(page, 'sos waiting');
    await screenshot(page, 'safety-sos-waiting');

    const mine = (await new Client(s.ctx.app, member.cookie).get('/api/v1/me/sos')).json();
    const seen = async (who: Person) => (await new Client(s.ctx.app, who.cookie).get('/api/v1/escalations')).json().escalations.map((e: { id: string }) => e.id);
    expect(await seen(leo)).toContain(mine.id);
    expect(await seen(ana)).not.toContain(mine.id);
    // Leo does not answer: when the deadline passes (30 minutes for a request to talk), Ana is paged.
    await createEscalationService(s.ctx.app.services.ctx).pageNext(mine.id, new Date(Date.now() + 31 * 60_000));
    expect(await seen(ana)).toContain(mine.id);

    await actAs(ana, '/escalations');
    await expectHeading(/Escalations/);
    await page.getByRole('link', { name: /Maya/ }).first().waitFor();
    await screenshot(page, 'safety-paged-next');
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
