/**
 * How fast search answers on a built site, as a reader meets it: the site served locally, the
 * search page opened in headless Chromium (a fresh profile, so nothing is cached), and once the
 * page has loaded Pagefind, the query entered into the box in one input event.
 *
 * - `keystrokeToResultsMs`: from that input event to the first frame with results on screen
 *   (the page's debounce, Pagefind's search, the fragments of the first page of results, and
 *   the rendering). The median of `runs` cold runs.
 * - `firstQueryBytes`: the bytes of every file under the Pagefind bundle requested from the input
 *   event until the results are shown and the network is quiet: the index chunks the query
 *   needs and the fragments of the results shown. What loading the page costs before a query
 *   (Pagefind's script, WebAssembly and metadata) is `initBytes`.
 *
 * Bytes are counted at the server (the size of each file it sends, uncompressed), which sees
 * the requests Pagefind makes from its worker as well as the page's.
 *
 * Used by `npm run bench` (scripts/bench.ts); on its own: `node scripts/bench/search.ts dist`.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { resolveFile, serve, type StaticServer } from '../../tests/helpers/serve.ts';

export interface SearchMeasurement {
  query: string;
  firstQueryBytes: number;
  keystrokeToResultsMs: number;
  /** Bytes Pagefind loads with the search page, before any query. */
  initBytes: number;
  /** How many results the query found. */
  results: number;
  /** Every cold run's keystroke-to-results time, in order. */
  runsMs: number[];
}

/** The base path the site was built for, from where its search page loads Pagefind. */
function basePath(siteDir: string): string {
  const html = readFileSync(resolve(siteDir, 'search', 'index.html'), 'utf8');
  const bundle = /data-bundle="([^"]*)pagefind\/"/.exec(html)?.[1];
  if (bundle === undefined) throw new Error(`${siteDir}/search/index.html has no search bundle (data-bundle): is it a Briefings build?`);
  return bundle;
}

/** Bytes of the Pagefind files the server sent for `requests[from..to)`. */
function bundleBytes(server: StaticServer, root: string, base: string, from: number, to = server.requests.length): number {
  let bytes = 0;
  for (const path of server.requests.slice(from, to)) {
    if (!path.startsWith(`${base}pagefind/`)) continue;
    const file = resolveFile(root, path.slice(base.length - 1));
    if (file) bytes += statSync(file).size;
  }
  return bytes;
}

export async function measureSearch(siteDir: string, query = 'Huawei share', runs = 3): Promise<SearchMeasurement> {
  const root = resolve(siteDir);
  const base = basePath(root);
  const server = await serve(root, base);
  const browser = await launchChromium();
  const times: number[] = [];
  let firstQueryBytes = 0;
  let initBytes = 0;
  let results = 0;
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const opened = server.requests.length;
      await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
      await page.locator('[data-search-input]').waitFor();
      const typed = server.requests.length;
      // Stamp the input event and the first frame that shows a result.
      await page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('[data-search-input]')!;
        const list = document.querySelector('[data-search-results]')!;
        const stamps = { input: 0, shown: 0 };
        (window as unknown as { searchStamps: typeof stamps }).searchStamps = stamps;
        box.addEventListener('input', () => (stamps.input ||= performance.now()), { capture: true });
        new MutationObserver(() => {
          if (!stamps.shown && list.querySelector('.search-result')) requestAnimationFrame(() => (stamps.shown ||= performance.now()));
        }).observe(list, { childList: true });
      });
      await page.fill('[data-search-input]', query);
      await page.waitForFunction(() => (window as unknown as { searchStamps: { shown: number } }).searchStamps.shown > 0, undefined, { timeout: 60_000 });
      const stamps = await page.evaluate(() => (window as unknown as { searchStamps: { input: number; shown: number } }).searchStamps);
      times.push(stamps.shown - stamps.input);
      // Let the last fragment requests of the first page of results finish.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      if (run === 0) {
        initBytes = bundleBytes(server, root, base, opened, typed);
        firstQueryBytes = bundleBytes(server, root, base, typed);
        // The status prints the count as the site prints numbers ("2,418 results").
        results = Number(/^[\d,]+/.exec(await page.locator('[data-search-status]').innerText())?.[0].replaceAll(',', '') ?? 0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    query,
    firstQueryBytes,
    keystrokeToResultsMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    initBytes,
    results,
    runsMs: times.map((t) => Math.round(t)),
  };
}

if (import.meta.main) {
  const [siteDir = 'dist', query] = process.argv.slice(2);
  console.log(JSON.stringify(await measureSearch(siteDir, query), null, 2));
}
