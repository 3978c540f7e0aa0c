/**
 * Running the real pipeline, in this process, over a folder laid out like `content/`: the user's
 * configuration loaded and validated by the same code as a build (`loadConfig`), every article
 * read, cleaned, analysed and briefed by `runPipeline`, no cache and nothing written to disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadConfig, type ContentPaths, type LoadedConfig } from '../../src/config/load.ts';
import { formatDiagnostic } from '../../src/astro/build-content.ts';
import { buildBriefing, storyRepresentatives } from '../../src/pipeline/brief/index.ts';
import { runPipeline, type PipelineOutput } from '../../src/pipeline/index.ts';
import type { Slug, Topic } from '../../src/core/types.ts';
import { ALL_ARTICLES, predictionFrom, type Prediction } from './prediction.ts';

export interface EvalPaths {
  articles: string;
  topics: string;
  /** The entities file (overrides); a path that does not exist means none. */
  entities: string;
  manifest?: string;
}

/** The files a build would read as articles: text, Markdown and HTML, README files left out. */
const ARTICLE_FILE = /\.(?:txt|md|markdown|html?)$/;

function articleFiles(dir: string): { file: string; bytes: Uint8Array }[] {
  const found: { file: string; bytes: Uint8Array }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (name.startsWith('.')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (ARTICLE_FILE.test(name) && !/^readme\b/i.test(name)) found.push({ file: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return found;
}

export interface EvalRun {
  config: LoadedConfig;
  output: PipelineOutput;
  prediction: Prediction;
  /** Wall-clock milliseconds of `runPipeline`, and the files it was given. */
  ms: number;
  articleCount: number;
}

/** A topic holding every article: its briefing's facts are scored apart from topic assignment. */
const allArticlesTopic: Topic = {
  slug: ALL_ARTICLES,
  file: `${ALL_ARTICLES}.md`,
  title: 'Every article',
  description: '',
  order: 0,
  match: { any: [], all: [], none: [], threshold: 0, excludeMarkets: [] },
  charts: [],
  intro: { type: 'root', children: [] },
};

export function runEval(paths: EvalPaths): EvalRun {
  const contentPaths: ContentPaths = {
    root: paths.articles,
    articles: paths.articles,
    topics: paths.topics,
    manifest: paths.manifest ?? join(paths.articles, 'manifest.json'),
    entities: paths.entities,
    site: join(paths.articles, '.no-site-config.json'),
  };
  const config = loadConfig(contentPaths);
  const errors = config.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the configuration has errors:\n${errors.map(formatDiagnostic).join('\n')}`);
  if (!existsSync(paths.articles)) throw new Error(`no such folder: ${paths.articles}`);
  const files = articleFiles(paths.articles);

  const start = performance.now();
  // Output files are made and dropped: what is measured is the pipeline, not the disk.
  const output = runPipeline({ files, manifest: config.manifest, topics: config.topics, entities: config.entities, site: config.site, base: '/', write: () => {} });
  const ms = performance.now() - start;

  const representatives = storyRepresentatives(output.articles, output.duplicates);
  const everyArticle = output.articles.map((article) => ({ ...article, topics: [...article.topics, { topic: ALL_ARTICLES, score: 1, terms: [] }] }));
  const briefing = buildBriefing(allArticlesTopic, everyArticle, { representatives });
  const prediction = predictionFrom({ output, allArticles: briefing, representatives: representatives as ReadonlyMap<Slug, Slug> });
  return { config, output, prediction, ms, articleCount: files.length };
}
