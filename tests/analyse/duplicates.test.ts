import { describe, expect, it } from 'vitest';
import { commonShingles, duplicateSignals, findNearDuplicates, overlapCoefficient, searchNearDuplicates, shingleSet, withoutCommon } from '../../src/pipeline/analyse/duplicates.ts';
import { loadArticle, samples } from '../fixtures/analyse/samples.ts';
import type { Article, Sentence, SentenceId, Slug } from '../../src/pipeline/types.ts';

const fixturesDir = new URL('../fixtures/duplicates/', import.meta.url);

/** Sample by its file-name prefix, "000" … "004". */
const sample = (prefix: string) => samples.find((a) => a.file.startsWith(prefix)) as Article;

describe('findNearDuplicates on the five samples', () => {
  const duplicates = findNearDuplicates(samples);

  it('flags 000 and 002, the same story rewritten, as each other’s duplicate with one similarity', () => {
    const [a, b] = [sample('000'), sample('002')];
    expect(duplicates.get(a.slug)).toEqual([{ slug: b.slug, similarity: 0.38 }]);
    expect(duplicates.get(b.slug)).toEqual([{ slug: a.slug, similarity: 0.38 }]);
  });

  it('flags no other pair: 003 reports the same news in its own words', () => {
    expect([...duplicates.keys()].sort()).toEqual([sample('000').slug, sample('002').slug].sort());
  });

  it('measures every other sample pair far below the threshold', () => {
    const sets = new Map(samples.map((a) => [a.file.slice(0, 3), shingleSet(a)]));
    const pairs: Record<string, number> = {};
    for (const [x, a] of sets) for (const [y, b] of sets) if (x < y) pairs[`${x}-${y}`] = Math.round(overlapCoefficient(a, b) * 1000) / 1000;
    expect(pairs).toEqual({
      '000-001': 0.084,
      '000-002': 0.376,
      '000-003': 0.046,
      '000-004': 0.047,
      '001-002': 0.076,
      '001-003': 0.046,
      '001-004': 0.055,
      '002-003': 0.063,
      '002-004': 0.046,
      '003-004': 0.034,
    });
  });
});

describe('findNearDuplicates on fixtures', () => {
  it('rates an exact copy 1', () => {
    const original = sample('001');
    const copy = { ...original, slug: 'copy' as Slug };
    expect(findNearDuplicates([original, copy])).toEqual(
      new Map([
        [original.slug, [{ slug: 'copy', similarity: 1 }]],
        ['copy', [{ slug: original.slug, similarity: 1 }]],
      ]),
    );
  });

  it('flags a lightly reworded copy (words swapped, two sentences reordered), not an unrelated story', () => {
    const reworded = loadArticle(fixturesDir, 'reworded-003.md');
    const unrelated = loadArticle(fixturesDir, 'unrelated.txt');
    const duplicates = findNearDuplicates([sample('003'), reworded, unrelated]);
    expect(duplicates).toEqual(
      new Map([
        [reworded.slug, [{ slug: sample('003').slug, similarity: 0.92 }]],
        [sample('003').slug, [{ slug: reworded.slug, similarity: 0.92 }]],
      ]),
    );
  });

  it('flags a short excerpt of a long article by how much of the excerpt the article holds', () => {
    const original = sample('000');
    const excerpt = { slug: 'excerpt' as Slug, sentences: original.sentences.slice(0, 6) };
    expect(findNearDuplicates([original, excerpt]).get('excerpt' as Slug)).toEqual([{ slug: original.slug, similarity: 1 }]);
  });

  it('never compares an article too short to judge', () => {
    const original = sample('000');
    const snippet = { slug: 'snippet' as Slug, sentences: original.sentences.slice(0, 1) };
    expect(searchNearDuplicates([original, snippet])).toEqual({ duplicates: new Map(), candidates: 0, common: 0 });
  });

  it('folds case, curly quotes and apostrophes, and ignores quotations', () => {
    const sentence = (text: string, block = 0): Sentence => ({ id: `s-${text.length}` as SentenceId, text, block, heading: false });
    const body = 'Apple’s shares rose after the company reported record revenue in Greater China, where analysts had expected another decline following months of weak demand for its flagship phones.';
    const a = { slug: 'a' as Slug, sentences: [sentence(body), sentence('“We are thrilled with the response from customers,” the chief executive said.', 1)] };
    const b = { slug: 'b' as Slug, sentences: [sentence(body.toUpperCase().replace('’', "'")), sentence('"Nobody expected numbers like these," the chief executive said.', 1)] };
    expect(findNearDuplicates([a, b]).get('a' as Slug)).toEqual([{ slug: 'b', similarity: 1 }]);
  });
});

describe('a search given each article’s signals (from the cache)', () => {
  it('finds what a search that makes them finds', () => {
    const corpus = [...samples, { ...sample('001'), slug: 'copy-of-001' as Slug }];
    const signals = corpus.map((article) => duplicateSignals(article));
    const given = searchNearDuplicates(corpus, undefined, { signals: (i) => signals[i] as ReturnType<typeof duplicateSignals> });
    expect(given).toEqual(searchNearDuplicates(corpus));
    expect(given.duplicates.get('copy-of-001' as Slug)).toEqual([{ slug: sample('001').slug, similarity: 1 }]);
  });
});

describe('common phrasing', () => {
  const set = (...values: number[]) => Float64Array.from(values);

  it('finds the shingles in more than the given number of sets, sorted', () => {
    const sets = [set(1, 2, 3, 9), set(2, 3), set(3, 9), set(3)];
    expect(commonShingles(sets, 1)).toEqual(set(2, 3, 9));
    expect(commonShingles(sets, 2)).toEqual(set(3));
    expect(commonShingles(sets, 3)).toEqual(set(3));
    expect(commonShingles(sets, 4)).toEqual(set());
  });

  it('removes them from a sorted set by merging', () => {
    expect(withoutCommon(set(1, 2, 3, 5, 8), set(0, 2, 5, 6, 9))).toEqual(set(1, 3, 8));
    expect(withoutCommon(set(1, 2), set())).toEqual(set(1, 2));
    expect(withoutCommon(set(), set(1))).toEqual(set());
  });

  // 150 different stories on one beat, all written around the same stock phrases, and one
  // reworded copy: the phrases are shared by every article, the copy's own words by two.
  const phrases = [
    'Smartphone shipments across the region grew this quarter according to preliminary market research estimates.',
    'Analysts tracking the handset industry expect premium models to keep gaining market share next year.',
    'Component suppliers reported tighter memory chip inventories while retail channels cleared older stock.',
  ];
  const story = (n: number): string[] => Array.from({ length: 4 }, (_, k) => `Reporter ${n} visited factory ${n * 7 + k} near river ${n * 13 + k} where engineers ${n}x${k} tested prototype batch ${n * 31 + k} overnight.`);
  const article = (slug: string, texts: string[]) => ({
    slug: slug as Slug,
    sentences: texts.map((text, k): Sentence => ({ id: `s-${k}` as SentenceId, text, block: k, heading: false })),
  });
  const corpus = Array.from({ length: 150 }, (_, n) => article(`story-${n}`, [...phrases, ...story(n)]));
  corpus.push(article('story-7-reworded', [...phrases, ...story(7).map((text) => text.replace('visited', 'toured'))]));

  it('does not make articles near-duplicates: only the reworded copy is flagged', () => {
    const search = searchNearDuplicates(corpus);
    expect(search.duplicates).toEqual(
      new Map([
        ['story-7', [{ slug: 'story-7-reworded', similarity: 0.97 }]],
        ['story-7-reworded', [{ slug: 'story-7', similarity: 0.97 }]],
      ]),
    );
    // Common: the word pairs every article has (the phrases', and the stories' fixed words).
    const [first, second] = [shingleSet(corpus[0] as (typeof corpus)[number]), new Set(shingleSet(corpus[1] as (typeof corpus)[number]))];
    expect(search.common).toBe([...first].filter((shingle) => second.has(shingle)).length);
    expect(search.common).toBeGreaterThan(new Set(phrases.flatMap((text) => [...shingleSet(article('x', [text]))])).size);
    expect(search.candidates).toBe(1);
  });

  it('would, counted in: every pair of stories shares over a fifth of its word pairs', () => {
    const search = searchNearDuplicates(corpus, { commonAbove: Infinity });
    expect(search.common).toBe(0);
    expect(search.duplicates.get('story-0' as Slug)).toHaveLength(150);
  });

  it('is not looked for in a corpus of 100 articles or fewer', () => {
    const search = searchNearDuplicates(corpus.slice(0, 100));
    expect(search.common).toBe(0);
    expect(search.duplicates.get('story-0' as Slug)).toHaveLength(99);
  });
});

describe('findNearDuplicates at scale', () => {
  /** mulberry32: a small seeded generator, so the corpus is the same on every run. */
  function generator(seed: number) {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = generator(2025);
  const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`);
  // Squaring skews the draw towards the first words, as word frequencies are skewed in text.
  const word = () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)] as string;
  const articles = Array.from({ length: 2000 }, (_, n) => ({
    slug: `synthetic-${n}` as Slug,
    sentences: Array.from({ length: 12 }, (_, k): Sentence => ({
      id: `s-${k}` as SentenceId,
      text: `${Array.from({ length: 16 }, word).join(' ')}.`,
      block: k >> 2,
      heading: false,
    })),
  }));
  // One planted copy: article 7 with a few words of three sentences changed.
  const copied = articles[7] as (typeof articles)[number];
  articles[1999] = {
    slug: 'synthetic-1999' as Slug,
    sentences: copied.sentences.map((s, k) => (k % 4 === 0 ? { ...s, text: s.text.replace(/^\S+ \S+/, 'changed words') } : s)),
  };

  it('finds the planted copy while checking a tiny fraction of the 1,999,000 pairs', () => {
    const { duplicates, candidates } = searchNearDuplicates(articles);
    expect(duplicates).toEqual(
      new Map([
        ['synthetic-1999', [{ slug: 'synthetic-7', similarity: 0.97 }]],
        ['synthetic-7', [{ slug: 'synthetic-1999', similarity: 0.97 }]],
      ]),
    );
    expect(candidates).toBeGreaterThanOrEqual(1);
    expect(candidates).toBeLessThan(200);
  });
});
