import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { BACKGROUND_COLOR, SIGNAL_COLOR } from '../../src/figures/palette';
import { contrastRatio, parseColour } from './contrast';
import { figureIds, lessonPages, openPage, pages, screenshotPath, type OpenOptions, type Site } from './setup';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 375] as const;
/** Figures draw text at 12 SVG pixels; scaled into a phone's column it must stay at least this big. */
const SMALLEST_TEXT_PX = 9;
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
}

/** Opens a page in Starlight's light or dark theme, as the reader's system or the theme menu sets it. */
function openThemed(
  site: Site,
  path: string,
  theme: 'light' | 'dark',
  { width = 1280, csp = true }: { width?: number; csp?: boolean } = {},
) {
  const { origin } = csp ? site.strict : site.open;
  const options: OpenOptions = {
    csp,
    colorScheme: theme,
    viewport: { width, height: width < 600 ? 812 : 800 },
    isMobile: width < 600,
    hasTouch: width < 600,
    // Starlight keeps the menu's choice in localStorage under this key.
    storageState: { cookies: [], origins: [{ origin, localStorage: [{ name: 'starlight-theme', value: theme }] }] },
  };
  return openPage(site, path, options);
}

/** The role and accessible name Chromium gives an element, as a screen reader receives them. */
async function accessibleName(page: Page, selector: string): Promise<{ role: string; name: string }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return { role: String(nodes[0]?.role?.value ?? ''), name: String(nodes[0]?.name?.value ?? '') };
}

/** What a figure looks like on the page: its box, the colour behind it, its text colours and sizes. */
function figureLooks(page: Page, id: string) {
  return page.locator(`figure#${id} svg[role="img"]`).evaluate((svg) => {
    let background = '';
    for (let at: Element | null = svg; at && !background; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (!/^rgba\(.*,\s*0\)$|^transparent$/.test(colour)) background = colour;
    }
    const box = svg.getBoundingClientRect();
    const scale = box.width / (svg as SVGSVGElement).viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    return {
      // With no background anywhere the canvas shows, white in light mode and dark in dark mode.
      background:
        background || (getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)'),
      left: box.left,
      right: box.right,
      fills: [...new Set(texts.map((text) => getComputedStyle(text).fill))],
      smallestText: Math.min(...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale)),
    };
  });
}

/** A screenshot's name for a page path: `/` is "index", `/en/` is "en". */
function slug(path: string): string {
  return (
    path
      .replace(/^\/|\/$/g, '')
      .replace(/\.html$/, '')
      .replace(/\//g, '-') || 'index'
  );
}

/**
 * Accessibility of the built pages in Chromium: axe-core finds nothing serious, each figure is
 * named in the page's language, and in each theme, on a desktop and on a phone, figures stand out
 * from the page and fit the screen. Each of those views is left as a screenshot in
 * .artifacts/screenshots/ for review.
 */
export function accessibilityChecks(site: Site): void {
  it.each(pages.flatMap((page) => THEMES.map((theme) => ({ ...page, theme }))))(
    '$path ($theme): axe-core finds no serious or critical violation',
    async ({ path, theme }) => {
      // axe is injected as a script, which the site's policy rightly refuses; serve it without.
      const { page } = await openThemed(site, path, theme, { csp: false });
      const violations = await runAxe(page);
      const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
      if (minor.length)
        console.log(`${path} (${theme}): axe, not serious: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      expect(serious).toEqual([]);
      await page.context().close();
    },
  );

  it.each(lessonPages)("$path names every figure in the page's language ($lang)", async ({ path, lang }) => {
    const { page } = await openPage(site, path);
    for (const id of await figureIds(page)) {
      const svg = `figure#${id} svg[role="img"]`;
      const { role, name } = await accessibleName(page, svg);
      expect(role, id).toBe('image');
      const [title, desc] = await page
        .locator(svg)
        .evaluate((element) => [element.querySelector('title')?.textContent ?? '', element.querySelector('desc')?.textContent ?? '']);
      expect(name, `${id}: the name is its title and description`).toBe(`${title} ${desc}`.trim());
      expect(title.length, `${id}: title`).toBeGreaterThan(5);
      expect(desc.length, `${id}: description`).toBeGreaterThan(20);
      if (lang === 'ja') expect(name, `${id} in Japanese`).toMatch(CJK);
      else expect(CJK.test(name), `${id} in ${lang}, not Japanese: ${name}`).toBe(false);
      expect(await page.locator(svg).evaluate((element) => element.closest('[lang]')?.getAttribute('lang')), id).toBe(lang);
    }
    await page.context().close();
  });

  const views = lessonPages.flatMap((page) => WIDTHS.flatMap((width) => THEMES.map((theme) => ({ ...page, width, theme }))));
  it.each(views)('$path at $width px, $theme: figures stand out and fit the screen; screenshot saved', async ({ path, width, theme }) => {
    const { page } = await openThemed(site, path, theme, { width });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.screenshot({ path: screenshotPath(`${slug(path)}-${width}-${theme}`), fullPage: true });

    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, 'no sideways scrolling').toBeLessThanOrEqual(width);
    for (const id of await figureIds(page)) {
      const looks = await figureLooks(page, id);
      const background = parseColour(looks.background);
      expect(looks.fills.length, `${id}: text`).toBeGreaterThan(0);
      for (const fill of looks.fills) {
        // WCAG 1.4.3: text needs 4.5:1 against what is behind it.
        expect(contrastRatio(parseColour(fill), background), `${id}: text ${fill} on ${looks.background}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const point of [SIGNAL_COLOR, BACKGROUND_COLOR]) {
        // WCAG 1.4.11: graphical objects need 3:1.
        expect(contrastRatio(parseColour(point), background), `${id}: points ${point} on ${looks.background}`).toBeGreaterThanOrEqual(3);
      }
      expect(looks.left, `${id}: left edge`).toBeGreaterThanOrEqual(0);
      expect(looks.right, `${id}: right edge`).toBeLessThanOrEqual(width);
      expect(looks.smallestText, `${id}: smallest text in CSS pixels`).toBeGreaterThanOrEqual(SMALLEST_TEXT_PX);
    }
    // A training log wraps rather than hiding the end of its line behind a sideways scroll.
    const hidden = await page.locator('.training-log pre').evaluateAll((pres) => pres.map((pre) => pre.scrollWidth - pre.clientWidth));
    // Only the lesson's first page shows logs; the selector must still find them there.
    const logsInHtml = (await page.content()).split('class="training-log').length - 1;
    expect(hidden.length).toBe(logsInHtml);
    expect(hidden, 'hidden width of each log').toEqual(hidden.map(() => 0));
    await page.context().close();
  });
}
