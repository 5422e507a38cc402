import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayIn } from '../../src/server/modules/journey/dates.ts';
import { checkIn } from '../../src/server/modules/journey/tables.ts';
import type { Role } from '../../src/contracts/common.ts';
import { createMentorship } from '../helpers/factories.ts';
import {
  actAs as actAsIn,
  type BrowserPerson,
  type BrowserSession,
  browserRequired,
  createBrowserPerson,
  chromiumPath,
  expectAccessible,
  hasChromium,
  heading,
  htmlLang,
  screenshot,
  startBrowserSession,
  warnIfNoBrowser,
} from './harness.ts';

warnIfNoBrowser();

test.runIf(!hasChromium && browserRequired)('Chromium is installed (KINDRED_REQUIRE_BROWSER=1)', () => {
  throw new Error(`KINDRED_REQUIRE_BROWSER=1 but there is no Chromium at ${chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
});

const ZONE = 'America/Mexico_City';

type Person = BrowserPerson;

describe.skipIf(!hasChromium)('a member keeps their recovery journey in the browser', () => {
  let s: BrowserSession;
  let member: Person;
  let mentor: Person;
  const password = 'slow mornings and warm bread';
  const today = () => todayIn(ZONE);

  const person = (displayName: string, roles: Role[] = []) => createBrowserPerson(s, displayName, { roles, timeZone: ZONE, password: password });


  beforeAll(async () => {
    s = await startBrowserSession();
    await person('Rosa', ['coordinator']);
    member = await person('Maya');
    mentor = await person('Leo', ['peer_supporter']);
    await createMentorship(s.ctx, mentor.id, member.id);
    // Three weeks of earlier check-ins, so the chart has a shape to show.
    await s.ctx.database.db.insert(checkIn).values(
      Array.from({ length: 20 }, (_, i) => ({
        userId: member.id,
        localDate: addDays(today(), -(i + 1)),
        mood: 2 + ((i * 7) % 4),
        craving: (i * 5) % 9,
        used: 'no',
        meetings: i % 3 === 0 ? 1 : 0,
      })),
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  const go = (path: string) => s.page.goto(`${s.base}${path}`);
  const button = (name: string) => s.page.getByRole('button', { name, exact: true });
  const expectHeading = async (text: string) => {
    await s.page.getByRole('heading', { level: 1, name: text }).waitFor();
    expect(await heading(s.page)).toBe(text);
  };
  const actAs = (who: BrowserPerson | null, path: string) => actAsIn(s, who, path);


  test('help is one tap away, even signed out: crisis lines only', async () => {
    const { page } = s;
    await go('/sign-in');
    await expectHeading('Sign in');
    await page.getByRole('link', { name: 'Need help now?' }).click();
    await expectHeading('Need help now?');
    const call = page.getByRole('link', { name: 'Call 988', exact: true });
    expect(await call.getAttribute('href')).toBe('tel:988');
    expect(await page.getByRole('link', { name: 'Text HOME to 741741' }).getAttribute('href')).toBe('sms:741741?&body=HOME');
    expect(await page.getByRole('heading', { name: 'Your safety plan' }).count()).toBe(0);
    await expectAccessible(page, 'help signed out');
    await screenshot(page, 'journey-help-signed-out');

    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await expectHeading('Sign in');
    await page.getByLabel('Email address', { exact: true }).fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await button('Sign in').click();
    // Signing in from the help page leads back to it, now with the member's own support.
    await expectHeading('Need help now?');
    await page.getByRole('heading', { name: 'Your coping toolbox' }).waitFor();
  });

  test('a check-in with a high craving shows the toolbox and reach-out actions at once; it stays editable today', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'My journey' }).click();
    await expectHeading('My journey');
    await expectAccessible(page, 'journey index');

    await page.getByRole('link', { name: /^Coping toolbox/ }).click();
    await expectHeading('Coping toolbox');
    await page.getByLabel('Name', { exact: true }).fill('Call my sister');
    await page.getByLabel('Step 1', { exact: true }).fill('Find a quiet spot');
    await button('Add a step').click();
    await page.getByLabel('Step 2', { exact: true }).fill('Call Ana and say it plainly');
    await button('Save the strategy').click();
    await page.getByRole('heading', { level: 2, name: 'Call my sister' }).waitFor();
    await expectAccessible(page, 'toolbox');
    await screenshot(page, 'journey-toolbox');

    await page.getByRole('navigation', { name: 'My journey' }).getByRole('link', { name: 'Safety plan' }).click();
    await expectHeading('Safety plan');
    await button('Make my safety plan').click();
    const warningSigns = page.getByRole('group', { name: 'Warning signs that a crisis may be starting' });
    await warningSigns.getByRole('button', { name: 'Add a line' }).click();
    await warningSigns.getByLabel('Line 1', { exact: true }).fill('I stop answering messages');
    await button('Add a person').first().click();
    await page.getByLabel('Person 1: name').first().fill('Ana');
    await page.getByLabel('Person 1: phone (optional)').first().fill('555 0100');
    await expectAccessible(page, 'safety plan form');
    await screenshot(page, 'journey-safety-plan-form');
    await button('Save my safety plan').click();
    await page.getByText('Your safety plan is saved.').waitFor();
    expect(await page.getByRole('link', { name: '555 0100' }).getAttribute('href')).toBe('tel:5550100');
    await expectAccessible(page, 'safety plan');
    await screenshot(page, 'journey-safety-plan');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await screenshot(page, 'journey-safety-plan-print');
    await page.emulateMedia({ media: 'screen' });

    await go('/');
    await expectHeading('Hello, Maya');
    await page.getByRole('link', { name: 'Check in today' }).click();
    await expectHeading("Today's check-in");
    // Nothing chosen: the summary lists what is missing and focus goes to the first question.
    await button('Save my check-in').click();
    await page.getByRole('alert').getByText('Choose how you feel today.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
    await expectAccessible(page, 'check-in with errors');

    await page.getByLabel('2 Low', { exact: true }).check();
    await page.getByRole('group', { name: 'How strong are cravings today?' }).getByLabel('9', { exact: true }).check();
    await page.getByLabel('Stress', { exact: true }).check();
    await page.getByLabel('Loneliness', { exact: true }).check();
    await page.getByRole('group', { name: 'Did you use today?' }).getByLabel('No', { exact: true }).check();
    await page.getByLabel('Private notes (optional)').fill('Payday. Walked past the old bar.');
    await screenshot(page, 'journey-check-in-form');
    await button('Save my check-in').click();

    // At once, before anything else, with focus on it: a calm word, their own strategy, lines to call.
    const support = page.getByRole('region', { name: 'Thank you for being honest' });
    await support.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Thank you for being honest');
    expect(await page.evaluate(() => document.querySelector('.page > h1 + *')?.className)).toBe('support-panel');
    await support.getByRole('heading', { name: 'Call my sister' }).waitFor();
    await support.getByText('Call Ana and say it plainly').waitFor();
    expect(await support.getByRole('link', { name: 'Call 988', exact: true }).getAttribute('href')).toBe('tel:988');
    await support.getByText('I stop answering messages').waitFor();
    await expectAccessible(page, 'check-in risk support');
    await screenshot(page, 'journey-check-in-risk');

    // Editable the same day; a calmer answer thanks the member and shows no alarm.
    await button("Edit today's check-in").click();
    expect(await page.getByLabel('Private notes (optional)').inputValue()).toBe('Payday. Walked past the old bar.');
    await page.getByRole('group', { name: 'How strong are cravings today?' }).getByLabel('3', { exact: true }).check();
    await page.getByLabel('4 Good', { exact: true }).check();
    await button('Save changes').click();
    await page.getByRole('heading', { name: 'Thank you for checking in' }).waitFor();
    expect(await support.count()).toBe(0);
    await page.getByText('21 days in a row of checking in.').first().waitFor();
    await screenshot(page, 'journey-check-in-saved');

    await page.getByRole('link', { name: 'See your history' }).click();
    await expectHeading('Your check-ins over time');
    const chart = page.getByRole('img', { name: 'Chart of your mood and craving over the last 30 days' });
    await chart.waitFor();
    await page.waitForFunction(() => ((document.querySelector('.chart img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    await page.getByText('21 check-ins in the last 30 days.', { exact: false }).waitFor();
    await expectAccessible(page, 'history');
    await screenshot(page, 'journey-history');
    await button('90 days').click();
    await page.getByRole('img', { name: 'Chart of your mood and craving over the last 90 days' }).waitFor();
  });

  test('a setback keeps every period, the longest stretch and the total', async () => {
    const { page } = s;
    await go('/journey/sobriety');
    await expectHeading('Recovery dates');
    await page.getByLabel('What this date is for').fill('Alcohol');
    await page.getByLabel('First day of this recovery').fill(addDays(today(), -100));
    await button('Save the date').click();
    await page.getByRole('heading', { level: 2, name: 'Alcohol' }).waitFor();
    await page.getByText('90 days. You did that.').waitFor();
    await expectAccessible(page, 'sobriety');

    await go('/');
    await expectHeading('Hello, Maya');
    await page.getByText('90 days. You did that.').waitFor();
    await page.getByText('Next: 6 months', { exact: false }).waitFor();
    await page.getByText("You checked in today.", { exact: false }).waitFor();
    await expectAccessible(page, 'home with journey');
    await screenshot(page, 'journey-home');

    await go('/journey/sobriety');
    await expectHeading('Recovery dates');
    await button('Record a setback').click();
    await page.getByText('A setback is part of many journeys. Your history stays with you', { exact: false }).waitFor();
    await page.getByLabel('A private note (optional)').fill('A hard week at work.');
    await expectAccessible(page, 'setback form');
    await screenshot(page, 'journey-setback-form');
    await button('Start my new count').click();

    const notice = page.getByText('Your new count has started. Every day before it still counts', { exact: false });
    await notice.waitFor();
    const facts = page.locator('.track .facts');
    expect(await facts.getByText('Longest stretch').locator('xpath=following-sibling::dd').innerText()).toBe('100 days');
    expect(await facts.getByText('Total days in recovery').locator('xpath=following-sibling::dd').innerText()).toBe('100 days');
    expect(await page.locator('.periods > li').count()).toBe(2);
    await page.getByText('Your private note: A hard week at work.').waitFor();
    await expectAccessible(page, 'sobriety after a setback');
    await screenshot(page, 'journey-sobriety-setback');
  });

  test('sharing check-ins with a mentor shows them on the mentor page; revoking hides them at once', async () => {
    const { page } = s;
    await go('/journey/sharing');
    await expectHeading('Sharing with your mentor');
    await button('Español').click();
    await expectHeading('Compartir con tu mentor');
    expect(await htmlLang(page)).toBe('es');
    await page.getByLabel('Mis registros', { exact: true }).check();
    await page.getByText('Ahora tu mentor puede ver: Mis registros.').waitFor();
    await expectAccessible(page, 'sharing in Spanish');
    await screenshot(page, 'journey-sharing-es');

    // The mentor sees the shared check-ins (never the private note) and nothing that is not shared.
    await actAs(mentor, `/mentees/${member.id}`);
    await expectHeading("Maya's journey");
    await page.getByRole('heading', { name: 'Check-ins from the last 30 days' }).waitFor();
    expect(await page.getByText('Walked past the old bar').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Safety plan' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Recovery dates' }).count()).toBe(0);
    await expectAccessible(page, 'mentee page');
    await screenshot(page, 'journey-mentee-shared');
    await go('/');
    await page.getByRole('link', { name: 'Maya' }).waitFor();

    await actAs(member, '/journey/sharing');
    await expectHeading('Compartir con tu mentor');
    await page.getByLabel('Mis registros', { exact: true }).uncheck();
    await page.getByText('Tu mentor ya no puede ver: Mis registros. El cambio ya está activo.').waitFor();
    await page.getByText('Dejaste de compartir: Mis registros.').waitFor();
    await page.getByText('Compartiste con tu mentor: Mis registros.').waitFor();
    await screenshot(page, 'journey-sharing-revoked-es');

    await page.getByRole('link', { name: '¿Necesitas ayuda ahora?' }).click();
    await expectHeading('¿Necesitas ayuda ahora?');
    await page.getByRole('link', { name: 'Llamar al 988', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Tu plan de seguridad' }).waitFor();
    await expectAccessible(page, 'help in Spanish');
    await screenshot(page, 'journey-help-es');

    await actAs(mentor, `/mentees/${member.id}`);
    await expectHeading("Maya's journey");
    await page.getByText("Maya isn't sharing any part of their journey with you right now.", { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Check-ins from the last 30 days' }).count()).toBe(0);
    await screenshot(page, 'journey-mentee-revoked');

    // Someone who is not the mentor finds nothing there.
    await actAs(member, `/mentees/${mentor.id}`);
    await page.locator('h1').waitFor();
    expect(await heading(page)).toBe('No encontramos esa página');
  });

  test('goals and the recovery profile, and every journey page fits a 360px-wide screen', async () => {
    const { page } = s;
    await go('/journey/goals');
    await expectHeading('Metas');
    await page.getByLabel('Meta', { exact: true }).fill('Registrarme casi todos los días');
    await button('Guardar la meta').click();
    // Counted from the check-ins already made this week (one a day since the start of the test data).
    await page.getByText(/^\d de 5 esta semana\./).waitFor();
    await expectAccessible(page, 'goals in Spanish');
    await screenshot(page, 'journey-goals-es');

    await go('/journey/profile');
    await expectHeading('Perfil de recuperación');
    await page.getByLabel('SMART Recovery', { exact: true }).check();
    await button('Guardar').click();
    await page.getByText('Guardado.', { exact: true }).waitFor();
    await page.getByLabel('Pensando en cambiar', { exact: true }).check();
    await button('Guardar dónde estoy').click();
    await page.getByRole('heading', { name: 'Respuestas anteriores' }).waitFor();
    await expectAccessible(page, 'profile in Spanish');
    await screenshot(page, 'journey-profile-es');
    const download = await page.request.get(`${s.base}/api/v1/me/journey/export?format=csv&section=check_ins`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/help', '/journey', '/journey/check-in', '/journey/history', '/journey/sobriety', '/journey/goals', '/journey/toolbox', '/journey/safety-plan', '/journey/sharing', '/journey/profile']) {
      await go(path);
      await page.locator('h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
  });

  test('nothing left the instance and the console stayed clean', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
