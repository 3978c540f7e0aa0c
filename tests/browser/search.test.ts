/**
 * Search in a real browser (Debian's Chromium via playwright-core): results as you type with the
 * matched words marked, the right page first for the questions readers ask, filters, keyboard
 * navigation, landing on the sentence, the `/` shortcut, the shareable URL; and, on a site built
 * under `/briefs/` with a Chinese article added, a Chinese query that finds it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.ts';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';
import { readJson } from '../helpers/site.ts';

interface ArticleEntry {
  slug: string;
  file: string;
  date: string | null;
  path: string;
  topics: string[];
}

/** A browser page on a served site that records requests to other hosts and every error. */
function opener(browser: () => Browser, server: () => StaticServer, foreign: string[], errors: string[]) {
  /** Open `path`, relative to where the site is served (its base path). */
  return async (path: string): Promise<Page> => {
    const page = await browser().newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(server().url).origin)) foreign.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${path}: ${message.text()}`);
    });
    await page.goto(new URL(path.replace(/^\//, ''), server().url).href);
    return page;
  };
}

const resultLinks = (page: Page) => page.locator('.search-result h2 a');
const firstResult = async (page: Page) => {
  await resultLinks(page).first().waitFor({ timeout: 15_000 });
  return resultLinks(page).first().getAttribute('href');
};

describe.skipIf(!chromiumPath)('search on the sample site', () => {
  let browser: Browser;
  let server: StaticServer;
  let site: string;
  const foreign: string[] = [];
  const errors: string[] = [];
  const open = opener(() => browser, () => server, foreign, errors);

  beforeAll(async () => {
    site = inject('sampleSite');
    server = await serve(site);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('typing shows results as you type, the matched words marked, the count announced, the URL kept up', async () => {
    const page = await open('/search/');
    const box = page.locator('#search-input');
    await box.pressSequentially('Huawei share', { delay: 20 });
    await resultLinks(page).first().waitFor();
    const marks = await page.locator('.search-result').first().locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^(huawei|share)\W*$/i);
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => status.innerText()).toMatch(/^\d+ results for “Huawei share”\.$/);
    expect(new URL(page.url()).search).toBe('?q=Huawei+share');
    await page.close();
  });

  test.each([
    ['Huawei share', '/topics/market-share/'],
    ['Qwen', '/entities/qwen/'],
    ['阿里巴巴', '/entities/alibaba/'],
  ])('“%s” is answered by %s first', async (query, expected) => {
    const page = await open(`/search/?q=${encodeURIComponent(query)}`);
    expect(await firstResult(page)).toBe(expected);
    await page.close();
  });

  test('“Huawei share” leads to the fact itself: a passage with both words, linked to its place on the page', async () => {
    const page = await open('/search/?q=Huawei+share');
    await firstResult(page);
    const passage = page.locator('.search-result').first().locator('.search-passages a').first();
    expect(await passage.getAttribute('href')).toMatch(/^\/topics\/market-share\/#(chart|fact)-[a-z0-9-]+$/);
    expect((await passage.locator('mark').allInnerTexts()).map((m) => m.replace(/\W+$/, '').toLowerCase()).sort()).toEqual(expect.arrayContaining(['huawei', 'share']));
    expect(await passage.innerText()).toMatch(/Huawei\s+16%/);
    await page.close();
  });

  test('a topic filter keeps only that topic’s pages, and the URL says so', async () => {
    const page = await open('/search/?q=Apple');
    await firstResult(page);
    const unfiltered = await resultLinks(page).count();
    await page.selectOption('select[name="topic"]', 'Market share');
    await page.waitForURL('**/search/?q=Apple&topic=Market+share');
    await expect.poll(async () => (await resultLinks(page).count()) < unfiltered).toBe(true);
    const inTopic = new Set(['/topics/market-share/', ...readJson<ArticleEntry[]>(site, 'data/articles.json').filter((a) => a.topics.includes('market-share')).map((a) => a.path)]);
    const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(inTopic, href ?? '').toContain(href);
    await expect.poll(() => page.locator('[data-search-status]').innerText()).toMatch(/ in topic Market share\.$/);
    await page.close();
  });

  test('arrow keys move through the result links and back to the box; Enter opens the one in focus', async () => {
    const page = await open('/search/?q=Qwen');
    await firstResult(page);
    const links = await page.locator('a[data-result-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
    await page.focus('#search-input');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(links[1]);
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new URL(links[1]!.replace(/^\//, ''), server.url).href);
    await page.close();
  });

  test('a passage link lands on its sentence: scrolled into view and highlighted', async () => {
    const page = await open('/search/?q=regulatory+approval');
    await firstResult(page);
    const passage = page.locator('.search-passages a[href*="#s-"]').first();
    const href = (await passage.getAttribute('href'))!;
    const quoted = (await passage.innerText()).replace(/^…\s*|\s*…$/g, '');
    await passage.click();
    await page.waitForURL(`**${href}`);
    const target = page.locator(`[id="${href.split('#')[1]}"]`);
    await expect.poll(() => target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await target.innerText()).toContain(quoted);
    expect(quoted).toMatch(/regulatory approval/i);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(page.viewportSize()!.height);
    await page.close();
  });

  test('“/” puts the cursor in the search box on any page, but is typed as usual inside a field', async () => {
    const page = await open('/articles/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#site-search')).toBe('a/b');
    await page.goto(new URL('search/', server.url).href);
    await page.locator('#search-input').waitFor();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.close();
  });

  test('a shared URL restores the search: query, filters, sort, and the same results', async () => {
    const page = await open('/search/?q=Alibaba&type=article&sort=newest');
    await firstResult(page);
    expect(await page.inputValue('#search-input')).toBe('Alibaba');
    expect(await page.inputValue('select[name="type"]')).toBe('article');
    expect(await page.inputValue('select[name="sort"]')).toBe('newest');
    const dated = readJson<ArticleEntry[]>(site, 'data/articles.json').filter((a) => a.date);
    const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // Sorted by date, a search lists dated pages only, newest first.
    const expected = dated.sort((a, b) => (b.date! < a.date! ? -1 : 1)).map((a) => a.path);
    expect(hrefs).toEqual(expected.filter((path) => hrefs.includes(path)));
    expect(hrefs.length).toBeGreaterThan(0);
    await page.close();
  });

  test('without JavaScript, the search page points to the topic and article indexes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL('search/?q=Qwen', server.url).href);
    expect(await page.locator('[data-search]').isHidden()).toBe(true);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/topics/', '/articles/']));
    await context.close();
  });

  test('no request left the site, and no page logged an error or a warning', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('search in Chinese, on a site built under /briefs/', () => {
  let browser: Browser;
  let server: StaticServer;
  let content: string;
  const outDir = join(projectRoot, '.test-sites', 'search-zh');
  const foreign: string[] = [];
  const errors: string[] = [];
  const open = opener(() => browser, () => server, foreign, errors);
  let chinese: ArticleEntry;

  beforeAll(async () => {
    // The sample corpus plus one Chinese article, in a scratch copy of content/.
    content = mkdtempSync(join(tmpdir(), 'briefings-search-'));
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    cpSync(join(projectRoot, 'tests/fixtures/corpus/new/zh-alibaba-ai.md'), join(content, 'articles', 'zh-alibaba-ai.md'));
    rmSync(outDir, { recursive: true, force: true });
    const run = buildSite(outDir, { content, args: ['--base', '/briefs/'] });
    if (run.status !== 0) throw new Error(`building the Chinese fixture failed:\n${run.output}`);
    chinese = readJson<ArticleEntry[]>(outDir, 'data/articles.json').find((a) => a.file === 'zh-alibaba-ai.md')!;
    server = await serve(outDir, '/briefs/');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(content, { recursive: true, force: true });
  });

  test('the Chinese article declares its language, and Pagefind gives it an index of its own', () => {
    expect(readFileSync(join(outDir, chinese.path.replace(/^\/briefs\//, ''), 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html><html lang="zh"/i);
    const entry = readJson<{ languages: Record<string, { page_count: number }> }>(outDir, 'pagefind/pagefind-entry.json');
    expect(entry.languages.zh?.page_count).toBe(1);
  });

  test('a Chinese query finds the Chinese article, on the sentence, from the English search page', async () => {
    const page = await open('search/?q=股票');
    expect(await firstResult(page)).toBe(chinese.path);
    const passage = page.locator('.search-result').first().locator('.search-passages a').first();
    expect(await passage.getAttribute('href')).toMatch(new RegExp(`^${chinese.path}#s-[a-z0-9]+$`));
    expect(await passage.locator('mark').allInnerTexts()).toEqual(['股票']);
    expect(await passage.innerText()).toBe('消息公布后，阿里巴巴在香港上市的股票一度上涨。');
    await page.close();
  });

  test('a Chinese query finds the article, not the entity pages that list its title and sentences', async () => {
    const entityPages = async (query: string) => {
      const page = await open(`search/?q=${query}`);
      const first = await firstResult(page);
      const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      await page.close();
      return { first, entities: hrefs.filter((href) => href?.includes('/entities/')) };
    };
    expect(await entityPages('合作')).toEqual({ first: chinese.path, entities: [] });
    // The article's title: only the entity one of its words names (阿里巴巴, by its alias) is found
    // with it, not Qwen, Joe Tsai or iPhone, whose pages list the article.
    expect((await entityPages('阿里巴巴与苹果合作')).entities).toEqual(['/briefs/entities/alibaba/']);
  });

  test('the alias 阿里巴巴 still answers with the Alibaba page first, and the Chinese article follows', async () => {
    const page = await open('search/?q=阿里巴巴');
    expect(await firstResult(page)).toBe('/briefs/entities/alibaba/');
    expect(await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain(chinese.path);
    await page.close();
  });

  test('under a base path every result link, and every request, stays under it', async () => {
    const page = await open('search/?q=Apple');
    await firstResult(page);
    const hrefs = await page.locator('a[data-result-link]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^\/briefs\/(articles|topics|entities)\//);
    // A passage that lands on a sentence (an entity page's passage lands on the page).
    await page.locator('.search-passages a[href*="#"]').first().click();
    await page.waitForURL('**/briefs/**#*');
    expect(server.requests.filter((path) => !path.startsWith('/briefs/'))).toEqual([]);
    await page.close();
  });

  test('no request left the site, and no page logged an error or a warning', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
