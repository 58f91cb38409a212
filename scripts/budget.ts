/**
 * `npm run budget`: what each built page costs a reader, measured. For every page in dist/: the
 * HTML as a host would send it (raw, gzip, brotli) and how much of it is inline figure SVG; then,
 * in headless Chromium over a gzip-serving local server with an empty cache, every request the
 * page makes and the bytes it transferred. Prints a table, writes .artifacts/budget.json, and exits
 * 1 when a page is over the budget below (2 when it cannot measure).
 *
 * Why these numbers: a new TCP connection starts with a congestion window of 10 segments, about
 * 14 KB (RFC 6928), and doubles it each round trip (14, 43, 100 KB delivered after 1, 2, 3 rounds).
 * Each figure is a thousand points of inline SVG, so a lesson page cannot arrive whole in the first
 * round; the budget asks that everything above the first figure does (the first screen of text), and
 * that the whole page arrives within three rounds with room to spare.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeJsonAtomic } from '../src/artefacts/io';
import { hasChromium, launchChromium } from './chromium';
import { serve } from './serve';
import { DIST, sitePages, type SitePage } from './site';

/** The agreed budget, per page. */
export const BUDGET = {
  /** Gzip size of the HTML before the first figure: the first round of slow start. */
  leadGzipBytes: 14 * 1024,
  /** Gzip size of the whole HTML, inline figures included: well inside three rounds (100 KB). */
  htmlGzipBytes: 80 * 1024,
  /** Everything the first visit transfers: HTML, CSS, scripts, icon, with headers. */
  transferBytes: 100 * 1024,
  /** Requests on the first visit: each new one should be a decision. */
  requests: 7,
};

/** The first congestion window (10 segments of 1460 bytes, RFC 6928), in bytes. */
const INITIAL_WINDOW = 10 * 1460;
const OUT = join(DIST, '..', '.artifacts', 'budget.json');

/** How many round trips slow start needs to deliver `bytes`, the window doubling from 14.6 KB. */
export function roundTrips(bytes: number): number {
  let delivered = 0;
  let window = INITIAL_WINDOW;
  let rounds = 0;
  while (delivered < bytes) {
    delivered += window;
    window *= 2;
    rounds++;
  }
  return rounds;
}

/** One page's measurement. */
interface PageCost {
  path: string;
  lang: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  htmlBrotliBytes: number;
  /** Gzip size of the HTML before the first figure (the whole page if it has none). */
  leadGzipBytes: number;
  /** Bytes of inline `<svg>` inside the lesson's figures, before compression. */
  figureSvgBytes: number;
  htmlRoundTrips: number;
  requests: number;
  transferBytes: number;
  byRequest: { url: string; type: string; bytes: number }[];
}

function measureFile(page: SitePage): Omit<PageCost, 'requests' | 'transferBytes' | 'byRequest'> {
  const html = readFileSync(page.file);
  const text = html.toString('utf8');
  const figures = [...text.matchAll(/<figure id="figure-[^"]*"[^>]*>\s*(<svg[\s\S]*?<\/svg>)/g)];
  const htmlGzipBytes = gzipSync(html, { level: 9 }).length;
  const firstFigure = html.indexOf('<figure');
  return {
    path: page.path,
    lang: page.lang,
    htmlBytes: html.length,
    htmlGzipBytes,
    htmlBrotliBytes: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    leadGzipBytes: firstFigure < 0 ? htmlGzipBytes : gzipSync(html.subarray(0, firstFigure), { level: 9 }).length,
    figureSvgBytes: figures.reduce((sum, [, svg]) => sum + Buffer.byteLength(svg!), 0),
    htmlRoundTrips: roundTrips(htmlGzipBytes),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function overBudget(cost: PageCost): string[] {
  const problems: string[] = [];
  if (cost.leadGzipBytes > BUDGET.leadGzipBytes)
    problems.push(`before the first figure ${kb(cost.leadGzipBytes)} KB gzip > ${kb(BUDGET.leadGzipBytes)} KB`);
  if (cost.htmlGzipBytes > BUDGET.htmlGzipBytes) problems.push(`HTML ${kb(cost.htmlGzipBytes)} KB gzip > ${kb(BUDGET.htmlGzipBytes)} KB`);
  if (cost.transferBytes > BUDGET.transferBytes) problems.push(`transfer ${kb(cost.transferBytes)} KB > ${kb(BUDGET.transferBytes)} KB`);
  if (cost.requests > BUDGET.requests) problems.push(`${cost.requests} requests > ${BUDGET.requests}`);
  return problems;
}

async function main(): Promise<number> {
  if (!hasChromium() || sitePages().length === 0) {
    console.error('budget: needs Chromium (CHROME_PATH or /usr/bin/chromium) and a built site (npm run build).');
    return 2;
  }
  const server = await serve();
  const browser = await launchChromium();
  const costs: PageCost[] = [];
  try {
    for (const page of sitePages()) {
      // A fresh context is an empty cache: the reader's first visit.
      const context = await browser.newContext();
      const tab = await context.newPage();
      const byRequest: PageCost['byRequest'] = [];
      const sizes: Promise<void>[] = [];
      tab.on('requestfinished', (request) => {
        sizes.push(
          request.sizes().then(({ responseBodySize, responseHeadersSize }) => {
            const url = new URL(request.url());
            byRequest.push({ url: url.pathname, type: request.resourceType(), bytes: responseBodySize + responseHeadersSize });
          }),
        );
      });
      await tab.goto(`${server.origin}${page.path}`, { waitUntil: 'networkidle' });
      await Promise.all(sizes);
      await context.close();
      byRequest.sort((a, b) => b.bytes - a.bytes);
      costs.push({
        ...measureFile(page),
        requests: byRequest.length,
        transferBytes: byRequest.reduce((sum, r) => sum + r.bytes, 0),
        byRequest,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log('page            HTML      gzip    brotli  lead gzip   figures (raw)  rounds  requests  transfer  verdict');
  let failed = false;
  for (const cost of costs) {
    const problems = overBudget(cost);
    failed ||= problems.length > 0;
    const share = ((100 * cost.figureSvgBytes) / cost.htmlBytes).toFixed(0);
    console.log(
      [
        cost.path.padEnd(10),
        `${kb(cost.htmlBytes)} KB`.padStart(9),
        `${kb(cost.htmlGzipBytes)} KB`.padStart(9),
        `${kb(cost.htmlBrotliBytes)} KB`.padStart(9),
        `${kb(cost.leadGzipBytes)} KB`.padStart(10),
        `${kb(cost.figureSvgBytes)} KB ${share.padStart(2)}%`.padStart(15),
        String(cost.htmlRoundTrips).padStart(7),
        String(cost.requests).padStart(9),
        `${kb(cost.transferBytes)} KB`.padStart(9),
        problems.length ? `  OVER: ${problems.join('; ')}` : '  ok',
      ].join(' '),
    );
  }
  console.log(
    `budget per page: before the first figure ≤ ${kb(BUDGET.leadGzipBytes)} KB gzip (first round of slow start: ${kb(INITIAL_WINDOW)} KB),` +
      ` HTML ≤ ${kb(BUDGET.htmlGzipBytes)} KB gzip, transfer ≤ ${kb(BUDGET.transferBytes)} KB, ≤ ${BUDGET.requests} requests`,
  );
  writeJsonAtomic(OUT, { measuredAt: new Date().toISOString(), budget: BUDGET, initialWindowBytes: INITIAL_WINDOW, pages: costs });
  console.error(`budget: wrote ${relative(process.cwd(), OUT)}`);
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`budget: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
