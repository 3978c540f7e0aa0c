/**
 * The measures of `npm run eval:corpus`: the 5-word-sequence rule for "really shares text", and
 * the report over a small corpus run through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { corpusReport, sharedText, wordSequences } from '../../scripts/eval/corpus.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import type { Topic } from '../../src/core/types.ts';

describe('wordSequences and sharedText', () => {
  it('takes lowercased 5-word sequences, each Chinese character a word', () => {
    expect([...wordSequences('One two, three four five six.')]).toEqual(['one two three four five', 'two three four five six']);
    expect([...wordSequences('华为重回第一')]).toEqual(['华 为 重 回 第', '为 重 回 第 一']);
    expect(wordSequences('too short here').size).toBe(0);
  });

  it('is the share of the shorter text found in the longer, 0 for an empty one', () => {
    const long = wordSequences('the company said on Tuesday that its profit rose sharply in the quarter');
    const excerpt = wordSequences('the company said on Tuesday that its profit rose');
    const other = wordSequences('shares fell in early trading after the regulator opened an inquiry');
    expect(sharedText(excerpt, long)).toBe(1);
    expect(sharedText(long, excerpt)).toBe(1);
    expect(sharedText(long, other)).toBe(0);
    expect(sharedText(new Set(), long)).toBe(0);
  });
});

const story =
  'Northwind Semiconductor said on Thursday that revenue rose 18% to $4.62 billion in its fiscal third quarter, helped by strong demand for networking chips from cloud companies building data centres. ' +
  'The company forecast revenue of about $4.9 billion for the current quarter, above what analysts had expected, and its shares rose in extended trading. ' +
  'Chief executive Daniel Osei said every large cloud customer had raised its orders for the second half of the year.';
const other =
  'Copper prices jumped on Tuesday after flooding halted a large mine in northern Chile, and traders warned of a shortfall. ' +
  'Three-month copper on the London Metal Exchange closed up 3.1% at $10,015 a tonne, its highest level since October. ' +
  'The mine produced 412,000 tonnes of copper last year, and its owner expects the outage to cut output this year.';

describe('corpusReport', () => {
  it('reports a flagged copy as sharing text, and a topic’s facts with and without a subject and a measure', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const topic: Topic = { slug: 'chips', file: 'chips.md', title: 'Chips', description: '', order: 1, match: { any: ['revenue'], all: [], none: [], threshold: 1, excludeMarkets: [] }, charts: [], intro: { type: 'root', children: [] } };
    const output = runPipeline({
      files: [
        { file: 'a.txt', bytes: encode(`Northwind beats forecasts\n\n${story}`) },
        { file: 'b.txt', bytes: encode(`Northwind results\n\n${story} Its shares have risen this year.`) },
        { file: 'c.txt', bytes: encode(`Copper jumps\n\n${other}`) },
      ],
      manifest: {},
      topics: [topic],
      entities: [],
      site: { title: 'Test', description: '', language: 'en', latestArticles: 10 },
      write: () => {},
    });
    const report = corpusReport(output);
    expect(report.articles).toBe(3);
    expect(report.flagged.map((pair) => pair.shared)).toEqual([1]);
    const [chips] = report.topics;
    expect(chips).toMatchObject({ topic: 'chips', articles: 2, coverage: 1 });
    expect(chips?.facts).toBeGreaterThan(0);
    expect(chips?.described).toBeLessThanOrEqual(chips?.facts ?? 0);
  });
});
