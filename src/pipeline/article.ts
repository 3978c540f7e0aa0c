/**
 * One article file through the per-article stages, read and clean, up to the proof that its page
 * compiles; and what its analysis reads of the configuration.
 */
import type { ArticleMeta, EntityConfig } from '../config/schema.ts';
import type { Article, ArticleFile, Diagnostic, Topic } from '../core/types.ts';
import type { AnalyseContext } from './analyse/index.ts';
import { compileGazetteer, subjectAliases } from './analyse/entities.ts';
import { cleanArticle } from './clean/index.ts';
import { withCompilingPage } from './emit/page-check.ts';
import type { Stage } from './index.ts';
import { readArticle } from './read/index.ts';

/** Runs `run`, its time counted to `stage`. */
export type Timer = <T>(stage: Stage, run: () => T) => T;

/** Source positions serve only the reader's line numbers: nothing after cleaning reads them, and they are half a tree's size. */
function dropPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  for (const child of node.children ?? []) dropPositions(child as { position?: unknown; children?: unknown[] });
}

/** Read and clean one file, and prove its page compiles (`withCompilingPage`): the article, or null and why. */
export function prepareArticle(file: ArticleFile, meta: ArticleMeta | undefined, time: Timer = (_, run) => run()): { diagnostics: Diagnostic[]; article: Article | null } {
  const read = time('read', () => readArticle(file.file, file.bytes));
  const { doc } = read;
  if (!doc) return { diagnostics: read.diagnostics, article: null };
  return time('clean', () => {
    try {
      const cleaned = cleanArticle(doc, meta);
      const { article, diagnostics } = withCompilingPage(cleaned);
      if (article) dropPositions(article.tree);
      return { diagnostics: [...read.diagnostics, ...cleaned.warnings, ...diagnostics], article };
    } catch (error) {
      return { diagnostics: [...read.diagnostics, { file: doc.file, severity: 'error', message: `could not be cleaned: ${(error as Error).message}` }], article: null };
    }
  });
}

/** What every article's analysis reads of the configuration, compiled once. */
export function analyseContext(topics: Topic[], entities: EntityConfig[], gazetteer = compileGazetteer(entities)): AnalyseContext {
  const places = entities.filter((e) => e.type === 'place').map((e) => [e.name, ...e.aliases]);
  return { gazetteer, subjects: subjectAliases(gazetteer), topics, aliases: new Map(entities.map((e) => [e.name, e.aliases])), places };
}
