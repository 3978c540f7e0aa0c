/**
 * The pipeline's run over a project, as the integration runs it: read `content/`, run the
 * pipeline incrementally (`src/incremental/`) with the memo kept in the generated folder, write the
 * generated folder, and report.
 *
 * A build runs it in a process of its own (`buildContentApart`, this file as a script): a run over
 * a large corpus leaves its heap behind in the process that ran it, and Astro builds the pages
 * after it. Tests and tools call `buildContent` directly.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { contentPaths, loadConfig } from '../config/load.ts';
import { generatedDir } from '../config/paths.ts';
import { ARTICLE_PAGE_KEYS_FILE, SITE_FILE } from '../core/generated.ts';
import type { Diagnostic } from '../core/types.ts';
import { runIncremental, type IncrementalInput, type IncrementalOutput, type Reuse } from '../incremental/index.ts';
import { fillInParallel, type WorkerFill } from '../incremental/worker-fill.ts';
import { listArticleFiles } from '../io/article-files.ts';
import { BUILD_REPORT_FILE, writeBuildReport, type BuildReport } from '../io/build-report.ts';
import { codeDigest } from '../io/code-digest.ts';
import { generatedWriter } from '../io/generated-writer.ts';
import { progressLine } from '../io/progress.ts';
import { openStore } from '../io/store.ts';

/** Inside the generated folder, kept from build to build: the memo, and what the writer wrote last. */
export const MEMO_DIR = 'memo';
const WRITTEN_FILE = 'written.json';

export function formatDiagnostic(d: Diagnostic): string {
  const where = `content/articles/${d.file}`.replace(/^content\/articles\/content\//, 'content/');
  return `${where}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ${d.severity}: ${d.message}`;
}

export interface BuildResult {
  output: IncrementalOutput;
  problems: Diagnostic[];
  /** Milliseconds spent finishing the generated folder (pages and data are written as they are made, in `emit`). */
  writeMs: number;
  /** The per-article steps run in parallel before the pipeline, when they were. */
  fill: WorkerFill | null;
}

/** A project's content as the pipeline's input, with the generated folder's memo. */
function openProject(root: string, base: string) {
  const paths = contentPaths(root);
  const config = loadConfig(paths);
  const generated = generatedDir(root);
  const memoDir = join(generated, MEMO_DIR);
  const store = openStore(memoDir);
  const sources = join(import.meta.dirname, '..');
  const input = {
    files: listArticleFiles(paths.articles),
    manifest: config.manifest,
    topics: config.topics,
    entities: config.entities,
    site: config.site,
    base,
    // Everything the pipeline runs: what it makes changes with any of it.
    memo: { store, code: codeDigest(join(sources, '..'), ['pipeline', 'core', 'config'].map((dir) => join(sources, dir))) },
  } satisfies IncrementalInput;
  return { config, generated, memoDir, store, input };
}

type Project = ReturnType<typeof openProject>;

/** Run the whole pipeline over a project folder and write its generated folder. */
export function buildContent(root: string, base: string, project: Project = openProject(root, base)): BuildResult {
  const { config, generated, store, input } = project;
  const onProgress = progressLine();
  const writer = generatedWriter(generated, new Set([MEMO_DIR, BUILD_REPORT_FILE, WRITTEN_FILE]), join(generated, WRITTEN_FILE), { background: true });
  const output = runIncremental({ ...input, ...(onProgress ? { onProgress } : {}), write: (file) => writer.write(file) });
  output.diagnostics.unshift(...config.diagnostics);
  const start = performance.now();
  writer.write({ path: ARTICLE_PAGE_KEYS_FILE, contents: `${JSON.stringify(output.pageKeys)}\n` });
  writer.write({ path: SITE_FILE, contents: `${JSON.stringify(config.site)}\n` });
  writer.finish();
  store.prune();
  return { output, problems: output.diagnostics, writeMs: performance.now() - start, fill: null };
}

/**
 * `buildContent`, with the per-article steps of the articles new to the memo first run on every
 * core (`fillInParallel`): what a build does. `astro dev` rebuilds after an edit, where one new
 * article is not worth a thread.
 */
export async function buildContentInParallel(root: string, base: string): Promise<BuildResult> {
  const project = openProject(root, base);
  const onProgress = progressLine();
  const { files, manifest, topics, entities, memo } = project.input;
  const fill = await fillInParallel({ files, manifest, topics, entities, code: memo.code }, project.memoDir, {
    ...(onProgress ? { onProgress: (done: number, total: number) => onProgress('read, clean, analyse (in parallel)', done, total) } : {}),
  });
  return { ...buildContent(root, base, project), fill: fill.workers > 0 ? fill : null };
}

/**
 * Articles reused are those found from earlier builds: the pipeline's own pass also finds the
 * ones the workers put in the memo moments before, which are this build's work.
 */
function reuseWithFill(reuse: Reuse, fill: WorkerFill | null): Reuse {
  if (!fill) return reuse;
  const articles = reuse.articles.reused + reuse.articles.made;
  return { ...reuse, articles: { reused: Math.max(0, articles - fill.articles), made: Math.min(articles, fill.articles) } };
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
    reuse: reuseWithFill(output.reuse, fill),
    stages,
    workers: fill?.workers ?? 0,
    astro: null,
    pagefind: null,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

/** What the integration needs of a run, in this process or another: the report and every problem. */
export interface ContentBuild {
  report: BuildReport;
  problems: Diagnostic[];
}

/** The run's report and problems, the report also written into the generated folder. */
export function summarise(result: BuildResult, generated: string): ContentBuild {
  const report = buildReport(result);
  writeBuildReport(generated, report);
  return { report, problems: result.problems };
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
  if (!root || !base) throw new Error('usage: build-content.ts <project root> <base path>');
  process.stdout.write(JSON.stringify(summarise(await buildContentInParallel(root, base), generatedDir(root))));
}
