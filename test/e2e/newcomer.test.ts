import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lastMailTo, linkIn, uniqueEmail } from '../helpers/factories.ts';
import {
  type BrowserSession,
  browserRequired,
  chromiumPath,
  expectAccessible,
  focusedName,
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

describe.skipIf(!hasChromium)('a newcomer in the browser', () => {
  let s: BrowserSession;
  let inviteLink = '';
  const coordinator = { name: 'Rosa', email: uniqueEmail('rosa'), password: 'tea with honey at noon' };
  const newcomer = { name: 'Sam', email: uniqueEmail('sam'), password: 'a walk by the river', newPassword: 'the garden after rain' };

  beforeAll(async () => {
    s = await startBrowserSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  const go = async (path: string) => {
    await s.page.goto(`${s.base}${path}`);
  };
  const field = (label: string) => s.page.getByLabel(label, { exact: true });
  const button = (name: string) => s.page.getByRole('button', { name, exact: true });
  const expectHeading = async (text: string) => {
    await s.page.getByRole('heading', { level: 1, name: text }).waitFor();
    expect(await heading(s.page)).toBe(text);
  };

  test('the first coordinator sets up the instance and looks after it', async () => {
    const { page } = s;
    await go('/');
    await expectHeading('Set up Kindred');
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expectAccessible(page, 'setup');
    await screenshot(page, 'setup-en');

    // Installable: the manifest and its icons come from the instance itself.
    const manifest = await page.request.get(`${s.base}/manifest.webmanifest`);
    expect(manifest.status()).toBe(200);
    const { name, icons } = (await manifest.json()) as { name: string; icons: { src: string; type: string }[] };
    expect(name).toBe('Kindred');
    for (const icon of icons) {
      const res = await page.request.get(`${s.base}${icon.src}`);
      expect([icon.src, res.status(), res.headers()['content-type']]).toEqual([icon.src, 200, icon.type]);
    }

    // An empty form: the summary lists what to fix and focus lands on the first field that needs a change.
    await button('Create the coordinator account').click();
    await page.getByRole('alert').getByText('A few answers need a change').waitFor();
    expect(await field('Display name').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedName(page)).toBe('displayName');
    await expectAccessible(page, 'setup with errors');
    await screenshot(page, 'setup-errors-en');

    await field('Display name').fill(coordinator.name);
    await field('Email address').fill(coordinator.email);
    await field('Password').fill(coordinator.password);
    await button('Create the coordinator account').click();
    await expectHeading(`Hello, ${coordinator.name}`);
    await page.getByRole('heading', { name: 'Looking after the community' }).waitFor();

    await page.getByRole('link', { name: 'Coordination', exact: true }).click();
    await expectHeading('People');
    await page.getByText(coordinator.email).waitFor();
    await expectAccessible(page, 'admin people');
    await screenshot(page, 'admin-people-en');

    await page.getByRole('button', { name: 'Change roles' }).click();
    await page.getByRole('group', { name: `Roles for ${coordinator.name}` }).waitFor();
    await expectAccessible(page, 'admin role editor');
    await button('Cancel').click();

    await page.getByRole('link', { name: 'Invitations' }).click();
    await expectHeading('Invitations');
    await page.getByLabel('Facilitator').check();
    await button('Create invitation').click();
    inviteLink = await page.getByLabel('Invitation link').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${s.base}/sign-up\\?invite=`));
    await page.getByText('Waiting').waitFor();
    await expectAccessible(page, 'admin invitations');
    await screenshot(page, 'admin-invitations-en');

    await page.getByRole('link', { name: 'Joining' }).click();
    await expectHeading('Joining');
    expect(await page.getByLabel('Anyone', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page, 'admin registration');

    await page.getByRole('link', { name: 'Activity' }).click();
    await expectHeading('Activity');
    await page.getByText(`${coordinator.name} set up the community.`).waitFor();
    await expectAccessible(page, 'admin activity');
    await screenshot(page, 'admin-activity-en');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expectHeading('Settings');
    await expectAccessible(page, 'settings');
    await screenshot(page, 'settings-en');

    await go('/setup');
    await expectHeading('Kindred is already set up');
    await expectAccessible(page, 'setup done');

    await button('Sign out').click();
    await expectHeading('Welcome to Kindred');
  });

  test('a newcomer joins on a phone, confirms the email, signs in, switches to Spanish and signs out', async () => {
    const { page } = s;
    await go('/');
    await expectHeading('Welcome to Kindred');
    await expectAccessible(page, 'welcome');
    await screenshot(page, 'welcome-en');

    await page.getByRole('link', { name: 'Join the community' }).click();
    await expectHeading('Join the community');
    await page.getByText('Only you and the community\'s coordinators can see it.', { exact: false }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/Mexico_City');
    await expectAccessible(page, 'sign-up');
    await screenshot(page, 'sign-up-en');

    await field('Display name').fill(newcomer.name);
    await field('Email address').fill(newcomer.email);
    await field('Password').fill('short');
    await button('Create my account').click();
    await page.getByRole('alert').getByText('Use at least 10 characters.').waitFor();
    expect(await focusedName(page)).toBe('password');
    await field('Password').fill(newcomer.password);
    await button('Create my account').click();
    await expectHeading('Check your email');
    await page.getByText(newcomer.email, { exact: false }).first().waitFor();
    await expectAccessible(page, 'check your email');
    await screenshot(page, 'check-email-en');

    // Signing in before confirming explains why and offers a new link.
    await go('/sign-in');
    await expectHeading('Sign in');
    await field('Email address').fill(newcomer.email);
    await field('Password').fill(newcomer.password);
    await button('Sign in').click();
    await page.getByText('Confirm your email address first.', { exact: false }).waitFor();
    await expectAccessible(page, 'sign-in, email not confirmed');
    await screenshot(page, 'sign-in-unverified-en');
    await button('Send a new link').click();
    await page.getByText('We sent a new link.', { exact: false }).waitFor();

    const mail = await lastMailTo(s.ctx, newcomer.email);
    await go(linkIn(mail!.text).pathname + linkIn(mail!.text).search);
    await expectHeading('Your email is confirmed');
    await expectAccessible(page, 'email confirmed');

    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await expectHeading('Sign in');
    await page.getByText('Your email is confirmed. You can sign in now.').waitFor();
    await screenshot(page, 'sign-in-en');
    await field('Email address').fill(newcomer.email);
    await field('Password').fill(newcomer.password);
    await button('Sign in').click();
    await expectHeading(`Hello, ${newcomer.name}`);
    await page.getByRole('heading', { name: 'Your recovery' }).waitFor();
    expect(await page.getByRole('link', { name: 'Coordination', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'home');
    await screenshot(page, 'home-en');

    await button('Español').click();
    await expectHeading(`Hola, ${newcomer.name}`);
    expect(await htmlLang(page)).toBe('es');
    await page.getByRole('heading', { name: 'Tu recuperación' }).waitFor();
    await expectAccessible(page, 'home in Spanish');
    await screenshot(page, 'home-es');

    // The choice is saved to the account: even with this device's memory cleared, a fresh load is in Spanish.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expectHeading(`Hola, ${newcomer.name}`);
    expect(await page.title()).toContain('Hola');

    await page.getByRole('link', { name: 'Ajustes' }).click();
    await expectHeading('Ajustes');
    expect(await page.getByLabel('Idioma', { exact: true }).inputValue()).toBe('es');
    await expectAccessible(page, 'settings in Spanish');
    await screenshot(page, 'settings-es');

    // A coordinator page does not exist for a member.
    await go('/admin');
    await expectHeading('No encontramos esa página');
    await expectAccessible(page, 'not found');
    await screenshot(page, 'not-found-es');

    await button('Cerrar sesión').click();
    await expectHeading('Te damos la bienvenida a Kindred');
    expect(await htmlLang(page)).toBe('es');
    await expectAccessible(page, 'welcome in Spanish');
    await screenshot(page, 'welcome-es');

    await page.getByRole('link', { name: 'Unirme', exact: true }).click();
    await expectHeading('Únete a la comunidad');
    await expectAccessible(page, 'sign-up in Spanish');
    await screenshot(page, 'sign-up-es');
  });

  test('a forgotten password is reset with the emailed link', async () => {
    const { page } = s;
    await go('/sign-in');
    await expectHeading('Iniciar sesión');
    await field('Correo electrónico').fill(newcomer.email);
    await field('Contraseña').fill('not the password at all');
    await button('Iniciar sesión').click();
    // The server's English message, in the person's language.
    await page.getByRole('alert').getByText('El correo o la contraseña no son correctos.').waitFor();
    await expectAccessible(page, 'sign-in wrong password in Spanish');
    await screenshot(page, 'sign-in-error-es');

    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await expectHeading('¿Olvidaste tu contraseña?');
    await expectAccessible(page, 'forgot password');
    await screenshot(page, 'forgot-es');
    await field('Correo electrónico').fill(newcomer.email);
    await button('Enviarme un enlace').click();
    await expectHeading('Revisa tu correo');
    await page.getByText(`Si existe una cuenta con ${newcomer.email}`, { exact: false }).waitFor();

    const mail = await lastMailTo(s.ctx, newcomer.email);
    expect(mail?.template).toBe('reset_password');
    const url = linkIn(mail!.text);
    expect(url.pathname).toBe('/reset-password');
    await go(url.pathname + url.search);
    await expectHeading('Elige una contraseña nueva');
    await expectAccessible(page, 'reset password');
    await screenshot(page, 'reset-es');
    await field('Contraseña nueva').fill(newcomer.newPassword);
    await button('Guardar la contraseña nueva').click();

    await expectHeading('Iniciar sesión');
    await page.getByText('Tu contraseña cambió.', { exact: false }).waitFor();
    await field('Correo electrónico').fill(newcomer.email);
    await field('Contraseña').fill(newcomer.newPassword);
    await button('Iniciar sesión').click();
    await expectHeading(`Hola, ${newcomer.name}`);
    await button('Cerrar sesión').click();
    await expectHeading('Te damos la bienvenida a Kindred');
  });

  test('when joining is by invitation, the sign-up page says so and an invitation link opens the form', async () => {
    const { page } = s;
    await s.ctx.app.services.ctx.settings.setRegistrationMode('invite');
    await go('/sign-up');
    await expectHeading('Se entra por invitación');
    await expectAccessible(page, 'sign-up, invitation needed');
    await go(new URL(inviteLink).pathname + new URL(inviteLink).search);
    await expectHeading('Únete a la comunidad');
    await page.getByText('Recibiste una invitación.', { exact: false }).waitFor();
    await screenshot(page, 'sign-up-invited-es');
  });

  test('the keyboard finds the skip link first, and pages fit a 360px-wide screen', async () => {
    const { page } = s;
    await go('/sign-in');
    await expectHeading('Iniciar sesión');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/sign-up', '/sign-in', '/forgot-password', '/no-such-page']) {
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
