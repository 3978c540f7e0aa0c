import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/pipeline/analyse/figures.ts';
import { findConflicts, groupFacts } from '../../src/pipeline/brief/facts.ts';
import type { Fact } from '../../src/pipeline/types.ts';
import { sampleArticles, sampleSubjects } from '../fixtures/figures/articles.ts';
import { chinaQ4, figure } from '../fixtures/figures/figures.ts';

/** A fact in one line: id, status and the values of its figures. */
const summary = (facts: Fact[]) => facts.map((fact) => [fact.id, fact.status, fact.values.map((f) => f.value)]);

describe('groupFacts', () => {
  it('agrees when the values are equal however they are written: 17% and 17.0%', () => {
    const facts = groupFacts([figure('a', '1', '17%', 17, chinaQ4('Vivo')), figure('b', '4', '17.0%', 17, chinaQ4('Vivo'))]);
    expect(summary(facts)).toEqual([['vivo-market-share-china-q4-2024-pct', 'agree', [17, 17]]]);
    expect(facts[0]).toMatchObject({ subject: 'Vivo', measure: 'market share', period: 'Q4 2024', market: 'China', unit: '%' });
  });

  it('differs when a source is more precise: 16% and 16.4%', () => {
    const facts = groupFacts([figure('a', '1', '16%', 16, chinaQ4('Huawei')), figure('b', '2', '16.4%', 16.4, chinaQ4('Huawei'))]);
    expect(summary(facts)).toEqual([['huawei-market-share-china-q4-2024-pct', 'differ', [16, 16.4]]]);
  });

  it('is single when one article states the fact, even twice', () => {
    const facts = groupFacts([figure('a', '1', '15%', 15, chinaQ4('Xiaomi')), figure('a', '7', '15%', 15, chinaQ4('Xiaomi'))]);
    expect(summary(facts)).toEqual([['xiaomi-market-share-china-q4-2024-pct', 'single', [15, 15]]]);
  });

  it('never merges figures of another period, market or unit', () => {
    const facts = groupFacts([
      figure('a', '1', '15%', 15, chinaQ4('Apple')),
      figure('b', '1', '14%', 14, { ...chinaQ4('Apple'), period: 'Q3 2024' }),
      figure('b', '2', '17%', 17, { ...chinaQ4('Apple'), period: '2024' }),
      figure('c', '1', '9%', 9, { ...chinaQ4('Apple'), market: 'India' }),
      figure('c', '2', '15%', 15, { ...chinaQ4('Apple'), market: null }),
      figure('d', '1', '15 million units', 15e6, { ...chinaQ4('Apple'), unit: 'units' }),
    ]);
    expect(summary(facts)).toEqual([
      ['apple-market-share-china-2024-pct', 'single', [17]],
      ['apple-market-share-china-q3-2024-pct', 'single', [14]],
      ['apple-market-share-china-q4-2024-pct', 'single', [15]],
      ['apple-market-share-china-q4-2024-units', 'single', [15e6]],
      ['apple-market-share-india-q4-2024-pct', 'single', [9]],
      ['apple-market-share-q4-2024-pct', 'single', [15]],
    ]);
  });

  it('keeps figures without a subject or a measure apart, with the figure’s own id', () => {
    const donation = { subject: null, measure: 'donation', period: 'January 2025', market: null, unit: 'USD' };
    const drop = { subject: 'Apple', measure: null, period: null, market: 'China' };
    const facts = groupFacts([
      figure('a', '1', '$1 million', 1e6, donation),
      figure('b', '1', '$1 million', 1e6, donation),
      figure('a', '2', '11% drop', -11, drop),
      figure('b', '2', '11% drop', -11, drop),
    ]);
    expect(summary(facts)).toEqual([
      ['apple-china-pct-a-2', 'single', [-11]],
      ['apple-china-pct-b-2', 'single', [-11]],
      ['donation-january-2025-usd-a-1', 'single', [1e6]],
      ['donation-january-2025-usd-b-1', 'single', [1e6]],
    ]);
  });

  it('orders facts and their figures the same whatever order the figures come in', () => {
    const figures = [
      figure('b', '2', '16.4%', 16.4, chinaQ4('Huawei')),
      figure('a', '1', '17%', 17, chinaQ4('Vivo')),
      figure('a', '2', '16%', 16, chinaQ4('Huawei')),
      figure('b', '1', '17.0%', 17, chinaQ4('Vivo')),
    ];
    const forward = groupFacts(figures);
    expect(groupFacts([...figures].reverse())).toEqual(forward);
    expect(forward.map((fact) => fact.values.map((f) => f.id))).toEqual([
      ['huawei-market-share-china-q4-2024-pct-a-2', 'huawei-market-share-china-q4-2024-pct-b-2'],
      ['vivo-market-share-china-q4-2024-pct-a-1', 'vivo-market-share-china-q4-2024-pct-b-1'],
    ]);
  });
});

describe('findConflicts', () => {
  it('returns the facts that differ, in the data API shape', () => {
    const huawei = [figure('a', '1', '16%', 16, chinaQ4('Huawei')), figure('b', '2', '16.4%', 16.4, chinaQ4('Huawei'))];
    const vivo = [figure('a', '2', '17%', 17, chinaQ4('Vivo')), figure('b', '1', '17.0%', 17, chinaQ4('Vivo'))];
    expect(findConflicts(groupFacts([...vivo, ...huawei]))).toEqual([
      { id: 'huawei-market-share-china-q4-2024-pct', subject: 'Huawei', measure: 'market share', period: 'Q4 2024', market: 'China', values: huawei },
    ]);
  });
});

describe('facts of the sample articles', () => {
  const articles = [...sampleArticles().values()];
  const subjects = sampleSubjects();
  const facts = groupFacts(articles.flatMap((doc) => extractFigures(doc, { base: '/', subjects })));

  it('compares what 000 and 002 both report, and keeps the rest single', () => {
    expect(summary(facts.filter((fact) => fact.status !== 'single'))).toEqual([
      // The intraday high, the close and the rise since the year began are different facts.
      ['alibaba-share-price-intraday-hong-kong-hkd', 'agree', [124.3, 124.3]],
      ['alibaba-stock-change-at-close-hong-kong-pct', 'agree', [2.6, 2.6]],
      ['alibaba-stock-change-intraday-hong-kong-pct', 'agree', [9.2, 9.2]],
      ['alibaba-stock-change-year-to-date-pct', 'agree', [40, 40]],
      ['apple-market-share-china-2024-pct', 'agree', [15, 15]],
      ['apple-sales-greater-china-fiscal-q1-usd', 'agree', [18510000000, 18510000000]],
      ['apple-sales-change-greater-china-fiscal-q1-pct', 'agree', [-11, -11]],
      ['apple-shipments-change-china-2024-pct', 'agree', [-17, -17]],
      ['huawei-market-share-china-2024-pct', 'agree', [16, 16]],
      ['vivo-market-share-china-2024-pct', 'agree', [17, 17]],
    ]);
    expect(summary(facts.filter((fact) => fact.status === 'single')).map(([id]) => id)).toEqual([
      'apple-market-share-china-q4-2023-pct',
      'apple-market-share-china-q4-2024-pct',
      expect.stringMatching(/^apple-china-pct-[0-9a-z]{7}$/),
      'huawei-market-share-china-q4-2024-pct',
      'huawei-shipments-change-china-q4-2024-pct',
      'vivo-market-share-china-q4-2024-pct',
      expect.stringMatching(/^donation-january-2025-usd-[0-9a-z]{7}$/),
      expect.stringMatching(/^sales-change-china-pct-[0-9a-z]{7}$/),
    ]);
  });

  it('finds no conflict among the samples: the Q4 2024 and 2024 shares are different facts', () => {
    expect(findConflicts(facts)).toEqual([]);
  });
});
