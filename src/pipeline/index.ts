/**
 * The Briefings pipeline, stage by stage:
 *
 *   read → clean → analyse → brief → emit
 *
 * Each stage is a pure function over the records of `src/core/types.ts`; this file only wires
 * them, and touches neither the disk nor Astro. Read, clean and analyse are a map over the article
 * files (an article depends on no other); slugs, entity names and near-duplicates are then settled
 * over the corpus, each topic's briefing is a reduce over its articles, and emit makes files of the
 * records. A rebuild runs this same wiring with some steps taken from earlier builds (`Steps`,
 * given by `src/incremental/`), and so gives the same output.
 */
import type { ArticleMeta, EntityConfig, SiteConfig } from '../config/schema.ts';
import type { AnalysedArticle, ArticleFile, Diagnostic, Duplicate, Slug, Topic, TopicBriefing } from '../core/types.ts';
import { normaliseBase } from '../core/urls.ts';
import { analyseArticle, relinkAnalysis, type AnalyseContext } from './analyse/index.ts';
import { duplicateSignals, searchNearDuplicates, type DuplicateSignals } from './analyse/duplicates.ts';
import { compileGazetteer, consolidateEntities, type Consolidation, type Gazetteer } from './analyse/entities.ts';
import { analyseContext, prepareArticle, type Timer } from './article.ts';
import { buildBriefing, storyRepresentatives, type BriefOptions } from './brief/index.ts';
import { assignSlugs } from './clean/index.ts';
import { emitFiles, type EmittedFile, type OutputFile } from './emit/index.ts';

export type Stage = 'read' | 'clean' | 'analyse' | 'brief' | 'emit';

export interface PipelineInput {
  files: ArticleFile[];
  manifest: Record<string, ArticleMeta>;
  topics: Topic[];
  entities: EntityConfig[];
  site: SiteConfig;
  /** The site's base path, `/` or `/briefs/`, which emit's links carry. */
  base?: string;
  /** Hears how far a long stage has come, for progress on large corpora. */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Takes each output file as emit hands it out (the caller writes it), and `files` is then empty: a large corpus's output is never in memory at once. */
  write?: (file: EmittedFile) => void;
}

export interface PipelineOutput {
  articles: AnalysedArticle[];
  duplicates: Map<Slug, Duplicate[]>;
  briefings: TopicBriefing[];
  /** The output files; empty when `input.write` took them. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, for the build report and the benchmark. */
  timings: Record<Stage, number>;
}

export type { Timer };

/** One article file, read, cleaned and analysed: its problems, and the article unless it was refused. */
export interface ArticleResult {
  diagnostics: Diagnostic[];
  /** Under the slug its title gives; slugs are made unique over the corpus after. */
  article: AnalysedArticle | null;
}

/**
 * The steps a rebuild may take from earlier builds instead of making (`src/incremental/`): each
 * replacement must give what the step here gives.
 */
export interface Steps {
  /** Read, clean and analyse one file: a map, which looks at no other file. */
  article(file: ArticleFile, meta: ArticleMeta | undefined, context: AnalyseContext, time: Timer): ArticleResult;
  /** One entity per name over the corpus, once slugs are unique: changes the articles in place, and says which. */
  consolidate(articles: AnalysedArticle[], gazetteer: Gazetteer): Consolidation;
  /** What the near-duplicate search needs of one article. */
  signals(article: AnalysedArticle): DuplicateSignals;
  /** A topic's briefing: a reduce over the articles in it. */
  briefing(topic: Topic, articles: AnalysedArticle[], options: BriefOptions): TopicBriefing;
}

export const steps: Steps = {
  article(file, meta, context, time) {
    const { diagnostics, article } = prepareArticle(file, meta, time);
    return { diagnostics, article: article && time('analyse', () => analyseArticle(article, context)) };
  },
  consolidate: consolidateEntities,
  signals: (article) => duplicateSignals(article),
  briefing: buildBriefing,
};

/** Slugs made unique over the corpus (`assignSlugs`); an article whose slug changed has its sources name the new one. */
function uniqueSlugs(articles: AnalysedArticle[]): AnalysedArticle[] {
  const given = articles.map((article) => article.slug);
  assignSlugs(articles);
  articles.forEach((article, i) => article.slug !== given[i] && Object.assign(article, relinkAnalysis(article, article.slug)));
  return articles;
}

export function runPipeline(input: PipelineInput, using: Partial<Steps> = {}): PipelineOutput {
  const step: Steps = { ...steps, ...using };
  const timings: Record<Stage, number> = { read: 0, clean: 0, analyse: 0, brief: 0, emit: 0 };
  const time: Timer = (stage, run) => {
    const start = performance.now();
    try {
      return run();
    } finally {
      timings[stage] += performance.now() - start;
    }
  };
  const progress = (stage: string, done: number, total: number) => (done % 250 === 0 || done === total) && input.onProgress?.(stage, done, total);
  const gazetteer = compileGazetteer(input.entities);
  const context = analyseContext(input.topics, input.entities, gazetteer);

  // read → clean → analyse, article by article, in file-name order.
  const files = [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const results = files.map((file, i) => {
    progress('read, clean, analyse', i + 1, files.length);
    return step.article(file, input.manifest[file.file], context, time);
  });
  const diagnostics = results.flatMap((result) => result.diagnostics);

  // Over the corpus: unique slugs, one entity per name, near-duplicates.
  const articles = uniqueSlugs(results.flatMap((result) => (result.article ? [result.article] : [])));
  time('analyse', () => step.consolidate(articles, gazetteer));
  const duplicates = time('analyse', () => searchNearDuplicates(articles, undefined, { signals: (i) => step.signals(articles[i] as AnalysedArticle) }).duplicates);

  // brief: one briefing per topic. A topic is a long step at scale: progress shows as each begins.
  const briefings = time('brief', () => {
    const options = { representatives: storyRepresentatives(articles, duplicates), aliases: context.aliases };
    return input.topics.map((topic, i) => {
      input.onProgress?.('brief', i, input.topics.length);
      const briefing = step.briefing(topic, articles, options);
      if (i === input.topics.length - 1) input.onProgress?.('brief', i + 1, input.topics.length);
      return briefing;
    });
  });

  // emit: pages, data and views, each source a link under the base path.
  const emitted = time('emit', () =>
    emitFiles(
      {
        base: normaliseBase(input.base),
        articles,
        duplicates,
        topics: input.topics,
        briefings,
        diagnostics,
        entityAliases: new Map(gazetteer.entities.map((e) => [e.slug, e.aliases])),
        onArticle: (done, total) => progress('emit', done, total),
      },
      input.write,
    ),
  );
  return { articles, duplicates, briefings, files: emitted, diagnostics, timings };
}
