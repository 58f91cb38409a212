import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, scriptHash } from '../../scripts/csp';
import { serve, type StaticServer } from '../../scripts/serve';
import { sitePages } from '../../scripts/site';

/** The static server and the policy, on a small site made for the test (no build needed). */
const root = mkdtempSync(join(tmpdir(), 'minibatch-serve-'));
mkdirSync(join(root, 'en'));
writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><html lang="ja"><script>one()</script><script src="/a.js"></script></html>');
writeFileSync(join(root, 'en', 'index.html'), '<!DOCTYPE html><html lang="en"><script type="module">two()</script></html>');
writeFileSync(join(root, '404.html'), '<!DOCTYPE html><html lang="ja"><p>missing</p></html>');
writeFileSync(join(root, 'a.js'), 'one = () => {};');
const secret = join(tmpdir(), 'minibatch-serve-secret.txt');
writeFileSync(secret, 'outside');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(secret, { force: true });
});

/** A GET with the path exactly as given. */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('serve', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve({ root, csp: "default-src 'self'" });
  });
  afterAll(() => server.close());

  it('serves a folder as its index.html, with the policy and gzip when asked', async () => {
    const response = await fetch(`${server.origin}/en/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await response.text()).toContain('two()');
    const raw = await fetch(`${server.origin}/a.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers a missing or escaping path with the 404 page', async () => {
    // Sent as typed: fetch would resolve the dots before they reach the server.
    for (const path of [
      '/nowhere/',
      '/../minibatch-serve-secret.txt',
      '/%2e%2e/minibatch-serve-secret.txt',
      '/..%2fminibatch-serve-secret.txt',
    ]) {
      const { status, body } = await rawGet(server.origin, path);
      expect(status, path).toBe(404);
      expect(body, path).toContain('missing');
    }
  });
});

describe('sitePages', () => {
  it('finds every page with its address and language', () => {
    expect(sitePages(root).map(({ path, lang, notFound }) => ({ path, lang, notFound }))).toEqual([
      { path: '/', lang: 'ja', notFound: false },
      { path: '/404.html', lang: 'ja', notFound: true },
      { path: '/en/', lang: 'en', notFound: false },
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it('hashes inline scripts byte for byte and ignores scripts with src', () => {
    expect(inlineScripts('<script>a</script><script src="x.js"></script><script type="module">\nb\n</script>')).toEqual(['a', '\nb\n']);
    // printf 'one()' | openssl dgst -sha256 -binary | base64, and the same over UTF-8 bytes.
    expect(scriptHash('one()')).toBe("'sha256-HR7iaask9daLMRRskMI++QeJtjWDOjyPA6lGzYGzKW4='");
    expect(scriptHash('データ')).toBe("'sha256-Fnc4QmVuUwTytNnoEJq46YGofbcjIHAM0L4lIZFXzKg='");
  });

  it("allows the site's inline scripts and nothing else inline", () => {
    const policy = contentSecurityPolicy(root);
    expect(policy).toContain(`script-src 'self' ${[scriptHash('one()'), scriptHash('two()')].sort().join(' ')};`);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });
});
