import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

/**
 * Checks the pages `npm run build` wrote to dist/, as a reader's browser would receive them. The
 * build needs a trained artefact, so these tests run after it (in CI) and skip when dist/ is absent.
 */
const dist = new URL('../../dist/', import.meta.url);
const built = existsSync(new URL('index.html', dist));
if (!built && process.env.CI === 'true') throw new Error('dist/ is absent: CI runs `npm run build` before `npm test`');
if (!built) console.warn('test/site/built.test.ts: skipped, dist/ is absent; run `npm run build` first.');

const config = JSON.parse(readFileSync(new URL('../../src/experiment/config.json', import.meta.url), 'utf8')) as {
  variants: { id: string }[];
};
const variantIds = config.variants.map((v) => v.id);
const figureIds = ['dataset', ...variantIds.map((id) => `prediction-${id}`)];

/** Each language's page, the Starlight labels it must show, and the language it links to. */
const pages = [
  { file: 'index.html', lang: 'ja', onThisPage: '目次', note: 'ノート', other: 'en' },
  { file: 'en/index.html', lang: 'en', onThisPage: 'On this page', note: 'Note', other: 'ja' },
];

function load(file: string): Document {
  return new JSDOM(readFileSync(new URL(file, dist), 'utf8')).window.document;
}

/** What a reader can see or a screen reader can hear: text outside scripts and styles, and attributes. */
function readable(document: Document): string {
  const body = document.body.cloneNode(true) as HTMLElement;
  body.querySelectorAll('script, style, template').forEach((el) => el.remove());
  const attributes = [...body.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return [body.textContent ?? '', ...attributes].join('\n');
}

/** The file in dist/ that a site-relative link such as "/en/" serves. */
function servedFile(href: string): URL {
  const path = href.replace(/^\//, '').split(/[?#]/)[0]!;
  return new URL(path === '' || path.endsWith('/') ? `${path}index.html` : path, dist);
}

describe.skipIf(!built)('built site', () => {
  describe.each(pages)('$file', ({ file, lang, onThisPage, note, other }) => {
    const document = load(file);

    it(`is marked as ${lang}`, () => {
      expect(document.documentElement.lang).toBe(lang);
    });

    it('draws every figure inline as SVG inside its <figure>', () => {
      for (const id of figureIds) {
        const svg = document.querySelector(`figure#figure-${id} > svg`);
        expect(svg, `figure#figure-${id} > svg`).not.toBeNull();
        expect(svg!.getAttribute('role')).toBe('img');
        expect(svg!.querySelector('title')?.textContent?.trim(), `title of ${id}`).toBeTruthy();
        expect(svg!.querySelector('desc')?.textContent?.trim(), `description of ${id}`).toBeTruthy();
        expect(svg!.querySelectorAll('path, circle, rect, image').length, `marks of ${id}`).toBeGreaterThan(0);
        expect(document.querySelector(`figure#figure-${id} > figcaption`)?.textContent?.trim(), `caption of ${id}`).toBeTruthy();
      }
    });

    it('shows a training log for each variant', () => {
      const logs = [...document.querySelectorAll('.training-log')];
      expect(logs.map((log) => log.getAttribute('data-variant'))).toEqual(variantIds);
      for (const log of logs) {
        const text = log.querySelector('pre')?.textContent ?? '';
        expect(text).toMatch(/^Epoch \d+\/\d+\n\S+ +(\d+)\/\1 \[=+\] \d+\.\ds \d+\.\d\dms\/update - loss: \d+\.\d{4}$/);
        expect(log.querySelector('p')?.textContent).toMatch(/\d\.\d{4}/);
      }
    });

    it('prints no NaN, undefined, Infinity or unfilled {{placeholder}}', () => {
      const text = readable(document);
      for (const bad of ['NaN', 'undefined', 'Infinity', '{{', '[object Object]']) expect(text).not.toContain(bad);
      for (const value of document.querySelectorAll('.lesson-value')) expect(value.textContent?.trim()).toBeTruthy();
    });

    it('has no empty <svg>', () => {
      for (const svg of document.querySelectorAll('svg')) expect(svg.children.length).toBeGreaterThan(0);
    });

    it(`links to the ${other} page, which exists`, () => {
      const link = document.querySelector(`a[hreflang="${other}"]`);
      expect(link, `a[hreflang="${other}"]`).not.toBeNull();
      const target = servedFile(link!.getAttribute('href')!);
      expect(existsSync(target), fileURLToPath(target)).toBe(true);
      expect(load(fileURLToPath(target).slice(fileURLToPath(dist).length)).documentElement.lang).toBe(other);
    });

    it("shows Starlight's own labels in the page's language", () => {
      expect(document.querySelector('#starlight__on-this-page')?.textContent?.trim()).toBe(onThisPage);
      // Asides are labelled by Starlight only when it recognises the page under src/content/docs.
      expect(document.querySelector('aside.starlight-aside--note')?.getAttribute('aria-label')).toBe(note);
    });
  });
});
