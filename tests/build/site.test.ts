/**
 * The sample corpus, built the way a user builds it: the pages, the data API, the search index,
 * and the promise that every cited line is verbatim in the sentence it links to.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { SourceLink } from '../../src/core/types.ts';
import type { BriefingData } from '../../src/pipeline/emit/links.ts';
import { searchShortcutScript } from '../../src/site/client/search-shortcut.ts';
import { themeScript } from '../../src/site/client/theme.ts';
import { elementById, elements, page, readJson, siteFiles, text } from '../helpers/site.ts';

let site: string;
beforeAll(() => {
  site = inject('sampleSite');
});

interface ArticleEntry {
  slug: string;
  file: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  path: string;
  topics: string[];
}

const samples = readdirSync('content/articles').filter((f) => f.endsWith('.txt')).sort();

describe('pages', () => {
  // A warning on every build teaches users to ignore warnings (one was Astro's about syntax
  // highlighting, which the site never used, against its own CSP).
  test.skipIf(inject('sampleBuildLog') === '')('the sample site builds without a warning', () => {
    expect(inject('sampleBuildLog').split('\n').filter((line) => /\bWARN\b|\bwarning\b/i.test(line))).toEqual([]);
  });

  test('one page per sample article, per topic, and the site pages', () => {
    const articles = readJson<ArticleEntry[]>(site, 'data/articles.json');
    expect(articles.map((a) => a.file).sort()).toEqual(samples);
    for (const a of articles) expect(existsSync(join(site, a.path, 'index.html')), a.path).toBe(true);
    for (const slug of ['apple-in-china', 'alibaba-ai', 'market-share']) {
      expect(existsSync(join(site, 'topics', slug, 'index.html')), slug).toBe(true);
    }
    for (const path of ['index.html', '404.html', 'search/index.html', 'topics/index.html', 'articles/index.html', 'entities/index.html']) {
      expect(existsSync(join(site, path)), path).toBe(true);
    }
  });

  test('no boilerplate line reaches an article page', () => {
    const boilerplate = ['Leave a Comment', 'Leave a comment', 'Scroll to Top', 'Back to blog', 'apple alibaba', 'Your email address will not be published', 'Required fields are marked'];
    for (const a of readJson<ArticleEntry[]>(site, 'data/articles.json')) {
      const body = elements(page(site, a.path), (el) => el.properties.className?.toString().includes('article-body') ?? false)[0];
      expect(body, a.path).toBeDefined();
      const content = text(body!);
      for (const line of boilerplate) expect(content, `${a.path} shows “${line}”`).not.toContain(line);
    }
  });

  test('article pages keep their paragraphs, headings and lists', () => {
    const body = (slug: string) => elements(page(site, `/articles/${slug}/`), (el) => el.properties.className?.toString().includes('article-body') ?? false)[0]!;
    const count = (root: ReturnType<typeof body>, tag: string) => elements({ type: 'root', children: [root] }, (el) => el.tagName === tag).length;
    const articles = readJson<ArticleEntry[]>(site, 'data/articles.json');
    const slugOf = (file: string) => articles.find((a) => a.file === file)!.slug;
    const reuters = body(slugOf('000_599d103873102f42.txt'));
    expect(count(reuters, 'p')).toBe(11);
    expect(count(reuters, 'h2')).toBe(3);
    const blog = body(slugOf('001_fd01007aeaece61c.txt'));
    expect(count(blog, 'ul')).toBe(2);
    expect(count(blog, 'li')).toBe(6);
  });

  test("a topic's list pages share its card, described as the topic briefing's", () => {
    for (const { slug, title } of readJson<{ slug: string; title: string }[]>(site, 'data/topics.json')) {
      for (const path of [`/topics/${slug}/`, `/topics/${slug}/figures/`, `/topics/${slug}/timeline/`, `/topics/${slug}/quotes/`, `/topics/${slug}/updates/`]) {
        const [alt] = elements(page(site, path), (el) => el.tagName === 'meta' && String(el.properties.property) === 'og:image:alt');
        expect(String(alt?.properties.content), path).toMatch(new RegExp(`^${title}: topic briefing\\.`));
      }
    }
  });

  test('every page declares its language and has a real title', () => {
    for (const file of siteFiles(site).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(site, file), 'utf8');
      expect(html, file).toMatch(/<html lang="[a-z]{2}/);
      expect(html, file).toMatch(/<title>[^<]{3,}<\/title>/);
    }
  });
});

describe('data API', () => {
  test('articles.json has the fixed fields', () => {
    const articles = readJson<ArticleEntry[]>(site, 'data/articles.json');
    for (const a of articles) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['slug', 'file', 'title', 'date', 'source', 'url', 'path', 'topics']));
      expect(a.slug).toMatch(/^[a-z0-9-]+$/);
      expect(a.path).toBe(`/articles/${a.slug}/`);
      expect(a.date === null || /^\d{4}-\d{2}-\d{2}$/.test(a.date)).toBe(true);
      const record = readJson<Record<string, unknown>>(site, `data/articles/${a.slug}.json`);
      expect(Object.keys(record)).toEqual(expect.arrayContaining(['figures', 'quotes', 'entities', 'duplicates']));
    }
    const techcrunch = articles.find((a) => a.file === '003_cfd479d661bbd93e.txt');
    expect(techcrunch).toMatchObject({ title: 'Alibaba confirms Apple deal bringing AI features to iPhones in China', date: '2025-02-14', source: 'TechCrunch' });
  });

  test('topics.json lists the three default topics', () => {
    const topics = readJson<{ slug: string; title: string; path: string; articles: string[] }[]>(site, 'data/topics.json');
    expect(topics.map((t) => t.slug)).toEqual(['apple-in-china', 'alibaba-ai', 'market-share']);
    for (const t of topics) {
      const briefing = readJson<Record<string, unknown>>(site, `data/topics/${t.slug}.json`);
      expect(Object.keys(briefing)).toEqual(expect.arrayContaining(['slug', 'title', 'path', 'articles', 'points', 'figures', 'conflicts', 'timeline', 'quotes', 'charts', 'updates']));
    }
  });
});

describe('stories, not copies; key points per topic', () => {
  const briefing = (slug: string) => readJson<BriefingData>(site, `data/topics/${slug}.json`);

  test('no fact agrees on copies: 000 and 002 are one story, and the page says so', () => {
    for (const slug of ['apple-in-china', 'alibaba-ai', 'market-share']) {
      const { facts } = briefing(slug);
      expect(facts.length, slug).toBeGreaterThan(0);
      for (const fact of facts) {
        expect(fact.stories, fact.id).toBeGreaterThanOrEqual(1);
        if (fact.status === 'agree') expect(fact.stories, fact.id).toBeGreaterThanOrEqual(2);
        for (const value of fact.values) expect([typeof value.stories, typeof value.rounded], fact.id).toEqual(['number', 'boolean']);
      }
      // The samples' only second source for a figure is 002, 000's rewrite.
      expect(facts.filter((f) => f.status === 'agree'), slug).toEqual([]);
    }
    const statuses = elements(page(site, '/topics/apple-in-china/'), (el) => (el.properties.className as string[] | undefined)?.some((c) => c.startsWith('status-')) ?? false).map(text);
    expect(statuses).toContain('1 story (2 copies)');
    expect(statuses.some((s) => s.startsWith('Sources agree'))).toBe(false);
  });

  test('each topic ranks its own key points: Apple in China and Alibaba AI differ, Market share leads with market share', () => {
    const points = (slug: string) => briefing(slug).points.map((p) => p.text);
    expect(points('apple-in-china')).not.toEqual(points('alibaba-ai'));
    expect(points('market-share')[0]).toMatch(/market share|shipments/);
    // Each follows its entity (its `all` term): every point names it, and they lead differently.
    for (const point of points('apple-in-china')) expect(point).toMatch(/Apple/);
    for (const point of points('alibaba-ai')) expect(point).toMatch(/Alibaba/);
    expect(points('alibaba-ai')[0]).not.toBe(points('apple-in-china')[0]);
  });
});

describe('traceability', () => {
  const briefings = () =>
    readJson<{ slug: string }[]>(site, 'data/topics.json').map((t) => readJson<BriefingData>(site, `data/topics/${t.slug}.json`));

  function expectLandsOnQuote(source: SourceLink) {
    const [path, id] = source.path.split('#');
    expect(id, source.path).toBeTruthy();
    const anchor = elementById(page(site, path!), id!);
    expect(anchor, `${source.path} has no element #${id}`).toBeDefined();
    // A quotation can span several sentences: the link lands on its first, and the quote is
    // verbatim in the paragraph that holds it.
    const block = text(anchor!);
    expect(source.quote.startsWith(block) || block === source.quote, `${source.path}: “${block}” vs “${source.quote}”`).toBe(true);
  }

  test('every point, figure, quote and event links to the sentence it quotes', () => {
    let checked = 0;
    for (const b of briefings()) {
      for (const item of [...b.points, ...b.figures, ...b.quotes, ...b.timeline]) {
        for (const source of item.sources) {
          expectLandsOnQuote(source);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('every figure is written in its sentence as shown', () => {
    for (const b of briefings()) for (const f of b.figures) expect(f.sources[0]!.quote).toContain(f.text);
  });
});

describe('charts, search and scripts', () => {
  test('the market-share page has a chart with an accessible table of its numbers', () => {
    const tree = page(site, '/topics/market-share/');
    expect(elements(tree, (el) => el.tagName === 'canvas').length).toBeGreaterThan(0);
    const table = elements(tree, (el) => el.tagName === 'figure' && String(el.properties.id ?? '').startsWith('chart-'))[0];
    expect(table).toBeDefined();
    expect(text(table!)).toMatch(/Vivo\s*17%/);
  });

  test('JavaScript only where a page needs it: charts and search, and everywhere the inline `/` shortcut and theme switch alone', () => {
    for (const script of [searchShortcutScript, themeScript]) expect(Buffer.byteLength(script)).toBeLessThan(1024);
    for (const file of siteFiles(site).filter((f) => f.endsWith('.html'))) {
      const scripts = elements(page(site, `/${file.replace(/index\.html$/, '')}`), (el) => el.tagName === 'script' && !['application/json', 'application/ld+json'].includes(String(el.properties.type)));
      const inline = (source: string) => scripts.filter((el) => !el.properties.src && el.children.length === 1 && el.children[0]!.type === 'text' && el.children[0]!.value === source);
      expect(inline(searchShortcutScript).length, `${file} has the / shortcut once`).toBe(1);
      expect(inline(themeScript).length, `${file} has the theme switch once`).toBe(1);
      const needs = file === 'search/index.html' || file === 'topics/market-share/index.html';
      if (!needs) expect(scripts.length - 2, `${file} ships JavaScript`).toBe(0);
    }
  });

  test('no page loads anything from another host', () => {
    for (const file of siteFiles(site).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(site, file), 'utf8');
      expect(html, file).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//);
    }
  });

  test('the search index is written', () => {
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(site, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
