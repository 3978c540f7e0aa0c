/**
 * What the pipeline answered, in the plain shape the scorer reads: every figure with its article
 * file and sentence, every quote, topic, near-duplicate pair and story, and the facts and
 * conflicts of the briefings. The scorer never sees the pipeline's own records, so it can be
 * tested on predictions written by hand, and survives changes to fields it does not read.
 */
import type { PipelineOutput } from '../../src/pipeline/index.ts';
import type { Conflict, Fact, Figure, Slug } from '../../src/core/types.ts';

export interface PredictedFigure {
  id: string;
  file: string;
  /** The id of its sentence. */
  sentenceId: string;
  /** Its sentence, verbatim. */
  sentence: string;
  /** The sentence is a heading or list label, where the scorer expects no figures. */
  heading: boolean;
  text: string;
  value: number;
  unit: string;
  subject: string | null;
  measure: string | null;
  period: string | null;
  market: string | null;
}

export interface PredictedQuote {
  file: string;
  text: string;
  speaker: string | null;
}

/** A value of a fact or conflict: a figure, and every sentence that states it. */
export interface PredictedValue {
  id: string;
  text: string;
  value: number;
  sources: { file: string; sentenceId: string }[];
}

export interface PredictedFact {
  /** The briefing it is in: a topic's slug, or `ALL_ARTICLES` for the briefing of every article. */
  topic: string;
  id: string;
  status: string;
  /** Independent stories behind it, when the pipeline says (the data API's `stories`). */
  stories: number | null;
  values: PredictedValue[];
}

export interface PredictedConflict {
  topic: string;
  id: string;
  values: PredictedValue[];
}

export interface Prediction {
  /** Every article file that went through the pipeline. */
  files: string[];
  /** Article file and topic slug, for every topic an article was filed under. */
  topics: [file: string, topic: string][];
  /** Near-duplicate pairs of article files. */
  duplicates: [string, string][];
  /** Groups of two or more article files that the pipeline counts as one story. */
  stories: string[][];
  figures: PredictedFigure[];
  quotes: PredictedQuote[];
  /** Facts and conflicts of one briefing over every article, so that a topic's misses are not a fact's. */
  facts: PredictedFact[];
  conflicts: PredictedConflict[];
  /** Facts of the topics' own briefings, as a reader sees them. */
  topicFacts: PredictedFact[];
}

/** The slug of the briefing over every article that the evaluation adds to the topics. */
export const ALL_ARTICLES = '__eval-all-articles';

export interface PredictionInput {
  output: PipelineOutput;
  /** The briefing over every article, made with the pipeline's own `buildBriefing`. */
  allArticles: { facts: Fact[]; conflicts: Conflict[] };
  /** Each article's story representative (the pipeline's `storyRepresentatives`). */
  representatives: ReadonlyMap<Slug, Slug>;
}

export function predictionFrom({ output, allArticles, representatives }: PredictionInput): Prediction {
  const fileOf = new Map<string, string>(output.articles.map((article) => [article.slug, article.file]));
  const file = (slug: string) => fileOf.get(slug) ?? slug;
  const headings = new Set(output.articles.flatMap((article) => article.sentences.filter((s) => s.heading).map((s) => `${article.file}#${s.id}`)));

  const figures = output.articles.flatMap((article) =>
    article.figures.map((figure): PredictedFigure => {
      const source = figure.sources[0];
      const sentenceId = source?.sentence ?? '';
      return {
        id: figure.id,
        file: article.file,
        sentenceId,
        sentence: source?.quote ?? '',
        heading: headings.has(`${article.file}#${sentenceId}`),
        text: figure.text,
        value: figure.value,
        unit: figure.unit,
        subject: figure.subject,
        measure: figure.measure,
        period: figure.period,
        market: figure.market,
      };
    }),
  );

  const value = (figure: Figure): PredictedValue => ({
    id: figure.id,
    text: figure.text,
    value: figure.value,
    sources: figure.sources.map((source) => ({ file: file(source.article), sentenceId: source.sentence })),
  });
  const fact = (topic: string) => (f: Fact): PredictedFact => {
    const stories = (f as Fact & { stories?: unknown }).stories;
    return { topic, id: f.id, status: f.status, stories: typeof stories === 'number' ? stories : null, values: f.values.map(value) };
  };

  const groups = new Map<string, string[]>();
  for (const article of output.articles) {
    const representative = representatives.get(article.slug) ?? article.slug;
    groups.set(representative, [...(groups.get(representative) ?? []), article.file]);
  }

  const pairs = new Set<string>();
  for (const [slug, duplicates] of output.duplicates) {
    for (const duplicate of duplicates) pairs.add([file(slug), file(duplicate.slug)].sort().join('\n'));
  }

  return {
    files: output.articles.map((article) => article.file),
    topics: output.articles.flatMap((article) => article.topics.filter((m) => m.topic !== ALL_ARTICLES).map((m): [string, string] => [article.file, m.topic])),
    duplicates: [...pairs].map((pair) => pair.split('\n') as [string, string]),
    stories: [...groups.values()].filter((group) => group.length > 1),
    figures,
    quotes: output.articles.flatMap((article) => article.quotes.map((quote) => ({ file: article.file, text: quote.text, speaker: quote.speaker }))),
    facts: allArticles.facts.map(fact(ALL_ARTICLES)),
    conflicts: allArticles.conflicts.map((c) => ({ topic: ALL_ARTICLES, id: c.id, values: c.values.map(value) })),
    topicFacts: output.briefings.flatMap((briefing) => briefing.facts.map(fact(briefing.slug))),
  };
}
