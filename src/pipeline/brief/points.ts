/**
 * Key points of a topic: an extractive summary. Every point is one article sentence, verbatim,
 * with the sentences of other articles that say the same thing as its sources. Nothing is
 * generated or edited.
 *
 * 1. Candidates are the sentences that can stand alone as a claim, and statements are the ones that
 *    may corroborate it, as analysis marked them (`analyse/terms.ts`).
 * 2. Each sentence is a TF-IDF vector over stemmed content words, IDF taken over the topic's
 *    sentences. Centrality is the cosine to the centroid of all the topic's sentences, each story
 *    weighing the same (a near-duplicate's sentences count 1/k for a story of k articles).
 * 3. Relevance is how many of the topic's own terms the sentence names (`terms`: each `all` and
 *    `any` term, in any of its languages and by any name of the entity it names): an article in
 *    two topics gives each the sentences about that topic, and a sentence naming none of them is
 *    no key point of the topic. A topic that follows entities (its `all` terms, `required`) takes
 *    only sentences that name them all, and counts twice one that opens with one of them (among its
 *    first three content words): a sentence is about what it opens with, in English as in
 *    Chinese, so "Apple is partnering with Alibaba…" leads Apple's topic and "Alibaba's Qwen
 *    model…" Alibaba's, though both name both.
 * 4. Support is the number of independent stories (`stories.ts`: copies of one story, and one
 *    outlet's articles, count once) that carry the sentence or a similar one (cosine ≥ `similarity`).
 * 5. Score = centrality × relevance × support, halved for a sentence that opens by referring back
 *    ("The handset…"), so one that names its subject is preferred. Points are taken greedily by
 *    score, skipping any sentence similar to a chosen point or to one of its sources, and any that
 *    states a figure a chosen point or its sources state (the same value and unit, of no other
 *    subject or measure), so no two points say the same thing.
 *
 * The similarity threshold 0.3 was read off every cross-article sentence pair of the samples:
 * above it, pairs state the same claim (regulatory submission 002/003: 0.44; the deal 000/001:
 * 0.42; the 11% sales drop 001/003: 0.35; Canalys shipments vs. Vivo's lead 000/003: 0.38);
 * below it, pairs share words but not a claim (losing the top-vendor spot vs. regaining lost
 * ground: 0.29; "Apple has yet to comment" vs. "Let us know in the comments!": 0.28).
 *
 * Cost stays near-linear: centrality and relevance are one pass over each sentence's terms, and
 * support is computed through an inverted index only for the best candidates (`pool`), never for
 * all pairs.
 */
import { sentenceTerms } from '../analyse/terms.ts';
import { STOP_WORDS, stemOf, words } from '../analyse/text.ts';
import { sourceRef } from '../../core/types.ts';
import type { Article, Figure, Point, Sentence, SentenceTerms, Slug } from '../../core/types.ts';
import type { StoryCounter } from './stories.ts';

/**
 * An article: analysed ones carry their sentences' terms (others have them made here) and their
 * figures, which tell two sentences stating one figure.
 */
type PointInput = Pick<Article, 'slug' | 'sentences'> & { terms?: SentenceTerms[]; figures?: readonly Figure[] };

export interface KeyPointOptions {
  /** Each near-duplicate's representative article (a representative may map to itself). */
  duplicateOf: ReadonlyMap<Slug, Slug>;
  /** Counts the independent stories among articles; by default, stories as `duplicateOf` gives them. */
  stories?: StoryCounter;
  /**
   * The topic's terms, each with every form it matches in; a sentence's relevance is how many it
   * names. Without them every sentence is equally relevant.
   */
  terms?: readonly (readonly string[])[];
  /**
   * The topic's `all` terms, each with every form it matches in: a point names every one of them,
   * as every article of the topic is about them, and one that opens with one of them is about it.
   */
  required?: readonly (readonly string[])[];
  /** How many points. Default 6. */
  count?: number;
  /** Cosine from which two sentences say the same thing. Default 0.3 (see above). */
  similarity?: number;
  /** Candidates, best first by centrality and relevance, whose support is computed. Default 20 per point, at least 100. */
  pool?: number;
}

/** A sentence that opens by referring back ("The handset…") weighs this much. */
const REFERS_BACK = 0.5;
/** Content words that make a sentence's opening, and how much more a sentence opening with a required term weighs. */
const OPENING = 3;
const OPENS_WITH = 2;

/** A sentence of the topic with what scoring needs. */
interface Entry {
  article: PointInput;
  sentence: Sentence;
  /** Index in the topic's sentences; also the last tie-break, so order never depends on input quirks. */
  order: number;
  story: Slug;
  /** Term ids and L2-normalised TF-IDF weights, sorted by term id. */
  terms: Int32Array;
  weights: Float64Array;
  /** The sentence's stems in order, joined by single spaces (`SentenceTerms.stems`). */
  stems: string;
  candidate: boolean;
  /** May corroborate another sentence: a statement (not a question or a call to action). */
  statement: boolean;
  refersBack: boolean;
}

function dot(aTerms: Int32Array, aWeights: Float64Array, bTerms: Int32Array, bWeights: Float64Array): number {
  let sum = 0;
  for (let i = 0, j = 0; i < aTerms.length && j < bTerms.length; ) {
    const x = aTerms[i] as number;
    const y = bTerms[j] as number;
    if (x === y) sum += (aWeights[i++] as number) * (bWeights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** A sentence's terms as the topic's term ids, with their counts. */
interface CountedTerms {
  sentence: Sentence;
  /** Distinct term ids, ascending, and how often each occurs. */
  terms: Int32Array;
  counts: Float64Array;
  stems: string;
  statement: boolean;
  candidate: boolean;
  refersBack: boolean;
}

/**
 * Term ids by stem, given in the order the topic's sentences first use them. One per topic, not
 * shared with other topics: the order of a sum of floating-point products follows the ids, so
 * shared ids would make a topic's scores depend, in their last bits, on which other topics ran
 * before it — and a rebuild reuses untouched topics' briefings without running them.
 */
type Vocabulary = Map<string, number>;

/** An article's sentences (terms from analysis, or made here) as term ids of `stems`. */
function termsOf(article: PointInput, stems: Vocabulary): CountedTerms[] {
  const termOf = (key: string) => {
    let id = stems.get(key);
    if (id === undefined) {
      id = stems.size;
      stems.set(key, id);
    }
    return id;
  };
  return (article.terms ?? sentenceTerms(article)).map(({ sentence, stems: text, statement, candidate, refersBack }): CountedTerms => {
    // Term ids sorted, then run lengths: the distinct terms and their counts.
    const sorted = text === '' ? new Int32Array(0) : Int32Array.from(text.split(' '), termOf).sort();
    const terms: number[] = [];
    const counts: number[] = [];
    for (const id of sorted) {
      if (terms[terms.length - 1] === id) counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
      else {
        terms.push(id);
        counts.push(1);
      }
    }
    return { sentence: article.sentences[sentence] as Sentence, terms: Int32Array.from(terms), counts: Float64Array.from(counts), stems: text, statement, candidate, refersBack: refersBack === true };
  });
}

/** Every running-text sentence of the topic, vectorised, with its candidate and statement flags. */
function entries(articles: readonly PointInput[], duplicateOf: ReadonlyMap<Slug, Slug>, vocabulary: Vocabulary): Entry[] {
  const sentences = articles.map((article) => termsOf(article, vocabulary));
  // Each term's sentence count in this topic.
  const documentFrequency = new Float64Array(vocabulary.size);
  let total = 0;
  for (const list of sentences) {
    for (const { terms } of list) for (const id of terms) documentFrequency[id] = (documentFrequency[id] as number) + 1;
    total += list.length;
  }

  // TF × smoothed IDF (a word in every sentence still weighs a little), normalised to length 1.
  const idf = documentFrequency.map((df) => Math.log((1 + total) / (1 + df)) + 1);
  const all: Entry[] = [];
  articles.forEach((article, a) => {
    for (const { sentence, terms, counts, stems, statement, candidate, refersBack } of sentences[a] as CountedTerms[]) {
      const weights = new Float64Array(terms.length);
      let squares = 0;
      for (let i = 0; i < terms.length; i++) {
        const weight = (counts[i] as number) * (idf[terms[i] as number] as number);
        weights[i] = weight;
        squares += weight * weight;
      }
      const norm = Math.sqrt(squares) || 1;
      for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) / norm;
      all.push({ article, sentence, order: all.length, story: duplicateOf.get(article.slug) ?? article.slug, terms, weights, stems, statement, candidate, refersBack });
    }
  });
  return all;
}

interface Scored {
  entry: Entry;
  score: number;
  /** The most similar sentence of each other article, most similar first. */
  similar: { entry: Entry; similarity: number }[];
}

/** The topic's key points, best first. */
export function selectKeyPoints(articles: readonly PointInput[], options: KeyPointOptions): Point[] {
  const { duplicateOf, count = 6, similarity = 0.3 } = options;
  const pool = options.pool ?? Math.max(100, count * 20);
  const vocabulary: Vocabulary = new Map();
  const all = entries(articles, duplicateOf, vocabulary);
  const termCount = vocabulary.size;
  if (all.length === 0 || count <= 0) return [];

  // Centroid with each story weighing the same, whatever its number of copies.
  const storySize = new Map<Slug, number>();
  for (const article of articles) {
    const story = duplicateOf.get(article.slug) ?? article.slug;
    storySize.set(story, (storySize.get(story) ?? 0) + 1);
  }
  const centroid = new Float64Array(termCount);
  for (const entry of all) {
    const share = 1 / (storySize.get(entry.story) ?? 1);
    entry.terms.forEach((id, i) => (centroid[id] = (centroid[id] as number) + (entry.weights[i] as number) * share));
  }
  let squares = 0;
  for (const value of centroid) squares += value * value;
  const centroidNorm = Math.sqrt(squares) || 1;
  const centrality = (entry: Entry) => {
    let sum = 0;
    entry.terms.forEach((id, i) => (sum += (entry.weights[i] as number) * (centroid[id] as number)));
    return sum / centroidNorm;
  };

  // Inverted index of the statements that may corroborate a candidate: per term, the sentences
  // (by position in `all`) and their weights, in typed arrays for the inner loop below.
  const articleIndex = new Map(articles.map((article, i) => [article, i]));
  const articleOf = Int32Array.from(all, (entry) => articleIndex.get(entry.article) as number);
  const lengths = new Int32Array(termCount);
  for (const entry of all) if (entry.statement) for (const id of entry.terms) lengths[id] = (lengths[id] as number) + 1;
  type Postings = { sentences: Int32Array; weights: Float64Array; size: number };
  const postings: (Postings | undefined)[] = Array.from(lengths, (length) =>
    length > 0 ? { sentences: new Int32Array(length), weights: new Float64Array(length), size: 0 } : undefined,
  );
  for (const entry of all) {
    if (!entry.statement) continue;
    entry.terms.forEach((id, i) => {
      const list = postings[id] as Postings;
      list.sentences[list.size] = entry.order;
      list.weights[list.size++] = entry.weights[i] as number;
    });
  }
  /**
   * The most similar sentence of each other article, from cosine `similarity` up. Dot products
   * accumulate term by term over the postings, so only sentences sharing a word are touched.
   */
  const accumulated = new Float64Array(all.length);
  const similarTo = (entry: Entry) => {
    const own = articleOf[entry.order];
    const touched: number[] = [];
    entry.terms.forEach((id, i) => {
      const list = postings[id];
      if (!list) return;
      const weight = entry.weights[i] as number;
      const { sentences, weights } = list;
      for (let k = 0; k < sentences.length; k++) {
        const other = sentences[k] as number;
        if (articleOf[other] === own) continue;
        if (accumulated[other] === 0) touched.push(other);
        accumulated[other] = (accumulated[other] as number) + weight * (weights[k] as number);
      }
    });
    const best = new Map<PointInput, { entry: Entry; similarity: number }>();
    for (const other of touched) {
      const value = accumulated[other] as number;
      accumulated[other] = 0;
      if (value < similarity) continue;
      const found = all[other] as Entry;
      const current = best.get(found.article);
      if (!current || value > current.similarity) best.set(found.article, { entry: found, similarity: value });
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.entry.order - b.entry.order);
  };

  const relevance = topicRelevance(options.terms, vocabulary);
  const required = options.required ?? [];
  const entities = topicRelevance(required, vocabulary);
  // Names every required term; twice as relevant when it opens with one.
  const aboutness = (entry: Entry) => (required.length === 0 ? 1 : entities(entry) < required.length ? 0 : entities(entry, OPENING) > 0 ? OPENS_WITH : 1);
  const stories = options.stories;
  const supportOf = (entries: readonly Entry[]) =>
    stories ? stories.count(entries.map((e) => e.article.slug)) : new Set(entries.map((e) => e.story)).size;
  const figuresOf = sentenceFigures(articles);

  // The `pool` best candidates by centrality × relevance. Sorting every candidate (300,000
  // sentences in a topic at 5,000 articles) to keep a hundred took a second: a typed-array sort
  // finds the pool's least prescore, and only the candidates from it up are sorted in full (ties
  // included, so the pool is the one a full sort gives). A candidate naming none of the topic's
  // terms is no point of it.
  const candidates = all
    .filter((entry) => entry.candidate)
    .map((entry) => ({ entry, prescore: centrality(entry) * relevance(entry) * aboutness(entry) * (entry.refersBack ? REFERS_BACK : 1) }))
    .filter((candidate) => candidate.prescore > 0);
  const floor = pool >= candidates.length ? -Infinity : (Float64Array.from(candidates, (c) => c.prescore).sort()[candidates.length - pool] as number);
  const scored: Scored[] = candidates
    .filter((candidate) => candidate.prescore >= floor)
    .sort((a, b) => b.prescore - a.prescore || a.entry.order - b.entry.order)
    .slice(0, pool)
    .map(({ entry, prescore }) => {
      const similar = similarTo(entry);
      return { entry, score: Math.round(prescore * supportOf([entry, ...similar.map((s) => s.entry)]) * 1000) / 1000, similar };
    })
    .sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);

  const chosen: Scored[] = [];
  for (const candidate of scored) {
    if (chosen.length === count) break;
    const own = figuresOf(candidate.entry);
    const redundant = chosen.some((point) =>
      [point.entry, ...point.similar.map((s) => s.entry)].some(
        (said) => dot(candidate.entry.terms, candidate.entry.weights, said.terms, said.weights) >= similarity || sameFigure(own, figuresOf(said)),
      ),
    );
    if (!redundant) chosen.push(candidate);
  }

  return chosen.map(({ entry, score, similar }) => ({
    text: entry.sentence.text,
    score,
    sources: [entry, ...similar.map((s) => s.entry)].map((e) => sourceRef(e.article, e.sentence)),
  }));
}

/**
 * A sentence's relevance to the topic: how many of its terms it names, where a term is named when
 * the content words of one of its forms stand in the sentence in that order (stemmed, as the
 * sentence's words are; "market share", not "key market … shares"); with `within`, among its
 * first `within` content words only. 1 for every sentence when the topic gives no terms.
 */
function topicRelevance(terms: readonly (readonly string[])[] | undefined, vocabulary: Vocabulary): (entry: Entry, within?: number) => number {
  if (!terms || terms.length === 0) return () => 1;
  // Each form as its stems and their term ids; a form with a word no sentence has can match none.
  const forms = terms.map((variants) =>
    variants
      .map((variant) => {
        const stems = words(variant)
          .filter((word) => !STOP_WORDS.has(word))
          .map(stemOf);
        return { ids: stems.map((stem) => vocabulary.get(stem)), phrase: ` ${stems.join(' ')} ` };
      })
      .filter((form): form is { ids: number[]; phrase: string } => form.ids.length > 0 && form.ids.every((id) => id !== undefined)),
  );
  const has = (entry: Entry, id: number) => {
    // Term ids are sorted: a binary search.
    let lo = 0;
    let hi = entry.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((entry.terms[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    return entry.terms[lo] === id;
  };
  const names = (entry: Entry, form: { ids: number[]; phrase: string }, within: number) => {
    if (!form.ids.every((id) => has(entry, id))) return false;
    if (form.ids.length === 1 && within === Infinity) return true;
    const stems = within === Infinity ? entry.stems : entry.stems.split(' ', within).join(' ');
    return ` ${stems} `.includes(form.phrase);
  };
  return (entry, within = Infinity) => forms.filter((variants) => variants.some((form) => names(entry, form, within))).length;
}

/** A figure as a sentence states it, to tell two sentences stating one figure. */
type StatedFigure = Pick<Figure, 'value' | 'unit' | 'subject' | 'measure'>;

/** The figures each sentence states, looked up by the sentence's entry. */
function sentenceFigures(articles: readonly PointInput[]): (entry: Entry) => readonly StatedFigure[] {
  const bySentence = new Map<string, StatedFigure[]>();
  for (const article of articles) {
    for (const figure of article.figures ?? []) {
      const key = `${article.slug}#${figure.sources[0]?.sentence ?? ''}`;
      const list = bySentence.get(key);
      if (list) list.push(figure);
      else bySentence.set(key, [figure]);
    }
  }
  return (entry) => bySentence.get(`${entry.article.slug}#${entry.sentence.id}`) ?? [];
}

/** Two sentences state one figure: the same value and unit, and no different subject or measure. */
function sameFigure(a: readonly StatedFigure[], b: readonly StatedFigure[]): boolean {
  const compatible = (x: string | null, y: string | null) => x === null || y === null || x === y;
  return a.some((x) => b.some((y) => x.value === y.value && x.unit === y.unit && compatible(x.subject, y.subject) && compatible(x.measure, y.measure)));
}
