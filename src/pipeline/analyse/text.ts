/**
 * Word-level text helpers shared by near-duplicate detection and key-point selection. They fold
 * away what differs between two copies of the same words (case, Unicode forms, curly versus
 * straight quotes and apostrophes, dash styles) so that comparisons see only the words.
 */

/** Scripts written without spaces between words (Chinese, Japanese). */
export const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const SPACED_WORD = String.raw`[[\p{L}\p{N}]--[${UNSPACED}]]+`;
/** A run of CJK characters, or a run of letters and digits that may carry an inner apostrophe or
 * a decimal point or thousands comma ("apple's", "u.s", "18.51", "1,000"). */
const WORD = new RegExp(String.raw`[${UNSPACED}]+|${SPACED_WORD}(?:['.,]${SPACED_WORD})*`, 'gv');
const CJK_RUN = new RegExp(`^[${UNSPACED}]`, 'v');
const CJK_RUNS = new RegExp(`[${UNSPACED}]+`, 'gv');

/**
 * Chinese and Japanese put no space between words: a run of their characters is split into
 * words by ICU's dictionary-based segmenter, which Node carries (`Intl.Segmenter`). Measured
 * against @node-rs/jieba on Chinese news text (docs/performance.md): jieba is faster but a native
 * dependency with a dictionary to load, and it keeps compounds
 * whole ("苹果公司", "市场竞争"), so a term such as 苹果 or 市场 would not fall on its word
 * edges; ICU splits finer ("苹果|公司", "人工|智能", sometimes "华|为"), and a term of several
 * of its words still matches where its edges are word edges (see `wordEdges`). Pinned to `zh`,
 * so results never follow the machine's locale.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of one run of CJK characters. */
function cjkWords(run: string): string[] {
  const found: string[] = [];
  for (const part of segmenter.segment(run)) if (part.isWordLike) found.push(part.segment);
  return found;
}

/**
 * Offsets in `text` where a word starts or ends: every edge of a letter-or-digit run, and inside
 * CJK runs the segmenter's word edges. A term matches CJK text only from one such edge to
 * another, so 华为 is found in 华为以16%, but not in 中华为 ("中华|为").
 */
export function wordEdges(text: string): Set<number> {
  const edges = new Set<number>();
  for (const match of text.matchAll(CJK_RUNS)) {
    let at = match.index;
    edges.add(at);
    for (const part of segmenter.segment(match[0])) {
      at = match.index + part.index + part.segment.length;
      edges.add(at);
    }
  }
  return edges;
}

/** Case, Unicode compatibility forms, quote and apostrophe styles and dashes folded away. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛ʼ′`´]/g, "'")
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-');
}

/** The folded words of a text, in order; CJK runs split into words by the segmenter. */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const word of foldText(text).match(WORD) ?? []) {
    if (CJK_RUN.test(word)) found.push(...cjkWords(word));
    else found.push(word);
  }
  return found;
}

/**
 * Function words of English, and the commonest of Chinese as the segmenter splits them: they
 * carry no topic, and phrases made of them ("one of the") recur in unrelated articles, so both
 * shingles and sentence vectors leave them out.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves it's that's there's they're we're he's she's let's
  的 了 在 是 和 与 及 也 都 而 对 为 将 被 把 从 以 于 等 这 那 其 之 着 个 并 或 但 就 还 又 该 此 已
  我们 他们 他 她 它 我 你`.split(/\s+/),
);

/** Folded words less stop words. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => !STOP_WORDS.has(word));
}

/**
 * A light English suffix stripper, enough for "shares"/"share", "declined"/"declining"/"decline"
 * and "Apple's"/"Apple" to meet. It only ever maps words to a shared key; it never produces text
 * anyone reads, so an odd stem ("compani") costs nothing.
 */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3 || !/^\p{Ll}+$/u.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(?:ing|ed)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) {
    w = w.slice(0, -suffix[0].length);
    // "dropped" → "dropp" → "drop"; "rolling" → "roll" stays, as "ll" is also the base form's.
    if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  }
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

/**
 * Each word's stem, remembered: a corpus has tens of thousands of distinct words and millions
 * of occurrences. Cleared when large, so a long `astro dev` session cannot grow it for ever;
 * `stem` is a pure function, so what is remembered never changes a result.
 */
const stems = new Map<string, string>();
export function stemOf(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    if (stems.size >= 200_000) stems.clear();
    found = stem(word);
    stems.set(word, found);
  }
  return found;
}

const QUOTE_MARK = /[“”"]/g;

/**
 * For each sentence of one block, the ranges of its text inside a quotation. Quotation state
 * carries from one sentence to the next, as a quotation often spans several sentences and only
 * the first opens it ("“They talked … China. / In the end … us,” Tsai said."). A straight `"`
 * opens when no quotation is open and closes otherwise; a closing `”` with none open closes a
 * quotation begun in an earlier paragraph, so the text before it is quoted too.
 */
export function quotedRanges(texts: readonly string[]): [number, number][][] {
  let open = false;
  return texts.map((text) => {
    const ranges: [number, number][] = [];
    let from = 0;
    for (const match of text.matchAll(QUOTE_MARK)) {
      const closes = match[0] === '”' || (match[0] === '"' && open);
      if (closes) ranges.push([from, match.index + 1]);
      else if (!open) from = match.index;
      open = !closes;
    }
    if (open) ranges.push([from, text.length]);
    return ranges;
  });
}

/** For each sentence of one block, the share of its characters inside a quotation. */
export function quotedShares(texts: readonly string[]): number[] {
  return quotedRanges(texts).map((ranges, i) => {
    const length = texts[i]?.length ?? 0;
    return length === 0 ? 0 : ranges.reduce((sum, [from, to]) => sum + to - from, 0) / length;
  });
}

/** Each sentence of one block with its quoted passages removed. */
export function withoutQuotations(texts: readonly string[]): string[] {
  return quotedRanges(texts).map((ranges, i) => {
    const text = texts[i] ?? '';
    let kept = '';
    let from = 0;
    for (const [start, end] of ranges) {
      kept += text.slice(from, start);
      from = end;
    }
    return kept + text.slice(from);
  });
}
