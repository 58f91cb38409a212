/**
 * A small static server for the built site, as a plain host would serve it: files from dist/,
 * `index.html` for a folder, the 404 page for anything else, gzip when the browser accepts it, and
 * optionally a Content-Security-Policy header. `npm run serve` serves dist/ with the site's policy
 * and prints the address and the policy (`npm run -s serve -- --print-csp` prints only the policy);
 * the browser tests, budgets and Lighthouse start it too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy } from './csp';
import { DIST } from './site';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.svg', '.json', '.txt', '.xml']);

/** A running server. */
export interface StaticServer {
  /** Its origin, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder to serve; dist/ by default. */
  root?: string;
  /** A Content-Security-Policy header value to send with every response. */
  csp?: string;
}

/** The file a request path names inside `root`, or undefined if there is none (or it escapes). */
function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(file) ? file : undefined;
}

function respond(request: IncomingMessage, response: ServerResponse, root: string, csp?: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = fileFor(root, request.url ?? '/');
  const notFound = join(root, '404.html');
  const file = found ?? (existsSync(notFound) ? notFound : undefined);
  const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (csp) headers['Content-Security-Policy'] = csp;
  if (!file) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const extension = extname(file);
  let body = readFileSync(file);
  headers['Content-Type'] = TYPES[extension] ?? 'application/octet-stream';
  if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
  }
  headers['Content-Length'] = String(body.length);
  response.writeHead(found ? 200 : 404, headers).end(request.method === 'HEAD' ? undefined : body);
}

/** Serves the built site on 127.0.0.1 at a free port (or `port`). */
export function serve({ root = DIST, csp }: ServeOptions = {}, port = 0): Promise<StaticServer> {
  const server = createServer((request, response) => respond(request, response, normalize(root), csp));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('serve: no TCP address'));
      resolve({
        origin: `http://127.0.0.1:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('serve: dist/ has no index.html; run `npm run build` first.');
    process.exit(1);
  }
  const csp = contentSecurityPolicy(DIST);
  if (process.argv.includes('--print-csp')) {
    console.log(csp);
    process.exit(0);
  }
  const { origin } = await serve({ csp }, Number(process.env.PORT ?? 4321));
  console.error(`serve: ${origin}/ (Ctrl-C to stop)`);
  console.log(`Content-Security-Policy: ${csp}`);
}
