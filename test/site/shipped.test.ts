import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What ships must not give away the machine it was built on, nor load anything from elsewhere:
 * these tests scan every file in dist/ and artefacts/ after `npm run build`.
 */
const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const artefacts = join(root, 'artefacts');
const present = existsSync(join(dist, 'index.html'));
if (!present && process.env.CI === 'true') throw new Error('dist/ is absent: CI runs `npm run build` before `npm test`');
if (!present) console.warn('test/site/shipped.test.ts: skipped, dist/ is absent; run `npm run build` first.');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const textFiles = () => [...files(dist), ...files(artefacts)].filter((f) => /\.(html|css|js|json|svg|xml|txt)$/.test(f));

/** Values that identify this machine or its user, and secrets from the environment. */
function privateStrings(): string[] {
  const secrets = Object.entries(process.env)
    .filter(([name, value]) => /TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE/i.test(name) && value && value.length >= 8)
    .map(([, value]) => value!);
  // Short or generic values ("root", "/root") would match ordinary words; keep the distinctive ones.
  return [root.replace(/\/$/, ''), homedir(), hostname(), userInfo().username, ...secrets].filter((s) => s.length >= 6 && s !== '/root');
}

describe.skipIf(!present)('what ships', () => {
  it('holds no absolute local path, machine name, user name or secret', () => {
    const needles = privateStrings();
    expect(needles.length).toBeGreaterThan(0);
    const leaks = textFiles().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return needles.filter((n) => text.includes(n)).map((n) => `${file.slice(root.length)} contains ${JSON.stringify(n)}`);
    });
    expect(leaks).toEqual([]);
    // Paths of build machines in general, whoever builds.
    const paths = textFiles().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:\/home\/|\/Users\/|\/root\/|[A-Z]:\\\\Users)[\w.-]+/g)].map(
        (m) => `${file.slice(root.length)}: ${m[0]}`,
      ),
    );
    expect(paths).toEqual([]);
  });

  it('loads nothing from another origin: no external script, stylesheet, font, image or frame', () => {
    const external = files(dist)
      .filter((f) => /\.(html|css)$/.test(f))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const loads = [
          ...text.matchAll(/<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc="(?:https?:)?\/\/[^"]*"/gi),
          ...text.matchAll(/<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>/gi),
          ...text.matchAll(/url\(\s*['"]?(?:https?:)?\/\/[^)]*\)/gi),
          ...text.matchAll(/@import\s+['"]?(?:https?:)?\/\//gi),
        ].map((m) => m[0]);
        // A <link> to another origin is a load only for stylesheets, icons, preloads and fonts.
        return loads
          .filter(
            (l) =>
              !/^<link\b/i.test(l) || /rel="(?:stylesheet|icon|preload|prefetch|preconnect|dns-prefetch|modulepreload|manifest)"/i.test(l),
          )
          .map((l) => `${file.slice(root.length)}: ${l}`);
      });
    expect(external).toEqual([]);
  });
});
