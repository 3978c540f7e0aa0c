import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectKeyPoints } from '../../src/pipeline/brief/points.ts';
import { findNearDuplicates } from '../../src/pipeline/analyse/duplicates.ts';
import { assignSlugs, cleanArticle } from '../../src/pipeline/clean/index.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { storyCounter } from '../../src/pipeline/brief/stories.ts';
import type { Article, Figure, Sentence, SentenceId, Slug } from '../../src/core/types.ts';

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
  const points = selectKeyPoints(bridge, { duplicateOf, count: 4 });

  it('picks the claims most stories carry, best first, each with its sources', () => {
    expect(points.map((p) => [p.text, p.score, p.sources.map((s) => s.article)])).toEqual([
      // a, c and d: 3 stories (b is a's rewrite, listed as a source but not counted again).
      ['The Riverside Bridge reopened to traffic on Monday after an eighteen-month repair that cost the city 42 million dollars.', 2.179, ['a', 'b', 'c', 'd']],
      ['Shop owners near the bridge said their sales fell sharply during the eighteen-month closure.', 0.885, ['d', 'c']],
      ['Commuters welcomed the reopening after months of longer journeys across the river to work.', 0.815, ['d', 'c']],
      ['Engineers replaced the corroded steel cables and resurfaced the entire deck of the ninety-year-old bridge.', 0.261, ['a', 'b']],
    ]);
  });

  it('cites the point first, then each similar sentence verbatim, each by its article and sentence', () => {
    expect(points[1]?.sources).toEqual([
      { article: 'd', sentence: 's-1-0', quote: 'Shop owners near the bridge said their sales fell sharply during the eighteen-month closure.' },
      { article: 'c', sentence: 's-2-0', quote: 'Local shops near the bridge reported a sharp fall in sales during the long closure.' },
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
    expect(selectKeyPoints([mixed], { duplicateOf: new Map(), count: 10 }).map((p) => p.text)).toEqual([
      'The port authority will add six electric ferries to its fleet by March, doubling capacity on the busiest routes.',
    ]);
  });

  it('leaves out a sentence that says what a chosen point or its sources say', () => {
    const all = selectKeyPoints(bridge, { duplicateOf, count: 20 });
    expect(all.map((p) => p.text)).toEqual(points.map((p) => p.text));
  });

  it('counts an article and its near-duplicate as one story', () => {
    const unaware = selectKeyPoints(bridge, { duplicateOf: new Map(), count: 1 });
    // a, b, c and d: 4 stories when b is not known as a's rewrite.
    expect(unaware[0]?.score).toBe(2.939);
  });

  it('returns nothing for no articles or no points asked', () => {
    expect(selectKeyPoints([], { duplicateOf })).toEqual([]);
    expect(selectKeyPoints(bridge, { duplicateOf, count: 0 })).toEqual([]);
  });
});

describe('key points per topic', () => {
  // Two topics over the same three articles: a port's ferries and its cargo.
  const port = [
    article(
      'p1',
      'The harbour ferries will run every twenty minutes from next spring, the port authority said on Monday.',
      'Cargo volumes at the container terminal rose by a tenth last year as new shipping lines arrived.',
      'The authority will also add six electric ferries to the harbour fleet by March next year.',
    ),
    article(
      'p2',
      'Ferries across the harbour will sail every twenty minutes from next spring under the new timetable.',
      'The container terminal handled a tenth more cargo last year after three new shipping lines began calling.',
    ),
    article(
      'p3',
      'Commuters welcomed the plan for harbour ferries every twenty minutes from next spring.',
      'Terminal operators said cargo volumes would keep rising as shipping lines add routes to the port.',
    ),
  ];
  const options = { duplicateOf: new Map<Slug, Slug>(), count: 2 };

  it('ranks by the topic’s own terms: two topics over the same articles show their own points', () => {
    const ferries = selectKeyPoints(port, { ...options, terms: [['ferry', 'ferries'], ['timetable']] }).map((p) => p.text);
    const cargo = selectKeyPoints(port, { ...options, terms: [['cargo'], ['container terminal'], ['shipping lines']] }).map((p) => p.text);
    // The sentence naming both terms first; the others open with "The …" and weigh half.
    expect(ferries).toEqual([
      'Ferries across the harbour will sail every twenty minutes from next spring under the new timetable.',
      'The authority will also add six electric ferries to the harbour fleet by March next year.',
    ]);
    // The three cargo sentences say one thing: one point, the one naming all three terms.
    expect(cargo).toEqual(['Cargo volumes at the container terminal rose by a tenth last year as new shipping lines arrived.']);
  });

  it('follows the topic’s entities: every point names them, and one that opens with one of them comes first', () => {
    // An airline's catering deal, in a topic on the airline and a topic on its caterer.
    const deal = [
      article(
        'k1',
        'Kestrel Air has chosen Bluefin Kitchens to cater its long-haul flights from next summer, the airline said on Monday.',
        'Bluefin Kitchens will build a new kitchen near the airport to prepare the meals for the flights, the caterer said.',
        'Passenger numbers on long-haul flights rose by a fifth last year as new routes opened.',
      ),
      article('k2', 'Kestrel Air picked Bluefin Kitchens as the caterer for its long-haul flights starting next summer.', 'The contract doubles the size of Bluefin Kitchens, which until now has served hotels and hospitals.'),
      article('k3', 'Bluefin Kitchens won the long-haul catering contract of Kestrel Air, beating two larger caterers.', 'Long-haul flights of Kestrel Air will serve hot meals in every cabin from next summer.'),
    ];
    const airline = { terms: [['Kestrel Air'], ['flight', 'flights'], ['long-haul']], required: [['Kestrel Air']] };
    const caterer = { terms: [['Bluefin Kitchens'], ['caterer', 'caterers', 'catering'], ['kitchen', 'kitchens']], required: [['Bluefin Kitchens']] };
    const points = (topic: { terms: string[][]; required?: string[][] }) => selectKeyPoints(deal, { ...options, count: 3, ...topic }).map((p) => p.text);
    // The passenger numbers name no Kestrel Air; the rest say what the deal sentence says.
    expect(points(airline)).toEqual(['Kestrel Air picked Bluefin Kitchens as the caterer for its long-haul flights starting next summer.']);
    expect(points(caterer)).toEqual([
      'Bluefin Kitchens won the long-haul catering contract of Kestrel Air, beating two larger caterers.',
      'Bluefin Kitchens will build a new kitchen near the airport to prepare the meals for the flights, the caterer said.',
      'The contract doubles the size of Bluefin Kitchens, which until now has served hotels and hospitals.',
    ]);
    // By their terms alone, both topics lead with the airline's sentence, which names both.
    expect(points({ terms: caterer.terms })[0]).toBe(points(airline)[0]);
    expect(points({ terms: airline.terms })).toContain('Passenger numbers on long-haul flights rose by a fifth last year as new routes opened.');
  });

  it('takes no sentence that names none of the topic’s terms, and a phrase only with its words in order', () => {
    expect(selectKeyPoints(port, { ...options, count: 10, terms: [['timetable']] }).map((p) => p.text)).toEqual([
      'Ferries across the harbour will sail every twenty minutes from next spring under the new timetable.',
    ]);
    // "lines … shipping" is not "shipping lines": only sentences with the phrase count.
    const phrase = selectKeyPoints([article('q', 'New lines began shipping containers to the port last year, the authority said.', 'Three shipping lines began calling at the port last year, the authority said.')], {
      ...options,
      terms: [['shipping lines']],
    });
    expect(phrase.map((p) => p.text)).toEqual(['Three shipping lines began calling at the port last year, the authority said.']);
  });

  it('prefers a sentence that names its subject to one that refers back ("The handset…")', () => {
    const phones = [
      article('h1', 'The handset sold two million units in its first month in the shops across Europe.'),
      article('h2', 'Nokia’s new handset sold two million units in its first month in the shops across Europe.'),
    ];
    expect(selectKeyPoints(phones, { ...options, count: 1 }).map((p) => p.text)).toEqual(['Nokia’s new handset sold two million units in its first month in the shops across Europe.']);
  });

  it('takes one sentence for one figure, however differently two sentences word it', () => {
    const said = article('f1', 'Apple’s sales in Greater China fell by 11% in the quarter to December, the company said.', 'Analysts expect the company to open more shops in smaller cities next year.');
    const again = article('f2', 'Weak demand for the latest models left the region’s revenue 11% lower than a year before.');
    const drop = (slug: string, sentence: Sentence): Figure => ({
      id: `drop-${slug}`,
      text: '11%',
      value: -11,
      unit: '%',
      subject: slug === 'f1' ? 'Apple' : null,
      measure: 'sales change',
      period: null,
      market: null,
      sources: [{ article: slug as Slug, sentence: sentence.id, quote: sentence.text }],
    });
    const withFigures = [
      { ...said, figures: [drop('f1', said.sentences[0] as Sentence)] },
      { ...again, figures: [drop('f2', again.sentences[0] as Sentence)] },
    ];
    const texts = (input: typeof withFigures | (typeof said)[]) => selectKeyPoints(input, { ...options, count: 3 }).map((p) => p.text);
    expect(texts([said, again])).toHaveLength(3);
    expect(texts(withFigures).sort()).toEqual([
      'Analysts expect the company to open more shops in smaller cities next year.',
      'Apple’s sales in Greater China fell by 11% in the quarter to December, the company said.',
    ]);
  });

  it('counts the articles of one outlet once in a point’s support', () => {
    const stories = storyCounter(
      [
        { slug: 'a' as Slug, source: 'Gazette' },
        { slug: 'b' as Slug, source: 'Herald' },
        { slug: 'c' as Slug, source: 'Herald' },
        { slug: 'd' as Slug, source: 'Wire' },
      ],
      duplicateOf,
    );
    const [byStory] = selectKeyPoints(bridge, { duplicateOf, count: 1 });
    const [byOutlet] = selectKeyPoints(bridge, { duplicateOf, stories, count: 1 });
    // a and its rewrite b, then c and d: 3 stories; with b and c of one outlet, a, b and c are one source.
    expect(byOutlet?.text).toBe(byStory?.text);
    expect(((byOutlet?.score ?? 0) / (byStory?.score ?? 1)).toFixed(2)).toBe((2 / 3).toFixed(2));
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
  const points = selectKeyPoints(samples, { duplicateOf: representative });
  const prefix = new Map(samples.map((a) => [a.slug, a.file.slice(0, 3)]));

  it('brief the story: the deal, what Apple lacks in China, regulatory approval, the sales drop', () => {
    // Which sentences, in which order: the scores themselves move with any change to cleaning.
    expect(points.map((p) => [prefix.get(p.sources[0]?.article as Slug), p.text])).toEqual([
      ['001', 'Apple is making a strategic move in China by partnering with Alibaba to integrate AI features into iPhones.'],
      ['001', 'Apple’s AI-powered assistant, Apple Intelligence, has been a key selling point in markets like the U.S. and Europe.'],
      ['000', 'While Apple’s devices outside China use a combination of Apple Intelligence and OpenAI’s ChatGPT, Tsai did not clarify whether the Alibaba partnership would follow the same model.'],
      ['002', 'In China, AI services require regulatory approval, and reports indicate both Alibaba and Apple have submitted materials to authorities.'],
      ['004', 'If approved, this partnership could help Apple regain lost ground in China, where iPhone sales have been struggling since 2024.'],
      // 003's "The handset experienced an 11% year-over-year drop in China…" refers back: halved, it gives way.
      ['003', 'Apple “talked to a number of companies in China,” Alibaba chairperson Joseph Tsai stated during Dubai’s World Government Summit.'],
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
        expect(source.sentence).toBe(sentence?.id);
      }
    }
  });
});
