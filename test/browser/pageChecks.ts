import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { BACKGROUND_COLOR, SIGNAL_COLOR } from '../../src/figures/palette';
import { colourStats, decodePng, pixelsNear } from './png';
import { figureIds, lessonPages, openPage, pages, type Site } from './setup';

/**
 * Checks that a figure's SVG is on screen, has a size, and, for a figure that draws the data
 * (`points`), shows both kinds of point; the learning-dynamics figures draw curves and shading only.
 */
async function expectDrawn(svg: Locator, name: string, points = /figure-(dataset|prediction-)/.test(name)): Promise<void> {
  expect(await svg.isVisible(), `${name} is visible`).toBe(true);
  const box = await svg.boundingBox();
  expect(box && box.width > 100 && box.height > 100, `${name} has a size: ${JSON.stringify(box)}`).toBe(true);
  const image = decodePng(await svg.screenshot());
  const { distinctColours, notBackground } = colourStats(image);
  // A blank or unstyled SVG is one or two colours; a drawn figure has points, text and shading.
  expect(distinctColours, `${name}: colours`).toBeGreaterThan(8);
  expect(notBackground / (image.width * image.height), `${name}: share of drawn pixels`).toBeGreaterThan(0.02);
  if (!points) return;
  expect(pixelsNear(image, SIGNAL_COLOR), `${name}: signal-coloured pixels`).toBeGreaterThan(20);
  expect(pixelsNear(image, BACKGROUND_COLOR), `${name}: background-coloured pixels`).toBeGreaterThan(20);
}

/**
 * The built pages in Chromium, served with the Content-Security-Policy a host would send: they load
 * cleanly, draw every figure, link to their translation, and keep figures and text without
 * JavaScript.
 */
export function pageChecks(site: Site): void {
  it.each(pages)(
    '$path loads under the strict CSP with no console error, failed request or violation, and draws every figure',
    async ({ path, notFound }) => {
      const { page, problems } = await openPage(site, path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), 'the theme script ran').toMatch(/^(light|dark)$/);
      const ids = await figureIds(page);
      if (!notFound) expect(ids.length, 'figures on the page').toBeGreaterThan(0);
      for (const id of ids) await expectDrawn(page.locator(`figure#${id} svg`).first(), `${path} ${id}`);
      expect(problems.console).toEqual([]);
      expect(problems.requests).toEqual([]);
      expect(await problems.violations()).toEqual([]);
      await page.context().close();
    },
  );

  it.each(lessonPages)('$path links to the same page in each other language', async ({ path, lang }) => {
    const { page } = await openPage(site, path);
    const ids = await figureIds(page);
    const links = await page
      .locator('.other-languages a[hreflang]')
      .evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('hreflang')!, a.getAttribute('href')!] as const));
    expect(links.length, 'links to other languages').toBe(new Set(lessonPages.map((p) => p.lang)).size - 1);
    // Starlight's language menu must offer the same addresses as the plain links.
    const menu = await page
      .locator('starlight-lang-select select')
      .first()
      .evaluate((select: HTMLSelectElement) => [...select.options].map((o) => o.value));
    for (const [hreflang, href] of links) {
      expect(menu).toContain(href);
      await Promise.all([
        page.waitForURL((url) => url.pathname === href),
        page.locator(`.other-languages a[hreflang="${hreflang}"]`).click(),
      ]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(hreflang);
      // The same page: the same figures, and a link that leads straight back.
      expect(await figureIds(page)).toEqual(ids);
      expect(await page.locator(`.other-languages a[hreflang="${lang}"]`).getAttribute('href')).toBe(path);
      await page.goBack();
    }
    await page.context().close();
  });

  it.each(lessonPages)('$path keeps every figure and all its text without JavaScript', async ({ path }) => {
    const { page: withScripts } = await openPage(site, path);
    const text = await withScripts.locator('.sl-markdown-content').innerText();
    const ids = await figureIds(withScripts);
    await withScripts.context().close();

    const { page, problems } = await openPage(site, path, { javaScriptEnabled: false });
    expect(await figureIds(page)).toEqual(ids);
    for (const id of ids) await expectDrawn(page.locator(`figure#${id} svg`).first(), `${path} ${id} without JavaScript`);
    expect(await page.locator('.sl-markdown-content').innerText()).toBe(text);
    expect(problems.requests).toEqual([]);
    await page.context().close();
  });
}
