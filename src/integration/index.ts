/**
 * The Astro integration: a thin entry that runs the pipeline where Astro expects content to be
 * ready, and Pagefind where the pages are written.
 *
 * - `astro:config:setup`: load and validate `content/`, run the pipeline, write `.briefings/`
 *   (the generated MDX and data that the content collections and pages read), print a summary.
 *   `BRIEFINGS_STRICT=1` turns any problem with an input file into a failed build.
 * - `astro:server:setup`: in `astro dev`, re-run on every change under `content/`.
 * - `astro:build:done`: index the built pages with Pagefind.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir, contentPaths, loadConfig } from '../config/load.ts';
import { generatedDir } from '../config/paths.ts';
import { runPipeline, type PipelineOutput, type Stage } from '../pipeline/index.ts';
import type { Diagnostic } from '../pipeline/types.ts';
import { codeDigest, generatedWriter, listArticleFiles, openCache } from './io.ts';

/** Inside the generated folder, kept from build to build: the pipeline's cache and the build report. */
const CACHE_DIR = 'cache';
const REPORT_FILE = 'build-report.json';
/** What the generated folder's writer wrote last time (`generatedWriter`). */
const WRITTEN_FILE = 'written.json';

export function formatDiagnostic(d: Diagnostic): string {
  const where = `content/articles/${d.file}`.replace(/^content\/articles\/content\//, 'content/');
  return `${where}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`;
}

export interface BuildResult {
  output: PipelineOutput;
  problems: Diagnostic[];
  /** Milliseconds spent finishing the generated folder (pages and data are written as they are made, in `emit`). */
  writeMs: number;
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
  cache: { hits: number; misses: number; pageHits: number; pageMisses: number; corrupt: number };
  stages: Record<Stage | 'write', number>;
  /** From the end of the pipeline to the start of `astro:build:done`: Astro's own build. */
  astro: number | null;
  /** The `astro:build:done` hook: the search index. */
  pagefind: number | null;
  /** Peak resident memory of this Node process (Astro and the pipeline), in bytes. */
  maxRss: number;
}

/** Progress on a terminal; nothing in CI or when the output is a file. */
function progressLine(): ((stage: Stage, done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  return (stage, done, total) => process.stderr.write(`\r\x1b[K  briefings: ${stage} ${done}/${total}${done === total ? '\r\x1b[K' : ''}`);
}

/** Run the whole pipeline over a project folder and write its generated folder. */
export function buildContent(root: string, base: string): BuildResult {
  const paths = contentPaths(root);
  const config = loadConfig(paths);
  const generated = generatedDir(root);
  const cache = openCache(join(generated, CACHE_DIR));
  const sources = join(import.meta.dirname, '..');
  const onProgress = progressLine();
  const writer = generatedWriter(generated, new Set([CACHE_DIR, REPORT_FILE, WRITTEN_FILE]), join(generated, WRITTEN_FILE));
  const output = runPipeline({
    files: listArticleFiles(paths.articles),
    manifest: config.manifest,
    topics: config.topics,
    entities: config.entities,
    site: config.site,
    base,
    cache: { store: cache, code: codeDigest(join(sources, '..'), [join(sources, 'pipeline'), join(sources, 'config')]) },
    ...(onProgress ? { onProgress } : {}),
    write: (file) => writer.write(file),
  });
  output.diagnostics.unshift(...config.diagnostics);
  const start = performance.now();
  writer.write({ path: 'site.json', contents: `${JSON.stringify(config.site)}\n` });
  writer.finish();
  cache.prune();
  return { output, problems: output.diagnostics, writeMs: performance.now() - start };
}

/** The report of the pipeline's part of a build; Astro's and Pagefind's times are added at the end. */
function buildReport({ output, problems, writeMs }: BuildResult): BuildReport {
  const round = (ms: number) => Math.round(ms);
  const stages = Object.fromEntries(Object.entries(output.timings).map(([stage, ms]) => [stage, round(ms)])) as BuildReport['stages'];
  stages.write = round(writeMs);
  return {
    articles: output.articles.length,
    skipped: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file)).size,
    topics: output.briefings.length,
    cache: output.cache ?? { hits: 0, misses: output.articles.length, pageHits: 0, pageMisses: output.articles.length, corrupt: 0 },
    stages,
    astro: null,
    pagefind: null,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

function report(logger: AstroIntegrationLogger, { output, problems }: BuildResult): void {
  const skipped = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const ms = Object.values(output.timings).reduce((a, b) => a + b, 0);
  const cached = output.cache && output.cache.hits > 0 ? `, ${output.cache.hits} unchanged from the cache` : '';
  logger.info(
    `${output.articles.length} article${output.articles.length === 1 ? '' : 's'} built${cached}, ${skipped.size} file${skipped.size === 1 ? '' : 's'} skipped, ${output.briefings.length} topic briefings (${ms.toFixed(0)} ms)`,
  );
  if (output.cache?.corrupt) logger.warn(`${output.cache.corrupt} cache entr${output.cache.corrupt === 1 ? 'y' : 'ies'} in the generated folder's ${CACHE_DIR}/ could not be read: ignored and rebuilt`);
  for (const problem of problems) (problem.severity === 'error' ? logger.warn : logger.info).call(logger, formatDiagnostic(problem));
}

export default function briefings(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  const strict = process.env.BRIEFINGS_STRICT === '1' || process.env.BRIEFINGS_STRICT === 'true';
  /**
   * The pipeline's part of the build report, and when the pipeline ended. Only the report is
   * kept: the pipeline's output (every article, tree and file) must not stay in memory while
   * Astro builds the pages.
   */
  let built: { report: BuildReport; end: number } | undefined;
  return {
    name: 'briefings',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        const result = buildContent(root, base);
        report(logger, result);
        built = { report: buildReport(result), end: performance.now() };
        writeFileSync(join(generatedDir(root), REPORT_FILE), `${JSON.stringify(built.report, null, 2)}\n`);
        const errors = result.problems.filter((p) => p.severity === 'error' || strict);
        if (strict && errors.length > 0 && command === 'build') {
          throw new Error(`BRIEFINGS_STRICT: ${errors.length} problem(s) in the content:\n${errors.map(formatDiagnostic).join('\n')}`);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const content = contentDir(root);
        server.watcher.add(content);
        let timer: NodeJS.Timeout | undefined;
        const rerun = (path: string) => {
          if (!path.startsWith(content)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            try {
              report(logger, buildContent(root, base));
            } catch (error) {
              logger.error(`could not rebuild the briefings: ${(error as Error).message}`);
            }
          }, 100);
        };
        server.watcher.on('add', rerun).on('change', rerun).on('unlink', rerun);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The data API's files, as the pipeline wrote them (src/pages/data/[...path].ts serves
        // them in `astro dev` and makes the chart files).
        cpSync(join(generatedDir(root), 'data'), join(outDir, 'data'), { recursive: true });
        const indexStart = performance.now();
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
        if (built) {
          const report: BuildReport = { ...built.report, astro: Math.round(indexStart - built.end), pagefind: Math.round(performance.now() - indexStart), maxRss: process.resourceUsage().maxRSS * 1024 };
          writeFileSync(join(generatedDir(root), REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
        }
      },
    },
  };
}
