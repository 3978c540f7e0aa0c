/**
 * Near-duplicates: one story copied, syndicated or rewritten by another outlet — copied or
 * rewritten text, not the same event reported separately. The one analysis that is a reduce over
 * the whole corpus, so it must stay near-linear (20,000 articles):
 *
 *   text ─▶ shingles (word pairs) ─▶ drop the corpus's common ones ─▶ MinHash signature
 *        ─▶ LSH bands ─▶ candidate pairs ─▶ shingle overlap ─▶ sentence alignment ─▶ copy or rewrite?
 *
 * Choices, measured on the BBC news corpus (2,225 articles, five beats; a pair "shares text"
 * when at least a fifth of the shorter article's 5-word sequences are in the other), on a set of
 * copies, rewrites and separate reports of the same events written for the purpose (English and
 * Chinese, `tests/fixtures/duplicates/stories/`), and on the benchmark's corpus (`npm run bench`,
 * reworded copies planted):
 * - Shingles are pairs of consecutive content words (stop words dropped), with quotations cut
 *   out: quotations are the same in every outlet that reports the speech, evidence of the same
 *   news, not of copying. A word pair found in more than 100 articles ("market share", a chief
 *   executive's name) is a beat's common phrasing and is left out of the signature and the
 *   overlap: without this, articles on one topic were weakly alike two by two, and at 5,000
 *   benchmark articles the candidates were 57 per article and growing with the corpus (the search
 *   was quadratic). The bound is a count, not a share, so a kept pair is shared by at most 100
 *   articles however large the corpus grows; a corpus of 100 articles or fewer has none.
 * - Shared word pairs alone do not tell a copy from a second report of the same event: on the
 *   BBC corpus, 82 of the 321 pairs whose shingle overlap reached 0.2 shared under a fifth of
 *   their 5-word sequences (two insurers cutting bonuses; a ban and, weeks later, its lifting).
 *   What tells them apart is order: a rewrite follows its source sentence by sentence, while a
 *   separate report states the same names and figures in sentences of its own. So a candidate
 *   whose shingle overlap (|A∩B| / min(|A|,|B|)) reaches 0.1 is aligned sentence by sentence
 *   (`alignSentences`): each sentence of the shorter article may pair with one sentence of the
 *   other, in order, when they share at least 30% of its content words and, where both state
 *   numbers, half of them; the similarity is the share of the shorter article's content words
 *   that such pairs share, and must reach 0.4.
 * - Order is not enough for a short report: one that states a wire's lead facts in two or three
 *   sentences pairs with its lead sentence by sentence (on the hand-made set, short reports
 *   aligned at 0.48–0.72 with the stories they summarise, and a separate report with the same
 *   boilerplate and quotation at 0.50). What a copy keeps that a separate report does not is the
 *   wording: a pair is a copy when at least 30% of the shorter article's words are in runs of
 *   five (eight in Chinese) that its paired sentences repeat word for word — copies, shortened
 *   copies, lightly edited copies and re-runs with an update 0.51–1.00 on the hand-made set;
 *   separate and short reports 0–0.16 (the Chinese short report 0, and 0.22 in runs of five:
 *   `RUN_UNSPACED`). A long story rewritten sentence by sentence in other words (the samples'
 *   002, 0.14 in runs) is one too:
 *   eight or more of its sentences, and three in four, pair in order with the other's, which no
 *   separate report on the hand-made set or the BBC corpus does. At these settings the BBC corpus
 *   has 221 near-duplicate pairs, 219 of which share text, and all 167 with at least 80% of their
 *   5-word sequences in common; without the test of wording, every short report of the
 *   hand-made set would be the copy of the story it summarises.
 * - A sentence that is a list of names (a team sheet, a cast: more than half its words
 *   capitalised) is left out of the alignment: any report of the event carries the same list.
 * - MinHash estimates Jaccard. Bands of 2 rows make a pair with Jaccard j a candidate with
 *   probability 1 − (1 − j²)^bands: with 128 bands, 0.99 at j = 0.19 and 0.003 for unrelated
 *   articles. Every hash has a fixed seed, so the same corpus always yields the same candidates.
 *
 * The search runs over the whole corpus on every build, rebuilds included, since which pairs
 * are common depends on every article; each article's shingles and sentence words are kept in
 * the cache (`duplicateSignals`), so it starts from them.
 */
import type { Article, Duplicate, Slug } from '../../core/types.ts';
import { quotedShares, STOP_WORDS, stemOf, UNSPACED, withoutQuotations, words } from './text.ts';

export interface DuplicateOptions {
  /** Words per shingle. Default 2. */
  shingleSize?: number;
  /** Shingle overlap from which a candidate pair is aligned sentence by sentence. Default 0.1. */
  overlap?: number;
  /** Aligned share (`alignedShare`) from which two articles may be near-duplicates. Default 0.4. */
  threshold?: number;
  /** Verbatim share (`Alignment.verbatim`) from which an aligned pair is a copy. Default 0.3. */
  verbatim?: number;
  /**
   * Paired sentences from which an aligned pair is a rewrite whatever its wording: at least
   * `pairs` of them and `share` of the shorter article's. Default 8 and 0.75.
   */
  rewrite?: { pairs: number; share: number };
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
  /** Candidates whose shingle overlap reached `overlap`, and so were aligned. */
  aligned: number;
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

/**
 * The running text's sentences (headings left out), each with its quoted passages cut out and
 * the share of it that was quoted.
 */
function unquotedSentences(article: DuplicateInput): { text: string; quoted: number }[] {
  const blocks = new Map<number, string[]>();
  for (const sentence of article.sentences) {
    if (sentence.heading) continue;
    const texts = blocks.get(sentence.block);
    if (texts) texts.push(sentence.text);
    else blocks.set(sentence.block, [sentence.text]);
  }
  return [...blocks.values()].flatMap((texts) => {
    const quoted = quotedShares(texts);
    return withoutQuotations(texts).map((text, i) => ({ text, quoted: quoted[i] ?? 0 }));
  });
}

/**
 * Each prose sentence (`unquotedSentences`) with its words in order (`all`), its content words
 * (stop words left out), and the share of it that was a quotation.
 */
interface ProseSentence {
  text: string;
  all: string[];
  tokens: string[];
  quoted: number;
}

const prose = (article: DuplicateInput): ProseSentence[] =>
  unquotedSentences(article).map(({ text, quoted }) => {
    const all = words(text);
    return { text, all, tokens: all.filter((word) => !STOP_WORDS.has(word)), quoted };
  });

/**
 * Distinct shingles of a run of words as 53-bit hashes, sorted so that two sets intersect by
 * merging. Each shingle chains its words' two 32-bit hashes through `mix32`, so order counts;
 * at 53 bits two different shingles of two articles collide with odds below one in 10⁹, which
 * makes the exact check exact in practice.
 */
function shinglesOf(tokens: readonly string[], shingleSize: number): Float64Array {
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

/** The article's distinct shingles: pairs (by default) of consecutive content words of its prose. */
export function shingleSet(article: DuplicateInput, shingleSize = 2): Float64Array {
  return shinglesOf(
    prose(article).flatMap((sentence) => sentence.tokens),
    shingleSize,
  );
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

/** Capitalised words (names) are more than half of a sentence this long or longer: a list of names. */
const LIST_WORDS = 9;
const LATIN_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu;
const CAPITALISED = /^\p{Lu}/u;

/** A list of names (a team sheet, a cast), not prose: more than half its words capitalised, the first aside. */
function isNameList(text: string): boolean {
  const found = text.match(LATIN_WORD) ?? [];
  if (found.length < LIST_WORDS) return false;
  let names = 0;
  for (let i = 1; i < found.length; i++) if (CAPITALISED.test(found[i] as string)) names++;
  return names / found.length > 0.5;
}

/**
 * Each prose sentence as the alignment (`alignSentences`) sees it. `words`: its distinct content
 * words (stemmed, hashed), sentence after sentence, each sorted (sentence i is
 * `words[ends[i-1]..ends[i]]`). `runs`: the hashes of its runs of consecutive words, stop words
 * included (a copy keeps them), in order (sentence i's are `runs[runEnds[i-1]..runEnds[i]]`);
 * `lengths`: its number of words. Left out: a sentence of fewer than three content words (it
 * says too little to align), a list of names, and a sentence more than a third of which is a
 * quotation — what is left of it once the quotation is cut is its attribution ("said Jane Doe,
 * the regulator's director of enforcement"), the same in every report that quotes the remark. At most
 * `MAX_ALIGNED` sentences, so a hostile 2 MiB "article" cannot make the alignment of one pair
 * quadratic in its length (news articles have tens of sentences).
 */
export interface SentenceWords {
  words: Uint32Array;
  ends: Uint32Array;
  runs: Uint32Array;
  runEnds: Uint32Array;
  lengths: Uint32Array;
}

const MAX_ALIGNED = 1000;

/**
 * Words in a run that counts as copied text: five, as in the measure of shared text the README
 * reports (5-word sequences). ICU splits Chinese and Japanese finer than English words (one or
 * two characters; a figure and its unit apart, "812" "万台"), so that five of them make a stock
 * phrase independent reports write alike ("二季度|中国|平板|电脑|出货量", second-quarter China
 * tablet shipments); a sentence mostly of such words takes runs of eight, which the hand-made
 * Chinese copies keep (0.73–1.00) and the separate reports do not (0, against up to 0.22 in
 * runs of five).
 */
const RUN = 5;
const RUN_UNSPACED = 8;
const UNSPACED_WORD = new RegExp(`^[${UNSPACED}]`, 'v');

export function sentenceWords(article: DuplicateInput): SentenceWords {
  return wordsBySentence(prose(article));
}

/** The hashes of a sentence's runs of `size` consecutive words, in order; none when it is shorter. */
function runsOf(all: readonly string[], size: number): number[] {
  const hashes = all.map((word) => hashWord(word, 0x050c5d1f));
  const runs: number[] = [];
  for (let i = 0; i + size <= hashes.length; i++) {
    let h = 0;
    for (let k = i; k < i + size; k++) h = mix32(h ^ (hashes[k] as number));
    runs.push(h);
  }
  return runs;
}

function wordsBySentence(sentences: readonly ProseSentence[]): SentenceWords {
  const sets: Uint32Array[] = [];
  const runs: number[][] = [];
  const lengths: number[] = [];
  for (const { text, all, tokens, quoted } of sentences) {
    if (sets.length === MAX_ALIGNED) break;
    if (quoted * 3 > 1 || isNameList(text)) continue;
    const hashes = new Set<number>();
    for (const word of tokens) hashes.add(NUMBER.test(word) ? (hashWord(word, 0x811c9dc5) | NUMBER_BIT) >>> 0 : hashWord(stemOf(word), 0x811c9dc5) & ~NUMBER_BIT);
    if (hashes.size < 3) continue;
    sets.push(Uint32Array.from(hashes).sort());
    const unspaced = all.filter((word) => UNSPACED_WORD.test(word)).length;
    runs.push(runsOf(all, unspaced * 2 > all.length ? RUN_UNSPACED : RUN));
    lengths.push(all.length);
  }
  const concat = (lists: readonly ArrayLike<number>[]) => {
    const ends = new Uint32Array(lists.length);
    const joined = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
    let at = 0;
    lists.forEach((list, i) => {
      joined.set(list, at);
      at += list.length;
      ends[i] = at;
    });
    return { joined, ends };
  };
  const content = concat(sets);
  const copied = concat(runs);
  return { words: content.joined, ends: content.ends, runs: copied.joined, runEnds: copied.ends, lengths: Uint32Array.from(lengths) };
}

/** A sentence must share this share of its content words with its partner to pair with it. */
const PAIRED = 0.3;
/** A number as `words` gives it ("18", "84.30", "1,000"); its hash has the top bit set, a word's never. */
const NUMBER = /^\d[\d.,]*$/;
const NUMBER_BIT = 0x80000000;
const isNumber = (hash: number) => hash >= NUMBER_BIT;

/** For each sentence, how many distinct numbers it states. */
function numberCounts({ words, ends }: SentenceWords): Uint32Array {
  const counts = new Uint32Array(ends.length);
  let from = 0;
  ends.forEach((end, i) => {
    for (let k = from; k < end; k++) if (isNumber(words[k] as number)) counts[i] = (counts[i] as number) + 1;
    from = end;
  });
  return counts;
}

/** How two articles' sentences pair (`alignSentences`), measured on the shorter one. */
export interface Alignment {
  /** The share of its content words that paired sentences share: the near-duplicate similarity. */
  share: number;
  /** The share of its words (in the sentences that enter the alignment) in runs their partners repeat word for word. */
  verbatim: number;
  /** Its sentences that pair, and its sentences that enter the alignment. */
  pairs: number;
  sentences: number;
}

/**
 * The best monotone alignment of two articles' sentences: a sentence pairs with at most one
 * sentence of the other, in order, and only when they share at least 30% of its content words —
 * and, when both state numbers, at least half of the numbers of the one that states fewer: a
 * rewrite keeps the figures of the sentence it rewrites, while a second source reporting its own
 * figure for the same fact ("18% of the market" for another's "17%"), or an outlet filling last
 * month's template with this month's figures, wrote a sentence of its own. The alignment shares
 * the most content words; it is found by dynamic programming over the two lists of sentences (a
 * weighted longest common subsequence; hand-written, as no library aligns sets of hashed words).
 * Measured on the shorter article (by content words): the share of its content words that paired
 * sentences share, how many of its sentences pair, and the share of its words in runs (`RUN`)
 * that its paired sentences repeat word for word.
 */
export function alignSentences(a: SentenceWords, b: SentenceWords): Alignment {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const sentences = short.ends.length;
  if (short.words.length === 0) return { share: 0, verbatim: 0, pairs: 0, sentences };
  // Which sentences of the longer article hold each word.
  const holders = new Map<number, number[]>();
  let from = 0;
  long.ends.forEach((end, j) => {
    for (let k = from; k < end; k++) {
      const word = long.words[k] as number;
      const list = holders.get(word);
      if (list) list.push(j);
      else holders.set(word, [j]);
    }
    from = end;
  });
  const m = long.ends.length;
  const longNumbers = numberCounts(long);
  const shortNumbers = numberCounts(short);
  const shared = new Uint32Array(m);
  const sharedNumbers = new Uint32Array(m);
  // Per cell: the shared words of the best alignment so far, its pairs, and its words in copied runs.
  let previous = { words: new Float64Array(m + 1), pairs: new Uint32Array(m + 1), copied: new Float64Array(m + 1) };
  let current = { words: new Float64Array(m + 1), pairs: new Uint32Array(m + 1), copied: new Float64Array(m + 1) };
  const runSets = new Map<number, Set<number>>();
  const runsOfLong = (j: number) => {
    let set = runSets.get(j);
    if (!set) {
      set = new Set(long.runs.subarray(j === 0 ? 0 : (long.runEnds[j - 1] as number), long.runEnds[j] as number));
      runSets.set(j, set);
    }
    return set;
  };
  /** Words of the shorter article's sentence i in runs that the longer one's sentence j repeats. */
  const copiedWords = (i: number, j: number): number => {
    const runs = short.runs.subarray(i === 0 ? 0 : (short.runEnds[i - 1] as number), short.runEnds[i] as number);
    if (runs.length === 0) return 0;
    const length = short.lengths[i] as number;
    const size = length - runs.length + 1;
    const other = runsOfLong(j);
    let covered = 0;
    let coveredTo = 0;
    runs.forEach((run, at) => {
      if (!other.has(run)) return;
      covered += at + size - Math.max(at, coveredTo);
      coveredTo = at + size;
    });
    return covered;
  };
  from = 0;
  short.ends.forEach((end, i) => {
    const touched: number[] = [];
    for (let k = from; k < end; k++) {
      const word = short.words[k] as number;
      for (const j of holders.get(word) ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] as number) + 1;
        if (isNumber(word)) sharedNumbers[j] = (sharedNumbers[j] as number) + 1;
      }
    }
    const size = end - from;
    for (let j = 0; j < m; j++) {
      const count = shared[j] as number;
      const numbers = Math.min(shortNumbers[i] as number, longNumbers[j] as number);
      const figuresKept = numbers === 0 || 2 * (sharedNumbers[j] as number) >= numbers;
      const up = previous.words[j + 1] as number;
      const left = current.words[j] as number;
      const pair = count >= PAIRED * size && figuresKept ? (previous.words[j] as number) + count : 0;
      if (pair > up && pair > left) {
        current.words[j + 1] = pair;
        current.pairs[j + 1] = (previous.pairs[j] as number) + 1;
        current.copied[j + 1] = (previous.copied[j] as number) + copiedWords(i, j);
      } else {
        const [source, at] = up >= left ? [previous, j + 1] : [current, j];
        current.words[j + 1] = source.words[at] as number;
        current.pairs[j + 1] = source.pairs[at] as number;
        current.copied[j + 1] = source.copied[at] as number;
      }
    }
    for (const j of touched) {
      shared[j] = 0;
      sharedNumbers[j] = 0;
    }
    [previous, current] = [current, previous];
    from = end;
  });
  const words = short.lengths.reduce((sum, length) => sum + length, 0);
  return {
    share: (previous.words[m] as number) / short.words.length,
    verbatim: words === 0 ? 0 : (previous.copied[m] as number) / words,
    pairs: previous.pairs[m] as number,
    sentences,
  };
}

/** The share of the shorter article's content words in sentences paired in order with the other's (`alignSentences`). */
export function alignedShare(a: SentenceWords, b: SentenceWords): number {
  return alignSentences(a, b).share;
}

/**
 * What the search needs of one article, which depends on nothing else: kept in the pipeline's
 * cache, so a rebuild does not split every article again. (Signatures depend on which shingles
 * are common in the corpus, so they are made by each search.)
 */
export interface DuplicateSignals {
  shingles: Float64Array;
  sentences: SentenceWords;
}

export function duplicateSignals(article: DuplicateInput, options: DuplicateOptions = {}): DuplicateSignals {
  const sentences = prose(article);
  return {
    shingles: shinglesOf(
      sentences.flatMap((sentence) => sentence.tokens),
      options.shingleSize ?? 2,
    ),
    sentences: wordsBySentence(sentences),
  };
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
  const { overlap = 0.1, threshold = 0.4, verbatim = 0.3, rewrite = { pairs: 8, share: 0.75 }, bands = 128, rows = 2, minShingles = 10, commonAbove = 100 } = options;
  const signals = articles.map((article, i) => sources.signals?.(i) ?? duplicateSignals(article, options));
  const common = commonShingles(
    signals.map((s) => s.shingles),
    commonAbove,
  );
  const distinctive = signals.map((s) => withoutCommon(s.shingles, common));
  const keys = distinctive.map((set) => {
    const signature = set.length >= minShingles ? minHashSignature(set, bands * rows) : null;
    return signature && bandKeys(signature, bands, rows);
  });
  const pairs = candidatePairs(keys, bands);

  const duplicates = new Map<Slug, Duplicate[]>();
  const n = articles.length;
  let aligned = 0;
  for (const pair of pairs) {
    const i = Math.floor(pair / n);
    const j = pair % n;
    if (overlapCoefficient(distinctive[i] as Float64Array, distinctive[j] as Float64Array) < overlap) continue;
    aligned++;
    const alignment = alignSentences((signals[i] as DuplicateSignals).sentences, (signals[j] as DuplicateSignals).sentences);
    const similarity = Math.round(alignment.share * 100) / 100;
    if (similarity < threshold) continue;
    const rewritten = alignment.pairs >= rewrite.pairs && alignment.pairs >= rewrite.share * alignment.sentences;
    if (alignment.verbatim < verbatim && !rewritten) continue;
    const a = (articles[i] as DuplicateInput).slug;
    const b = (articles[j] as DuplicateInput).slug;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const list = duplicates.get(from);
      if (list) list.push({ slug: to, similarity });
      else duplicates.set(from, [{ slug: to, similarity }]);
    }
  }
  for (const list of duplicates.values()) list.sort((x, y) => y.similarity - x.similarity || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  return { duplicates: new Map([...duplicates].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))), candidates: pairs.size, aligned, common: common.length };
}

/** Each article's near-duplicates, most similar first; articles without any are absent. */
export function findNearDuplicates(articles: readonly DuplicateInput[], options?: DuplicateOptions): Map<Slug, Duplicate[]> {
  return searchNearDuplicates(articles, options).duplicates;
}
