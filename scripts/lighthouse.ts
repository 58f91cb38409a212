/**
 * `npm run lighthouse`: Lighthouse 12 over the lesson in each language, served from dist/ with the
 * site's Content-Security-Policy, in headless Chromium (CHROME_PATH, or /usr/bin/chromium).
 * Lighthouse's default run is a mid-range phone on a slow 4G connection (simulated throttling);
 * `-- --desktop` uses its desktop settings instead. One untimed run warms the browser up first.
 * Prints the four category scores and the audits that failed, and writes
 * .artifacts/lighthouse/summary-mobile.json (or -desktop) with an HTML report per page.
 * Exits 1 when a run fails, 2 when it cannot start; the scores themselves are reported, not gated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, generateReport, type Result } from 'lighthouse';
import { writeJsonAtomic } from '../src/artefacts/io';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from './chromium';
import { contentSecurityPolicy } from './csp';
import { serve } from './serve';
import { DIST, sitePages } from './site';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const OUT = join(DIST, '..', '.artifacts', 'lighthouse');

interface PageScores {
  path: string;
  lang: string;
  formFactor: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  metrics: Record<string, string | undefined>;
  /** Scored audits below 0.9, with Lighthouse's own title. */
  failing: { id: string; score: number; title: string; displayValue?: string }[];
  report: string;
}

function summarise(lhr: Result, path: string, lang: string, report: string): PageScores {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as PageScores['scores'];
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
      id,
      lhr.audits[id]?.displayValue,
    ]),
  );
  const scored = new Set(
    CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? []),
  );
  const failing = Object.values(lhr.audits)
    .filter((audit) => scored.has(audit.id) && audit.score !== null && audit.score < 0.9)
    .map(({ id, score, title, displayValue }) => ({ id, score: score!, title, displayValue }));
  return { path, lang, formFactor: lhr.configSettings.formFactor, scores, metrics, failing, report };
}

async function main(): Promise<number> {
  const pages = hasChromium() ? sitePages().filter((page) => !page.notFound) : [];
  if (pages.length === 0) {
    console.error('lighthouse: needs Chromium (CHROME_PATH or /usr/bin/chromium) and a built site (npm run build).');
    return 2;
  }
  const desktop = process.argv.includes('--desktop');
  const server = await serve({ csp: contentSecurityPolicy(DIST) });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  const results: PageScores[] = [];
  try {
    // A fresh browser's first page pays for starting its renderer and reading fonts from disk (the
    // CJK ones are large), which a reader's phone has done long before; one run is discarded.
    console.error('lighthouse: warming up');
    await lighthouse(`${server.origin}${pages[0]!.path}`, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance'] });
    for (const page of pages) {
      console.error(`lighthouse: ${page.path} (${desktop ? 'desktop' : 'mobile'})`);
      const flags = { port: chrome.port, logLevel: 'error' as const, onlyCategories: [...CATEGORIES] };
      const run = await lighthouse(`${server.origin}${page.path}`, flags, desktop ? desktopConfig : undefined);
      if (!run) throw new Error(`no result for ${page.path}`);
      if (run.lhr.runtimeError) throw new Error(`${page.path}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`);
      const name = `${page.lang}-${desktop ? 'desktop' : 'mobile'}.html`;
      writeHtml(join(OUT, name), generateReport(run.lhr, 'html'));
      results.push(summarise(run.lhr, page.path, page.lang, name));
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  const score = (s: number | null) => (s === null ? '–' : String(Math.round(s * 100)));
  console.log(`page      form     performance  accessibility  best-practices  seo   FCP      LCP      TBT     CLS`);
  for (const r of results) {
    console.log(
      [
        r.path.padEnd(9),
        r.formFactor.padEnd(8),
        ...CATEGORIES.map((c, i) => score(r.scores[c]).padStart([11, 14, 15, 4][i]!)),
        ...['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'].map((m) =>
          (r.metrics[m] ?? '').replace(/\u00a0/g, ' ').padStart(8),
        ),
      ].join(' '),
    );
    for (const f of r.failing)
      console.log(`    ${f.id} (${Math.round(f.score * 100)}): ${f.title}${f.displayValue ? `: ${f.displayValue}` : ''}`);
  }
  writeJsonAtomic(join(OUT, `summary-${desktop ? 'desktop' : 'mobile'}.json`), { measuredAt: new Date().toISOString(), results });
  console.error(`lighthouse: wrote ${relative(process.cwd(), OUT)}/`);
  return 0;
}

function writeHtml(path: string, html: string): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path, html);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
