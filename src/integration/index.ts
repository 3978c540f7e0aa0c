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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir, contentPaths, loadConfig } from '../config/load.ts';
import { runPipeline, type PipelineOutput } from '../pipeline/index.ts';
import type { Diagnostic } from '../pipeline/types.ts';
import { listArticleFiles, writeGenerated } from './io.ts';

export const GENERATED_DIR = '.briefings';

export function formatDiagnostic(d: Diagnostic): string {
  const where = `content/articles/${d.file}`.replace(/^content\/articles\/content\//, 'content/');
  return `${where}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message}`;
}

export interface BuildResult {
  output: PipelineOutput;
  problems: Diagnostic[];
}

/** Run the whole pipeline over a project folder and write its generated folder. */
export function buildContent(root: string, base: string): BuildResult {
  const paths = contentPaths(root);
  const config = loadConfig(paths);
  const output = runPipeline({
    files: listArticleFiles(paths.articles),
    manifest: config.manifest,
    topics: config.topics,
    entities: config.entities,
    site: config.site,
    base,
  });
  output.diagnostics.unshift(...config.diagnostics);
  const files = [...output.files, { path: 'site.json', contents: `${JSON.stringify(config.site)}\n` }];
  writeGenerated(join(root, GENERATED_DIR), files);
  return { output, problems: output.diagnostics };
}

function report(logger: AstroIntegrationLogger, { output, problems }: BuildResult): void {
  const skipped = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const ms = Object.values(output.timings).reduce((a, b) => a + b, 0);
  logger.info(
    `${output.articles.length} article${output.articles.length === 1 ? '' : 's'} built, ${skipped.size} file${skipped.size === 1 ? '' : 's'} skipped, ${output.briefings.length} topic briefings (${ms.toFixed(0)} ms)`,
  );
  for (const problem of problems) (problem.severity === 'error' ? logger.warn : logger.info).call(logger, formatDiagnostic(problem));
}

export default function briefings(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  const strict = process.env.BRIEFINGS_STRICT === '1' || process.env.BRIEFINGS_STRICT === 'true';
  return {
    name: 'briefings',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        const result = buildContent(root, base);
        report(logger, result);
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
        const pagefind = await import('pagefind');
        const outDir = fileURLToPath(dir);
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
      },
    },
  };
}
