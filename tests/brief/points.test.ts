import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectKeyPoints } from '../../src/pipeline/brief/points.ts';
import { findNearDuplicates } from '../../src/pipeline/analyse/duplicates.ts';
import { assignSlugs, cleanArticle } from '../../src/pipeline/clean/index.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import type { Article, Sentence, SentenceId, Slug } from '../../src/pipeline/types.ts';

/** An article from paragraphs; a paragraph of several sentences is an array. */
function article(slug: string, ...blocks: (string | string[])[]): Pick<Article, 'slug' | 'sentences'> {
  const sentences = blocks.flatMap((block, b) =>
    (Array.isArray(block) ? block : [block]).map((text, i): Sentence => ({ id: `s-${b}-${i}` as SentenceId, text, block: b, heading: text.startsWith('# ') })),
  );
  return { slug: slug as Slug, sentences: sentences.map((s) => (s.heading ? { ...s, text: s.text.slice(2) } : s)) };
}

const bridge = [
  article(
    'a',
    '# The bridge is back',
    'The Riverside Bridge reopened to traffic on Monday after an eighteen-month repair that cost the city 42 million dollars.',
    'Engineers replaced the corroded steel cables and resurfaced the entire deck of the ninety-year-old bridge.',
    'Will the repairs on the Riverside Bridge last for another ninety years of heavy traffic?',
    '“We are proud to give this bridge back to the people of our city after so long,” the mayor said.',
    'However, the cycle lanes on the Riverside Bridge will stay closed until the paint has dried next week.',
    'Let us know what you think of the reopened Riverside Bridge in the comments below!',
    'Traffic flowed again.',
  ),
  article(
    'b',
    'The Riverside Bridge has reopened to traffic on Monday following an eighteen-month repair costing the city 42 million dollars.',
    'Engineers replaced corroded steel cables and resurfaced the whole deck of the ninety-year-old bridge.',
  ),
  article(
    'c',
    'After eighteen months of repairs costing 42 million dollars, the Riverside Bridge reopened to traffic on Monday morning.',
    'Commuters said their journeys across the river had doubled in length while the bridge was closed.',
    'Local shops near the bridge reported a sharp fall in sales during the long closure.',
  ),
  article(
    'd',
    'The city reopened the Riverside Bridge to traffic on Monday, ending a repair project that cost 42 million dollars.',
    'Shop owners near the bridge said their sales fell sharply during the eighteen-month closure.',
    'Commuters welcomed the reopening after months of longer journeys across the river to work.',
  ),
];
/** b rewrites a: one story. */
const duplicateOf = new Map([['b', 'a']] as [Slug, Slug][]);

describe('selectKeyPoints on fixtures', () => {
  const points = selectKeyPoints(bridge, { base: '/', duplicateOf, count: 4 });

  it('picks the claims most stories carry, best first, each with its sources', () => {
    expect(points.map((p) => [p.text, p.score, p.sources.map((s) => s.article)])).toEqual([
      // a, c and d: 3 stories (b is a's rewrite, listed as a source but not counted again).
      ['The Riverside Bridge reopened to traffic on Monday after an eighteen-month repair that cost the city 42 million dollars.', 2.179, ['a', 'b', 'c', 'd']],
      ['Shop owners near the bridge said their sales fell sharply during the eighteen-month closure.', 0.885, ['d', 'c']],
      ['Commuters welcomed the reopening after months of longer journeys across the river to work.', 0.815, ['d', 'c']],
      ['Engineers replaced the corroded steel cables and resurfaced the entire deck of the ninety-year-old bridge.', 0.261, ['a', 'b']],
    ]);
  });

  it('cites the point first, then each similar sentence verbatim, with links that land on them', () => {
    expect(points[1]?.sources).toEqual([
      { article: 'd', quote: 'Shop owners near the bridge said their sales fell sharply during the eighteen-month closure.', path: '/articles/d/#s-1-0' },
      { article: 'c', quote: 'Local shops near the bridge reported a sharp fall in sales during the long closure.', path: '/articles/c/#s-2-0' },
    ]);
  });

  it('never picks a heading, question, quotation, call to action, list lead-in, short sentence or one leaning back', () => {
    const mixed = article(
      'x',
      '# Harbour ferries will run every twenty minutes from next spring onwards',
      'Will the harbour ferries really keep their new timetable through the stormy winter months?',
      '“Nobody should wait longer than a coffee break for a boat across the water,” the port director said.',
      'Let us know in the comments whether you will take the ferry to work next year!',
      'These are the four routes that will gain extra sailings under the new timetable:',
      'Tickets cost less.',
      'However, night services on the eastern route will still end before midnight on weekdays.',
      'The port authority will add six electric ferries to its fleet by March, doubling capacity on the busiest routes.',
    );
    expect(selectKeyPoints([mixed], { base: '/', duplicateOf: new Map(), count: 10 }).map((p) => p.text)).toEqual([
      'The port authority will add six electric ferries to its fleet by March, doubling capacity on the busiest routes.',
    ]);
  });

  it('leaves out a sentence that says what a chosen point or its sources say', () => {
    const all = selectKeyPoints(bridge, { base: '/', duplicateOf, count: 20 });
    expect(all.map((p) => p.text)).toEqual(points.map((p) => p.text));
  });

  it('counts an article and its near-duplicate as one story', () => {
    const unaware = selectKeyPoints(bridge, { base: '/', duplicateOf: new Map(), count: 1 });
    // a, b, c and d: 4 stories when b is not known as a's rewrite.
    expect(unaware[0]?.score).toBe(2.939);
  });

  it('returns nothing for no articles or no points asked', () => {
    expect(selectKeyPoints([], { base: '/', duplicateOf })).toEqual([]);
    expect(selectKeyPoints(bridge, { base: '/', duplicateOf, count: 0 })).toEqual([]);
  });
});

describe('selectKeyPoints on the five samples', () => {
  const dir = new URL('../../content/articles/', import.meta.url);
  const samples = assignSlugs(
    readdirSync(dir)
      // The five samples by name, whatever else the folder holds.
      .filter((file) => /^00[0-4]_/.test(file))
      .sort()
      .map((file) => {
        const read = readArticle(file, readFileSync(new URL(file, dir)));
        if (!read.doc) throw new Error(file);
        return cleanArticle(read.doc);
      }),
  );
  const representative = new Map<Slug, Slug>();
  for (const [slug, duplicates] of findNearDuplicates(samples)) {
    const first = [slug, ...duplicates.map((d) => d.slug)].sort()[0] as Slug;
    representative.set(slug, first);
  }
  const points = selectKeyPoints(samples, { base: '/briefs/', duplicateOf: representative });
  const prefix = new Map(samples.map((a) => [a.slug, a.file.slice(0, 3)]));

  it('brief the story: the deal, what Apple lacks in China, regulatory approval, the sales drop', () => {
    // Which sentences, in which order: the scores themselves move with any change to cleaning.
    expect(points.map((p) => [prefix.get(p.sources[0]?.article as Slug), p.text])).toEqual([
      ['001', 'Apple is making a strategic move in China by partnering with Alibaba to integrate AI features into iPhones.'],
      ['001', 'Apple’s AI-powered assistant, Apple Intelligence, has been a key selling point in markets like the U.S. and Europe.'],
      ['000', 'While Apple’s devices outside China use a combination of Apple Intelligence and OpenAI’s ChatGPT, Tsai did not clarify whether the Alibaba partnership would follow the same model.'],
      ['002', 'In China, AI services require regulatory approval, and reports indicate both Alibaba and Apple have submitted materials to authorities.'],
      ['004', 'If approved, this partnership could help Apple regain lost ground in China, where iPhone sales have been struggling since 2024.'],
      ['003', 'The handset experienced an 11% year-over-year drop in China, according to Apple’s most recent earnings report.'],
    ]);
    const scores = points.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores.at(-1)! * 1.5);
  });

  it('quotes every source verbatim from a sentence of its article, the point first', () => {
    for (const point of points) {
      expect(point.sources[0]?.quote).toBe(point.text);
      for (const source of point.sources) {
        const sentence = samples.find((a) => a.slug === source.article)?.sentences.find((s) => s.text === source.quote);
        expect(source.path).toBe(`/briefs/articles/${source.article}/#${sentence?.id}`);
      }
    }
  });
});
