import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../scripts/chromium';
import { contentSecurityPolicy } from '../../scripts/csp';
import { serve, type StaticServer } from '../../scripts/serve';
import { DIST, sitePages, type SitePage } from '../../scripts/site';

/** Where the tests leave screenshots for a reviewer (git-ignored). */
export const SCREENSHOTS = join(DIST, '..', '.artifacts', 'screenshots');

/** Why the browser tests cannot run here, or undefined when they can. */
function missing(): string | undefined {
  if (!hasChromium()) return `Chromium is not at ${CHROMIUM_PATH} (set CHROME_PATH)`;
  if (!existsSync(join(DIST, 'index.html'))) return 'dist/ is absent; run `npm run build` first';
  return undefined;
}

/** The built pages, or none when the suite cannot run. */
export const pages: SitePage[] = missing() ? [] : sitePages();
/** The pages that are part of the lesson, in every language (not the 404 page). */
export const lessonPages = pages.filter((page) => !page.notFound);

/**
 * A describe block for tests that drive Chromium over the built site. The whole suite is one such
 * block in one file, so that it runs in one worker and its pages do not compete for the CPU.
 * Without Chromium or dist/ it is skipped with one line saying why, except under CI=true, where
 * that is a failure.
 */
export function describeBrowser(name: string, body: () => void): void {
  const reason = missing();
  if (!reason) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has Chromium and a built site', () => {
        throw new Error(`${name}: ${reason}`);
      });
    });
    return;
  }
  console.warn(`${name}: skipped, ${reason}.`);
  describe.skip(name, body);
}

/** One Chromium and two servers over dist/, started once for the whole browser suite. */
export interface Site {
  browser: Browser;
  /** Sends the Content-Security-Policy a host would send for this build. */
  strict: StaticServer;
  /** The same files without the policy, for checks that inject a script (axe). */
  open: StaticServer;
}

/** Starts Chromium and both servers before the suite's tests and stops them after. */
export function useSite(): Site {
  const site = {} as Site;
  beforeAll(async () => {
    [site.strict, site.open, site.browser] = await Promise.all([serve({ csp: contentSecurityPolicy(DIST) }), serve(), launchChromium()]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await Promise.all([site.strict?.close(), site.open?.close()]);
  });
  return site;
}

/** Options for a page: a browser context's, and whether the server sends the policy (default yes). */
export type OpenOptions = BrowserContextOptions & { csp?: boolean };

/** What went wrong on a page so far: console errors and warnings, failed requests, CSP violations. */
export interface PageProblems {
  console: string[];
  requests: string[];
  /** The `securitypolicyviolation` events the page has fired so far. */
  violations(): Promise<string[]>;
}

/**
 * Opens a page in a new context and records its problems; the page's `securitypolicyviolation`
 * events are collected too, so a refused inline script cannot pass unnoticed.
 */
export async function openPage(
  site: Site,
  path: string,
  { csp = true, ...options }: OpenOptions = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const server = csp ? site.strict : site.open;
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: PageProblems = {
    console: [],
    requests: [],
    violations: () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.requests.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.requests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** The ids of the page's figures, in order. */
export function figureIds(page: Page): Promise<string[]> {
  return page.locator('figure[id^="figure-"]').evaluateAll((figures) => figures.map((figure) => figure.id));
}

/** A file name for a screenshot under SCREENSHOTS, creating the folder. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
