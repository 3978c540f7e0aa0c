/**
 * Which topics an article belongs to, and why — filed as a reader would. Topics are data
 * (`content/topics/*.md`). A term counts by where it is: in the title it says what the article is
 * about (weight 2), in the lead (the first two sentences of running text) or named three times or
 * more it is a subject (1.5), elsewhere a mention (1). An article belongs to a topic when:
 *
 * - every `all` term is a subject of it (weight 1.5 or more: a passing mention of Apple does not
 *   put a story about Huawei in Apple in China);
 * - no `none` term appears;
 * - the weights of the distinct `any` terms it names add up to `threshold`: one term in a short
 *   report's title carries it as two mentions in its body do;
 * - when the topic follows a `market`, that market is a subject of the article (weight 1.5 or
 *   more) and no other place is named more prominently (occurrences weighted 3 in the title, 2 in
 *   the lead, 1 elsewhere), and none of its `excludeMarkets` leads it: a story on India's
 *   smartphone market that names China once, or a global report with one line on China, is not a
 *   story on China's. Places are the gazetteer's, and every country and region by its English and
 *   Chinese name (from the ICU data Node carries, `Intl.DisplayNames`).
 *
 * The result lists each matched term with its count, so a page can show the evidence.
 *
 * How a term matches:
 * - a term is a word or phrase, or a list of the same term in several languages
 *   (`[market share, 市场份额]`): any of them matches, and they count as one term, shown by the first;
 * - as a whole word or phrase (no letter or digit on either side; any run of white space between
 *   the words of a phrase), ignoring case; short all-caps terms ("AI", "IDC", "US") match only in
 *   capitals: "ai" in "said" is excluded by word boundaries, but "ai" or "us" as words are not the
 *   acronym either;
 * - Chinese and Japanese put no space between words: a term's CJK edge must fall on a word edge
 *   of the text as segmented (`wordEdges`), so 苹果 is found in 苹果公司 but 华为 is not in 中华为;
 * - a term that names a gazetteer entity, by its name or any alias in any language, also matches
 *   all the entity's names ("Apple" finds "苹果", "苹果" finds "Apple"); the longest variant wins
 *   where two overlap ("Alibaba Group" counts once). A name the topic lists as a term of its own
 *   ("Qwen" and its alias "Tongyi Qianwen") is left to that term, so one mention is never two
 *   distinct terms. A term inside another term counts for both ("Greater China" also mentions China).
 *
 * Score: 1 per distinct matched term (`all` and `any`), plus ln(1 + occurrences), where an
 * occurrence in the title counts 3 times and in the lead twice. Breadth of evidence dominates;
 * repetition adds slowly.
 *
 * Every distinct term of all topics is compiled once into regular expressions and counted at most
 * once per article, when a topic first needs it, however many topics use it.
 */
import type { Article, Topic, TopicMatch } from '../../core/types.ts';
import { regions } from './market-names.ts';
import { UNSPACED, wordEdges } from './text.ts';

type TopicInput = Pick<Topic, 'slug' | 'match'>;
type ArticleInput = Pick<Article, 'title' | 'sentences'>;
export type TopicMatcher = (article: ArticleInput) => TopicMatch[];
/** A term as a topic file writes it: one word or phrase, or the same term in several languages. */
export type TermSpec = string | readonly string[];

/** A term's weight by where it is found (see above). */
const WEIGHT = { title: 2, subject: 1.5, mention: 1 } as const;
/** Occurrences in the body that make a term a subject of the article. */
const SUBJECT_COUNT = 3;
/** How many times an occurrence counts in a score and in a market's prominence, by where it is. */
const OCCURRENCE = { title: 3, lead: 2, body: 1 } as const;
/** Running-text sentences that make the lead. */
const LEAD_SENTENCES = 2;
/** "AI", "IDC", "U.S.", "OPPO": capitals (and digits or dots), at most five characters. */
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}.&-]{1,5}$/u;
const CJK = new RegExp(`[${UNSPACED}]`, 'v');
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A letter or digit of a spaced script: what may not touch a term's Latin edge. A CJK character
 * may ("新一代AI大模型"), as CJK text puts no space around a Latin word. */
const SPACED_WORD_CHAR = `[[\\p{L}\\p{N}]--[${UNSPACED}]]`;

/** The term's name (its first form) and every form it is written in. */
export const termForms = (spec: TermSpec): { name: string; forms: string[] } => {
  const forms = (typeof spec === 'string' ? [spec] : [...spec]).map((form) => form.trim()).filter((form) => form !== '');
  return { name: forms[0] ?? '', forms };
};

/**
 * One term, ready to count: its acronym variants, its other variants and its CJK variants, one
 * regex each; the CJK one runs only on text that has CJK characters.
 */
interface CompiledTerm {
  term: string;
  patterns: { pattern: RegExp; cjk: boolean }[];
}

interface CompiledTopic {
  slug: string;
  all: CompiledTerm[];
  any: CompiledTerm[];
  none: CompiledTerm[];
  /** Weight of distinct `any` terms needed: the threshold, but never more than the terms could give. */
  needed: number;
  /** The market the topic follows, and the markets it leaves out (`match.market`, `match.excludeMarkets`). */
  market: CompiledTerm | null;
  excluded: CompiledTerm[];
  /**
   * With a market guard: the market's names, lower-cased, and which places (`lazyPlaces`) are the
   * market, by a shared name, and so no rivals (made when first needed).
   */
  guard: { marketNames: Set<string>; isMarket?: Uint8Array } | null;
}

/** Longest first, so an alternation prefers "Alibaba Group" to "Alibaba" at the same place. */
const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const needsBoundary = (char: string) => WORD_CHAR.test(char) && !CJK.test(char);

/**
 * One alternation of the variants, longest first, grouped by which edges need a word boundary.
 * Each boundary test is written once per group, not once per variant: V8 then still skips
 * through the text to the variants' first letters instead of trying a lookaround at every
 * position, and an alternation of 500 place names compiles and runs in milliseconds.
 */
function variantsSource(variants: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const variant of [...variants].sort(longestFirst)) {
    const body = escape(variant).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
    const edges = `${needsBoundary(variant.charAt(0)) ? 'b' : '-'}${needsBoundary(variant.slice(-1)) ? 'b' : '-'}`;
    const group = groups.get(edges);
    if (group) group.push(body);
    else groups.set(edges, [body]);
  }
  return [...groups]
    .map(([edges, bodies]) => `${edges[0] === 'b' ? `(?<!${SPACED_WORD_CHAR})` : ''}(?:${bodies.join('|')})${edges[1] === 'b' ? `(?!${SPACED_WORD_CHAR})` : ''}`)
    .join('|');
}

function compileTerm(term: string, variants: readonly string[]): CompiledTerm {
  const acronyms = variants.filter((v) => ACRONYM.test(v));
  const cjk = variants.filter((v) => !ACRONYM.test(v) && CJK.test(v));
  const words = variants.filter((v) => !ACRONYM.test(v) && !CJK.test(v));
  const patterns: CompiledTerm['patterns'] = [];
  if (acronyms.length > 0) patterns.push({ pattern: new RegExp(variantsSource(acronyms), 'gv'), cjk: false });
  if (words.length > 0) patterns.push({ pattern: new RegExp(variantsSource(words), 'giv'), cjk: false });
  if (cjk.length > 0) patterns.push({ pattern: new RegExp(variantsSource(cjk), 'giv'), cjk: true });
  return { term, patterns };
}

/**
 * A text to count terms in, with its CJK word edges made when first needed. An article's body is
 * scanned once, its lead first: an occurrence before `leadEnd` is in the lead.
 */
interface Counted {
  text: string;
  leadEnd: number;
  /** Whether the text has CJK characters, and their word edges: made when first needed. */
  cjk?: boolean;
  edges: Set<number> | null;
}

const onWordEdges = (text: Counted, from: number, to: number): boolean => {
  const startsCjk = CJK.test(text.text.charAt(from));
  const endsCjk = CJK.test(text.text.charAt(to - 1));
  if (!startsCjk && !endsCjk) return true;
  text.edges ??= wordEdges(text.text);
  return (!startsCjk || text.edges.has(from)) && (!endsCjk || text.edges.has(to));
};

/** Non-overlapping occurrences of a term, in the lead and after it: a place matched by both patterns counts once. */
function countTerm(term: CompiledTerm, text: Counted): { lead: number; rest: number } {
  const ranges: [number, number][] = [];
  for (const { pattern, cjk } of term.patterns) {
    if (cjk && !(text.cjk ??= CJK.test(text.text))) continue;
    for (const m of text.text.matchAll(pattern)) {
      const to = m.index + m[0].length;
      if (onWordEdges(text, m.index, to)) ranges.push([m.index, to]);
    }
  }
  if (term.patterns.length > 1) ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const count = { lead: 0, rest: 0 };
  let end = -1;
  for (const [from, to] of ranges) {
    if (from < end) continue;
    if (from < text.leadEnd) count.lead++;
    else count.rest++;
    end = to;
  }
  return count;
}

/** ISO 3166 region codes that are not places a market could be (user-assigned, unknown, the UN). */
const NOT_A_MARKET = /^(?:Q[M-Z]|X[A-Z]|ZZ|AA|UN)$/;

/** Every country and region by its English and Chinese names, from Node's ICU data. */
const regionNames = (): string[][] =>
  regions()
    .filter(({ code }) => !NOT_A_MARKET.test(code))
    .map(({ english, chinese }) => (chinese ? [english, chinese] : [english]));

/**
 * A term's forms with every name of the entity any of them names (by its name or an alias, in any
 * language, regardless of case), without repeats.
 */
function entityVariants(aliases: ReadonlyMap<string, readonly string[]>): (forms: readonly string[]) => string[] {
  const namesOf = new Map<string, readonly string[]>();
  for (const [name, others] of aliases) {
    const all = [name, ...others];
    for (const one of all) if (!namesOf.has(one.toLowerCase())) namesOf.set(one.toLowerCase(), all);
  }
  return (forms) => [...new Set(forms.flatMap((form) => [form, ...(namesOf.get(form.toLowerCase()) ?? [])]).map((v) => v.trim()))].filter((v) => v !== '');
}

/**
 * The topic's own terms (`all` and `any`), each with every form it matches in: what its key points
 * are ranked by (`brief/points.ts`).
 */
export function topicTerms(match: TopicInput['match'], aliases: ReadonlyMap<string, readonly string[]> = new Map()): string[][] {
  const variantsOf = entityVariants(aliases);
  return [...match.all, ...match.any].map((spec) => variantsOf(termForms(spec).forms));
}

/**
 * The topic's `all` terms, each with every form it matches in: what every key point of the topic
 * names (`brief/points.ts`), as every article of it does.
 */
export function requiredTerms(match: TopicInput['match'], aliases: ReadonlyMap<string, readonly string[]> = new Map()): string[][] {
  return topicTerms({ ...match, any: [] }, aliases);
}

/** How a matched name is looked up: case, spacing and apostrophe styles folded. */
const nameKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

/** A letter or digit of ASCII: the edges `\b` can test in a regular expression without the `u` flag. */
const ASCII_EDGE = /[A-Za-z0-9]/;

/**
 * One scan for all place names: case-sensitive (places are names) and without the `u` flag, and
 * names with ASCII edges in one group bounded by `\b`, which V8 scans for their first letters
 * quickly (over ten times faster than one case-insensitive Unicode alternation of the same
 * names: docs/performance.md); CJK names apart, run only on CJK text.
 */
function placePatterns(names: readonly string[]): { latin: RegExp; cjk: RegExp | null } {
  const body = (name: string) => escape(name).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
  const sorted = [...names].sort(longestFirst);
  const cjk = sorted.filter((name) => CJK.test(name));
  const latin = sorted.filter((name) => !CJK.test(name));
  const bounded = latin.filter((name) => ASCII_EDGE.test(name.charAt(0)) && ASCII_EDGE.test(name.slice(-1)));
  const other = latin.filter((name) => !bounded.includes(name)).map((name) => `${ASCII_EDGE.test(name.charAt(0)) ? '\\b' : ''}${body(name)}${ASCII_EDGE.test(name.slice(-1)) ? '\\b' : ''}`);
  const latinSource = [...(bounded.length > 0 ? [`\\b(?:${bounded.map(body).join('|')})\\b`] : []), ...other].join('|');
  return { latin: new RegExp(latinSource || '(?!)', 'g'), cjk: cjk.length > 0 ? new RegExp(cjk.map(body).join('|'), 'g') : null };
}

/**
 * Every place (the gazetteer's, then every region not among them), each by all its names, and
 * one pass over a text that counts them all: a market guard weighs its market against some 250
 * places, and one alternation of all their names scans an article once where a pattern per
 * place would scan it 250 times. Made when first needed.
 */
function lazyPlaces(given: readonly (readonly string[])[], variantsOf: (forms: readonly string[]) => string[]) {
  let index: { names: string[][]; place: (name: string) => readonly string[]; prominence: (title: Counted, body: Counted) => Float64Array } | undefined;
  return () => {
    if (index) return index;
    const names: string[][] = [];
    const placeOf = new Map<string, number>();
    for (const place of [...given.map((n) => variantsOf(n)), ...regionNames()]) {
      const known = place.map((n) => placeOf.get(nameKey(n))).find((i) => i !== undefined);
      const at = known ?? names.length;
      if (known === undefined) names.push([]);
      for (const name of place) {
        if (placeOf.has(nameKey(name))) continue;
        placeOf.set(nameKey(name), at);
        (names[at] as string[]).push(name);
      }
    }
    const patterns = placePatterns(names.flat());
    index = {
      names,
      /** Every name of the place one of whose names this is; none when it names no place. */
      place: (name) => {
        const at = placeOf.get(nameKey(name));
        return at === undefined ? [] : (names[at] as string[]);
      },
      // Occurrences weighted by where they are (`OCCURRENCE`): in the title, the body's lead, the rest.
      prominence: (title, body) => {
        const found = new Float64Array(names.length);
        for (const [text, weight] of [
          [title, OCCURRENCE.title],
          [body, OCCURRENCE.body],
        ] as const) {
          for (const pattern of patterns.cjk && (text.cjk ??= CJK.test(text.text)) ? [patterns.latin, patterns.cjk] : [patterns.latin]) {
            for (const m of text.text.matchAll(pattern)) {
              const place = placeOf.get(nameKey(m[0]));
              if (place === undefined || !onWordEdges(text, m.index, m.index + m[0].length)) continue;
              found[place] = (found[place] as number) + (text === body && m.index < body.leadEnd ? OCCURRENCE.lead : weight);
            }
          }
        }
        return found;
      },
    };
    return index;
  };
}

export interface TopicPlaces {
  /** Each place by all its names (the gazetteer's places and their aliases). */
  places?: readonly (readonly string[])[];
}

/**
 * Compile topics once into a matcher to run on every article. `aliases` maps an entity's
 * canonical name to its other names (the gazetteer); `places` lists the gazetteer's places,
 * which a market guard weighs against the topic's market.
 */
export function compileTopics(topics: readonly TopicInput[], aliases: ReadonlyMap<string, readonly string[]> = new Map(), options: TopicPlaces = {}): TopicMatcher {
  const variantsOf = entityVariants(aliases);
  // Keyed by term and variants: a term compiles once unless two topics give it different aliases.
  const terms = new Map<string, CompiledTerm>();
  const compiled = (name: string, variants: readonly string[]) => {
    const key = `${name}\u0000${variants.join('\u0000')}`;
    let found = terms.get(key);
    if (!found) {
      found = compileTerm(name, variants);
      terms.set(key, found);
    }
    return found;
  };
  const placeIndex = lazyPlaces(options.places ?? [], variantsOf);

  const compiledTopics: CompiledTopic[] = [...topics]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map(({ slug, match }) => {
      // A name is one term's: a name the topic lists as a term of its own is left to that term,
      // and an entity name two terms share ("Qwen 2.5", for Qwen and Tongyi Qianwen) to the first.
      const claimed = new Set([...match.all, ...match.any, ...match.none].flatMap((spec) => termForms(spec).forms.map((f) => f.toLowerCase())));
      const term = (spec: TermSpec) => {
        const { name, forms } = termForms(spec);
        const own = new Set(forms.map((f) => f.toLowerCase()));
        const variants = variantsOf(forms).filter((v) => own.has(v.toLowerCase()) || !claimed.has(v.toLowerCase()));
        for (const v of variants) claimed.add(v.toLowerCase());
        return compiled(name, variants);
      };
      const anyTerms = [...new Map(match.any.map((spec) => [termForms(spec).name, spec])).values()].map(term);
      // A market is also named by every name of the place it is ("India" finds "印度").
      const marketVariants = (spec: TermSpec) => {
        const variants = variantsOf(termForms(spec).forms);
        return [...new Set([...variants, ...variants.flatMap((v) => placeIndex().place(v))])];
      };
      const marketTerm = (spec: TermSpec) => compiled(termForms(spec).name, marketVariants(spec));
      const market = match.market === undefined ? null : marketTerm(match.market);
      const guarded = market !== null || match.excludeMarkets.length > 0;
      return {
        slug,
        all: match.all.map(term),
        any: anyTerms,
        none: match.none.map(term),
        needed: Math.min(match.threshold, anyTerms.length * WEIGHT.title),
        market,
        excluded: match.excludeMarkets.map(marketTerm),
        guard: guarded ? { marketNames: new Set(match.market === undefined ? [] : marketVariants(match.market).map((v) => v.toLowerCase())) } : null,
      };
    });
  /**
   * The topic's market is a subject of the article and named at least as prominently as any other
   * place, and no market it excludes leads the article (ties go to the exclusion).
   */
  const marketGuardPasses = (topic: CompiledTopic, guard: NonNullable<CompiledTopic['guard']>, prominence: (t: CompiledTerm) => number, subject: (t: CompiledTerm) => boolean, places: Float64Array): boolean => {
    guard.isMarket ??= Uint8Array.from(placeIndex().names, (place) => (place.some((n) => guard.marketNames.has(n.toLowerCase())) ? 1 : 0));
    const isMarket = guard.isMarket;
    let rival = 0;
    places.forEach((value, i) => {
      if (!isMarket[i] && value > rival) rival = value;
    });
    const own = topic.market ? prominence(topic.market) : 0;
    if (topic.market && (!subject(topic.market) || own < rival)) return false;
    return !topic.excluded.some((t) => prominence(t) > 0 && prominence(t) >= Math.max(rival, own));
  };

  return (article) => {
    // The lead (the first sentences of running text), then the rest (headings included).
    const lead = article.sentences.filter((s) => !s.heading).slice(0, LEAD_SENTENCES);
    const leadText = lead.map((s) => s.text).join('\n');
    const restText = article.sentences.filter((s) => !lead.includes(s)).map((s) => s.text).join('\n');
    const body: Counted = { text: `${leadText}\n${restText}`, leadEnd: leadText.length + 1, edges: null };
    const title: Counted = { text: article.title, leadEnd: 0, edges: null };
    // Counted on first use: a topic whose `all` term is missing costs one scan, not one per term.
    const counts = new Map<CompiledTerm, { title: number; lead: number; body: number }>();
    const countOf = (t: CompiledTerm) => {
      let count = counts.get(t);
      if (!count) {
        const inBody = countTerm(t, body);
        const inTitle = countTerm(t, title);
        count = { title: inTitle.lead + inTitle.rest, lead: inBody.lead, body: inBody.rest };
        counts.set(t, count);
      }
      return count;
    };
    const found = (t: CompiledTerm) => {
      const count = countOf(t);
      return count.title + count.lead + count.body > 0;
    };
    const weight = (t: CompiledTerm): number => {
      const count = countOf(t);
      if (count.title > 0) return WEIGHT.title;
      if (count.lead > 0 || count.body >= SUBJECT_COUNT) return WEIGHT.subject;
      return count.body > 0 ? WEIGHT.mention : 0;
    };
    const isSubject = (t: CompiledTerm) => weight(t) >= WEIGHT.subject;
    const prominence = (t: CompiledTerm): number => {
      const count = countOf(t);
      return OCCURRENCE.title * count.title + OCCURRENCE.lead * count.lead + OCCURRENCE.body * count.body;
    };

    // Each place's prominence in the article, made when a market guard first needs it.
    let places: Float64Array | undefined;
    const matches: TopicMatch[] = [];
    for (const topic of compiledTopics) {
      if (topic.all.length === 0 && topic.any.length === 0) continue;
      if (!topic.all.every(isSubject) || topic.none.some(found)) continue;
      const anyFound = topic.any.filter(found);
      if (anyFound.reduce((sum, t) => sum + weight(t), 0) < topic.needed) continue;
      if (topic.guard) {
        places ??= placeIndex().prominence(title, body);
        if (!marketGuardPasses(topic, topic.guard, prominence, isSubject, places)) continue;
      }
      const evidence = [...new Set([...topic.all, ...anyFound])];
      const weighted = evidence.reduce((sum, t) => sum + prominence(t), 0);
      matches.push({
        topic: topic.slug,
        score: Math.round((evidence.length + Math.log1p(weighted)) * 1000) / 1000,
        terms: evidence
          .map((t) => {
            const count = countOf(t);
            return { term: t.term, count: count.title + count.lead + count.body };
          })
          .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)),
      });
    }
    return matches;
  };
}

/**
 * Matchers of recent calls by topic list: the pipeline calls `matchTopics` once per article with
 * the same topics and aliases, and compiles them only the first time.
 */
const compiledFor = new WeakMap<readonly TopicInput[], { aliases: ReadonlyMap<string, readonly string[]> | undefined; places: TopicPlaces['places']; matcher: TopicMatcher }>();

/** The topics an article belongs to, sorted by topic slug, each with its score and evidence. */
export function matchTopics(
  article: ArticleInput,
  topics: readonly TopicInput[],
  aliases?: ReadonlyMap<string, readonly string[]>,
  options: TopicPlaces = {},
): TopicMatch[] {
  let cached = compiledFor.get(topics);
  if (!cached || cached.aliases !== aliases || cached.places !== options.places) {
    cached = { aliases, places: options.places, matcher: compileTopics(topics, aliases, options) };
    compiledFor.set(topics, cached);
  }
  return cached.matcher(article);
}
