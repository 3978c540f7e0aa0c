/**
 * The Briefings pipeline, stage by stage:
 *
 *   read → clean → analyse → brief → emit
 *
 * Each stage is a pure function over typed records (see `types.ts`); this file only wires them.
 * Reading files from disk and writing the generated folder happen at the edges, in the Astro
 * integration, so the whole pipeline can be tested without touching the file system.
 */
import type { ArticleMeta, EntityConfig, SiteConfig } from '../config/schema.ts';
import { analyseArticle } from './analyse/index.ts';
import { findNearDuplicates } from './analyse/duplicates.ts';
import { compileGazetteer, subjectAliases } from './analyse/entities.ts';
import { buildBriefing, duplicateRepresentatives } from './brief/index.ts';
import { assignSlugs, cleanArticle } from './clean/index.ts';
import { emitFiles, type OutputFile } from './emit/index.ts';
import { normaliseBase } from './paths.ts';
import { readArticle } from './read/index.ts';
import type { AnalysedArticle, Diagnostic, Duplicate, RawDoc, Slug, Topic, TopicBriefing } from './types.ts';

export interface PipelineInput {
  /** Article files: path under `content/articles/` and bytes. */
  files: { file: string; bytes: Uint8Array }[];
  manifest: Record<string, ArticleMeta>;
  topics: Topic[];
  entities: EntityConfig[];
  site: SiteConfig;
  /** The site's base path, `/` or `/briefs/`. */
  base?: string;
}

export interface PipelineOutput {
  articles: AnalysedArticle[];
  duplicates: Map<Slug, Duplicate[]>;
  briefings: TopicBriefing[];
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, for the build summary and the benchmark. */
  timings: Record<'read' | 'clean' | 'analyse' | 'brief' | 'emit', number>;
}

function timed<T>(timings: Partial<PipelineOutput['timings']>, stage: keyof PipelineOutput['timings'], run: () => T): T {
  const start = performance.now();
  const result = run();
  timings[stage] = performance.now() - start;
  return result;
}

export function runPipeline(input: PipelineInput): PipelineOutput {
  const base = normaliseBase(input.base);
  const timings: Partial<PipelineOutput['timings']> = {};
  const diagnostics: Diagnostic[] = [];
  const files = [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const docs = timed(timings, 'read', () =>
    files.flatMap(({ file, bytes }): RawDoc[] => {
      const result = readArticle(file, bytes);
      diagnostics.push(...result.diagnostics);
      return result.doc ? [result.doc] : [];
    }),
  );

  const articles = timed(timings, 'clean', () => {
    const cleaned = docs.flatMap((doc) => {
      try {
        const article = cleanArticle(doc, input.manifest[doc.file]);
        diagnostics.push(...article.warnings);
        return [article];
      } catch (error) {
        diagnostics.push({ file: doc.file, severity: 'error', message: `could not be cleaned: ${(error as Error).message}` });
        return [];
      }
    });
    return assignSlugs(cleaned);
  });

  const gazetteer = compileGazetteer(input.entities);
  const aliases = new Map(input.entities.map((e) => [e.name, e.aliases]));
  const context = { base, gazetteer, subjects: subjectAliases(gazetteer), topics: input.topics, aliases };
  const { analysed, duplicates } = timed(timings, 'analyse', () => {
    const analysed = articles.map((article) => analyseArticle(article, context));
    return { analysed, duplicates: findNearDuplicates(analysed) };
  });

  const briefings = timed(timings, 'brief', () => {
    const representatives = duplicateRepresentatives(analysed, duplicates);
    return input.topics.map((topic) => buildBriefing(topic, analysed, { base, representatives }));
  });

  const output = timed(timings, 'emit', () =>
    emitFiles({ base, articles: analysed, duplicates, topics: input.topics, briefings, diagnostics }),
  );

  return { articles: analysed, duplicates, briefings, files: output, diagnostics, timings: timings as PipelineOutput['timings'] };
}
