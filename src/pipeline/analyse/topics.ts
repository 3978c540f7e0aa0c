/**
 * Which topics an article belongs to, and why. Topics are data (`content/topics/*.md`): an article
 * belongs when every `all` term appears, no `none` term appears and at least `threshold` distinct
 * `any` terms appear. The result lists each matched term with its count, so a page can show the
 * evidence.
 *
 * How a term matches:
 * - as a whole word or phrase (no letter or digit on either side; any run of white space between
 *   the words of a phrase), ignoring case;
 * - except short all-caps terms ("AI", "IDC", "US"), which match only in capitals: "ai" in "said"
 *   is excluded by word boundaries, but "ai" or "us" as words are not the acronym either;
 * - CJK characters have no spaces around words, so a term's CJK edge needs no boundary;
 * - a term that names a gazetteer entity also matches the entity's aliases ("Alibaba" finds
 *   "阿里巴巴"); the longest variant wins where two overlap ("Alibaba Group" counts once). An
 *   alias that the topic lists as a term of its own ("Qwen" and its alias "Tongyi Qianwen") is
 *   left to that term, so one mention is never two distinct terms. A term inside another term
 *   counts for both ("Greater China" is also a mention of China).
 *
 * Score: 1 per distinct matched term (`all` and `any`), plus ln(1 + occurrences), where an
 * occurrence in the title counts 3 times. Breadth of evidence dominates; repetition adds slowly.
 *
 * Every distinct term of all topics is compiled once into regular expressions and counted at most
 * once per article, when a topic first needs it, however many topics use it.
 */
import type { Article, Topic, TopicMatch } from '../types.ts';

type TopicInput = Pick<Topic, 'slug' | 'match'>;
type ArticleInput = Pick<Article, 'title' | 'sentences'>;
export type TopicMatcher = (article: ArticleInput) => TopicMatch[];

/** Occurrences in the title count this many times in a score: a headline states the subject. */
const TITLE_WEIGHT = 3;
/** "AI", "IDC", "U.S.", "OPPO": capitals (and digits or dots), at most five characters. */
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}.&-]{1,5}$/u;
const UNSPACED_SCRIPTS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const UNSPACED = new RegExp(`[${UNSPACED_SCRIPTS}]`, 'v');
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A letter or digit of a spaced script: what may not touch a term's Latin edge. A CJK character
 * may ("新一代AI大模型"), as CJK text puts no space around a Latin word. */
const SPACED_WORD_CHAR = `[[\\p{L}\\p{N}]--[${UNSPACED_SCRIPTS}]]`;

/** One term, ready to count: its acronym variants and its other variants, one regex each. */
interface CompiledTerm {
  term: string;
  patterns: RegExp[];
}

interface CompiledTopic {
  slug: string;
  all: CompiledTerm[];
  any: CompiledTerm[];
  none: CompiledTerm[];
  /** Distinct `any` terms needed: the threshold, but never more than the topic lists. */
  needed: number;
}

/** Longest first, so an alternation prefers "Alibaba Group" to "Alibaba" at the same place. */
const longestFirst = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const needsBoundary = (char: string) => WORD_CHAR.test(char) && !UNSPACED.test(char);

/**
 * One alternation of the variants, longest first. The "no letter before" test is written once,
 * ahead of all the variants that need it, and not once per variant: V8 then still skips through
 * the text to the variants' first letters instead of trying the lookbehind at every position.
 */
function variantsSource(variants: readonly string[]): string {
  const bounded: string[] = [];
  const open: string[] = [];
  for (const variant of [...variants].sort(longestFirst)) {
    const body = escape(variant).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
    const source = needsBoundary(variant.slice(-1)) ? `${body}(?!${SPACED_WORD_CHAR})` : body;
    (needsBoundary(variant.charAt(0)) ? bounded : open).push(source);
  }
  const parts = bounded.length > 0 ? [`(?<!${SPACED_WORD_CHAR})(?:${bounded.join('|')})`, ...open] : open;
  return parts.join('|');
}

function compileTerm(term: string, variants: readonly string[]): CompiledTerm {
  const acronyms = variants.filter((v) => ACRONYM.test(v));
  const words = variants.filter((v) => !ACRONYM.test(v));
  const patterns: RegExp[] = [];
  if (acronyms.length > 0) patterns.push(new RegExp(variantsSource(acronyms), 'gv'));
  if (words.length > 0) patterns.push(new RegExp(variantsSource(words), 'giv'));
  return { term, patterns };
}

/** Non-overlapping occurrences of a term: a place matched by both patterns counts once. */
function countTerm(term: CompiledTerm, text: string): number {
  const first = term.patterns[0];
  if (!first) return 0;
  if (term.patterns.length === 1) return (text.match(first) ?? []).length;
  const ranges: [number, number][] = [];
  for (const pattern of term.patterns) for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let count = 0;
  let end = -1;
  for (const [from, to] of ranges) {
    if (from < end) continue;
    count++;
    end = to;
  }
  return count;
}

/**
 * Compile topics once into a matcher to run on every article. `aliases` maps an entity's
 * canonical name to its other names (the gazetteer), looked up regardless of case.
 */
export function compileTopics(topics: readonly TopicInput[], aliases: ReadonlyMap<string, readonly string[]> = new Map()): TopicMatcher {
  const aliasIndex = new Map<string, readonly string[]>();
  for (const [name, names] of aliases) aliasIndex.set(name.toLowerCase(), names);
  // Keyed by term and variants: a term compiles once unless two topics give it different aliases.
  const terms = new Map<string, CompiledTerm>();
  const compiled: CompiledTopic[] = [...topics]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map(({ slug, match }) => {
      const listed = new Set([...match.all, ...match.any, ...match.none].map((t) => t.trim().toLowerCase()));
      const term = (text: string) => {
        const own = text.trim().toLowerCase();
        const variants = [...new Set([text, ...(aliasIndex.get(own) ?? [])].map((v) => v.trim()))].filter(
          (v) => v !== '' && (v.toLowerCase() === own || !listed.has(v.toLowerCase())),
        );
        const key = `${text}\u0000${variants.join('\u0000')}`;
        let found = terms.get(key);
        if (!found) {
          found = compileTerm(text, variants);
          terms.set(key, found);
        }
        return found;
      };
      return {
        slug,
        all: match.all.map(term),
        any: [...new Set(match.any)].map(term),
        none: match.none.map(term),
        needed: Math.min(match.threshold, new Set(match.any).size),
      };
    });

  return (article) => {
    const body = article.sentences.map((s) => s.text).join('\n');
    // Counted on first use: a topic whose `all` term is missing costs one scan, not one per term.
    const counts = new Map<CompiledTerm, { body: number; title: number }>();
    const countOf = (t: CompiledTerm) => {
      let count = counts.get(t);
      if (!count) {
        count = { body: countTerm(t, body), title: countTerm(t, article.title) };
        counts.set(t, count);
      }
      return count;
    };
    const found = (t: CompiledTerm) => {
      const count = countOf(t);
      return count.body + count.title > 0;
    };

    const matches: TopicMatch[] = [];
    for (const topic of compiled) {
      if (topic.all.length === 0 && topic.any.length === 0) continue;
      if (!topic.all.every(found) || topic.none.some(found)) continue;
      const anyFound = topic.any.filter(found);
      if (anyFound.length < topic.needed) continue;
      const evidence = [...new Set([...topic.all, ...anyFound])];
      let weighted = 0;
      for (const t of evidence) {
        const count = countOf(t);
        weighted += count.body + TITLE_WEIGHT * count.title;
      }
      matches.push({
        topic: topic.slug,
        score: Math.round((evidence.length + Math.log1p(weighted)) * 1000) / 1000,
        terms: evidence
          .map((t) => {
            const count = countOf(t);
            return { term: t.term, count: count.body + count.title };
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
const compiledFor = new WeakMap<readonly TopicInput[], { aliases: ReadonlyMap<string, readonly string[]> | undefined; matcher: TopicMatcher }>();

/** The topics an article belongs to, sorted by topic slug, each with its score and evidence. */
export function matchTopics(
  article: ArticleInput,
  topics: readonly TopicInput[],
  aliases?: ReadonlyMap<string, readonly string[]>,
): TopicMatch[] {
  let cached = compiledFor.get(topics);
  if (!cached || cached.aliases !== aliases) {
    cached = { aliases, matcher: compileTopics(topics, aliases) };
    compiledFor.set(topics, cached);
  }
  return cached.matcher(article);
}
