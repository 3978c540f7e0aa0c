import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../src/pipeline/analyse/duplicates.ts';
import { extractFigures } from '../../src/pipeline/analyse/figures.ts';
import { agreeRounded, findConflicts, groupFacts, writtenStep } from '../../src/pipeline/brief/facts.ts';
import { storyCounter, storyRepresentatives } from '../../src/pipeline/brief/stories.ts';
import type { Fact, Figure, Slug } from '../../src/core/types.ts';
import { sampleArticles, sampleSubjects } from '../fixtures/figures/articles.ts';
import { chinaQ4, figure } from '../fixtures/figures/figures.ts';

/**
 * Four articles: b copies a (another outlet runs a's story), c is TechCrunch's own story, d is
 * another story by a's outlet, e an article whose outlet is unknown.
 */
const outlets: Record<string, string | null> = { a: 'Reuters', b: 'Daily Post', c: 'TechCrunch', d: 'Reuters', e: null };
const stories = storyCounter(
  Object.entries(outlets).map(([slug, source]) => ({ slug: slug as Slug, source })),
  new Map([['b', 'a']] as [Slug, Slug][]),
);

/** A fact in one line: id, status, independent stories, and each value with its stories and rounded mark. */
const summary = (facts: Fact[]) => facts.map((fact) => [fact.id, fact.status, fact.stories, fact.rounded, fact.values.map((f) => `${f.text}/${f.stories}${f.rounded ? ' rounded' : ''}`)]);

describe('groupFacts: stories, not copies', () => {
  it('agrees when two independent stories report one value, however it is written: 17% and 17.0%', () => {
    const facts = groupFacts([figure('a', '1', '17%', 17, chinaQ4('Vivo')), figure('c', '4', '17.0%', 17, chinaQ4('Vivo'))], stories);
    expect(summary(facts)).toEqual([['vivo-market-share-china-q4-2024-pct', 'agree', 2, false, ['17%/2', '17.0%/2']]]);
    expect(facts[0]).toMatchObject({ subject: 'Vivo', measure: 'market share', period: 'Q4 2024', market: 'China', unit: '%' });
  });

  it('does not agree on copies: a story and its copy are one story (two copies)', () => {
    const facts = groupFacts([figure('a', '1', '17%', 17, chinaQ4('Vivo')), figure('b', '3', '17%', 17, chinaQ4('Vivo'))], stories);
    expect(summary(facts)).toEqual([['vivo-market-share-china-q4-2024-pct', 'single', 1, false, ['17%/1', '17%/1']]]);
  });

  it('does not agree on one outlet repeating its own figure in another story', () => {
    const facts = groupFacts([figure('a', '1', '17%', 17, chinaQ4('Vivo')), figure('d', '2', '17%', 17, chinaQ4('Vivo'))], stories);
    expect(summary(facts)).toEqual([['vivo-market-share-china-q4-2024-pct', 'single', 1, false, ['17%/1', '17%/1']]]);
  });

  it('counts an article of unknown outlet as an outlet of its own', () => {
    const facts = groupFacts([figure('a', '1', '17%', 17, chinaQ4('Vivo')), figure('b', '1', '17%', 17, chinaQ4('Vivo')), figure('e', '1', '17%', 17, chinaQ4('Vivo'))], stories);
    expect(summary(facts)).toEqual([['vivo-market-share-china-q4-2024-pct', 'agree', 2, false, ['17%/2', '17%/2', '17%/2']]]);
  });

  it('is single when one article states the fact, even twice', () => {
    const facts = groupFacts([figure('a', '1', '15%', 15, chinaQ4('Xiaomi')), figure('a', '7', '15%', 15, chinaQ4('Xiaomi'))], stories);
    expect(summary(facts)).toEqual([['xiaomi-market-share-china-q4-2024-pct', 'single', 1, false, ['15%/1', '15%/1']]]);
  });
});

describe('groupFacts: values equal after rounding agree, marked as rounded', () => {
  const sales = { subject: 'Apple', measure: 'sales', period: 'fiscal Q1', market: 'Greater China', unit: 'USD' };
  const drop = { subject: 'Apple', measure: 'sales change', period: 'fiscal Q1', market: 'Greater China' };

  it('agrees on 11% and 11.1%: the coarser is the finer rounded', () => {
    const facts = groupFacts([figure('a', '1', 'fell 11%', -11, drop), figure('c', '1', 'fell 11.1%', -11.1, drop)], stories);
    expect(summary(facts)).toEqual([['apple-sales-change-greater-china-fiscal-q1-pct', 'agree', 2, true, ['fell 11%/2 rounded', 'fell 11.1%/2']]]);
  });

  it('agrees on $18.5bn and $18.51 billion', () => {
    const facts = groupFacts([figure('a', '1', '$18.5bn', 18.5e9, sales), figure('c', '1', '$18.51 billion', 18.51e9, sales)], stories);
    expect(summary(facts)).toEqual([['apple-sales-greater-china-fiscal-q1-usd', 'agree', 2, true, ['$18.5bn/2 rounded', '$18.51 billion/2']]]);
  });

  it('differs on 11% and 11.5% (11.5 rounds to 12), and on 16% and 17%', () => {
    const facts = groupFacts(
      [figure('a', '1', 'fell 11%', -11, drop), figure('c', '1', 'fell 11.5%', -11.5, drop), figure('a', '2', '16%', 16, chinaQ4('Huawei')), figure('c', '2', '17%', 17, chinaQ4('Huawei'))],
      stories,
    );
    expect(summary(facts)).toEqual([
      ['apple-sales-change-greater-china-fiscal-q1-pct', 'differ', 2, false, ['fell 11%/1', 'fell 11.5%/1']],
      ['huawei-market-share-china-q4-2024-pct', 'differ', 2, false, ['16%/1', '17%/1']],
    ]);
  });

  it('counts, for each value, the stories reporting it or a value it rounds to', () => {
    const facts = groupFacts([figure('a', '1', '16%', 16, chinaQ4('Huawei')), figure('c', '1', '16.2%', 16.2, chinaQ4('Huawei')), figure('e', '1', '17%', 17, chinaQ4('Huawei'))], stories);
    // 16% agrees with 16.2% (2 stories); 16.2% with 16%; 17% stands alone, and differs from both.
    expect(summary(facts)).toEqual([['huawei-market-share-china-q4-2024-pct', 'differ', 3, false, ['16%/2 rounded', '16.2%/2', '17%/1']]]);
  });

  it('is no conflict when the differing values come from one story', () => {
    const facts = groupFacts([figure('a', '1', '16%', 16, chinaQ4('Huawei')), figure('b', '1', '17%', 17, chinaQ4('Huawei'))], stories);
    expect(summary(facts)).toEqual([['huawei-market-share-china-q4-2024-pct', 'single', 1, false, ['16%/1', '17%/1']]]);
  });
});

describe('the precision a value is written to', () => {
  it('reads the step from the text, in the value’s own unit', () => {
    expect(writtenStep({ text: '11%', value: 11 })).toBe(1);
    expect(writtenStep({ text: 'fell 11.1%', value: -11.1 })).toBeCloseTo(0.1, 12);
    expect(writtenStep({ text: '$18.51 billion', value: 18.51e9 })).toBeCloseTo(1e7, 0);
    expect(writtenStep({ text: 'HK$124.3', value: 124.3 })).toBeCloseTo(0.1, 12);
    expect(writtenStep({ text: '1,250 units', value: 1250 })).toBe(1);
    expect(writtenStep({ text: 'no number', value: 3 })).toBe(0);
  });

  it('agrees closer than half the coarser step, exactly equal always', () => {
    expect(agreeRounded({ value: 11, step: 1 }, { value: 11.49, step: 0.01 })).toBe(true);
    expect(agreeRounded({ value: 11, step: 1 }, { value: 11.5, step: 0.1 })).toBe(false);
    expect(agreeRounded({ value: 3, step: 0 }, { value: 3, step: 0 })).toBe(true);
    expect(agreeRounded({ value: 3, step: 0 }, { value: 3.01, step: 0 })).toBe(false);
  });
});

describe('groupFacts: what is one fact', () => {
  it('never merges figures of another period, market or unit', () => {
    const facts = groupFacts(
      [
        figure('a', '1', '15%', 15, chinaQ4('Apple')),
        figure('b', '1', '14%', 14, { ...chinaQ4('Apple'), period: 'Q3 2024' }),
        figure('b', '2', '17%', 17, { ...chinaQ4('Apple'), period: '2024' }),
        figure('c', '1', '9%', 9, { ...chinaQ4('Apple'), market: 'India' }),
        figure('c', '2', '12%', 12, { ...chinaQ4('Apple'), market: null }),
        figure('d', '1', '15 million units', 15e6, { ...chinaQ4('Apple'), unit: 'units' }),
      ],
      stories,
    );
    expect(summary(facts).map(([id, status]) => [id, status])).toEqual([
      ['apple-market-share-china-2024-pct', 'single'],
      ['apple-market-share-china-q3-2024-pct', 'single'],
      ['apple-market-share-china-q4-2024-pct', 'single'],
      ['apple-market-share-china-q4-2024-units', 'single'],
      ['apple-market-share-india-q4-2024-pct', 'single'],
      ['apple-market-share-q4-2024-pct', 'single'],
    ]);
  });

  it('joins a figure that leaves its market or period unsaid to the one row of equal values that says it, and a calendar quarter to the fiscal quarter equal values name', () => {
    const revenue = { subject: 'Northwind', measure: 'revenue', market: null, unit: 'USD' };
    const facts = groupFacts(
      [
        figure('a', '1', '15%', 15, chinaQ4('Apple')),
        figure('c', '2', '15%', 15, { ...chinaQ4('Apple'), market: null }),
        figure('b', '1', '$2.1 billion', 2.1e9, { ...revenue, period: 'fiscal Q3 2025' }),
        figure('c', '1', '$2.1bn', 2.1e9, { ...revenue, period: 'Q1 2025' }),
        figure('c', '3', '$2.2bn', 2.2e9, { ...revenue, period: 'Q1 2025' }),
        figure('d', '1', '$2.1 billion', 2.1e9, { ...revenue, period: null }),
      ],
      stories,
    );
    expect(summary(facts).map(([id, status, count, , values]) => [id, status, count, values])).toEqual([
      ['apple-market-share-china-q4-2024-pct', 'agree', 2, ['15%/2', '15%/2']],
      ['northwind-revenue-fiscal-q3-2025-usd', 'differ', 3, ['$2.1 billion/3', '$2.1bn/3', '$2.2bn/1', '$2.1 billion/3']],
    ]);
    // Each figure keeps what its own sentence says.
    expect(facts[1]?.values.map((value) => value.period)).toEqual(['fiscal Q3 2025', 'Q1 2025', 'Q1 2025', null]);
  });

  it('joins one deal’s terms and one mine’s output whichever party a source names them by, where a sentence names both, exact values only', () => {
    const deal = { measure: 'deal value', period: null, market: null, unit: 'GBP' };
    const output = { measure: 'production', period: '2024', market: null, unit: 'tonnes' };
    const said = (made: Figure, quote: string): Figure => ({ ...made, sources: made.sources.map((source) => ({ ...source, quote })) });
    const facts = groupFacts(
      [
        said(figure('a', '1', '£3.1 billion', 3.1e9, { ...deal, subject: 'Pelham Brands' }), 'Harbourline Foods agreed to buy Pelham Brands in a deal worth £3.1 billion.'),
        said(figure('c', '1', 'about £3.1 billion', 3.1e9, { ...deal, subject: 'Harbourline Foods' }), 'The regulator will examine Harbourline’s £3.1 billion takeover.'),
        figure('e', '1', '£3.1bn', 3.1e9, { ...deal, subject: 'Pelham Brands' }),
        // Another deal's value, equal only after rounding: its own row.
        figure('d', '1', '£3 billion', 3e9, { ...deal, subject: 'Solace' }),
        // Not a two-party measure: equal values of two companies stay apart.
        said(figure('a', '2', '£1.2 billion', 1.2e9, { ...deal, measure: 'revenue', subject: 'Pelham Brands' }), 'Pelham Brands and Harbourline Foods each had revenue of £1.2 billion.'),
        figure('c', '2', '£1.2 billion', 1.2e9, { ...deal, measure: 'revenue', subject: 'Harbourline Foods' }),
        // One mine's output by the mine and by its operator, named together by one sentence.
        said(figure('a', '3', '412,000 tonnes', 412e3, { ...output, subject: 'Cerro Alto' }), 'Cerro Alto produced 412,000 tonnes last year, Vantor said.'),
        said(figure('c', '3', '412,000 tonnes', 412e3, { ...output, subject: 'Vantor Metals' }), 'The company produced 412,000 tonnes at the mine.'),
        // Two mines with equal output that no sentence names together: apart.
        figure('a', '4', '90,000 tonnes', 9e4, { ...output, subject: 'Los Pinos' }),
        figure('c', '4', '90,000 tonnes', 9e4, { ...output, subject: 'Kanga' }),
      ],
      stories,
    );
    expect(summary(facts).map(([id, status, count, , values]) => [id, status, count, values])).toEqual([
      ['cerro-alto-production-2024-tonnes', 'agree', 2, ['412,000 tonnes/2', '412,000 tonnes/2']],
      ['harbourline-foods-revenue-gbp', 'single', 1, ['£1.2 billion/1']],
      ['kanga-production-2024-tonnes', 'single', 1, ['90,000 tonnes/1']],
      ['los-pinos-production-2024-tonnes', 'single', 1, ['90,000 tonnes/1']],
      ['pelham-brands-deal-value-gbp', 'agree', 3, ['£3.1 billion/3', 'about £3.1 billion/3', '£3.1bn/3']],
      ['pelham-brands-revenue-gbp', 'single', 1, ['£1.2 billion/1']],
      ['solace-deal-value-gbp', 'single', 1, ['£3 billion/1']],
    ]);
    // Each figure keeps the party its own sentence names.
    expect(facts[4]?.values.map((value) => value.subject)).toEqual(['Pelham Brands', 'Harbourline Foods', 'Pelham Brands']);
  });

  it('joins a move a source does not place to the same day’s equal move at the close', () => {
    const move = { subject: 'Northwind', period: '2025-05-01', market: 'United States' };
    const facts = groupFacts(
      [
        figure('a', '1', 'fell 5%', -5, { ...move, measure: 'stock change at close' }),
        figure('c', '1', 'down 5.0%', -5, { ...move, measure: 'stock change' }),
        // Another value, another day: their own rows.
        figure('e', '1', 'as much as 8%', -8, { ...move, measure: 'stock change' }),
        figure('d', '1', 'fell 5%', -5, { ...move, measure: 'stock change', period: '2025-05-02' }),
      ],
      stories,
    );
    expect(summary(facts).map(([id, status, count, , values]) => [id, status, count, values])).toEqual([
      ['northwind-stock-change-united-states-2025-05-01-pct', 'single', 1, ['as much as 8%/1']],
      ['northwind-stock-change-united-states-2025-05-02-pct', 'single', 1, ['fell 5%/1']],
      ['northwind-stock-change-at-close-united-states-2025-05-01-pct', 'agree', 2, ['fell 5%/2', 'down 5.0%/2']],
    ]);
    // Each figure keeps the measure its own sentence gives.
    expect(facts[2]?.values.map((value) => value.measure)).toEqual(['stock change at close', 'stock change']);
  });

  it('leaves out figures without a subject or a measure: they stay on their articles’ pages', () => {
    const donation = { subject: null, measure: 'donation', period: 'January 2025', market: null, unit: 'USD' };
    const drop = { subject: 'Apple', measure: null, period: null, market: 'China' };
    const facts = groupFacts([figure('a', '1', '$1 million', 1e6, donation), figure('c', '1', '$1 million', 1e6, donation), figure('a', '2', '11% drop', -11, drop)], stories);
    expect(facts).toEqual([]);
  });

  it('orders facts and their figures the same whatever order the figures come in', () => {
    const figures = [
      figure('c', '2', '16.4%', 16.4, chinaQ4('Huawei')),
      figure('a', '1', '17%', 17, chinaQ4('Vivo')),
      figure('a', '2', '16%', 16, chinaQ4('Huawei')),
      figure('c', '1', '17.0%', 17, chinaQ4('Vivo')),
    ];
    const forward = groupFacts(figures, stories);
    expect(groupFacts([...figures].reverse(), stories)).toEqual(forward);
    expect(forward.map((fact) => fact.values.map((f) => f.id))).toEqual([
      ['huawei-market-share-china-q4-2024-pct-a-2', 'huawei-market-share-china-q4-2024-pct-c-2'],
      ['vivo-market-share-china-q4-2024-pct-a-1', 'vivo-market-share-china-q4-2024-pct-c-1'],
    ]);
  });
});

describe('findConflicts', () => {
  it('returns the facts that independent sources disagree on, in the data API shape', () => {
    const huawei = [figure('a', '1', '16%', 16, chinaQ4('Huawei')), figure('c', '2', '17%', 17, chinaQ4('Huawei'))];
    const vivo = [figure('a', '2', '17%', 17, chinaQ4('Vivo')), figure('c', '1', '17.0%', 17, chinaQ4('Vivo'))];
    expect(findConflicts(groupFacts([...vivo, ...huawei], stories))).toEqual([
      {
        id: 'huawei-market-share-china-q4-2024-pct',
        subject: 'Huawei',
        measure: 'market share',
        period: 'Q4 2024',
        market: 'China',
        values: huawei.map((f) => ({ ...f, stories: 1, rounded: false })),
      },
    ]);
  });
});

describe('facts of the sample articles', () => {
  const articles = [...sampleArticles().values()];
  const representatives = storyRepresentatives(articles, findNearDuplicates(articles));
  const facts = groupFacts(
    articles.flatMap((doc) => extractFigures(doc, { subjects: sampleSubjects() })),
    storyCounter(articles, representatives),
  );

  it('takes 002 for a rewrite of 000: one story, represented by the first by slug (neither has a date)', () => {
    const slug = (prefix: string) => articles.find((a) => a.file.startsWith(prefix))?.slug as Slug;
    expect([representatives.get(slug('000')), representatives.get(slug('002'))]).toEqual([slug('002'), slug('002')]);
    expect(new Set(articles.map((a) => representatives.get(a.slug))).size).toBe(4);
  });

  it('rests no agreement on copies: what only 000 and 002 report is one story in two copies', () => {
    expect(facts.filter((fact) => fact.status === 'agree')).toEqual([]);
    const copies = facts.filter((fact) => new Set(fact.values.map((v) => v.sources[0]?.article)).size === 2);
    expect(copies.length).toBeGreaterThan(0);
    for (const fact of copies) expect([fact.status, fact.stories]).toEqual(['single', 1]);
  });

  it('finds no conflict among the samples', () => {
    expect(findConflicts(facts)).toEqual([]);
  });
});
