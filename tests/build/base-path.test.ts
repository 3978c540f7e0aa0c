/**
 * The sample site hosted under a sub-path with a known site URL (`npm run build -- --base /briefs/
 * --site https://example.com`): every link, asset, card, feed, data file and the search work
 * under `/briefs/`, and every URL a crawler reads is absolute.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { checkLinks } from '../helpers/links.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { elements, siteFiles } from '../helpers/site.ts';

const BASE = '/briefs/';
const SITE = 'https://example.com';
const outDir = join(projectRoot, '.test-sites', 'briefs');
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  const run = buildSite(outDir, { args: ['--base', BASE, '--site', SITE] });
  if (run.status !== 0) throw new Error(`building under ${BASE} failed:\n${run.output}`);
});

test('no broken link under /briefs/: pages, feeds, sitemap, data files, cards', () => {
  const report = checkLinks(outDir, { base: BASE, site: SITE });
  expect(report.broken).toEqual([]);
  expect(report.checked).toBeGreaterThan(1000);
});

test('no page links to a root path outside the base', () => {
  const outside: string[] = [];
  for (const file of siteFiles(outDir).filter((f) => f.endsWith('.html'))) {
    for (const m of read(file).matchAll(/\s(href|src|action|content|data-bundle)="(\/[^"]*)"/g)) {
      if (!m[2]!.startsWith(BASE)) outside.push(`${file}: ${m[1]}="${m[2]}"`);
    }
  }
  expect(outside).toEqual([]);
});

test('every page shares an absolute canonical URL and card image under the base', () => {
  for (const file of siteFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const tree = fromHtml(read(file));
    const meta = (key: string) => elements(tree, (el) => el.tagName === 'meta' && (el.properties.property === key || el.properties.name === key))[0]?.properties.content;
    const canonical = elements(tree, (el) => el.tagName === 'link' && String(el.properties.rel) === 'canonical')[0]?.properties.href;
    if (file === '404.html') expect(canonical, file).toBeUndefined();
    else expect(canonical, file).toBe(`${SITE}${BASE}${file.replace(/index\.html$/, '')}`);
    const card = file.startsWith('topics/') && file !== 'topics/index.html' ? `og/topics/${file.split('/')[1]}.png` : 'og/site.png';
    expect(meta('og:image'), file).toBe(`${SITE}${BASE}${card}`);
    expect(meta('twitter:image'), file).toBe(`${SITE}${BASE}${card}`);
    expect(meta('twitter:card'), file).toBe('summary_large_image');
  }
});

test('feeds, sitemap and robots.txt carry absolute URLs under the base', () => {
  const feed = read('rss.xml');
  expect(feed).toContain(`<link>${SITE}${BASE}</link>`);
  expect(feed).toContain(`<atom:link href="${SITE}${BASE}rss.xml" rel="self" type="application/rss+xml"/>`);
  expect([...feed.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]).every((l) => l!.startsWith(`${SITE}${BASE}articles/`))).toBe(true);
  expect(read('topics/market-share/rss.xml')).toContain(`<link>${SITE}${BASE}topics/market-share/</link>`);
  expect(read('sitemap-index.xml')).toContain(`<loc>${SITE}${BASE}sitemap-0.xml</loc>`);
  const sitemap = read('sitemap-0.xml');
  expect(sitemap).toContain(`<loc>${SITE}${BASE}topics/market-share/</loc>`);
  expect(sitemap).not.toContain('404');
  expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}${BASE}sitemap-index.xml\n`);
});

describe.skipIf(!chromiumPath)('under /briefs/ in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve(outDir, BASE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the chart draws and search answers with links under the base; every request is served', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(new URL('topics/market-share/', server.url).href);
    const canvas = page.locator('canvas[data-chart]').first();
    await canvas.scrollIntoViewIfNeeded();
    const painted = () =>
      canvas.evaluate((el: HTMLCanvasElement) => {
        const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
        return count;
      });
    await expect.poll(painted, { timeout: 10_000 }).toBeGreaterThan(1000);
    // Search results are links into article, topic and entity pages; whatever the search UI's
    // markup, each must carry the base.
    await page.goto(new URL('search/?q=Huawei', server.url).href);
    const results = page.locator(`main a[href^="${BASE}articles/"][href$="/"]:not([href="${BASE}articles/"]), main a[href^="${BASE}entities/"]:not([href="${BASE}entities/"])`);
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('/') && !h.startsWith(BASE))).toEqual([]);
    expect(failed).toEqual([]);
    expect(server.requests.filter((p) => !p.startsWith(BASE))).toEqual([]);
    await page.close();
  });
});
