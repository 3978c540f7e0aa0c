/**
 * What the sample site gives Pagefind to index: only each content page's main region (never the
 * header, nav, footer or the article's "About" aside), with the metadata, filters and sort key
 * the search page uses, weights that rank a topic or an entity above a passing mention, and the
 * gazetteer's aliases on entity pages so "阿里巴巴" finds Alibaba.
 */
import { readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { ArticleSummary } from '../../src/pipeline/emit/data.ts';
import { INDEXED_PAGES } from '../../src/astro/pagefind.ts';
import { elements, page, readJson, siteFiles, text } from '../helpers/site.ts';

let site: string;
beforeAll(() => {
  site = inject('sampleSite');
});


const attr = (el: Element, name: string) => el.properties[name] as string | undefined;
const withAttr = (path: string, name: string) => elements(page(site, path), (el) => el.properties[name] !== undefined);
const values = (path: string, name: string) => withAttr(path, name).map((el) => attr(el, name) ?? '');
/** Inline `key:value` attributes and `key` attributes that take the element's text, as Pagefind reads them. */
const pairs = (path: string, name: string) =>
  withAttr(path, name).map((el) => {
    const value = attr(el, name) ?? '';
    return value.includes(':') ? value : `${value}:${text(el)}`;
  });

describe('what Pagefind indexes', () => {
  test('exactly the article, topic and entity pages, each by its main region', () => {
    const html = siteFiles(site).filter((f) => f.endsWith('.html'));
    const withBody = html.filter((f) => readFileSync(join(site, f), 'utf8').includes('data-pagefind-body'));
    // Pagefind is given only the pages INDEXED_PAGES matches: those must be the ones with a body.
    expect(html.filter((f) => matchesGlob(f, INDEXED_PAGES))).toEqual(withBody);
    const indexed = withBody.map((f) => `/${f.replace(/index\.html$/, '')}`);
    const articles = readJson<ArticleSummary[]>(site, 'data/articles.json').map((a) => a.path);
    const topics = readJson<{ path: string }[]>(site, 'data/topics.json').map((t) => t.path);
    const entities = readJson<{ path: string }[]>(site, 'data/entities.json').map((e) => e.path);
    expect(indexed.sort()).toEqual([...articles, ...topics, ...entities].sort());
    for (const path of indexed) {
      const bodies = withAttr(path, 'dataPagefindBody');
      expect(bodies.map((el) => el.tagName), path).toEqual(['main']);
    }
    const entry = readJson<{ languages: Record<string, { page_count: number }> }>(site, 'pagefind/pagefind-entry.json');
    expect(entry.languages).toEqual({ en: expect.objectContaining({ page_count: indexed.length }) });
  });

  test('an article page leaves out its "About" aside, its breadcrumbs and its previous/next links, and shows readers no file name', () => {
    const article = readJson<ArticleSummary[]>(site, 'data/articles.json')[0]!;
    const ignored = withAttr(article.path, 'dataPagefindIgnore');
    expect(ignored.some((el) => el.tagName === 'aside' && attr(el, 'ariaLabel') === 'About this article')).toBe(true);
    expect(ignored.some((el) => el.tagName === 'nav' && attr(el, 'ariaLabel') === 'Breadcrumb')).toBe(true);
    expect(ignored.some((el) => el.tagName === 'nav' && attr(el, 'ariaLabel') === 'Previous and next in its topics')).toBe(true);
    expect(text(page(site, article.path))).not.toContain(article.file);
  });
});

test('the index ships what the site’s search loads, and none of Pagefind’s own interfaces', () => {
  const bundle = siteFiles(site).filter((f) => f.startsWith('pagefind/') && !f.includes('/', 'pagefind/'.length));
  expect(bundle).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json']));
  expect(bundle.filter((f) => /ui\.(js|css)$|highlight/.test(f))).toEqual([]);
});

describe('metadata, filters and sort', () => {
  test('an article: type, outlet, year and topics to filter on; date and outlet to show; date to sort', () => {
    const articles = readJson<ArticleSummary[]>(site, 'data/articles.json');
    const topicTitles = new Map(readJson<{ slug: string; title: string }[]>(site, 'data/topics.json').map((t) => [t.slug, t.title]));
    const techcrunch = articles.find((a) => a.file === '003_cfd479d661bbd93e.txt')!;
    expect(pairs(techcrunch.path, 'dataPagefindFilter').sort()).toEqual(
      ['type:article', 'outlet:TechCrunch', 'year:2025', ...techcrunch.topics.map((t) => `topic:${topicTitles.get(t)}`)].sort(),
    );
    expect(pairs(techcrunch.path, 'dataPagefindMeta').sort()).toEqual(['date:2025-02-14', 'outlet:TechCrunch', `title:${text(elements(page(site, techcrunch.path), (el) => el.tagName === 'h1')[0]!)}`]);
    expect(values(techcrunch.path, 'dataPagefindSort')).toEqual(['date:2025-02-14']);

    const undated = articles.find((a) => !a.date)!;
    expect(values(undated.path, 'dataPagefindSort')).toEqual([]);
    expect(pairs(undated.path, 'dataPagefindFilter')).toContain(`outlet:${undated.source ?? 'Outlet unknown'}`);
  });

  test('a topic or an entity is dated by its newest article, and its name weighs most', () => {
    for (const path of ['/topics/market-share/', '/entities/huawei/']) {
      const [h1] = elements(page(site, path), (el) => el.tagName === 'h1');
      expect(attr(h1!, 'dataPagefindWeight'), path).toBe('10');
      expect(attr(h1!, 'dataPagefindSort'), path).toBe('date:2025-02-14');
      expect(attr(h1!, 'dataPagefindMeta'), path).toBe('date:2025-02-14');
    }
    expect(pairs('/topics/market-share/', 'dataPagefindFilter').sort()).toEqual(['topic:Market share', 'type:topic']);
    expect(pairs('/entities/huawei/', 'dataPagefindFilter')).toEqual(['type:entity']);
  });

  test('the article sentences an entity page repeats weigh less than the articles that wrote them', () => {
    const mentions = elements(page(site, '/entities/huawei/'), (el) => el.tagName === 'ol' && ((el.properties.className as string[] | undefined)?.includes('mentions') ?? false))[0]!;
    const articles = mentions.children.filter((c): c is Element => c.type === 'element');
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(attr(article, 'dataPagefindWeight')).toBe('0.25');
  });
});

describe('aliases', () => {
  test('the Alibaba page shows the gazetteer’s other names, each in its language, weighted like the name', () => {
    const [line] = elements(page(site, '/entities/alibaba/'), (el) => el.tagName === 'p' && text(el).startsWith('Also written'));
    expect(text(line!)).toBe('Also written Alibaba Group, Alibaba Cloud, 阿里巴巴');
    expect(attr(line!, 'dataPagefindWeight')).toBe('10');
    const chinese = line!.children.filter((c): c is Element => c.type === 'element' && c.properties.lang === 'zh');
    expect(chinese.map((el) => text(el))).toEqual(['阿里巴巴']);
  });

  test('an entity without aliases has no such line', () => {
    expect(elements(page(site, '/entities/vivo/'), (el) => text(el).startsWith('Also written'))).toEqual([]);
  });
});
