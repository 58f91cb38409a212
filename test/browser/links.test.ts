import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DIST, sitePages, type SitePage } from '../../scripts/site';

/**
 * Every link and asset reference in the built pages, checked without a browser: an internal
 * address must name a file in dist/ and a `#fragment` an element on the page it leads to.
 * External addresses are listed, never fetched (tests use no network).
 */
const built = existsSync(join(DIST, 'index.html'));
const ORIGIN = 'https://site.invalid';

/** The file a static host serves for a site path, or undefined if there is none. */
function servedFile(pathname: string): string | undefined {
  const path = join(DIST, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isDirectory()) {
    const index = join(path, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(path) ? path : undefined;
}

const documents = new Map<string, Document>();
function parse(file: string): Document {
  if (!documents.has(file)) documents.set(file, new JSDOM(readFileSync(file, 'utf8')).window.document);
  return documents.get(file)!;
}

/** Every address a page refers to, with the element it came from. */
function references(page: SitePage): { href: string; from: string }[] {
  const document = parse(page.file);
  const attributes: [string, string][] = [
    ['a[href]', 'href'],
    ['link[href]', 'href'],
    ['script[src]', 'src'],
    ['img[src]', 'src'],
    ['source[src]', 'src'],
    ['use[href]', 'href'],
  ];
  return attributes.flatMap(([selector, attribute]) =>
    [...document.querySelectorAll(selector)].map((element) => ({
      href: element.getAttribute(attribute)!,
      from: `<${element.tagName.toLowerCase()} ${attribute}>`,
    })),
  );
}

const pages = built ? sitePages() : [];
if (!built) {
  if (process.env.CI === 'true') {
    describe('links', () => it('has a built site', () => expect.fail('dist/ is absent; run `npm run build` first')));
  } else {
    console.warn('test/browser/links.test.ts: skipped, dist/ is absent; run `npm run build` first.');
  }
}

describe.skipIf(!built)('links', () => {
  const external = new Set<string>();

  it.each(pages)('$path: every internal address names a file and every #fragment an element', ({ path, file }) => {
    const problems: string[] = [];
    const base = new URL(path, ORIGIN);
    for (const { href, from } of references({ path, file } as SitePage)) {
      const url = new URL(href, base);
      if (url.origin !== ORIGIN) {
        external.add(url.href);
        continue;
      }
      const target = servedFile(url.pathname);
      if (!target) {
        problems.push(`${from} ${href}: no file in dist/ for ${url.pathname}`);
        continue;
      }
      if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        const document = parse(target);
        if (!document.getElementById(id) && !document.getElementsByName(id).length)
          problems.push(`${from} ${href}: no element with id "${id}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists the external addresses (not fetched)', () => {
    console.log(external.size ? `external links:\n  ${[...external].sort().join('\n  ')}` : 'external links: none');
  });
});
