/**
 * A corpus large enough that every list outgrows one page (300 synthetic articles from the
 * benchmark's generator), through the real build: no page grows with the corpus — a topic page
 * shows a bounded part of each section, each line a bounded number of citations, an entity page
 * a page of its articles — while every fact, event, quote and mention is on one of the list
 * pages, and every link lands, figure links in articles on their fact's row included.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, manifestOf, renderArticle } from '../../scripts/bench/corpus.ts';
import { SHOWN } from '../../src/pipeline/emit/topic-view.ts';
import type { EntityRecord } from '../../src/pipeline/emit/data.ts';
import { LIST_PAGE_SIZE } from '../../src/core/urls.ts';
import type { TopicBriefing } from '../../src/core/types.ts';
import { buildSite, projectRoot } from '../helpers/build.ts';
import { checkLinks } from '../helpers/links.ts';
import { elements, page, readJson, siteFiles, text } from '../helpers/site.ts';

const ARTICLES = 300;
const scratch = mkdtempSync(join(tmpdir(), 'briefings-large-'));
const content = join(scratch, 'content');
const outDir = join(scratch, 'dist');
let build: { status: number | null; output: string };

beforeAll(() => {
  const corpus = generateCorpus(ARTICLES, 7);
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const name of ['site.json', 'entities.json', 'topics']) cpSync(join(projectRoot, 'content', name), join(content, name), { recursive: true });
  for (const article of corpus) writeFileSync(join(content, 'articles', article.file), renderArticle(article));
  writeFileSync(join(content, 'articles', 'manifest.json'), JSON.stringify(manifestOf(corpus)));
  build = buildSite(outDir, { content });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const briefings = () => readJson<{ slug: string }[]>(outDir, 'data/topics.json').map((t) => readJson<TopicBriefing>(outDir, `data/topics/${t.slug}.json`));
const ids = (path: string, prefix: string) =>
  elements(page(outDir, path), (el) => String(el.properties.id ?? '').startsWith(prefix)).map((el) => String(el.properties.id).slice(prefix.length));
const listItems = (path: string, className: string) =>
  elements(page(outDir, path), (el) => el.tagName === 'ol' || el.tagName === 'ul').filter((el) => (el.properties.className as string[] | undefined)?.includes(className)).flatMap((list) => list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li'));

/** Every page of one of a topic's lists, following its numbering from `/topics/<slug>/<list>/`. */
function listPages(slug: string, list: string, total: number): string[] {
  return Array.from({ length: Math.ceil(total / LIST_PAGE_SIZE) }, (_, i) => `/topics/${slug}/${list}/${i === 0 ? '' : `${i + 1}/`}`);
}

describe(`a corpus of ${ARTICLES} articles`, () => {
  test('builds, with lists long enough to need several pages', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    // Facts are the figures with a subject and a measure: the others stay on their articles' pages.
    const largest = Math.max(...briefings().map((b) => b.facts.length));
    expect(largest).toBeGreaterThan(LIST_PAGE_SIZE);
    expect(Math.max(...briefings().map((b) => b.timeline.length))).toBeGreaterThan(LIST_PAGE_SIZE);
  });

  test('a topic page shows a bounded part of each section, and at most a few citations a line', () => {
    for (const b of briefings()) {
      const path = `/topics/${b.slug}/`;
      expect(ids(path, 'fact-').length, b.slug).toBeLessThanOrEqual(SHOWN.facts);
      expect(listItems(path, 'timeline').length, b.slug).toBe(Math.min(SHOWN.events, b.timeline.length));
      expect(listItems(path, 'quotes').length, b.slug).toBe(Math.min(SHOWN.quotes, b.quotes.length));
      for (const cite of elements(page(outDir, path), (el) => (el.properties.className as string[] | undefined)?.includes('cite') ?? false)) {
        expect(elements({ type: 'root', children: [cite] }, (el) => el.tagName === 'a').length).toBeLessThanOrEqual(SHOWN.citations);
      }
      for (const row of elements(page(outDir, path), (el) => el.tagName === 'tr' && String(el.properties.id ?? '').startsWith('fact-'))) {
        expect(elements({ type: 'root', children: [row] }, (el) => el.tagName === 'a' && ((el.properties.className as string[] | undefined)?.includes('num') ?? false)).length).toBeLessThanOrEqual(SHOWN.values);
      }
      // The timeline shown is the latest events, in date order.
      const shown = elements(page(outDir, path), (el) => el.tagName === 'time').map((el) => String(el.properties.dateTime));
      expect(shown.at(-1)).toBe(b.timeline.at(-1)?.date.replace(/-Q[1-4]$/, ''));
    }
  });

  test('a line cited by more sources than it links counts the rest, as many as the data API lists', () => {
    let counted = 0;
    for (const b of briefings()) {
      const points = listItems(`/topics/${b.slug}/`, 'points');
      expect(points.length, b.slug).toBe(b.points.length);
      points.forEach((item, i) => {
        const sources = (b.points[i] as TopicBriefing['points'][number]).sources.length;
        const cite = elements(item, (el) => (el.properties.className as string[] | undefined)?.includes('cite') ?? false)[0] as Element;
        expect(elements(cite, (el) => el.tagName === 'a').length).toBe(Math.min(sources, SHOWN.citations));
        const more = sources - SHOWN.citations;
        expect(text(cite).match(/and ([\d,]+) more sources?$/)?.[1] ?? null, `${b.slug} point ${i}`).toBe(more > 0 ? more.toLocaleString('en-GB') : null);
        if (more > 0) counted++;
      });
    }
    expect(counted).toBeGreaterThan(0);
  });

  test("every fact, event, quote and update is on exactly one of the topic's list pages", () => {
    for (const b of briefings()) {
      // Page n lists facts n·100… of the briefing's order: `factPath` relies on it.
      const pages = listPages(b.slug, 'figures', b.facts.length).map((p) => ids(p, 'fact-').sort());
      expect(pages, b.slug).toEqual(pages.map((_, i) => b.facts.slice(i * LIST_PAGE_SIZE, (i + 1) * LIST_PAGE_SIZE).map((f) => f.id).sort()));
      expect(listPages(b.slug, 'timeline', b.timeline.length).flatMap((p) => listItems(p, 'timeline')).length, b.slug).toBe(b.timeline.length);
      expect(listPages(b.slug, 'quotes', b.quotes.length).flatMap((p) => listItems(p, 'quotes')).length, b.slug).toBe(b.quotes.length);
      expect(listPages(b.slug, 'updates', b.updates.length).flatMap((p) => listItems(p, 'updates')).length, b.slug).toBe(b.updates.length);
      // What's new on the topic page: its latest few.
      expect(listItems(`/topics/${b.slug}/`, 'updates').length, b.slug).toBe(Math.min(SHOWN.updates, b.updates.length));
    }
    // Some topic has more updates than its page shows (updates over several list pages are
    // unit-tested: a topic's updates are fewer than its articles, since only facts are new).
    expect(Math.max(...briefings().map((b) => b.updates.length))).toBeGreaterThan(SHOWN.updates);
  });

  test('an entity named in more articles than a page holds has its mentions on later pages, each article once', () => {
    const summaries = readJson<{ slug: string; articles: number }[]>(outDir, 'data/entities.json');
    const busiest = summaries.reduce((a, b) => (b.articles > a.articles ? b : a));
    expect(busiest.articles).toBeGreaterThan(LIST_PAGE_SIZE);
    const record = readJson<EntityRecord>(outDir, `data/entities/${busiest.slug}.json`);
    const pages = Array.from({ length: Math.ceil(record.mentions.length / LIST_PAGE_SIZE) }, (_, i) => `/entities/${busiest.slug}/${i === 0 ? '' : `${i + 1}/`}`);
    const isSource = (el: Element) => el.tagName === 'p' && ((el.properties.className as string[] | undefined)?.includes('mention-source') ?? false);
    const headings = pages.map((p) => elements(page(outDir, p), isSource).map((source) => String((elements({ type: 'root', children: [source] }, (el) => el.tagName === 'a')[0]?.properties.href ?? ''))));
    for (const list of headings) expect(list.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    expect(headings.flat()).toEqual(record.mentions.map((m) => `/articles/${m.article}/`));
  });

  test('every link lands, a figure in an article on its fact’s row included', () => {
    const report = checkLinks(outDir, { base: '/' });
    expect(report.broken).toEqual([]);
    const figureLinks = siteFiles(outDir)
      .filter((f) => f.startsWith('articles/') && f.endsWith('index.html'))
      .flatMap((f) => elements(page(outDir, `/${f.replace(/index\.html$/, '')}`), (el) => el.tagName === 'a' && ((el.properties.className as string[] | undefined)?.includes('figure') ?? false)))
      .map((a) => String(a.properties.href));
    // Some land beyond the first page of a topic's figures.
    expect(figureLinks.filter((href) => /\/figures\/\d+\/#fact-/.test(href)).length).toBeGreaterThan(0);
  });
});
