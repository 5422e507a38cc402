import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import { buildWeb, webBuildIsStale } from '../../src/cli/web-build.ts';
import { freePort } from '../../src/server/db/embedded.ts';
import { webDistDir } from '../../src/server/http/web.ts';
import type { Role } from '../../src/contracts/common.ts';
import { createTestApp, type TestContext } from '../helpers/app.ts';
import { Client, sessionCookie } from '../helpers/client.ts';
import { uniqueEmail } from '../helpers/factories.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);
export const browserRequired = process.env.KINDRED_REQUIRE_BROWSER === '1';

/** Without Chromium the browser tests are skipped, loudly: a quiet skip would look like a pass. */
export function warnIfNoBrowser() {
  if (hasChromium || browserRequired) return;
  const line = `BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}`;
  const help = 'Install it (apt-get install chromium) or set CHROMIUM_PATH.';
  const width = Math.max(line.length, help.length) + 4;
  const bar = '#'.repeat(width);
  process.stderr.write(`\n${bar}\n# ${line.padEnd(width - 4)} #\n# ${help.padEnd(width - 4)} #\n${bar}\n\n`);
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screensDir = path.resolve('.tmp/screens');

export interface BrowserSession {
  ctx: TestContext;
  base: string;
  context: BrowserContext;
  page: Page;
  /** Requests to any origin but the instance's own. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is a console error). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** The real app (API and built web app) listening on a free port, and a phone-sized Chromium pointed at it. */
export async function startBrowserSession(): Promise<BrowserSession> {
  if (webBuildIsStale()) await buildWeb();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The CSRF check compares Origin with PUBLIC_URL, so the URL the browser uses must be PUBLIC_URL.
  const ctx = await createTestApp({ publicUrl: base, port }, { webDir: webDistDir });
  await ctx.app.listen({ port, host: '127.0.0.1' });

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kindred-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    timezoneId: 'America/Mexico_City',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Fail with Playwright's own message (what it waited for) well before the test's time runs out.
  page.setDefaultTimeout(8_000);
  const session: BrowserSession = {
    ctx,
    base,
    context,
    page,
    foreignRequests: [],
    consoleErrors: [],
    async close() {
      await context.close();
      await ctx.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && new URL(url).origin !== base) session.foreignRequests.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser logs every 4xx answer; the API's 4xx answers (401 for "signed out", 422 for a bad form) are
    // expected. Anything else, CSP violations included, is a real error.
    const expectedApiAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) && msg.location().url.startsWith(`${base}/api/`);
    if (!expectedApiAnswer) session.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => session.consoleErrors.push(`uncaught: ${err.message}`));
  return session;
}

/** Waits until the page has its heading and nothing is loading. */
export async function settle(page: Page) {
  await page.waitForFunction(() => document.querySelector('h1') && !document.querySelector('.loading'));
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/** Runs axe-core on the page as it is now and fails with a readable list of what is wrong. */
export async function expectAccessible(page: Page, label: string) {
  await settle(page);
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not apply to.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  const report = result.violations
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replaceAll('\n', ' ')}`).join('\n')}`)
    .join('\n');
  expect(report, `axe violations on ${label} (${page.url()})`).toBe('');
}

/** A full-page screenshot at phone size in .tmp/screens, for a person to look at. */
export async function screenshot(page: Page, name: string) {
  await settle(page);
  fs.mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: true });
}

export const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
export const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);
export const heading = (page: Page) => page.locator('h1').innerText();

export interface BrowserPerson {
  id: string;
  email: string;
  cookie: string;
}

/**
 * A verified account with a session on the browser session's instance. Not the shared createUser factory: its
 * client speaks for the default PUBLIC_URL, and this app's CSRF check expects the browser session's own origin.
 */
export async function createBrowserPerson(
  s: BrowserSession,
  displayName: string,
  opts: { roles?: Role[]; timeZone: string; password: string },
): Promise<BrowserPerson> {
  const email = uniqueEmail(displayName.toLowerCase());
  const id = await s.ctx.app.services.accounts.createVerifiedAccount(
    { email, displayName, password: opts.password, timeZone: opts.timeZone },
    ['member', ...(opts.roles ?? [])],
  );
  const res = await new Client(s.ctx.app, undefined, '10.7.0.1').post('/api/v1/auth/sign-in', { email, password: opts.password }, { origin: s.base });
  expect(res.statusCode).toBe(200);
  return { id, email, cookie: sessionCookie(res)! };
}

/** Becomes someone else in this browser (or nobody) by swapping the session cookie, then loads a page afresh. */
export async function actAs(s: BrowserSession, who: BrowserPerson | null, path: string) {
  await s.context.clearCookies();
  if (who) {
    const [name, value] = who.cookie.split(/=(.*)/s) as [string, string];
    await s.context.addCookies([{ name, value, url: s.base }]);
  }
  await s.page.goto(`${s.base}${path}`);
}

/** Every API answer the page receives while `run` runs, as raw text: for checking what a person's browser was told. */
export async function apiAnswers(page: Page, run: () => Promise<void>): Promise<string[]> {
  const bodies: Promise<string>[] = [];
  const listener = (res: Response) => {
    if (new URL(res.url()).pathname.startsWith('/api/v1/')) bodies.push(res.text().catch(() => ''));
  };
  page.on('response', listener);
  try {
    await run();
  } finally {
    page.off('response', listener);
  }
  return Promise.all(bodies);
}
