/**
 * What the search page makes of a Pagefind result: the passage each match sits in, the excerpt
 * with its marked words, and the search as a URL. Fragments are shaped as `result.data()` returns
 * them; the word positions are those Pagefind gives (an index into the raw content's words).
 */
import { describe, expect, test } from 'vitest';
import {
  excerpt,
  findPassages,
  mergeByDate,
  otherLanguages,
  pageWords,
  readState,
  searchOptions,
  writeState,
  type PagefindFragment,
} from '../../../src/site/client/search-results.ts';

const match = (location: number, balanced_score = 100) => ({ location, balanced_score, weight: 1 });

// Words 0–3 are the title and meta line; sentences start at 4 and 10; a heading at 15 opens a
// section whose text is not in a sentence.
const article: PagefindFragment = {
  url: '/articles/deal/',
  content: '',
  raw_content: 'Apple picks Alibaba. TechCrunch. Huawei grew shipments 37% this year. Apple fell to 15% share. Background. Huawei led in 2019 with a large share of sales.',
  meta: { title: 'Apple picks Alibaba' },
  filters: { type: ['article'] },
  anchors: [
    { element: 'span', id: 's-a', text: 'Huawei grew shipments 37% this year.', location: 4 },
    { element: 'span', id: 's-b', text: 'Apple fell to 15% share.', location: 10 },
    { element: 'h2', id: 'background', text: 'Background', location: 15 },
  ],
  weighted_locations: [],
};
const withMatches = (fragment: PagefindFragment, ...locations: ReturnType<typeof match>[]) => ({ ...fragment, weighted_locations: locations });
const text = (runs: { text: string; mark: boolean }[]) => runs.map((r) => (r.mark ? `[${r.text}]` : r.text)).join('');

describe('findPassages', () => {
  test('a match lands on the sentence that holds it, the matched word marked', () => {
    expect(findPassages(withMatches(article, match(4)))).toEqual([
      { url: '/articles/deal/#s-a', kind: 'sentence', heading: null, runs: [{ text: 'Huawei', mark: true }, { text: ' grew shipments 37% this year.', mark: false }] },
    ]);
  });

  test('the sentence with more of the query words comes first, whatever the scores', () => {
    const passages = findPassages(withMatches(article, match(4, 900), match(10, 100), match(14, 100)));
    expect(passages.map((p) => p.url)).toEqual(['/articles/deal/#s-b', '/articles/deal/#s-a']);
    expect(text(passages[0]!.runs)).toBe('[Apple] fell to 15% [share.]');
  });

  test('a match outside every sentence belongs to the section of the heading before it', () => {
    const [passage] = findPassages(withMatches(article, match(16)));
    expect(passage).toMatchObject({ url: '/articles/deal/#background', kind: 'section', heading: 'Background' });
    expect(text(passage!.runs)).toBe('[Huawei] led in 2019 with a large share of sales.');
  });

  test('the page is the passage only when nothing else holds a match', () => {
    expect(findPassages(withMatches(article, match(0), match(10))).map((p) => p.url)).toEqual(['/articles/deal/#s-b']);
    expect(findPassages(withMatches(article, match(0)))).toEqual([
      { url: '/articles/deal/', kind: 'page', heading: null, runs: [{ text: 'Apple', mark: true }, { text: ' picks Alibaba. TechCrunch.', mark: false }] },
    ]);
  });

  test('a row with no text of its own runs to the next anchor; a script is never a target', () => {
    const topic: PagefindFragment = {
      ...article,
      url: '/topics/market-share/',
      raw_content: 'Market share. Figures. Huawei · market share 16% Vivo · market share 17% Chart title Huawei 16%',
      anchors: [
        { element: 'h2', id: 'figures', text: 'Figures.', location: 2 },
        { element: 'tr', id: 'fact-huawei', text: '', location: 3 },
        { element: 'tr', id: 'fact-vivo', text: '', location: 8 },
        { element: 'figure', id: 'chart-q4', text: '', location: 13 },
        { element: 'script', id: 'chart-data-q4', text: '', location: 15 },
      ],
    };
    expect(findPassages(withMatches(topic, match(3), match(6), match(15), match(1, 5000))).map((p) => [p.url, text(p.runs)])).toEqual([
      ['/topics/market-share/#fact-huawei', '[Huawei] · market [share] 16%'],
      ['/topics/market-share/#chart-q4', 'Chart title [Huawei] 16%'],
    ]);
  });

  test('Chinese text, whose words Pagefind delimits with zero-width spaces, joins without spaces', () => {
    const zh: PagefindFragment = {
      ...article,
      url: '/articles/ai/',
      raw_content: ['标题', '. ', '阿里巴巴', '的', '股票', '上涨', '。 ', '苹果', '合作', '。 '].join('\u200B'),
      anchors: [
        { element: 'span', id: 's-1', text: '阿里巴巴的股票上涨。', location: 2 },
        { element: 'span', id: 's-2', text: '苹果合作。', location: 7 },
      ],
    };
    const [passage] = findPassages(withMatches(zh, match(4)));
    expect(passage!.url).toBe('/articles/ai/#s-1');
    expect(text(passage!.runs)).toBe('阿里巴巴的[股票]上涨。');
  });

  test('at most `limit` passages', () => {
    expect(findPassages(withMatches(article, match(4), match(10), match(16)), { limit: 2 })).toHaveLength(2);
  });
});

describe('excerpt', () => {
  const words = 'a b c d e f g h i j k l m n o p'.split(' ');
  test('a long region is cut to the window whose matches score most, with ellipses', () => {
    const runs = excerpt(words, ' ', { start: 0, end: 16, matches: [match(1, 10), match(9, 50), match(10, 50)] }, 6);
    expect(text(runs)).toBe('… i [j] [k] l m n …');
  });
  test('the window never runs past the region', () => {
    expect(text(excerpt(words, ' ', { start: 0, end: 16, matches: [match(15)] }, 4))).toBe('… m n o [p]');
  });
});

describe('pageWords', () => {
  test('unescapes what Pagefind escapes, since words become text, not HTML', () => {
    expect(pageWords({ content: '', raw_content: 'a &lt;b&gt; c' })).toEqual({ words: ['a', '<b>', 'c'], joiner: ' ' });
  });
});

describe('search state and URL', () => {
  test('round trip: only what is set appears, in a fixed order', () => {
    const state = readState('?sort=newest&topic=Market+share&q=Huawei+share&utm=x&year=2025');
    expect(state).toEqual({ q: 'Huawei share', filters: { topic: 'Market share', year: '2025' }, sort: 'newest' });
    expect(writeState(state)).toBe('?q=Huawei+share&topic=Market+share&year=2025&sort=newest');
    expect(writeState(readState(''))).toBe('');
  });
  test('an unknown sort is relevance', () => {
    expect(readState('?q=x&sort=random').sort).toBe('relevance');
  });
  test('Pagefind options: filters as given, sort by date', () => {
    expect(searchOptions(readState('?q=x&type=article&sort=oldest'))).toEqual({ filters: { type: 'article' }, sort: { date: 'asc' } });
    expect(searchOptions(readState('?q=x'))).toEqual({ filters: {}, sort: {} });
  });
});

describe('mergeByDate', () => {
  test('merges lists each in date order, asking the date of list heads only', async () => {
    const asked: string[] = [];
    const dateOf = async (d: string) => {
      asked.push(d);
      return d;
    };
    const merged: string[] = [];
    for await (const d of mergeByDate([['2025-03', '2025-01'], ['2025-02', '2024-12']], dateOf, 'desc')) {
      merged.push(d);
      if (merged.length === 2) break;
    }
    expect(merged).toEqual(['2025-03', '2025-02']);
    expect(asked.sort()).toEqual(['2025-01', '2025-02', '2025-03']);
  });
});

describe('otherLanguages', () => {
  const languages = { en: { page_count: 50 }, zh: { page_count: 2 }, ja: { page_count: 1 } };
  test('every language but the one the page opens', () => {
    expect(otherLanguages(languages, 'en')).toEqual(['ja', 'zh']);
    expect(otherLanguages(languages, 'en-GB')).toEqual(['ja', 'zh']);
    expect(otherLanguages(languages, 'zh')).toEqual(['en', 'ja']);
  });
  test("a page language with no index opens Pagefind's largest, as Pagefind does", () => {
    expect(otherLanguages(languages, 'fr')).toEqual(['ja', 'zh']);
  });
});
