/**
 * The built sample site in a real browser (Debian's Chromium via playwright-core): citations
 * land on their sentence, the chart draws, search answers, and nothing is fetched from another
 * host. Skipped, loudly, where no Chromium is installed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';

describe.skipIf(!chromiumPath)('sample site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serve(inject('sampleSite'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      // The 404 page is meant to answer 404; anything else logged as an error is a bug.
      if (message.type() === 'error' && !(path === '/no-such-page/' && message.text().includes('404'))) errors.push(`${path}: ${message.text()}`);
    });
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
    return page;
  }

  test('a key point links to its sentence, which is scrolled to and highlighted', async () => {
    const page = await open('/topics/apple-in-china/');
    const cite = page.locator('.points li .cite a').first();
    const href = await cite.getAttribute('href');
    const quote = await cite.locator('.ref-tip').textContent();
    expect(href).toMatch(/^\/articles\/[a-z0-9-]+\/#s-[a-z0-9-]+$/);
    await cite.click();
    await page.waitForURL(`**${href}`);
    const id = href!.split('#')[1]!;
    const target = page.locator(`[id="${id}"]`);
    await expect.poll(() => target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(quote).toContain((await target.innerText()).trim());
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
    await page.close();
  });

  test('the market-share chart draws from its data, and chart.js loads only there', async () => {
    const page = await open('/topics/market-share/');
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    const canvas = page.locator('canvas[data-chart]').first();
    await canvas.scrollIntoViewIfNeeded();
    await expect
      .poll(() => canvas.evaluate((el: HTMLCanvasElement) => {
        const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      }), { timeout: 10_000 })
      .toBeGreaterThan(1000);
    await page.close();

    const plain = await open('/topics/alibaba-ai/');
    const requested: string[] = [];
    plain.on('request', (r) => requested.push(r.url()));
    await plain.waitForLoadState('networkidle');
    // Only the inline `/` shortcut and theme switch, which fetch nothing (tests/build/site.test.ts pins their bytes).
    expect(await plain.locator('script:not([type="application/json"]):not([type="application/ld+json"])').count()).toBe(2);
    expect(await plain.locator('script[src]').count()).toBe(0);
    expect(requested.filter((u) => u.endsWith('.js'))).toEqual([]);
    await plain.close();
  });

  test('search answers from the shared URL /search/?q=', async () => {
    const page = await open('/search/?q=Huawei');
    const results = page.locator('.search-result');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const first = await results.first().locator('h2 a').getAttribute('href');
    expect(first).toMatch(/^\/(articles|topics|entities)\//);
    await page.close();
  });

  test('the search box works without JavaScript, as a form to /search/', async () => {
    const page = await open('/articles/');
    await page.fill('#site-search', 'Qwen');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/search/?q=Qwen');
    await page.close();
  });

  test('an unknown address shows the 404 page', async () => {
    const page = await open('/no-such-page/');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    await page.close();
  });

  test('the Content-Security-Policy stops script the site did not ship', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('articles/', server.url).href);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(/Content Security Policy/);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await page.close();
  });

  test('no request left the site, and no page logged an error', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
