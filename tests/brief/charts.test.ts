import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { type ChartSpec, topicSchema } from '../../src/config/schema.ts';
import { extractFigures } from '../../src/pipeline/analyse/figures.ts';
import { buildChart } from '../../src/pipeline/brief/charts.ts';
import { groupFacts } from '../../src/pipeline/brief/facts.ts';
import { storyCounter } from '../../src/pipeline/brief/stories.ts';
import type { Figure, Slug, SourceRef } from '../../src/core/types.ts';
import { sampleArticles, sampleSubjects } from '../fixtures/figures/articles.ts';
import { chinaQ4, figure } from '../fixtures/figures/figures.ts';

/** A source as `article#sentence`. */
const cited = (source: SourceRef) => `${source.article}#${source.sentence}`;

/** Every article its own story and outlet. */
const own = storyCounter([], new Map());
const factsOf = (figures: Figure[]) => groupFacts(figures, own);

const spec = (fields: Partial<ChartSpec>): ChartSpec => ({
  id: 'test-chart',
  title: 'Test chart',
  type: 'bar',
  measure: 'market share',
  unit: '%',
  market: 'China',
  periods: ['Q4 2024'],
  ...fields,
});

/** Figures of every kind that must not enter a China, Q4 2024 market share chart. */
const strays = [
  figure('x', '1', '9%', 9, { ...chinaQ4('Apple'), market: 'India' }),
  figure('x', '2', '14%', 14, { ...chinaQ4('Apple'), period: 'Q3 2024' }),
  figure('x', '3', '20%', 20, { ...chinaQ4('Oppo'), period: '2024' }),
  figure('x', '4', '12%', 12, { ...chinaQ4('Honor'), market: null }),
  figure('x', '5', '11%', 11, { ...chinaQ4('Xiaomi'), measure: 'shipments change' }),
  figure('x', '6', '30 million units', 30e6, { ...chinaQ4('Samsung'), unit: 'units' }),
  figure('x', '7', '18%', 18, { ...chinaQ4('Vivo'), subject: null }),
];

describe('buildChart for one period', () => {
  const figures = [
    figure('a', '1', '15%', 15, chinaQ4('Apple')),
    figure('a', '2', '17%', 17, chinaQ4('Vivo')),
    figure('b', '1', '16%', 16, chinaQ4('Huawei')),
    figure('b', '2', '17.0%', 17, chinaQ4('Vivo')),
    ...strays,
  ];
  const chart = buildChart(spec({}), factsOf(figures), own);

  it('has one bar per subject, largest first, and nothing from another market, period, measure or unit', () => {
    expect(chart).toMatchObject({ id: 'test-chart', title: 'Test chart', type: 'bar', unit: '%', labels: ['Vivo', 'Huawei', 'Apple'] });
    expect(chart?.series).toEqual([{ label: 'Q4 2024', values: [17, 16, 15] }]);
  });

  it('cites every figure behind each point, and their union once', () => {
    expect(chart?.pointSources.map((sources) => sources.map(cited))).toEqual([
      ['a#s-2', 'b#s-2'],
      ['b#s-1'],
      ['a#s-1'],
    ]);
    expect(chart?.sources.map(cited)).toEqual(['a#s-2', 'b#s-2', 'b#s-1', 'a#s-1']);
  });

  it('keeps only the subjects the spec names', () => {
    expect(buildChart(spec({ subjects: ['Apple', 'Huawei'] }), factsOf(figures), own)?.labels).toEqual(['Huawei', 'Apple']);
  });

  it('is null when no figure fits', () => {
    expect(buildChart(spec({}), factsOf(strays), own)).toBeNull();
    expect(buildChart(spec({ market: 'India', periods: ['Q3 2024'] }), factsOf(figures), own)).toBeNull();
  });

  it('charts a market of null only from figures without a market', () => {
    expect(buildChart(spec({ market: null }), factsOf(figures), own)?.labels).toEqual(['Honor']);
  });
});

describe('buildChart when sources disagree', () => {
  it('charts the value most articles report, and keeps every source on the point', () => {
    const facts = factsOf([
      figure('a', '1', '14%', 14, chinaQ4('Honor')),
      figure('b', '1', '15%', 15, chinaQ4('Honor')),
      figure('c', '1', '15%', 15, chinaQ4('Honor')),
    ]);
    const chart = buildChart(spec({}), facts, own);
    expect(chart?.series[0]?.values).toEqual([15]);
    expect(chart?.pointSources[0]?.map((s) => s.article)).toEqual(['a', 'b', 'c']);
  });

  it('on a tie, charts the lower value', () => {
    const facts = factsOf([figure('a', '1', '13%', 13, chinaQ4('Oppo')), figure('b', '1', '12%', 12, chinaQ4('Oppo'))]);
    expect(buildChart(spec({}), facts, own)?.series[0]?.values).toEqual([12]);
  });

  it('counts articles, not sentences: one article repeating a value outvotes nobody', () => {
    const facts = factsOf([
      figure('a', '1', '13%', 13, chinaQ4('Oppo')),
      figure('a', '2', '13%', 13, chinaQ4('Oppo')),
      figure('b', '1', '12%', 12, chinaQ4('Oppo')),
    ]);
    expect(buildChart(spec({}), facts, own)?.series[0]?.values).toEqual([12]);
  });
});

describe('buildChart counts independent stories', () => {
  it('two copies of one story outvote nobody, nor do two articles of one outlet', () => {
    // b copies a; d is another story of c's outlet.
    const stories = storyCounter(
      [
        { slug: 'a' as Slug, source: 'Wire' },
        { slug: 'b' as Slug, source: 'Daily Post' },
        { slug: 'c' as Slug, source: 'Gazette' },
        { slug: 'd' as Slug, source: 'Gazette' },
        { slug: 'e' as Slug, source: 'Herald' },
      ],
      new Map([['b', 'a']] as [Slug, Slug][]),
    );
    const copies = [figure('a', '1', '13%', 13, chinaQ4('Oppo')), figure('b', '1', '13%', 13, chinaQ4('Oppo')), figure('e', '1', '12%', 12, chinaQ4('Oppo'))];
    expect(buildChart(spec({}), groupFacts(copies, stories), stories)?.series[0]?.values).toEqual([12]);
    const outlet = [figure('c', '1', '13%', 13, chinaQ4('Oppo')), figure('d', '1', '13%', 13, chinaQ4('Oppo')), figure('e', '1', '12%', 12, chinaQ4('Oppo'))];
    expect(buildChart(spec({}), groupFacts(outlet, stories), stories)?.series[0]?.values).toEqual([12]);
    // An independent third story tips it.
    expect(buildChart(spec({}), groupFacts([...copies, figure('c', '1', '13%', 13, chinaQ4('Oppo'))], stories), stories)?.series[0]?.values).toEqual([13]);
  });
});

describe('buildChart over several periods', () => {
  const figures = [
    figure('a', '1', '24%', 24, { ...chinaQ4('Apple'), period: 'Q4 2023' }),
    figure('a', '2', '15%', 15, chinaQ4('Apple')),
    figure('b', '1', '17%', 17, chinaQ4('Vivo')),
    ...strays,
  ];

  it('has the periods as labels in the spec’s order and one series per subject', () => {
    const chart = buildChart(spec({ periods: ['Q4 2023', 'Q2 2024', 'Q4 2024'] }), factsOf(figures), own);
    expect(chart?.labels).toEqual(['Q4 2023', 'Q2 2024', 'Q4 2024']);
    expect(chart?.series).toEqual([
      { label: 'Apple', values: [24, null, 15] },
      { label: 'Vivo', values: [null, null, 17] },
    ]);
    expect(chart?.pointSources.map((sources) => sources.map(cited))).toEqual([
      ['a#s-1'],
      [],
      ['a#s-2', 'b#s-1'],
    ]);
  });

  it('orders series as the spec lists its subjects', () => {
    const chart = buildChart(spec({ periods: ['Q4 2023', 'Q4 2024'], subjects: ['Vivo', 'Apple'] }), factsOf(figures), own);
    expect(chart?.series.map((s) => s.label)).toEqual(['Vivo', 'Apple']);
  });
});

describe('the market-share topic’s charts over the sample articles', () => {
  const topic = topicSchema.parse(matter(readFileSync(join(import.meta.dirname, '../../content/topics/market-share.md'), 'utf8')).data);
  const subjects = sampleSubjects();
  const articles = sampleArticles();
  const facts = factsOf([...articles.values()].flatMap((doc) => extractFigures(doc, { subjects })));
  const charts = new Map(topic.charts.map((chartSpec) => [chartSpec.id, buildChart(chartSpec, facts, own)]));
  const slugOf = (file: string) => articles.get(file)!.slug;
  const articlesBehind = (id: string) => charts.get(id)?.pointSources.map((sources) => sources.map((s) => s.article));

  it('Q4 2024 by vendor: Vivo 17, Huawei 16, Apple 15, from the TechCrunch article alone', () => {
    const chart = charts.get('china-vendors-q4-2024');
    expect(chart?.labels).toEqual(['Vivo', 'Huawei', 'Apple']);
    expect(chart?.series).toEqual([{ label: 'Q4 2024', values: [17, 16, 15] }]);
    const techcrunch = slugOf('003_cfd479d661bbd93e.txt');
    expect(articlesBehind('china-vendors-q4-2024')).toEqual([[techcrunch], [techcrunch], [techcrunch]]);
  });

  it('2024 by vendor: Vivo 17, Huawei 16, Apple 15, from 000 and 002', () => {
    const chart = charts.get('china-vendors-2024');
    expect(chart?.labels).toEqual(['Vivo', 'Huawei', 'Apple']);
    expect(chart?.series).toEqual([{ label: '2024', values: [17, 16, 15] }]);
    const both = [slugOf('002_af7272d67d66c480.txt'), slugOf('000_599d103873102f42.txt')].sort();
    expect(articlesBehind('china-vendors-2024')?.map((slugs) => [...slugs].sort())).toEqual([both, both, both]);
  });

  it('Apple a year apart: 24 in Q4 2023, 15 in Q4 2024', () => {
    const chart = charts.get('apple-china-year-apart');
    expect(chart?.labels).toEqual(['Q4 2023', 'Q4 2024']);
    expect(chart?.series).toEqual([{ label: 'Apple', values: [24, 15] }]);
    expect(chart?.sources.map((s) => s.quote)).toEqual([
      'Apple, which commanded 24% of the market the same time last year, dropped to 15%, putting it in a third-place dead heat with Xiaomi and Oppo.',
    ]);
  });
});
