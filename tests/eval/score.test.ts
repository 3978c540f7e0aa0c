/**
 * The scorer, on a gold file and predictions written here by hand: it forgives naming and nothing
 * else. A wrong subject is wrong, an alias is right, a figure not found is a miss, "agree" from
 * copies is counted, a conflict of two different quantities is not a disagreement shown.
 */
import { describe, expect, it } from 'vitest';
import type { Gold, GoldFigure } from '../../scripts/eval/gold.ts';
import { namer, normaliseName } from '../../scripts/eval/names.ts';
import type { PredictedFact, PredictedFigure, Prediction } from '../../scripts/eval/prediction.ts';
import {
  containsFigure,
  f1,
  matchFigures,
  precision,
  recall,
  scoreDuplicates,
  scoreFacts,
  scoreFigures,
  scoreQuotes,
  scoreStories,
  scoreTopics,
  share,
  wordCount,
} from '../../scripts/eval/score.ts';

const figure = (id: string, file: string, text: string, snippet: string, labels: Partial<GoldFigure> = {}): GoldFigure => ({
  id,
  file,
  text,
  snippet,
  value: Number.parseFloat(text.replace(/[^\d.]/g, '')),
  unit: '%',
  subject: 'Huawei',
  measure: 'market share',
  period: 'Q1 2025',
  market: 'China',
  ...labels,
});

const gold: Gold = {
  about: '',
  vocabulary: { measures: ['market share', 'stock change', 'stock change at close'], units: ['%'] },
  names: { Huawei: ['Huawei', '华为'], Xiaomi: ['Xiaomi'], 'Los Cóndores': ['Los Cóndores'], 'Joe Tsai': ['Joe Tsai', 'Tsai'] },
  markets: { China: ['China', 'mainland China'] },
  articles: {
    'wire.txt': { outlet: 'Wire', lang: 'en', kind: 'wire copy', topics: ['phones'] },
    'copy.txt': { outlet: 'Copier', lang: 'en', kind: 'copy', topics: ['phones'] },
    'own.txt': { outlet: 'Own', lang: 'en', kind: 'independent report', topics: ['phones'], optionalTopics: ['deals'] },
    'other.txt': { outlet: 'Other', lang: 'en', kind: 'unrelated', topics: [] },
  },
  stories: [{ id: 'wire', articles: ['wire.txt', 'copy.txt'] }],
  duplicates: [['wire.txt', 'copy.txt']],
  figures: [
    figure('wire/1', 'wire.txt', '19.4%', 'Huawei took 19.4%'),
    figure('copy/1', 'copy.txt', '19.4%', 'Huawei took 19.4%'),
    figure('own/1', 'own.txt', '18.8%', 'Huawei had 18.8%'),
    figure('wire/2', 'wire.txt', '18.1%', 'Xiaomi 18.1%', { subject: 'Xiaomi' }),
    figure('copy/2', 'copy.txt', '18.1%', 'Xiaomi 18.1%', { subject: 'Xiaomi' }),
    figure('own/2', 'own.txt', '9.2%', 'rose as much as 9.2%', { measure: 'stock change', period: ['2025-02-13', null], market: null, subject: 'Los Cóndores' }),
  ],
  facts: [
    { id: 'huawei', figures: ['wire/1', 'copy/1', 'own/1'], status: 'differ', stories: 2 },
    { id: 'xiaomi', figures: ['wire/2', 'copy/2'], status: 'single', stories: 1 },
  ],
  quotes: [
    { file: 'wire.txt', quote: 'They talked to a number of companies', parts: ['In the end they chose us'], speaker: 'Joe Tsai' },
    { file: 'own.txt', quote: 'We feel extremely honoured to work with them', speaker: 'Joe Tsai' },
  ],
};

const predicted = (id: string, file: string, text: string, sentence: string, labels: Partial<PredictedFigure> = {}): PredictedFigure => ({
  id,
  file,
  sentenceId: `s-${sentence.length}`,
  sentence,
  heading: false,
  text,
  value: Number.parseFloat(text.replace(/[^\d.]/g, '')),
  unit: '%',
  subject: 'Huawei',
  measure: 'market share',
  period: 'Q1 2025',
  market: 'China',
  ...labels,
});

const emptyPrediction: Prediction = { files: [], topics: [], duplicates: [], stories: [], figures: [], quotes: [], facts: [], conflicts: [], topicFacts: [] };
const names = namer(gold, [{ name: 'Xiaomi', type: 'company', aliases: ['小米', 'Xiaomi Corp'] }]);

describe('names', () => {
  it('are compared without case, accents, spacing, a leading "the" or a possessive', () => {
    expect(normaliseName('  The  Los  Condores’s ')).toBe(normaliseName('los cóndores'));
    expect(normaliseName('Bluewave–Corallink')).toBe(normaliseName('bluewave-corallink'));
    expect(normaliseName('Huawei')).not.toBe(normaliseName('Xiaomi'));
  });
});

describe('containsFigure', () => {
  it('finds a figure as a whole number, not inside another', () => {
    expect(containsFigure('rose as much as 4.2%', '4.2%')).toBe(true);
    expect(containsFigure('11.8%', '1.8%')).toBe(false);
    expect(containsFigure('4.2%', '2%')).toBe(false);
    expect(containsFigure('$10,015.5', '$10,015')).toBe(false);
    expect(containsFigure('31 million mobile customers', '31 million')).toBe(true);
  });
});

describe('scoreFigures', () => {
  const sentences = { wire1: 'Huawei took 19.4% of the market.', copy2: 'Xiaomi 18.1% came second.', own2: 'Shares rose as much as 9.2% on Thursday.' };

  it('counts a right figure right, and a figure not found as a miss on every count', () => {
    const prediction = { ...emptyPrediction, figures: [predicted('p1', 'wire.txt', '19.4%', sentences.wire1)] };
    const score = scoreFigures(gold, prediction, names);
    expect(score.found).toEqual({ right: 1, total: 6 });
    expect(score.subjectAndMeasure).toEqual({ right: 1, total: 6 });
    expect(score.misses.filter((m) => m.problems[0] === 'not found')).toHaveLength(5);
  });

  it('counts a wrong subject wrong, and an alias from the gold names or the entities file right', () => {
    const prediction = {
      ...emptyPrediction,
      figures: [
        predicted('p1', 'wire.txt', '19.4%', sentences.wire1, { subject: 'Xiaomi' }),
        predicted('p2', 'copy.txt', '18.1%', sentences.copy2, { subject: 'xiaomi corp' }),
        predicted('p3', 'wire.txt', '18.1%', 'Xiaomi 18.1% came second.', { subject: '小米' }),
      ],
    };
    const score = scoreFigures(gold, prediction, names);
    expect(score.subject.right).toBe(2);
    expect(score.misses.find((m) => m.id === 'wire/1')?.problems).toEqual(['subject "Huawei" ≠ "Xiaomi"']);
  });

  it('takes any listed alternative, null included, and nothing else', () => {
    const right = { ...emptyPrediction, figures: [predicted('p', 'own.txt', 'as much as 9.2%', sentences.own2, { subject: 'Los Condores', measure: 'Stock change', period: null, market: null })] };
    expect(scoreFigures(gold, right, names).misses.find((m) => m.id === 'own/2')).toBeUndefined();
    const wrong = { ...emptyPrediction, figures: [predicted('p', 'own.txt', '9.2%', sentences.own2, { subject: 'Los Cóndores', measure: 'stock change at close', period: '2025', market: 'China' })] };
    expect(scoreFigures(gold, wrong, names).misses.find((m) => m.id === 'own/2')?.problems).toEqual([
      'measure "stock change" ≠ "stock change at close"',
      'period ["2025-02-13",null] ≠ "2025"',
      'market null ≠ "China"',
    ]);
  });

  it('finds a figure only in the sentence its snippet names, and counts one found elsewhere as unexpected', () => {
    const prediction = { ...emptyPrediction, figures: [predicted('p1', 'wire.txt', '19.4%', 'A different sentence with 19.4%.'), predicted('p2', 'wire.txt', '5%', 'A heading 5%', { heading: true })] };
    const score = scoreFigures(gold, prediction, names);
    expect(score.found.right).toBe(0);
    expect(score.precision).toEqual({ right: 0, total: 1 });
    expect(score.unexpected.map((u) => u.text)).toEqual(['19.4%']);
  });

  it('checks the value and its sign', () => {
    const prediction = { ...emptyPrediction, figures: [predicted('p1', 'wire.txt', '19.4%', sentences.wire1, { value: -19.4 })] };
    expect(scoreFigures(gold, prediction, names).value.right).toBe(0);
  });
});

describe('scoreTopics, scoreDuplicates and scoreStories', () => {
  it('score article–topic pairs, optional ones neither right nor wrong', () => {
    const prediction = { ...emptyPrediction, topics: [['wire.txt', 'phones'], ['own.txt', 'deals'], ['other.txt', 'phones']] as [string, string][] };
    const score = scoreTopics(gold, prediction);
    expect([score.truePositives, score.falsePositives, score.falseNegatives]).toEqual([1, 1, 2]);
    expect(score.extra).toEqual(['other.txt → phones']);
    expect(precision(score)).toBe(0.5);
    expect(recall(score)).toBeCloseTo(1 / 3);
    expect(f1(score)).toBeCloseTo(0.4);
  });

  it('score near-duplicate pairs in either order, and story pairs', () => {
    const prediction = { ...emptyPrediction, duplicates: [['copy.txt', 'wire.txt'], ['own.txt', 'wire.txt']] as [string, string][], stories: [['wire.txt', 'copy.txt', 'own.txt']] };
    const duplicates = scoreDuplicates(gold, prediction);
    expect([duplicates.truePositives, duplicates.falsePositives, duplicates.falseNegatives]).toEqual([1, 1, 0]);
    const stories = scoreStories(gold, prediction);
    expect([stories.truePositives, stories.falsePositives, stories.falseNegatives]).toEqual([1, 2, 0]);
  });
});

describe('scoreFacts', () => {
  const figures = [
    predicted('w1', 'wire.txt', '19.4%', 'Huawei took 19.4% of it.'),
    predicted('c1', 'copy.txt', '19.4%', 'Huawei took 19.4% of it.'),
    predicted('o1', 'own.txt', '18.8%', 'Huawei had 18.8% of it.'),
    predicted('w2', 'wire.txt', '18.1%', 'Xiaomi 18.1% second.', { subject: 'Xiaomi' }),
    predicted('c2', 'copy.txt', '18.1%', 'Xiaomi 18.1% second.', { subject: 'Xiaomi' }),
  ];
  const value = (f: PredictedFigure) => ({ id: f.id, text: f.text, value: f.value, sources: [{ file: f.file, sentenceId: f.sentenceId }] });
  const fact = (id: string, status: string, members: PredictedFigure[], topic = 'all'): PredictedFact => ({ topic, id, status, stories: null, values: members.map(value) });
  const [w1, c1, o1, w2, c2] = figures as [PredictedFigure, PredictedFigure, PredictedFigure, PredictedFigure, PredictedFigure];

  it('counts a gold fact grouped only when all its figures are in one row, and a disagreement shown when one conflict holds it', () => {
    const prediction = { ...emptyPrediction, figures, facts: [fact('h', 'differ', [w1, c1, o1]), fact('x', 'agree', [w2, c2])], topicFacts: [fact('x', 'agree', [w2, c2], 'phones')], conflicts: [{ topic: 'all', id: 'h', values: [w1, c1, o1].map(value) }] };
    const score = scoreFacts(gold, prediction);
    expect(score.grouped).toEqual({ right: 2, total: 2 });
    expect(score.conflictsShown).toEqual({ right: 1, total: 1 });
    expect(score.conflictsRight).toEqual({ right: 1, total: 1 });
    expect(score.agreeOnCopies).toEqual([{ fact: 'x', files: ['copy.txt', 'wire.txt'], topics: ['all', 'phones'] }]);
    expect(score.agreeRight).toEqual({ right: 0, total: 1 });
    expect(score.stories).toBeNull();
  });

  it('counts a split fact and a merged one', () => {
    const prediction = { ...emptyPrediction, figures, facts: [fact('a', 'single', [w1]), fact('b', 'differ', [c1, o1, w2, c2])], conflicts: [{ topic: 'all', id: 'b', values: [c1, o1, w2, c2].map(value) }] };
    const score = scoreFacts(gold, prediction);
    expect(score.grouped).toEqual({ right: 1, total: 2 });
    expect(score.oneQuantity).toEqual({ right: 0, total: 1 });
    expect(score.conflictsShown.right).toBe(0);
    expect(score.conflictsRight).toEqual({ right: 0, total: 1 });
  });

  it('finds a fact value that stands for several sentences by its sources, and checks its stories', () => {
    const merged = { id: 'merged', text: '19.4%', value: 19.4, sources: [w1, c1].map((f) => ({ file: f.file, sentenceId: f.sentenceId })) };
    const prediction = { ...emptyPrediction, figures, facts: [{ topic: 'all', id: 'h', status: 'differ', stories: 2, values: [merged, value(o1)] }] };
    const score = scoreFacts(gold, prediction);
    expect(score.grouped.right).toBe(1);
    expect(score.stories).toEqual({ right: 1, total: 1 });
  });

  it('a fact whose figure was not found is not grouped', () => {
    const prediction = { ...emptyPrediction, figures: [w1, c1], facts: [fact('h', 'agree', [w1, c1])] };
    expect(scoreFacts(gold, prediction, matchFigures(gold.figures, prediction.figures)).grouped.right).toBe(0);
  });
});

describe('scoreQuotes', () => {
  it('scores file + quote → speaker, by alias, and counts a remark split into several quotes', () => {
    const prediction = {
      ...emptyPrediction,
      quotes: [
        { file: 'wire.txt', text: 'They talked to a number of companies in China.', speaker: 'Tsai' },
        { file: 'wire.txt', text: 'In the end they chose us, and we are glad.', speaker: null },
        { file: 'own.txt', text: 'We feel extremely honoured to work with them,', speaker: 'Tim Cook' },
        { file: 'own.txt', text: 'engage constructively', speaker: 'Tim Cook' },
      ],
    };
    const score = scoreQuotes(gold, prediction, names);
    expect(score.recall).toEqual({ right: 1, total: 2 });
    expect(score.precision).toEqual({ right: 1, total: 2 });
    expect(score.split).toEqual({ right: 1, total: 1 });
  });

  it('counts words of Chinese by character', () => {
    expect(wordCount('我们感到非常荣幸')).toBe(8);
    expect(wordCount("engage constructively")).toBe(2);
  });
});

describe('share', () => {
  it('is null when there is nothing to count', () => {
    expect(share({ right: 0, total: 0 })).toBeNull();
  });
});
