/**
 * The Content-Security-Policy a host can send with the built site. Starlight inlines a few small
 * scripts (the theme provider, the theme and language menus, the sidebar state); the policy allows
 * exactly those by their SHA-256 hashes, so any other inline script, injected or not, is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sitePages } from './site';

/** Every directive except script-src, which depends on the build. */
const FIXED_DIRECTIVES = [
  "default-src 'self'",
  // Starlight's stylesheet draws a few icons as data: URIs.
  "img-src 'self' data:",
  // Plot writes its figures' styles as style attributes, and Starlight sets a few too; hashing
  // each attribute would need 'unsafe-hashes' and a policy that changes with every figure.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The contents of every inline `<script>` (one without `src`) in a page, byte for byte. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc\s*=/i.test(attributes!))
    .map(([, , body]) => body!);
}

/** The `'sha256-…'` source for one inline script, as browsers compute it over its UTF-8 bytes. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** The sorted, distinct hashes of the inline scripts of every page under `root`. */
export function inlineScriptHashes(root: string): string[] {
  const hashes = sitePages(root).flatMap((page) => inlineScripts(readFileSync(page.file, 'utf8')).map(scriptHash));
  return [...new Set(hashes)].sort();
}

/** The policy for the site built in `root`, as one header value. */
export function contentSecurityPolicy(root: string): string {
  return [...FIXED_DIRECTIVES.slice(0, 1), `script-src 'self' ${inlineScriptHashes(root).join(' ')}`, ...FIXED_DIRECTIVES.slice(1)].join(
    '; ',
  );
}
