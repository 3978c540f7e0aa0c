/**
 * What the search page shows for a Pagefind result, as pure functions of Pagefind's data: the
 * passages that answer the query (the sentence, the fact row or the section a match sits in,
 * each a link that lands on it), the matched words marked, and the search as a shareable URL.
 *
 * Pagefind's own sub-results only follow headings, and an article here is a run of sentences
 * with no headings between them. But Pagefind records every element with an `id` as an anchor
 * (its element, text and word position), and every sentence is `<span id="s-…">`. So a match is
 * placed in the innermost anchor that holds it: its sentence on an article page, its fact row on
 * a briefing, else the section under the heading before it, else the page itself.
 */

/** An element with an `id` on the indexed page, where its text starts (in words). */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** A matched word: where it is, and how much it counts (its weight times the term's score). */
export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** The part of `result.data()` this page reads. */
export interface PagefindFragment {
  url: string;
  content: string;
  raw_content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: PagefindAnchor[];
  weighted_locations: PagefindLocation[];
}

/** A stretch of an excerpt: plain text, or a word the query matched. */
export interface TextRun {
  text: string;
  mark: boolean;
}

export interface Passage {
  /** Where the link lands: the page, or the page and the id of the sentence, row or heading. */
  url: string;
  kind: 'sentence' | 'element' | 'section' | 'page';
  /** The heading a section passage sits under. */
  heading: string | null;
  /** The passage's text, cut to a window around its matches, matched words marked. */
  runs: TextRun[];
}

const ELLIPSIS = '…';
const WORD_SEPARATORS = /[^\S\uFEFF]+/;

/**
 * The page's words as Pagefind counts them (locations index into this list). Text in a language
 * Pagefind segments (Chinese, Japanese) has its words delimited by zero-width spaces instead.
 * Pagefind escapes `<` and `>` in the raw content; the words are unescaped here because they
 * become text nodes, never HTML.
 */
export function pageWords(fragment: Pick<PagefindFragment, 'content' | 'raw_content'>): { words: string[]; joiner: string } {
  const raw = fragment.raw_content ?? fragment.content;
  const segmented = raw.includes('\u200B');
  const words = (segmented ? raw.split('\u200B') : raw.split(WORD_SEPARATORS)).map((w) => (w.includes('&') ? w.replaceAll('&lt;', '<').replaceAll('&gt;', '>') : w));
  return { words, joiner: segmented ? '' : ' ' };
}

const isHeading = (anchor: PagefindAnchor) => /^h[1-6]$/i.test(anchor.element);
/** Elements a link cannot land on visibly (a chart's data is a `<script>` with an id). */
const HIDDEN = /^(script|style|template|noscript)$/i;
/** A matched word as a term: "Huawei," and "huawei" are the same term. */
const term = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const countWords = (text: string) => text.split(WORD_SEPARATORS).filter(Boolean).length;

interface Region {
  key: string;
  start: number;
  end: number;
  url: string;
  kind: Passage['kind'];
  heading: string | null;
  score: number;
  matches: PagefindLocation[];
  terms: Set<string>;
}

/**
 * The passages of a result that hold its matches, best first, at most `limit`: the passage with
 * more of the query's words wins ("Huawei" and "share" in one fact row beat a chart title with
 * "share" alone), then the one whose matches score higher (Pagefind's weight of each word), then
 * the earlier. The page itself is a passage only when no
 * sentence, row or section holds a match (a match in the title alone, or a page without anchors).
 */
export function findPassages(fragment: PagefindFragment, { limit = 3, maxWords = 40 } = {}): Passage[] {
  const { words, joiner } = pageWords(fragment);
  const pageUrl = fragment.url.replace(/#.*$/, '');
  const anchors = fragment.anchors.filter((a) => a.id && !HIDDEN.test(a.element)).sort((a, b) => a.location - b.location);
  // Where each anchor ends. A sentence's text gives its length; where words are not spaced
  // (Chinese) or an element has no text of its own (a table row), it ends where the next begins.
  const ends = anchors.map((a, i) => {
    const next = anchors[i + 1]?.location ?? words.length;
    return joiner && a.text?.trim() ? Math.min(a.location + countWords(a.text), words.length) : next;
  });
  const headings = anchors.map((a, i) => ({ a, i })).filter(({ a }) => isHeading(a));

  const regions = new Map<string, Region>();
  const matches = [...fragment.weighted_locations].sort((a, b) => a.location - b.location);
  let last = -1;
  for (const match of matches) {
    // The last anchor starting at or before the match; matches come in order, so the search
    // resumes where the previous one stopped.
    while (last + 1 < anchors.length && anchors[last + 1]!.location <= match.location) last++;
    let region: Omit<Region, 'score' | 'matches' | 'terms'> | undefined;
    for (let j = last; j >= 0 && !region; j--) {
      const anchor = anchors[j]!;
      if (isHeading(anchor)) {
        // The match is in the section the heading opens, up to the next heading; the excerpt
        // starts after the heading's own words, which label it.
        const next = headings.find((h) => h.i > j)?.a.location ?? words.length;
        const start = joiner && anchor.text?.trim() ? Math.min(ends[j]!, next) : anchor.location;
        region = { key: anchor.id, start, end: next, url: `${pageUrl}#${anchor.id}`, kind: 'section', heading: anchor.text?.trim() || null };
      } else if (match.location < ends[j]!) {
        const kind = anchor.id.startsWith('s-') ? 'sentence' : 'element';
        region = { key: anchor.id, start: anchor.location, end: ends[j]!, url: `${pageUrl}#${anchor.id}`, kind, heading: null };
      }
    }
    region ??= { key: '', start: 0, end: anchors[0]?.location ?? words.length, url: pageUrl, kind: 'page', heading: null };
    const entry = regions.get(region.key) ?? { ...region, score: 0, matches: [], terms: new Set<string>() };
    entry.score += match.balanced_score;
    entry.matches.push(match);
    entry.terms.add(term(words[match.location] ?? ''));
    regions.set(region.key, entry);
  }

  let ranked = [...regions.values()].sort((a, b) => b.terms.size - a.terms.size || b.score - a.score || a.start - b.start);
  if (ranked.some((r) => r.kind !== 'page')) ranked = ranked.filter((r) => r.kind !== 'page');
  if (ranked.length === 0) ranked = [{ key: '', start: 0, end: words.length, url: pageUrl, kind: 'page', heading: null, score: 0, matches: [], terms: new Set() }];
  return ranked.slice(0, limit).map((r) => ({
    url: r.url,
    kind: r.kind,
    heading: r.heading,
    runs: excerpt(words, joiner, r, maxWords),
  }));
}

/**
 * The region's words as runs of text and marked words, cut to the `maxWords` window whose matches
 * score most (the earliest such window), with an ellipsis where the region goes on.
 */
export function excerpt(words: string[], joiner: string, region: { start: number; end: number; matches: PagefindLocation[] }, maxWords: number): TextRun[] {
  const marked = new Set(region.matches.map((m) => m.location));
  const end = Math.min(region.end, words.length);
  let from = region.start;
  if (end - from > maxWords) {
    // Slide a window along the matches in order: each start keeps the matches within maxWords.
    const inside = region.matches.filter((m) => m.location >= region.start && m.location < end).sort((a, b) => a.location - b.location);
    let best = -1;
    let sum = 0;
    for (let i = 0, j = 0; i < inside.length; i++) {
      while (j < inside.length && inside[j]!.location < inside[i]!.location + maxWords) sum += inside[j++]!.balanced_score;
      if (sum > best) {
        best = sum;
        from = inside[i]!.location;
      }
      sum -= inside[i]!.balanced_score;
    }
    // A few words of context before the first match, and never a window past the region's end.
    from = Math.max(region.start, Math.min(from - Math.floor(maxWords / 4), end - maxWords));
  }
  const to = Math.min(end, from + maxWords);
  const runs: TextRun[] = [];
  const push = (text: string, mark: boolean) => {
    const prev = runs.at(-1);
    if (prev && !prev.mark && !mark) prev.text += text;
    else runs.push({ text, mark });
  };
  if (from > region.start) push(`${ELLIPSIS}${joiner}`, false);
  for (let i = from; i < to; i++) {
    if (i > from) push(joiner, false);
    // Segmented text keeps the space after a sentence inside its last word.
    const word = i === to - 1 ? words[i]?.trimEnd() : words[i];
    if (word) push(word, marked.has(i));
  }
  if (to < end) push(`${joiner}${ELLIPSIS}`, false);
  return runs;
}

/** The filters the search page offers, in the order it shows them; each is a URL parameter. */
export const FILTERS = ['type', 'topic', 'outlet', 'year'] as const;
export type FilterName = (typeof FILTERS)[number];
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/** A search as the reader set it up, and as its URL says. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string>>;
  sort: SortOrder;
}

/** `?q=…&topic=…&sort=newest` → the search it describes; unknown parameters are ignored. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as SortOrder) : 'relevance' };
}

/** The search → its query string (`?q=…`), with empty fields and the default sort left out. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]!);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Pagefind's `filters` and `sort` search options for the state. */
export function searchOptions(state: SearchState): { filters: Record<string, string>; sort: Record<string, 'asc' | 'desc'> } {
  const filters: Record<string, string> = {};
  for (const name of FILTERS) if (state.filters[name]) filters[name] = state.filters[name]!;
  return { filters, sort: state.sort === 'relevance' ? {} : { date: state.sort === 'newest' ? 'desc' : 'asc' } };
}

/**
 * Merge lists that are each already in date order into one, the way Pagefind cannot: it sorts
 * each language's index by date but merges indexes by score, which a sorted search leaves at 0.
 * `dateOf` may be slow (it loads the result), so only the head of each list is ever asked.
 */
export async function* mergeByDate<T>(lists: T[][], dateOf: (item: T) => Promise<string>, order: 'asc' | 'desc'): AsyncGenerator<T> {
  const heads = lists.map(() => 0);
  const dates = new Map<T, string>();
  const date = async (item: T) => {
    if (!dates.has(item)) dates.set(item, await dateOf(item));
    return dates.get(item)!;
  };
  for (;;) {
    let best = -1;
    let bestDate = '';
    for (let l = 0; l < lists.length; l++) {
      const item = lists[l]![heads[l]!];
      if (item === undefined) continue;
      const d = await date(item);
      if (best < 0 || (order === 'desc' ? d > bestDate : d < bestDate)) {
        best = l;
        bestDate = d;
      }
    }
    if (best < 0) return;
    yield lists[best]![heads[best]!++]!;
  }
}

/**
 * The languages to merge into a search from a page in `pageLang`: all the bundle's languages but
 * the one Pagefind opens for that page (the page's language, its primary subtag, or else the
 * language with the most pages), in a stable order.
 */
export function otherLanguages(languages: Record<string, { page_count: number }>, pageLang: string): string[] {
  const names = Object.keys(languages);
  const lang = pageLang.toLowerCase();
  const primary =
    names.find((n) => n === lang) ??
    names.find((n) => n === lang.split('-')[0]) ??
    // Pagefind's own fallback: a stable sort of the entry's languages by page count.
    [...names].sort((a, b) => languages[b]!.page_count - languages[a]!.page_count)[0];
  return names.filter((n) => n !== primary).sort();
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "2025-02-14" → "14 February 2025", as the pages print dates; anything else as written. */
export function formatDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? DAY.format(new Date(`${date}T00:00:00Z`)) : date;
}
