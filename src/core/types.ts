/**
 * The typed records that travel between the pipeline's stages:
 *
 *   RawDoc ──clean──▶ Article ──analyse──▶ AnalysedArticle ──brief──▶ TopicBriefing ──emit──▶ files
 *
 * Field names of the records that reach `dist/data/` follow the static data API in the brief.
 */
import type { Root } from 'mdast';
import type { ArticleMeta, ChartSpec, TopicConfig } from '../config/schema.ts';

/** An article's URL segment: lowercase, unique in the corpus, stable across rebuilds. */
export type Slug = string & { readonly __brand: 'Slug' };
/** A sentence anchor, `s-` plus a hash of its text: links survive edits elsewhere in the article. */
export type SentenceId = string & { readonly __brand: 'SentenceId' };

export type ArticleFormat = 'text' | 'markdown' | 'html';

/** An article file as the pipeline takes it: its path under `content/articles/` (with `/`) and its bytes. */
export interface ArticleFile {
  file: string;
  bytes: Uint8Array;
}

/** A problem found in one input file; `line` where the reader knows it. */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  field?: string;
  severity: 'error' | 'warning';
  message: string;
}

/** One article file as read from disk and parsed to mdast, before any cleaning. */
export interface RawDoc {
  /** Path under `content/articles/`, with `/` separators. */
  file: string;
  format: ArticleFormat;
  /** Hash of the file's bytes: the cache key of everything derived from it. */
  hash: string;
  tree: Root;
  /** Metadata the file itself carries (front matter, HTML `<head>`), already validated. */
  meta: ArticleMeta;
  /** The plain-text reader's title guess: the first line, when it reads like a headline. */
  titleLine?: string;
  warnings: Diagnostic[];
}

export interface Sentence {
  id: SentenceId;
  /** The sentence as it reads on the article page, verbatim. */
  text: string;
  /** Index of the block (paragraph, heading, list item) it belongs to. */
  block: number;
  /** The sentence is part of a heading, not running text. */
  heading: boolean;
}

/** A cleaned article: the tree has `sentence` nodes, and `sentences` lists them in order. */
export interface Article {
  slug: Slug;
  file: string;
  hash: string;
  format: ArticleFormat;
  title: string;
  /** How the title was found: written in the file or manifest, or taken from the first sentence. */
  titleFrom: 'file' | 'manifest' | 'first-line' | 'first-sentence' | 'file-name';
  date: string | null;
  /** The outlet; `null` when neither the file, the manifest nor a link names one. */
  source: string | null;
  /**
   * The byline, as the file, the manifest or a metadata line under the title ("By Jane Doe")
   * gives it; `null` when none does.
   */
  author: string | null;
  url: string | null;
  lang: string;
  tree: Root;
  sentences: Sentence[];
  /** Lines removed as boilerplate, kept so the build can show what cleaning did. */
  removed: string[];
  warnings: Diagnostic[];
}

/**
 * Where a line comes from: an article and one of its sentences. `quote` is the whole sentence,
 * verbatim (for a quotation, the words quoted). No URL: emit makes the sentence a link as the data
 * API gives it (`SourceLink`), under the base path the site is built for.
 */
export interface SourceRef {
  article: Slug;
  sentence: SentenceId;
  quote: string;
}

/** The source of a line that is one sentence, quoted whole. */
export const sourceRef = (article: Pick<Article, 'slug'>, sentence: Pick<Sentence, 'id' | 'text'>): SourceRef => ({ article: article.slug, sentence: sentence.id, quote: sentence.text });

/** A source as the data API and the pages give it: `{ article, quote, path }`, `path` a site path that lands on the sentence. */
export interface SourceLink {
  article: Slug;
  quote: string;
  path: string;
}

/** A record as emit writes it: each `SourceRef` in it (however deep) a `SourceLink`, its other fields in their order. */
export type Linked<T> = T extends SourceRef
  ? { [K in keyof T as K extends 'sentence' ? never : K]: T[K] } & { path: string }
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Linked<U>[]
      : { [K in keyof T]: Linked<T[K]> };

export interface Figure {
  /** Derived from what the figure is (subject, measure, period, market, value, sentence). */
  id: string;
  text: string;
  value: number;
  unit: string;
  subject: string | null;
  measure: string | null;
  period: string | null;
  market: string | null;
  sources: SourceRef[];
}

export interface EntityMention {
  entity: string;
  name: string;
  type: string;
  sentences: SentenceId[];
  /** The other ways the article writes the name ("Shell" for "Royal Dutch Shell"), when there are any. */
  forms?: string[];
}

export interface Quote {
  text: string;
  speaker: string | null;
  sources: SourceRef[];
}

export interface TimelineEvent {
  date: string;
  /** Whether the date was read exactly ("February 13, 2025") or resolved from "in December". */
  approximate: boolean;
  /** How precise the date is: a day, a month, a quarter or a year. */
  precision: 'day' | 'month' | 'quarter' | 'year';
  /** The words the date came from. */
  when: string;
  text: string;
  sources: SourceRef[];
}

export interface TopicMatch {
  topic: string;
  score: number;
  /** Terms that matched with their counts: why the article is in the topic. */
  terms: { term: string; count: number }[];
}

/** A running-text sentence as the key points see it (`analyse/terms.ts`). */
export interface SentenceTerms {
  /** The sentence's index in the article's `sentences`. */
  sentence: number;
  /** Its stemmed content words, in order, joined by single spaces (words never hold one). */
  stems: string;
  /** A statement (not a question or a call to action): it may corroborate another sentence. */
  statement: boolean;
  /** It may be a key point itself. */
  candidate: boolean;
  /** It opens with a definite description ("The handset…") that refers to something named before. */
  refersBack: boolean;
}

export interface AnalysedArticle extends Article {
  figures: Figure[];
  entities: EntityMention[];
  quotes: Quote[];
  events: TimelineEvent[];
  topics: TopicMatch[];
  /** Its running-text sentences' terms, for the key points of its topics (none without a topic). */
  terms: SentenceTerms[];
}

export interface Duplicate {
  slug: Slug;
  similarity: number;
}

export interface Topic extends TopicConfig {
  slug: string;
  file: string;
  /** The editor's introduction: the topic file's Markdown body, as mdast. */
  intro: Root;
}

export interface Point {
  text: string;
  score: number;
  sources: SourceRef[];
}

/** A figure as one of a fact's values (see `brief/facts.ts`). */
export interface FactValue extends Figure {
  /** Independent stories reporting this value or one equal to it after rounding (`brief/stories.ts`). */
  stories: number;
  /** Written less precisely than another value of the fact it agrees with ("11%" beside "11.1%"). */
  rounded: boolean;
}

export interface Conflict {
  id: string;
  subject: string | null;
  measure: string | null;
  period: string | null;
  market: string | null;
  values: FactValue[];
}

/** One fact: figures with the same subject, measure, period, market and unit, from every source. */
export interface Fact {
  id: string;
  subject: string | null;
  measure: string | null;
  period: string | null;
  market: string | null;
  unit: string;
  /** `agree` only when two or more independent stories report it and no independent source differs. */
  status: 'agree' | 'differ' | 'single';
  /** Independent stories behind it: near-duplicates, and articles of one outlet, count once. */
  stories: number;
  /** Its values agree only once rounded to the precision each is written with. */
  rounded: boolean;
  values: FactValue[];
}

export interface Chart {
  id: string;
  title: string;
  type: ChartSpec['type'];
  unit: string;
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  sources: SourceRef[];
  /** Per label, the sources of that data point. */
  pointSources: SourceRef[][];
}

export interface TopicArticle {
  slug: Slug;
  title: string;
  date: string | null;
  source: string | null;
  score: number;
  terms: TopicMatch['terms'];
  /** Set when this article is one story with another in the topic (its near-duplicate, or its outlet's re-run): counted once. */
  duplicateOf: Slug | null;
}

/** A value of a fact as one article reports it, with the sentence it is in. */
export interface ArticleValue extends SourceRef {
  value: number;
  /** As written: "HK$124.3". */
  text: string;
}

/** A fact an article reports with another value than the latest earlier article (`brief/updates.ts`). */
export interface Revision {
  fact: string;
  from: ArticleValue;
  to: ArticleValue;
}

/**
 * What one article added to its topic (`brief/updates.ts`): the facts it was the first to
 * report, the facts it revised, and the speakers it was the first to quote. An article that
 * added none of these has no update.
 */
export interface TopicUpdate {
  article: Slug;
  date: string | null;
  /** No date: it comes after every dated article, and revises nothing. */
  undated: boolean;
  /** Ids of the briefing's `facts`. */
  added: string[];
  revised: Revision[];
  speakers: string[];
}

export interface TopicBriefing {
  slug: string;
  title: string;
  description: string;
  articles: TopicArticle[];
  /** Distinct stories: articles less near-duplicates and outlets' re-runs (`brief/stories.ts`). */
  coverage: number;
  points: Point[];
  facts: Fact[];
  figures: Figure[];
  conflicts: Conflict[];
  timeline: TimelineEvent[];
  quotes: Quote[];
  charts: Chart[];
  sources: { source: string | null; articles: Slug[] }[];
  /** What each article added, newest first. */
  updates: TopicUpdate[];
}
