import { describe, expect, it } from 'vitest';
import { sentenceTerms } from '../../src/pipeline/analyse/terms.ts';
import { selectKeyPoints } from '../../src/pipeline/brief/points.ts';
import type { Sentence, SentenceId, Slug } from '../../src/core/types.ts';
import { samples } from '../fixtures/analyse/samples.ts';

/** Sentences from blocks; a block of several sentences is an array, a heading starts with "# ". */
function sentences(...blocks: (string | string[])[]): Sentence[] {
  return blocks.flatMap((block, b) =>
    (Array.isArray(block) ? block : [block]).map((text, i): Sentence => ({ id: `s-${b}-${i}` as SentenceId, text: text.replace(/^# /, ''), block: b, heading: text.startsWith('# ') })),
  );
}

describe('sentenceTerms', () => {
  it('gives each running-text sentence its stemmed content words, in order, by its index', () => {
    const terms = sentenceTerms({ sentences: sentences('# Apple shares', "Apple's shares declined sharply in China's smartphone markets during the quarter.") });
    expect(terms).toEqual([{ sentence: 1, stems: 'appl shar declin sharply china smartphon market quarter', statement: true, candidate: true, refersBack: false }]);
  });

  it('marks questions and calls to action as neither points nor support', () => {
    const [question, call] = sentenceTerms({ sentences: sentences('Will the new iPhone features launch in China before the end of this year?', 'Let us know what you think of the new iPhone features in the comments below.') });
    expect(question).toMatchObject({ statement: false, candidate: false });
    expect(call).toMatchObject({ statement: false, candidate: false });
  });

  it('keeps statements that cannot stand alone as support, not as points', () => {
    const terms = sentenceTerms({
      sentences: sentences(
        'However, the company said its sales in the region fell by eleven percent last year.',
        'The company listed three reasons for the fall in its sales in the region last year:',
        'Sales fell.',
        ['“We are very proud of what our engineers in the region have built,” the chief executive said.'],
        `${'word '.repeat(61)}end.`,
      ),
    });
    expect(terms.map((t) => [t.statement, t.candidate])).toEqual([
      [true, false], // leans on the sentence before
      [true, false], // the lead-in to a list
      [true, false], // under eight words
      [true, false], // mostly a quotation
      [true, false], // over sixty words
    ]);
  });

  it('marks a sentence that opens with a definite description as referring back, still a candidate', () => {
    const terms = sentenceTerms({
      sentences: sentences(
        'The handset experienced an eleven percent drop in sales in China during the quarter.',
        'The company’s sales in the region fell by eleven percent during the last quarter.',
        'The number of phones sold in the region fell by eleven percent during the quarter.',
        'The European Commission fined the company for breaking competition rules last year.',
      ),
    });
    expect(terms.map((t) => [t.candidate, t.refersBack])).toEqual([
      [true, true],
      [true, true],
      [true, false], // "The number of…" says what it counts
      [true, false], // a name
    ]);
  });

  it('splits Chinese into words, as the segmenter does, and leaves out its function words', () => {
    expect(sentenceTerms({ sentences: sentences('苹果在中国的市场份额降至15%。') })[0]?.stems).toBe('苹果 中国 市场 份额 降至 15');
  });

  it('gives a sentence of stop words only no stems', () => {
    expect(sentenceTerms({ sentences: sentences('It is what it is, and that is that for all of them.') })[0]?.stems).toBe('');
  });

  it('makes the same key points whether analysis gave the terms or the points make them', () => {
    const withTerms = samples.map((article) => ({ ...article, terms: sentenceTerms(article) }));
    const options = { base: '/', duplicateOf: new Map<Slug, Slug>(), count: 6 };
    const points = selectKeyPoints(samples, options);
    expect(points).toHaveLength(6);
    expect(selectKeyPoints(withTerms, options)).toEqual(points);
  });
});
