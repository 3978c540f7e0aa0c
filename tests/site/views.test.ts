/** What templates read from src/site/: addresses, counts, a fact's status, a chart in words and as CSV. */
import { describe, expect, test } from 'vitest';
import { formatNumber, plural } from '../../src/site/format.ts';
import { inNumberOrder, type SourceKey } from '../../src/site/sources.ts';
import * as urls from '../../src/site/urls.ts';
import { aliasLanguage, andMore, chartCsv, chartPayload, chartSummary, factStatus, valuesLeftOut, type Chart } from '../../src/site/views.ts';
import type { Linked, Slug } from '../../src/core/types.ts';

describe('every address, from one module (built at /)', () => {
  test.each([
    [urls.articlesPath(), '/articles/'],
    [urls.articlesPath(3), '/articles/page/3/'],
    [urls.articlePath('a-b'), '/articles/a-b/'],
    [urls.topicPath('t'), '/topics/t/'],
    [urls.topicListPath('t', 'figures'), '/topics/t/figures/'],
    [urls.topicListPath('t', 'quotes', 2), '/topics/t/quotes/2/'],
    [urls.topicArticlesPath('t'), '/topics/t/#sources'],
    [urls.topicArticlesPath('t', 2), '/topics/t/articles/2/'],
    [urls.topicWhatsNewPath('t'), '/topics/t/#whats-new'],
    [urls.topicFeedPath('t'), '/topics/t/rss.xml'],
    [urls.topicDataPath('t'), '/data/topics/t.json'],
    [urls.entityPath('e'), '/entities/e/'],
    [urls.entityPath('e', 2), '/entities/e/2/'],
    [urls.chartDataPath('t', 'c', 'csv'), '/data/charts/t--c.csv'],
    [urls.cardPath(urls.topicCardFile('t')), '/og/topics/t.png'],
    [urls.pagefindScriptPath, '/pagefind/pagefind.js'],
  ])('%s', (made, expected) => expect(made).toBe(expected));
});

describe('counts', () => {
  test.each([
    [plural(1, 'article'), '1 article'],
    [plural(2, 'article'), '2 articles'],
    [plural(0, 'story', 'stories'), '0 stories'],
    [plural(1234, 'fact'), '1,234 facts'],
    [formatNumber(20000), '20,000'],
    [andMore(5, 1205), ' and 1,200 more'],
    [andMore(5, 5), ''],
  ])('%s', (made, expected) => expect(made).toBe(expected));
});

test("a fact's status says how many independent stories stand behind it", () => {
  expect(factStatus({ status: 'differ', rounded: false, stories: 3, articles: 3 })).toBe('Sources differ');
  expect(factStatus({ status: 'agree', rounded: true, stories: 2, articles: 4 })).toBe('Sources agree after rounding (2 stories)');
  expect(factStatus({ status: 'single', rounded: false, stories: 1, articles: 2 })).toBe('1 story (2 copies)');
  expect(factStatus({ status: 'single', rounded: false, stories: 1, articles: 1 })).toBe('Single source');
  expect(valuesLeftOut({ valueCount: 9, values: new Array(6) })).toBe(3);
});

test("an alias gets a language only when it is not the page's", () => {
  expect(aliasLanguage('阿里巴巴', 'en-GB')).toBe('zh');
  expect(aliasLanguage('Alibaba Group', 'en-GB')).toBeUndefined();
});

test('citations come in their sources’ number order, an unknown source last', () => {
  const key: SourceKey = new Map([['b', { number: 1 }], ['a', { number: 2 }]] as never);
  const refs = ['x', 'a', 'b'].map((article) => ({ article: article as Slug }));
  expect(inNumberOrder(refs, key).map((s) => s.article)).toEqual(['b', 'a', 'x']);
});

describe('a chart', () => {
  const chart: Linked<Chart> = {
    id: 'share',
    title: 'Share',
    type: 'bar',
    unit: '%',
    labels: ['=Apple', 'Huawei, Inc.'],
    series: [{ label: 'Q4 2024', values: [15, null] }],
    pointSources: [[{ article: 'a', quote: 'Apple had 15%.', path: '/articles/a/#s-1' }], []],
  } as never;

  test('in words, for its accessible name', () => expect(chartSummary(chart)).toBe('=Apple: 15%; Huawei, Inc.: —'));

  test('as CSV: formulas kept as text, commas quoted, each value with its sentences', () => {
    expect(chartCsv(chart)).toBe("label,Q4 2024,sources\n'=Apple,15,/articles/a/#s-1\n\"Huawei, Inc.\",,\n");
  });

  test('as JSON inside a script element, which no title can close', () => {
    const payload = chartPayload({ ...chart, labels: ['</script><b>'] });
    expect(payload).not.toContain('<');
    expect(JSON.parse(payload).labels).toEqual(['</script><b>']);
  });
});
