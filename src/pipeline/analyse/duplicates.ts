/**
 * Near-duplicates: the same story syndicated or rewritten by another outlet. The one analysis
 * that is a reduce over the whole corpus, so it must stay near-linear (20,000 articles):
 *
 *   text ─▶ shingles (word pairs) ─▶ drop the corpus's common ones ─▶ MinHash signature
 *        ─▶ LSH bands ─▶ candidate pairs ─▶ exact check
 *
 * Choices, measured on the five samples (000 and 002 are one story rewritten; 003 reports the same
 * news in its own words) and on the benchmark's corpus (`npm run bench`, reworded copies planted):
 * - Shingles are pairs of consecutive content words (stop words dropped), with quotations cut
 *   out. A rewrite keeps the facts and names but changes the wording, so it shares short runs
 *   of content words and few long runs: 000/002 share 19% of their word pairs and only 9% of
 *   their word triples. Quotations are the same in every outlet that reports the speech, so they
 *   are evidence of the same news, not of copying: with them, 000/003 rise from 0.05 to 0.10.
 * - A word pair found in more than 100 articles of the corpus ("market share", a name) is its
 *   common phrasing, not evidence that one article copied another, and is left out of both the
 *   signature and the check. Without this, articles on one topic share enough such pairs to be
 *   weakly alike two by two: at 5,000 benchmark articles 283,000 pairs were candidates (57 per
 *   article, growing with the corpus, so the search was quadratic after all) and 309 pairs of
 *   different stories scored above the threshold, more than the 217 planted copies. Without
 *   the common pairs: 2 to 3.5 candidates per article from 1,250 to 5,000 articles, and exactly
 *   the planted copies. The bound is a count, not a share of the corpus, so that a kept pair is
 *   shared by at most 100 articles however large the corpus grows: the candidates stay linear.
 *   A corpus of 100 articles or fewer has no common pairs (the five samples are compared whole).
 * - Similarity is the overlap coefficient |A∩B| / min(|A|,|B|): the share of the shorter
 *   article found in the longer. It equals Jaccard for copies of equal length and stays high for a
 *   short syndicated excerpt of a long story, which Jaccard would rate low. It is symmetric, so
 *   both articles list each other with the same value. 000/002 score 0.376; every other sample
 *   pair scores 0.084 or less: the default threshold 0.2 sits between.
 * - MinHash estimates Jaccard. Bands of 2 rows make a pair with Jaccard j a candidate with
 *   probability 1 − (1 − j²)^bands: with 128 bands, 0.99 at j = 0.19 (000/002), 0.79 at j = 0.11
 *   (overlap 0.2 between articles of equal length) and 0.003 for unrelated articles.
 * - Every hash has a fixed seed, so the same corpus always yields the same candidates.
 *
 * The search runs over the whole corpus on every build, rebuilds included, since which pairs
 * are common depends on every article: from the cached shingles of 5,000 benchmark articles it
 * takes 0.5–0.7 s (a third of it sorting 1.8 million shingles to count them), where the search
 * with common pairs took 3.0 s.
 */
import type { Article, Duplicate, Slug } from '../types.ts';
import { STOP_WORDS, withoutQuotations, words } from './text.ts';

export interface DuplicateOptions {
  /** Words per shingle. Default 2. */
  shingleSize?: number;
  /** Overlap coefficient from which two articles are near-duplicates. Default 0.2. */
  threshold?: number;
  /** LSH bands; the signature has `bands × rows` hash values. Default 128. */
  bands?: number;
  /** Hash values per band: more rows, fewer and surer candidates. Default 2. */
  rows?: number;
  /**
   * Articles with fewer distinct shingles (common ones left out) are never compared: a share of
   * a handful of word pairs says nothing. Default 10 (about 20 words of running text).
   */
  minShingles?: number;
  /** A shingle found in more articles than this is common phrasing, left out. Default 100. */
  commonAbove?: number;
}

export interface NearDuplicateSearch {
  duplicates: Map<Slug, Duplicate[]>;
  /** Distinct pairs that LSH proposed, each checked exactly: the search's cost. */
  candidates: number;
  /** Distinct shingles left out as the corpus's common phrasing. */
  common: number;
}

type DuplicateInput = Pick<Article, 'slug' | 'sentences'>;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A word's hash (FNV-1a, finished with `mix32`) from one of two offset bases: two lanes. */
function hashWord(word: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Prose of the running text, with quotations cut out block by block. */
function unquotedProse(article: DuplicateInput): string {
  const blocks = new Map<number, string[]>();
  for (const sentence of article.sentences) {
    if (sentence.heading) continue;
    const texts = blocks.get(sentence.block);
    if (texts) texts.push(sentence.text);
    else blocks.set(sentence.block, [sentence.text]);
  }
  return [...blocks.values()].flatMap((texts) => withoutQuotations(texts)).join(' ');
}

/**
 * The article's distinct shingles as 53-bit hashes, sorted so that two sets intersect by
 * merging. Each shingle chains its words' two 32-bit hashes through `mix32`, so order counts;
 * at 53 bits two different shingles of two articles collide with odds below one in 10⁹, which
 * makes the exact check exact in practice.
 */
export function shingleSet(article: DuplicateInput, shingleSize = 2): Float64Array {
  const tokens = words(unquotedProse(article)).filter((word) => !STOP_WORDS.has(word));
  const wordLo = new Uint32Array(tokens.length);
  const wordHi = new Uint32Array(tokens.length);
  tokens.forEach((word, i) => {
    wordLo[i] = hashWord(word, 0x811c9dc5);
    wordHi[i] = hashWord(word, 0x050c5d1f);
  });
  const span = Math.min(shingleSize, tokens.length);
  const shingles = new Float64Array(Math.max(0, tokens.length - span + 1));
  for (let i = 0; i < shingles.length; i++) {
    let lo = 0;
    let hi = 0;
    for (let k = i; k < i + span; k++) {
      lo = mix32(lo ^ (wordLo[k] as number));
      hi = mix32(hi ^ (wordHi[k] as number));
    }
    shingles[i] = (hi & 0x1fffff) * 4294967296 + lo;
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) {
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i] as number;
  }
  return shingles.subarray(0, distinct);
}

/** |A∩B| / min(|A|,|B|) of two sorted sets. */
export function overlapCoefficient(a: Float64Array, b: Float64Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : shared / smaller;
}

const EMPTY = 0xffffffff;

/**
 * MinHash signature by one-permutation hashing: each shingle is hashed once, the hash's top
 * bits pick one of `size` bins, and each bin keeps the least hash it receives. Two articles
 * agree on a bin with probability about their Jaccard similarity, as with `size` separate hash
 * functions, at the cost of one hash per shingle instead of `size` (5,000 articles of 500 words:
 * 0.1 s instead of 1.2 s). An empty bin (short articles) takes the value of the next filled bin to its right,
 * mixed with the distance, so that two articles fill it alike only when they agree there
 * ("rotation" densification, Shrivastava & Li 2014). Null when the article has no shingles.
 */
export function minHashSignature(shingles: Float64Array, size: number): Uint32Array | null {
  if (shingles.length === 0) return null;
  const signature = new Uint32Array(size).fill(EMPTY);
  const filled = new Uint8Array(size);
  for (const shingle of shingles) {
    const value = mix32((shingle % 4294967296) ^ Math.floor(shingle / 4294967296) ^ 0x2545f491);
    const bin = Math.floor((value / 4294967296) * size);
    filled[bin] = 1;
    if (value < (signature[bin] as number)) signature[bin] = value;
  }
  for (let bin = 0; bin < size; bin++) {
    if (filled[bin]) continue;
    let distance = 1;
    while (!filled[(bin + distance) % size]) distance++;
    signature[bin] = mix32((signature[(bin + distance) % size] as number) ^ Math.imul(distance, 0x9e3779b9));
  }
  return signature;
}

/**
 * The key of each LSH band: a hash of the band's rows. Band b takes bins b, b + bands,
 * b + 2·bands…: never neighbours, which densification fills from one another.
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let key = 0;
    for (let r = 0; r < rows; r++) key = mix32(key ^ (signature[r * bands + band] as number));
    keys[band] = key;
  }
  return keys;
}

/**
 * What the search needs of one article, which depends on nothing else: kept in the pipeline's
 * cache, so a rebuild does not shingle every article again. (Signatures depend on which
 * shingles are common in the corpus, so they are made by each search.)
 */
export interface DuplicateSignals {
  shingles: Float64Array;
}

export function duplicateSignals(article: DuplicateInput, options: DuplicateOptions = {}): DuplicateSignals {
  return { shingles: shingleSet(article, options.shingleSize) };
}

/**
 * The shingles found in more than `above` of the sets, sorted. Hand-written rather than a
 * Map of counts: each set holds a shingle once, so after sorting all sets together a shingle's
 * run is its article count, and a sort of typed numbers is several times faster than a Map of
 * a million entries.
 */
export function commonShingles(sets: readonly Float64Array[], above: number): Float64Array {
  if (sets.length <= above) return new Float64Array(0);
  let total = 0;
  for (const set of sets) total += set.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const set of sets) {
    all.set(set, at);
    at += set.length;
  }
  all.sort();
  const common: number[] = [];
  for (let start = 0, end = 0; start < all.length; start = end) {
    while (end < all.length && all[end] === all[start]) end++;
    if (end - start > above) common.push(all[start] as number);
  }
  return Float64Array.from(common);
}

/** The sorted set without the shingles of the sorted `common`, by merging the two. */
export function withoutCommon(set: Float64Array, common: Float64Array): Float64Array {
  if (common.length === 0) return set;
  const kept = new Float64Array(set.length);
  let size = 0;
  for (let i = 0, j = 0; i < set.length; i++) {
    const value = set[i] as number;
    while (j < common.length && (common[j] as number) < value) j++;
    if (common[j] !== value) kept[size++] = value;
  }
  return kept.subarray(0, size);
}

/**
 * Pairs of articles that agree on at least one band, as `i * n + j` with i < j. Each band is a
 * hash table from the band's key to the articles that have it.
 */
export function candidatePairs(keys: readonly (Uint32Array | null)[], bands: number): Set<number> {
  const n = keys.length;
  const pairs = new Set<number>();
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    keys.forEach((own, index) => {
      if (!own) return;
      const key = own[band] as number;
      const bucket = buckets.get(key);
      if (bucket) {
        for (const other of bucket) pairs.add(other * n + index);
        bucket.push(index);
      } else buckets.set(key, [index]);
    });
  }
  return pairs;
}

/** Where a search may take each article's signals from instead of making them (the pipeline's cache). */
export interface DuplicateSources {
  signals?: (index: number) => DuplicateSignals;
}

/** Near-duplicates with the search's counts, for tests and build statistics. */
export function searchNearDuplicates(articles: readonly DuplicateInput[], options: DuplicateOptions = {}, sources: DuplicateSources = {}): NearDuplicateSearch {
  const { threshold = 0.2, bands = 128, rows = 2, minShingles = 10, commonAbove = 100 } = options;
  const shingles = articles.map((article, i) => (sources.signals?.(i) ?? duplicateSignals(article, options)).shingles);
  const common = commonShingles(shingles, commonAbove);
  const distinctive = shingles.map((set) => withoutCommon(set, common));
  const keys = distinctive.map((set) => {
    const signature = set.length >= minShingles ? minHashSignature(set, bands * rows) : null;
    return signature && bandKeys(signature, bands, rows);
  });
  const pairs = candidatePairs(keys, bands);

  const duplicates = new Map<Slug, Duplicate[]>();
  const n = articles.length;
  for (const pair of pairs) {
    const i = Math.floor(pair / n);
    const j = pair % n;
    const similarity = Math.round(overlapCoefficient(distinctive[i] as Float64Array, distinctive[j] as Float64Array) * 100) / 100;
    if (similarity < threshold) continue;
    const a = (articles[i] as DuplicateInput).slug;
    const b = (articles[j] as DuplicateInput).slug;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const list = duplicates.get(from);
      if (list) list.push({ slug: to, similarity });
      else duplicates.set(from, [{ slug: to, similarity }]);
    }
  }
  for (const list of duplicates.values()) list.sort((x, y) => y.similarity - x.similarity || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  return { duplicates: new Map([...duplicates].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))), candidates: pairs.size, common: common.length };
}

/** Each article's near-duplicates, most similar first; articles without any are absent. */
export function findNearDuplicates(articles: readonly DuplicateInput[], options?: DuplicateOptions): Map<Slug, Duplicate[]> {
  return searchNearDuplicates(articles, options).duplicates;
}
