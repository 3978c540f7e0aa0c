/**
 * Reading the sample site on a phone and a desktop (Debian's Chromium via playwright-core): the
 * topic page's table of contents lands on every section, citations are targets a finger can hit
 * and show their sentence on focus, the search page does not shift as it loads and answers, and
 * the light/dark switch keeps its choice with no flash. Skipped, loudly, where no Chromium is installed.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';

const phone: BrowserContextOptions = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

describe.skipIf(!chromiumPath)('reading the sample site', () => {
  let browser: Browser;
  let server: StaticServer;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serve(inject('sampleSite'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: BrowserContextOptions = desktop): Promise<Page> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${path}: ${message.text()}`);
    });
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
    return page;
  }

  test('the topic page’s table of contents lists every section it shows, and each entry lands on its heading', async () => {
    const page = await open('/topics/market-share/', phone);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const entries = await toc.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(entries).toEqual([
      ["What's new", '#whats-new'],
      ['Key points', '#points'],
      ['Figures', '#figures'],
      ['Charts', '#charts'],
      ['Timeline', '#timeline'],
      ['Quotes', '#quotes'],
      ['Sources', '#sources'],
    ]);
    // Every section with an h2 of the briefing is in it.
    const headings = await page.locator('main section > h2[id]').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
    expect(entries.map(([, href]) => href)).toEqual(headings);
    for (const [name, href] of entries) {
      await toc.getByRole('link', { name: name!, exact: true }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
      const top = await page.locator(href!).evaluate((h) => h.getBoundingClientRect().top);
      // Scrolled to it: at the top of the screen, or as far as the page can scroll.
      const atEnd = await page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1);
      expect(top >= -1 && (top < 80 || atEnd), `${href} is at ${top}px`).toBe(true);
    }
    await page.context().close();
  });

  test('every citation on a topic page is a target of at least 24 × 24 px on a phone, and shows its outlet and sentence on focus', async () => {
    const page = await open('/topics/market-share/', phone);
    const refs = page.locator('main a.ref');
    const boxes = await refs.evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(boxes.length).toBeGreaterThan(30);
    for (const [width, height] of boxes) {
      expect(width).toBeGreaterThanOrEqual(24);
      expect(height).toBeGreaterThanOrEqual(24);
    }
    // No page wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const first = refs.first();
    const tip = first.locator('.ref-tip');
    expect(await tip.isVisible()).toBe(false);
    await first.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await tip.isVisible()).toBe(true);
    const quote = await tip.innerText();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^\/articles\/[a-z0-9-]+\/#s-[a-z0-9]+$/);
    // The sentence shown is the sentence the link lands on.
    const target = await open(href);
    const sentence = await target.locator(`[id="${href.split('#')[1]}"]`).innerText();
    expect(quote).toContain(sentence.trim());
    await target.context().close();
    // The number is the source's number under Sources.
    const number = (await first.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
    expect(await page.locator(`#source-${number} a`).first().getAttribute('href')).toBe(href.split('#')[0]);
    await page.context().close();
  });

  for (const [device, options] of [['a phone', phone], ['a desktop', desktop]] as const) {
    test(`the search page does not shift while it loads and answers, on ${device}`, async () => {
      const context = await browser.newContext(options);
      await context.addInitScript(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(new URL('search/?q=Alibaba', server.url).href);
      await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.01);
      await context.close();
    });
  }

  test('the search page fetches Pagefind’s entry file once, and its excerpts keep table cells apart', async () => {
    const page = await browser.newPage();
    const entries: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('pagefind-entry.json')) entries.push(request.url());
    });
    await page.goto(new URL('search/?q=Q4 2024 sources', server.url).href);
    await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
    expect(entries).toHaveLength(1);
    const text = await page.locator('.search-results').innerText();
    expect(text).not.toMatch(/sourcesSubject|SubjectQ4|2024Sources/);
    await page.close();
  });

  test('the theme switch overrides the system’s choice, is kept from page to page with no flash, and the system’s choice is the default', async () => {
    const context = await browser.newContext({ ...desktop, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(new URL('topics/market-share/', server.url).href);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background()).toBe('rgb(22, 22, 26)');
    // The next page is dark from its first paint: the theme is set before its body is parsed.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.dataset.theme ?? null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(new URL('articles/', server.url).href);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody)).toBe('dark');
    expect(await background()).toBe('rgb(22, 22, 26)');
    // Back to light, which is the system's choice: forgotten, so the page follows the system again.
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem('theme')])).toEqual([null, null]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(22, 22, 26)');
    await context.close();
  });

  test('without JavaScript there is no switch, and the page follows the system', async () => {
    const context = await browser.newContext({ ...desktop, javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(new URL('topics/market-share/', server.url).href);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(22, 22, 26)');
    await context.close();
  });

  test('printed on A4, a topic page is no wider than the paper, and its sources print where they link', async () => {
    const page = await open('/topics/market-share/');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794 - 2 * 76, height: 1123 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794 - 2 * 76);
    const printed = await page.locator('section[aria-labelledby="sources"] a[data-print-href]').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toMatch(/^" <https?:\/\/.+>"$/);
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`chart bars, axis labels and value labels stand out from the page at 3:1 or more, ${scheme} scheme`, async () => {
      const context = await browser.newContext({ ...desktop, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(new URL('topics/market-share/', server.url).href);
      const ratios = await page.locator('canvas[data-chart]').first().evaluate((canvas) => {
        const style = getComputedStyle(canvas);
        const rgb = (name: string) => {
          const probe = document.createElement('span');
          probe.style.color = style.getPropertyValue(name);
          document.body.append(probe);
          const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
          probe.remove();
          return [r!, g!, b!];
        };
        const luminance = ([r, g, b]: number[]) => {
          const [lr, lg, lb] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
        };
        const contrast = (a: string, b: string) => {
          const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((m, n) => n - m);
          return (x! + 0.05) / (y! + 0.05);
        };
        return Object.fromEntries(['--fg', '--muted', '--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'].map((name) => [name, contrast(name, '--bg')]));
      });
      for (const [name, ratio] of Object.entries(ratios)) expect(ratio, name).toBeGreaterThanOrEqual(3);
      await context.close();
    });
  }

  test('no page logged an error or a warning', () => {
    expect(errors).toEqual([]);
  });
});
