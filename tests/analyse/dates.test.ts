import { describe, expect, it } from 'vitest';
import { compareEvents, dateStart, extractEvents, resolveDate } from '../../src/pipeline/analyse/dates.ts';
import type { TimelineEvent } from '../../src/core/types.ts';
import { loadArticle, sample } from '../fixtures/analyse/samples.ts';

/** The article date the relative rows resolve against: a Friday. */
const FRIDAY = '2025-02-14';

type Row = [expression: string, date: string | null, precision?: TimelineEvent['precision'], approximate?: boolean];

describe('resolveDate against an article dated Friday 2025-02-14', () => {
  const rows: Row[] = [
    // Written in full: exact.
    ['February 13, 2025', '2025-02-13', 'day', false],
    ['13 February 2025', '2025-02-13', 'day', false],
    ['Thursday, Feb. 13, 2025', '2025-02-13', 'day', false],
    ['2025-02-13', '2025-02-13', 'day', false],
    ['on Sept. 9, 2024', '2024-09-09', 'day', false],
    ['February 30, 2025', null],
    // Less precise than a day: approximate.
    ['January 2022', '2022-01', 'month', true],
    ['2024', '2024', 'year', true],
    ['In 2024', '2024', 'year', true],
    ['the fourth quarter of 2024', '2024-Q4', 'quarter', true],
    ['fourth-quarter 2024', '2024-Q4', 'quarter', true],
    ['Q3 2024', '2024-Q3', 'quarter', true],
    ['early 2025', '2025', 'year', true],
    ['in early 2025', '2025', 'year', true],
    ['mid-2024', '2024', 'year', true],
    ['the end of 2024', '2024', 'year', true],
    ['late January 2024', '2024-01', 'month', true],
    // Resolved from the article date: approximate.
    ['Feb. 13', '2025-02-13', 'day', true],
    ['Dec. 28', '2024-12-28', 'day', true],
    ['March 5', '2025-03-05', 'day', true],
    ['13th of February', '2025-02-13', 'day', true],
    ['on Thursday', '2025-02-13', 'day', true],
    ['Thursday', '2025-02-13', 'day', true],
    ['Friday', '2025-02-14', 'day', true],
    ['Saturday', '2025-02-08', 'day', true],
    ['last Friday', '2025-02-07', 'day', true],
    ['next Thursday', '2025-02-20', 'day', true],
    ['yesterday', '2025-02-13', 'day', true],
    ['in December', '2024-12', 'month', true],
    ['In January', '2025-01', 'month', true],
    ['in February', '2025-02', 'month', true],
    ['last February', '2024-02', 'month', true],
    ['this April', '2025-04', 'month', true],
    ['by April', '2025-04', 'month', true],
    ['until January', '2026-01', 'month', true],
    ['late January', '2025-01', 'month', true],
    ['In late January', '2025-01', 'month', true],
    ['mid-March', '2024-03', 'month', true],
    ['last month', '2025-01', 'month', true],
    ['last year', '2024', 'year', true],
    ['this year', '2025', 'year', true],
    ['earlier this year', '2025', 'year', true],
    ['next year', '2026', 'year', true],
    ['the fourth quarter of last year', '2024-Q4', 'quarter', true],
    ['in the fourth quarter of last year', '2024-Q4', 'quarter', true],
    ['the first quarter of this year', '2025-Q1', 'quarter', true],
    ['last quarter', '2024-Q4', 'quarter', true],
    ['the December quarter', '2024-Q4', 'quarter', true],
    // Not calendar dates, or not dates at all.
    ['the same time last year', null],
    ['a year earlier', null],
    ['fiscal 2025', null],
    ['its fiscal first quarter', null],
    ['May', null],
    ['$2024', null],
    ['2024%', null],
    ['a three-year high', null],
  ];

  it.each(rows)('%s → %s', (expression, date, precision, approximate) => {
    expect(resolveDate(expression, FRIDAY)).toEqual(date === null ? null : { date, precision, approximate });
  });
});

describe('resolveDate without an article date', () => {
  const rows: Row[] = [
    ['February 13, 2025', '2025-02-13', 'day', false],
    ['January 2022', '2022-01', 'month', true],
    ['the fourth quarter of 2024', '2024-Q4', 'quarter', true],
    ['early 2025', '2025', 'year', true],
    ['Dec. 28', null],
    ['on Thursday', null],
    ['in December', null],
    ['by April', null],
    ['last year', null],
    ['the fourth quarter of last year', null],
  ];

  it.each(rows)('%s → %s', (expression, date, precision, approximate) => {
    expect(resolveDate(expression, null)).toEqual(date === null ? null : { date, precision, approximate });
  });
});

describe('dateStart and compareEvents', () => {
  it('sorts a period by the day it starts', () => {
    expect(['2025', '2024-Q4', '2024-11', '2024-10-02'].map(dateStart)).toEqual(['2025-01-01', '2024-10-01', '2024-11-01', '2024-10-02']);
  });

  it('puts a coarser period first when two start on the same day, then orders by article', () => {
    const event = (date: string, precision: TimelineEvent['precision'], article: string) =>
      ({ date, precision, sources: [{ article }] }) as TimelineEvent;
    const events = [event('2024-10', 'month', 'a'), event('2024-Q4', 'quarter', 'b'), event('2024-Q4', 'quarter', 'a'), event('2024', 'year', 'c')];
    expect(events.sort(compareEvents).map((e) => `${e.date}/${e.sources[0]?.article}`)).toEqual(['2024/c', '2024-Q4/a', '2024-Q4/b', '2024-10/a']);
  });
});

/** Events as `[date, when, text]`. */
const timeline = (events: TimelineEvent[]) => events.map((e) => [e.date, e.when, e.text]);

describe('extractEvents on the dated fixture', () => {
  const fixture = loadArticle(new URL('../fixtures/analyse/', import.meta.url), 'events.md');

  it('makes one event per dated sentence, sorted by date; skips headings, “since”, fiscal and comparative dates', () => {
    expect(timeline(extractEvents(fixture))).toEqual([
      ['2024', 'in 2024', 'Chinese regulators approved 40 models in 2024, up from 2023.'],
      ['2024-Q4', 'in the fourth quarter of last year', 'Vivo led the market in the fourth quarter of last year.'],
      ['2025-01', 'in January', 'Tim Cook donated $1 million to the inaugural committee in January.'],
      ['2025-02-06', 'on February 6, 2025', 'The company reported its results on February 6, 2025, ahead of the summit.'],
      ['2025-02-13', 'on Thursday', 'Alibaba on Thursday confirmed the partnership with Apple.'],
      ['2025-04', 'by April', 'Apple plans to launch the feature in China by April.'],
      ['2026', 'in early 2026', 'Analysts expect a recovery in early 2026, and more growth this year.'],
    ]);
  });

  it('keeps only dates that carry their own year when the article has no date', () => {
    expect(timeline(extractEvents({ ...fixture, date: null })).map(([date]) => date)).toEqual(['2024', '2025-02-06', '2026']);
  });

  it('cites the sentence and says how the date was read', () => {
    const sentence = fixture.sentences.find((s) => s.text.startsWith('Alibaba on Thursday'));
    expect(extractEvents(fixture).find((e) => e.when === 'on Thursday')).toEqual({
      date: '2025-02-13',
      precision: 'day',
      approximate: true,
      when: 'on Thursday',
      text: 'Alibaba on Thursday confirmed the partnership with Apple.',
      sources: [
        {
          article: fixture.slug,
          sentence: sentence?.id,
          quote: 'Alibaba on Thursday confirmed the partnership with Apple.',
        },
      ],
    });
  });
});

describe('extractEvents on the samples', () => {
  it('003, dated 2025-02-14, resolves its relative dates', () => {
    const article = sample('003');
    expect(article.date).toBe('2025-02-14');
    expect(extractEvents(article).map((e) => [e.date, e.precision, e.approximate, e.when])).toEqual([
      ['2024-Q4', 'quarter', true, 'During the December quarter'],
      ['2024-Q4', 'quarter', true, 'in the fourth quarter of last year'],
      ['2025-01', 'month', true, 'in January'],
      ['2025-02-13', 'day', true, 'on Thursday'],
    ]);
  });

  it('000 and 002, undated, keep only their absolute years', () => {
    expect(timeline(extractEvents(sample('000')))).toEqual([
      ['2024', 'In 2024', 'In 2024, Apple lost its position as China’s top smartphone vendor.'],
      ['2025', 'in early 2025', 'Meanwhile, Alibaba has emerged as an investor favorite in China’s AI industry in early 2025.'],
    ]);
    expect(timeline(extractEvents(sample('002')))).toEqual([
      [
        '2024',
        'in 2024',
        'Apple lost its position as China’s top smartphone vendor in 2024, with Greater China sales dropping 11% to $18.51 billion in its fiscal first quarter.',
      ],
      ['2025', 'in 2025', 'Meanwhile, Alibaba has emerged as a strong AI contender in 2025, with its stock surging over 40% this year.'],
    ]);
  });

  it('001 has no dates; 004 has only relative ones and “since 2024”, so no events', () => {
    expect(extractEvents(sample('001'))).toEqual([]);
    expect(extractEvents(sample('004'))).toEqual([]);
  });
});
