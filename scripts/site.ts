/**
 * The built site in dist/ as a reader's browser sees it: its pages, found by walking the folder
 * (never listed by hand), with the URL path each is served at and the language it declares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder `npm run build` writes. */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/** One built page. */
export interface SitePage {
  /** Absolute path of the HTML file. */
  file: string;
  /** The URL path a static host serves it at: `/`, `/en/`, `/404.html`. */
  path: string;
  /** Its `<html lang>`. */
  lang: string;
  /** True for the page a host sends for a missing URL; it has no counterpart in other languages. */
  notFound: boolean;
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Every page under `root`, sorted by URL path. */
export function sitePages(root: string = DIST): SitePage[] {
  return htmlFiles(root)
    .map((file) => {
      const served = relative(root, file).split(sep).join('/');
      const path = `/${served.replace(/(^|\/)index\.html$/, '$1')}`;
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      return { file, path, lang, notFound: served === '404.html' };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
