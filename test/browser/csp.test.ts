import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../scripts/csp';
import { DIST } from '../../scripts/site';

/**
 * The policy a host sends must allow exactly the inline scripts of the build it serves. It is
 * committed beside this test, so that a change (a Starlight upgrade that edits its inline scripts)
 * shows up in review and reaches the host's configuration, instead of silently breaking the theme
 * menu for readers. UPDATE_SNAPSHOTS=1 rewrites it.
 */
const expectedFile = new URL('./content-security-policy.txt', import.meta.url).pathname;
const built = existsSync(join(DIST, 'index.html'));
if (!built && process.env.CI !== 'true') console.warn('test/browser/csp.test.ts: skipped, dist/ is absent; run `npm run build` first.');

describe.skipIf(!built && process.env.CI !== 'true')('Content-Security-Policy', () => {
  it(`matches ${relative(process.cwd(), expectedFile)}`, () => {
    expect(built, 'dist/ is absent; run `npm run build` first').toBe(true);
    const policy = contentSecurityPolicy(DIST);
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(expectedFile, `${policy}\n`);
    const expected = readFileSync(expectedFile, 'utf8').trim();
    expect(policy, 'the built site needs a different policy: update the file (UPDATE_SNAPSHOTS=1) and the host').toBe(expected);
  });
});
