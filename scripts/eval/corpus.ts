/**
 * What can be measured on a real corpus without labels: how many facts of a topic's table have a
 * subject and a measure, whether flagged near-duplicates really share text, and how long the
 * pipeline takes. Pure functions over the pipeline's output.
 *
 * "Really share text" is a rule independent of the pipeline's own near-duplicate search (word
 * pairs, stop words and common phrasing left out, MinHash): two articles share text when at
 * least a fifth of the shorter one's 5-word sequences are found in the other. Five words in the
 * same order are rarely written twice by chance, so a copy or a light rewrite keeps many of
 * them and two reports of one event keep few.
 */
import type { PipelineOutput } from '../../src/pipeline/index.ts';
import type { AnalysedArticle, Fact } from '../../src/core/types.ts';

export const SEQUENCE_WORDS = 5;
export const SHARED_TEXT = 0.2;

/** Words: runs of letters and digits, and each Chinese or Japanese character on its own. */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]]+/gv;

export function wordSequences(text: string, size = SEQUENCE_WORDS): Set<string> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const sequences = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) sequences.add(words.slice(i, i + size).join(' '));
  return sequences;
}

/** The share of the shorter text's word sequences found in the other (0 when either has none). */
export function sharedText(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (shorter.size === 0) return 0;
  let found = 0;
  for (const sequence of shorter) if (longer.has(sequence)) found++;
  return found / shorter.size;
}

export interface FlaggedPair {
  a: string;
  b: string;
  /** The pipeline's similarity. */
  similarity: number;
  /** The share of the shorter article's 5-word sequences found in the other. */
  shared: number;
}

export interface TopicFacts {
  topic: string;
  articles: number;
  /** Distinct stories, as the briefing counts them. */
  coverage: number;
  facts: number;
  /** Facts with a subject and a measure: those a comparison table can show. */
  described: number;
  agree: number;
  /** `agree` facts whose articles all share text with one another: copies, not corroboration. */
  agreeOnCopies: number;
}

export interface CorpusReport {
  articles: number;
  flagged: FlaggedPair[];
  topics: TopicFacts[];
}

const textOf = (article: AnalysedArticle) => article.sentences.map((s) => s.text).join(' ');

export function corpusReport(output: PipelineOutput): CorpusReport {
  const bySlug = new Map<string, AnalysedArticle>(output.articles.map((article) => [article.slug, article]));
  const sequences = new Map<string, Set<string>>();
  const sequencesOf = (slug: string) => {
    let found = sequences.get(slug);
    if (!found) {
      const article = bySlug.get(slug);
      found = article ? wordSequences(textOf(article)) : new Set();
      sequences.set(slug, found);
    }
    return found;
  };
  const shares = (a: string, b: string) => sharedText(sequencesOf(a), sequencesOf(b));

  const flagged: FlaggedPair[] = [];
  for (const [slug, duplicates] of output.duplicates) {
    for (const duplicate of duplicates) {
      if (slug < duplicate.slug) flagged.push({ a: slug, b: duplicate.slug, similarity: duplicate.similarity, shared: shares(slug, duplicate.slug) });
    }
  }
  flagged.sort((x, y) => x.shared - y.shared || (x.a < y.a ? -1 : 1));

  /** Whether a fact's articles are one group of text-sharing copies. */
  const onCopies = (fact: Fact) => {
    const slugs = [...new Set(fact.values.flatMap((v) => v.sources.map((s) => s.article as string)))];
    const reached = new Set(slugs.slice(0, 1));
    for (let grew = true; grew; ) {
      grew = false;
      for (const slug of slugs) {
        if (!reached.has(slug) && [...reached].some((other) => shares(slug, other) >= SHARED_TEXT)) {
          reached.add(slug);
          grew = true;
        }
      }
    }
    return reached.size === slugs.length;
  };

  return {
    articles: output.articles.length,
    flagged,
    topics: output.briefings.map((briefing) => ({
      topic: briefing.slug,
      articles: briefing.articles.length,
      coverage: briefing.coverage,
      facts: briefing.facts.length,
      described: briefing.facts.filter((fact) => fact.subject !== null && fact.measure !== null).length,
      agree: briefing.facts.filter((fact) => fact.status === 'agree').length,
      agreeOnCopies: briefing.facts.filter((fact) => fact.status === 'agree' && onCopies(fact)).length,
    })),
  };
}
