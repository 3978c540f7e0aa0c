/**
 * The pipeline's run over a project, at the edges: read `content/`, run the pipeline, write the
 * generated folder and its cache, and report.
 *
 * A build runs it in a process of its own (`buildContentApart`, this file as a script): a run
 * over 5,000 articles leaves over a gigabyte of heap behind in the process that ran it, and Astro
 * builds the pages after it. Tests and tools call `buildContent` directly.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { contentPaths, loadConfig } from '../config/load.ts';
import { generatedDir } from '../config/paths.ts';
import { runPipeline, type CacheStats, type PipelineInput, type PipelineOutput, type Stage } from '../pipeline/index.ts';
import type { Diagnostic } from '../core/types.ts';
import { fillCacheInParallel, type CacheFill } from '../incremental/worker-fill.ts';
import { codeDigest, generatedWriter, listArticleFiles, openCache } from '../io/generated-writer.ts';
import { progressLine } from '../io/progress.ts';

/** Inside the generated folder, kept from build to build: the pipeline's cache and the build report. */
export const CACHE_DIR = 'cache';
export const REPORT_FILE = 'build-report.json';
/** What the generated folder's writer wrote last time (`generatedWriter`). */
const WRITTEN_FILE = 'written.json';

export function formatDiagnostic(d: Diagnostic): string {
  const where = `content/articles/${d.file}`.replace(/^content\/articles\/content\//, 'content/');
  return `${where}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ${d.severity}: ${d.message}`;
}

export interface BuildResult {
  output: PipelineOutput;
  problems: Diagnostic[];
  /** Milliseconds spent finishing the generated folder (pages and data are written as they are made, in `emit`). */
  writeMs: number;
  /** The per-article stages run in parallel before the pipeline, when they were. */
  fill: CacheFill | null;
}

/**
 * What `.briefings/build-report.json` holds after a build, for the benchmark and anyone
 * curious: counts, the cache's hits, milliseconds per stage, and the peak memory of Astro's
 * Node process. Written after the pipeline and again, complete, when the build is done.
 */
export interface BuildReport {
  articles: number;
  skipped: number;
  topics: number;
  cache: { hits: number; misses: number; pageHits: number; pageMisses: number; briefingHits: number; briefingMisses: number; corrupt: number };
  /** `fill`: the per-article stages of new articles, in parallel, before the pipeline (`cache-fill.ts`). */
  stages: Record<Stage | 'write', number> & { fill?: number };
  /** Worker threads that filled the cache; 0 when the pipeline ran alone. */
  workers: number;
  /** From the end of the pipeline to the start of `astro:build:done`: Astro's own build. */
  astro: number | null;
  /** The `astro:build:done` hook: the search index. */
  pagefind: number | null;
  /** Peak resident memory of Astro's Node process (the pipeline's, until Astro's is known), in bytes. */
  maxRss: number;
}

/** A project's content as the pipeline's input, with the generated folder's cache. */
function openProject(root: string, base: string) {
  const paths = contentPaths(root);
  const config = loadConfig(paths);
  const generated = generatedDir(root);
  const cache = openCache(join(generated, CACHE_DIR));
  const sources = join(import.meta.dirname, '..');
  const input = {
    files: listArticleFiles(paths.articles),
    manifest: config.manifest,
    topics: config.topics,
    entities: config.entities,
    site: config.site,
    base,
    cache: { store: cache, code: codeDigest(join(sources, '..'), [join(sources, 'pipeline'), join(sources, 'core'), join(sources, 'config')]) },
  } satisfies PipelineInput;
  return { config, generated, cache, input };
}

type Project = ReturnType<typeof openProject>;

/** Run the whole pipeline over a project folder and write its generated folder. */
export function buildContent(root: string, base: string, project: Project = openProject(root, base)): BuildResult {
  const { config, generated, cache, input } = project;
  const onProgress = progressLine();
  const writer = generatedWriter(generated, new Set([CACHE_DIR, REPORT_FILE, WRITTEN_FILE]), join(generated, WRITTEN_FILE), { background: true });
  const output = runPipeline({ ...input, ...(onProgress ? { onProgress } : {}), write: (file) => writer.write(file) });
  output.diagnostics.unshift(...config.diagnostics);
  const start = performance.now();
  writer.write({ path: 'site.json', contents: `${JSON.stringify(config.site)}\n` });
  writer.finish();
  cache.prune();
  return { output, problems: output.diagnostics, writeMs: performance.now() - start, fill: null };
}

/**
 * `buildContent`, with the per-article stages of the articles new to the cache first run on
 * every core (`fillCacheInParallel`): what a build does. `astro dev` rebuilds after an edit,
 * where one new article is not worth a thread.
 */
export async function buildContentInParallel(root: string, base: string): Promise<BuildResult> {
  const project = openProject(root, base);
  const onProgress = progressLine();
  const fill = await fillCacheInParallel(project.input, join(project.generated, CACHE_DIR), {
    ...(onProgress ? { onProgress: (done: number, total: number) => onProgress('read, clean, analyse (in parallel)', done, total) } : {}),
  });
  return { ...buildContent(root, base, project), fill: fill.workers > 0 ? fill : null };
}

/**
 * Hits are the articles found from earlier builds: the pipeline's own pass also finds the ones
 * the workers put in the cache moments before, which are this build's work, not the cache's.
 */
function cacheCounts(stats: CacheStats, fill: CacheFill | null): CacheStats {
  if (!fill) return stats;
  const articles = stats.hits + stats.misses;
  return { ...stats, hits: Math.max(0, articles - fill.articles), misses: Math.min(articles, fill.articles) };
}

/** The report of the pipeline's part of a build; Astro's and Pagefind's times are added at the end. */
export function buildReport({ output, problems, writeMs, fill }: BuildResult): BuildReport {
  const round = (ms: number) => Math.round(ms);
  const stages = Object.fromEntries(Object.entries(output.timings).map(([stage, ms]) => [stage, round(ms)])) as BuildReport['stages'];
  stages.write = round(writeMs);
  if (fill) stages.fill = round(fill.ms);
  return {
    articles: output.articles.length,
    skipped: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file)).size,
    topics: output.briefings.length,
    cache: output.cache
      ? cacheCounts(output.cache, fill)
      : { hits: 0, misses: output.articles.length, pageHits: 0, pageMisses: output.articles.length, briefingHits: 0, briefingMisses: output.briefings.length, corrupt: 0 },
    stages,
    workers: fill?.workers ?? 0,
    astro: null,
    pagefind: null,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

/** What the parent needs of a run in a process of its own: the report and every problem. */
export interface ContentBuild {
  report: BuildReport;
  problems: Diagnostic[];
}

export function summarise(result: BuildResult): ContentBuild {
  return { report: buildReport(result), problems: result.problems };
}

/**
 * `buildContent` in a child process, so its memory is returned when it ends. Progress and any
 * crash go to this process's standard error; the summary comes back as JSON.
 */
export function buildContentApart(root: string, base: string): ContentBuild {
  const run = spawnSync(process.execPath, [join(import.meta.dirname, 'build-content.ts'), root, base], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the pipeline stopped (${run.error?.message ?? `exit ${run.status ?? run.signal}`}); its error is above`);
  return JSON.parse(run.stdout) as ContentBuild;
}

if (import.meta.main) {
  const [root, base] = process.argv.slice(2);
  if (!root || !base) throw new Error('usage: content.ts <project root> <base path>');
  process.stdout.write(JSON.stringify(summarise(await buildContentInParallel(root, base))));
}
