/**
 * `npm run lighthouse`: Lighthouse (mobile, its default) on the built site, served locally the way
 * a CDN serves it, over the pages a reader lands on: the home page, a topic, an article and a
 * search. Prints the four category scores of each page and exits non-zero when one is under the
 * bar (95, or `--min N`).
 *
 *   npm run build && npm run lighthouse                  # dist/
 *   npm run lighthouse -- --dir .test-sites/sample --min 90
 *   npm run lighthouse -- --page /topics/market-share/   # one page (repeatable)
 *
 * Chromium is Debian's (`/usr/bin/chromium`, or `CHROME_PATH`), with the flags the browser tests
 * use; nothing is downloaded and nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../tests/helpers/browser.ts';
import { serve } from '../tests/helpers/serve.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export interface PageScores {
  path: string;
  scores: Record<Category, number>;
  /** Audits that lost points, for a score under the bar: what to fix. */
  failing: string[];
  /** Cumulative layout shift, as measured. */
  layoutShift: number;
}

/** The pages a reader lands on: home, the first topic, the newest article, and a search. */
export function defaultPages(dir: string): string[] {
  const topics = JSON.parse(readFileSync(resolve(dir, 'data/topics.json'), 'utf8')) as { path: string }[];
  const articles = JSON.parse(readFileSync(resolve(dir, 'data/articles.json'), 'utf8')) as { path: string }[];
  return ['/', topics[0]?.path, articles[0]?.path, '/search/?q=Alibaba'].filter((path): path is string => Boolean(path));
}

/** Lighthouse on each of `paths` of the site built in `dir`, one after another in one Chromium. */
export async function audit(dir: string, paths: string[]): Promise<PageScores[]> {
  const chromePath = process.env.CHROME_PATH ?? chromiumPath;
  if (!chromePath) throw new Error('no Chromium: install Debian’s (apt-get install -y chromium) or set CHROME_PATH');
  const server = await serve(resolve(dir));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromiumFlags, logLevel: 'silent' });
  try {
    const results: PageScores[] = [];
    for (const path of paths) {
      const run = await lighthouse(new URL(path.replace(/^\//, ''), server.url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!run) throw new Error(`Lighthouse gave no result for ${path}`);
      const { categories, audits } = run.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const failing = CATEGORIES.flatMap((c) =>
        (categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${audits[ref.id]?.title ?? ref.id}${audits[ref.id]?.displayValue ? ` (${audits[ref.id]!.displayValue})` : ''}`),
      );
      results.push({ path, scores, failing, layoutShift: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN });
    }
    return results;
  } finally {
    chrome.kill();
    await server.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, page: { type: 'string', multiple: true }, min: { type: 'string', default: '95' } } });
  const dir = values.dir;
  const min = Number(values.min);
  const results = await audit(dir, values.page ?? defaultPages(dir));
  const width = Math.max(...results.map((r) => r.path.length), 4);
  console.log(`${'page'.padEnd(width)}  performance  accessibility  best-practices  seo`);
  for (const { path, scores } of results) {
    console.log(`${path.padEnd(width)}  ${String(scores.performance).padStart(11)}  ${String(scores.accessibility).padStart(13)}  ${String(scores['best-practices']).padStart(14)}  ${String(scores.seo).padStart(3)}`);
  }
  const under = results.filter((r) => CATEGORIES.some((c) => r.scores[c] < min));
  for (const r of under) console.log(`\n${r.path} is under ${min}:\n  ${r.failing.join('\n  ')}`);
  process.exitCode = under.length > 0 ? 1 : 0;
}
