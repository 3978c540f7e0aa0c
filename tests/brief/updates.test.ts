import { describe, expect, it } from 'vitest';
import { topicUpdates } from '../../src/pipeline/brief/updates.ts';
import type { ArticleValue, TopicUpdate } from '../../src/core/types.ts';
import { figure } from '../fixtures/figures/figures.ts';
import { briefingOf, chinaShare, quote, sharePrice, story, topicArticle } from '../fixtures/updates/story.ts';

const PRICE = 'alibaba-share-price-hong-kong-hkd';
/** The value a fixture figure gives: sentence `sentence` of `article`. */
const value = (article: string, sentence: string, text: string, value: number): ArticleValue => ({
  value,
  text,
  article: article as ArticleValue['article'],
  sentence: `s-${sentence}` as ArticleValue['sentence'],
  quote: `Alibaba reported ${text} (sentence ${sentence}).`,
});
/** Updates in one line each: article, added, revised as "from → to", speakers. */
const lines = (updates: TopicUpdate[]) => updates.map((u) => [u.article, u.added, u.revised.map((r) => `${r.fact}: ${r.from.text} (${r.from.article}) → ${r.to.text} (${r.to.article})`), u.speakers]);

describe('topicUpdates', () => {
  it('tells what each article added, newest first, undated last: new facts, revisions from an earlier day, new speakers', () => {
    expect(topicUpdates(story())).toEqual([
      {
        article: 'ap-vivo',
        date: '2025-01-12',
        undated: false,
        added: ['vivo-market-share-china-q4-2024-pct'],
        revised: [{ fact: PRICE, from: value('bloomberg-shares', '1', 'HK$124.30', 124.3), to: value('ap-vivo', '1', 'HK$121.0', 121) }],
        speakers: [],
      },
      // The same new price the same day is no second revision; its speaker is new.
      { article: 'scmp-close', date: '2025-01-12', undated: false, added: [], revised: [], speakers: ['Tim Cook'] },
      // Bloomberg (11 January) repeated the price and the speaker: no update. Neither has AFP's copy of the SCMP.
      { article: 'reuters-shares', date: '2025-01-10', undated: false, added: [PRICE, 'apple-market-share-china-q4-2024-pct'], revised: [], speakers: ['Joe Tsai'] },
      // Undated: adds Huawei's share and a speaker; its other price (HK$130) is no revision, "joe TSAI" is Joe Tsai.
      { article: 'undated-feature', date: null, undated: true, added: ['huawei-market-share-china-q4-2024-pct'], revised: [], speakers: ['Lian Jye Su'] },
    ]);
  });

  it('every id is one of the briefing’s facts, and every fact was added by one article (none here repeats a figure of its own)', () => {
    const briefing = story();
    const updates = topicUpdates(briefing);
    const ids = briefing.facts.map((f) => f.id);
    for (const u of updates) for (const id of [...u.added, ...u.revised.map((r) => r.fact)]) expect(ids).toContain(id);
    expect(updates.flatMap((u) => u.added).sort()).toEqual([...ids].sort());
  });

  it('gives the same updates whatever order the briefing lists its articles, facts and quotes in', () => {
    const briefing = story();
    const reversed = { ...briefing, articles: [...briefing.articles].reverse(), facts: [...briefing.facts].reverse(), quotes: [...briefing.quotes].reverse() };
    expect(topicUpdates(reversed)).toEqual(topicUpdates(briefing));
  });

  it('counts a near-duplicate copy after the article it copies, even when its slug sorts first: a copy adds only what it says beyond it', () => {
    const articles = [topicArticle('a-copy', '2025-01-12', 'z-original'), topicArticle('z-original', '2025-01-12'), topicArticle('b-rewrite', '2025-01-13', 'z-original')];
    const figures = [
      figure('a-copy', '1', 'HK$121', 121, sharePrice),
      figure('z-original', '1', 'HK$121', 121, sharePrice),
      figure('b-rewrite', '1', 'HK$121', 121, sharePrice),
      figure('b-rewrite', '2', '15%', 15, chinaShare('Apple')),
    ];
    const quotes = [quote('a-copy', 'Tim Cook', 'We are proud'), quote('z-original', 'Tim Cook', 'We are proud')];
    expect(lines(topicUpdates(briefingOf(articles, figures, quotes)))).toEqual([
      ['b-rewrite', ['apple-market-share-china-q4-2024-pct'], [], []],
      ['z-original', [PRICE], [], ['Tim Cook']],
    ]);
  });

  it('a figure without a subject or a measure is in no fact, so no article adds it', () => {
    const donation = { subject: null, measure: 'donation', period: 'January 2025', market: null, unit: 'USD' };
    const articles = [topicArticle('z-original', '2025-01-12'), topicArticle('b-other', '2025-01-13')];
    const figures = [figure('z-original', '1', '$1 million', 1e6, donation), figure('b-other', '2', '15%', 15, chinaShare('Apple'))];
    const briefing = briefingOf(articles, figures);
    expect(briefing.facts.map((fact) => fact.id)).toEqual(['apple-market-share-china-q4-2024-pct']);
    expect(lines(topicUpdates(briefing))).toEqual([['b-other', ['apple-market-share-china-q4-2024-pct'], [], []]]);
  });

  it('a value equal to the last one once rounded ("11%" after "11.1%") is no revision; one that rounds apart is', () => {
    const articles = [topicArticle('a', '2025-01-10'), topicArticle('b', '2025-01-11'), topicArticle('c', '2025-01-12')];
    const figures = [figure('a', '1', '11.1%', 11.1, chinaShare('Apple')), figure('b', '1', '11%', 11, chinaShare('Apple')), figure('c', '1', '11.5%', 11.5, chinaShare('Apple'))];
    expect(topicUpdates(briefingOf(articles, figures)).map((u) => [u.article, u.revised.map((r) => `${r.from.text} → ${r.to.text}`)])).toEqual([
      ['c', ['11% → 11.5%']],
      ['a', []],
    ]);
  });

  it('articles of one day never revise each other: each differs from the day before, not from the other', () => {
    const articles = [topicArticle('a', '2025-01-10'), topicArticle('b', '2025-01-11'), topicArticle('c', '2025-01-11'), topicArticle('d', '2025-01-12')];
    const figures = [
      figure('a', '1', 'HK$124.3', 124.3, sharePrice),
      figure('b', '1', 'HK$121', 121, sharePrice),
      figure('c', '1', 'HK$120', 120, sharePrice),
      // The next day gives one of the day's two values: it takes a side, and revises nothing.
      figure('d', '1', 'HK$120', 120, sharePrice),
    ];
    expect(lines(topicUpdates(briefingOf(articles, figures)))).toEqual([
      ['b', [], [`${PRICE}: HK$124.3 (a) → HK$121 (b)`], []],
      ['c', [], [`${PRICE}: HK$124.3 (a) → HK$120 (c)`], []],
      ['a', [PRICE], [], []],
    ]);
  });

  it('a revision is from the latest earlier day that gave the fact, however long ago', () => {
    const articles = [topicArticle('a', '2025-01-10'), topicArticle('b', '2025-02-01'), topicArticle('c', '2025-03-01')];
    const figures = [figure('a', '1', 'HK$100', 100, sharePrice), figure('b', '1', '15%', 15, chinaShare('Apple')), figure('b', '2', 'HK$110', 110, sharePrice), figure('c', '1', 'HK$100', 100, sharePrice)];
    expect(lines(topicUpdates(briefingOf(articles, figures)))).toEqual([
      ['c', [], [`${PRICE}: HK$110 (b) → HK$100 (c)`], []],
      ['b', ['apple-market-share-china-q4-2024-pct'], [`${PRICE}: HK$100 (a) → HK$110 (b)`], []],
      ['a', [PRICE], [], []],
    ]);
  });

  it('an article’s value of a fact is the first it gives, in the order of its sentences', () => {
    // "Shares fell to HK$121, from HK$124.3": the briefing lists b's figures in its sentence order.
    const articles = [topicArticle('a', '2025-01-10'), topicArticle('b', '2025-01-11')];
    const figures = [figure('b', '2', 'HK$121', 121, sharePrice), figure('b', '1', 'HK$124.3', 124.3, sharePrice), figure('a', '1', 'HK$124.3', 124.3, sharePrice)];
    expect(lines(topicUpdates(briefingOf(articles, figures)))).toEqual([
      ['b', [], [`${PRICE}: HK$124.3 (a) → HK$121 (b)`], []],
      ['a', [PRICE], [], []],
    ]);
  });

  it('a topic of undated articles only: the first in slug order adds, none revises, each is marked undated', () => {
    const articles = [topicArticle('b', null), topicArticle('a', null)];
    const figures = [figure('b', '1', 'HK$121', 121, sharePrice), figure('a', '1', 'HK$124.3', 124.3, sharePrice), figure('b', '2', '15%', 15, chinaShare('Apple'))];
    const updates = topicUpdates(briefingOf(articles, figures));
    expect(lines(updates)).toEqual([
      ['a', [PRICE], [], []],
      ['b', ['apple-market-share-china-q4-2024-pct'], [], []],
    ]);
    expect(updates.map((u) => [u.date, u.undated])).toEqual([
      [null, true],
      [null, true],
    ]);
  });

  it('an empty topic has no updates', () => {
    expect(topicUpdates(briefingOf([], []))).toEqual([]);
  });
});
