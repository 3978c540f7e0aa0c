/**
 * The Astro integration: a thin entry that validates, delegates and reports — it runs the
 * pipeline where Astro expects content to be ready, and Pagefind where the pages are written.
 *
 * - `astro:config:setup`: validate the configuration in `content/` (a mistake stops a build; in
 *   `astro dev` it is shown over every page: `config-errors.ts`), run the pipeline (in a build, in
 *   a process of its own: `build-content.ts`), which writes `.briefings/` (the generated MDX and
 *   data that the content collections and pages read); print a summary. `BRIEFINGS_STRICT=1` turns
 *   any problem with an input file into a failed build.
 * - `astro:server:setup`: in `astro dev`, re-check and re-run on every change under `content/`.
 * - `astro:build:done`: copy the data API's files, and index the built pages with Pagefind
 *   (`pagefind.ts`), unless `npm run build` does that after Astro has ended.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentDir, contentPaths, loadConfig } from '../config/load.ts';
import { formatProblem, type ConfigProblem } from '../config/issues.ts';
import { generatedDir } from '../config/paths.ts';
import { configError, recordForOverlay, stacklessError } from './config-errors.ts';
import { DATA_DIR } from '../core/generated.ts';
import { addToBuildReport } from '../io/build-report.ts';
import { buildContent, buildContentApart, formatDiagnostic, MEMO_DIR, summarise, type ContentBuild } from './build-content.ts';
import { INDEX_LATER, indexSite } from './pagefind.ts';

function report(logger: AstroIntegrationLogger, { report: built, problems }: ContentBuild): void {
  const { write: _write, ...stages } = built.stages;
  const ms = Object.values(stages).reduce((a, b) => a + b, 0);
  const { articles, briefings, unreadable } = built.reuse;
  const unchanged = articles.reused > 0 ? `, ${articles.reused} unchanged since the last build` : '';
  logger.info(
    `${built.articles} article${built.articles === 1 ? '' : 's'} built${unchanged}, ${built.skipped} file${built.skipped === 1 ? '' : 's'} skipped, ${built.topics} topic briefings${briefings.reused > 0 ? ` (${briefings.reused} unchanged)` : ''} (${ms.toFixed(0)} ms)`,
  );
  if (unreadable) logger.warn(`${unreadable} entr${unreadable === 1 ? 'y' : 'ies'} of the generated folder's ${MEMO_DIR}/ could not be read: ignored, and made again`);
  for (const problem of problems) (problem.severity === 'error' ? logger.warn : logger.info).call(logger, formatDiagnostic(problem));
}

/** The configuration's mistakes, each on a line of its own. */
function configMistakes(root: string): ConfigProblem[] {
  return loadConfig(contentPaths(root)).errors;
}

export default function briefings(): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  const strict = process.env.BRIEFINGS_STRICT === '1' || process.env.BRIEFINGS_STRICT === 'true';
  /** When the pipeline ended. */
  let pipelineEnd: number | undefined;
  /** What the overlay shows, to reload the page only when it changes. */
  let shown = '';
  /** `astro dev`: print the mistakes and put them in the overlay; true when they changed. */
  const showMistakes = (logger: AstroIntegrationLogger, mistakes: ConfigProblem[]): boolean => {
    for (const mistake of mistakes) logger.error(formatProblem(mistake));
    recordForOverlay(root, mistakes);
    const now = JSON.stringify(mistakes);
    const changed = now !== shown;
    shown = now;
    return changed;
  };
  return {
    name: 'briefings',
    hooks: {
      'astro:config:setup': ({ config, logger, command, addMiddleware }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        // A mistake in the configuration stops a build before the pipeline runs. `astro dev`
        // goes on with what it could read, and shows the mistakes over every page until fixed.
        const mistakes = configMistakes(root);
        if (command === 'build' && mistakes.length > 0) throw configError(mistakes);
        if (command === 'dev') addMiddleware({ entrypoint: new URL('./config-errors.ts', import.meta.url), order: 'pre' });
        // A build runs the pipeline apart, so that its memory is returned before Astro's pages;
        // `astro dev` keeps it here, where a rebuild after an edit is 0.1 s instead of 0.9 s.
        const result = command === 'build' ? buildContentApart(root, base) : summarise(buildContent(root, base), generatedDir(root));
        report(logger, result);
        if (command === 'dev') showMistakes(logger, mistakes);
        pipelineEnd = performance.now();
        const errors = result.problems.filter((p) => p.severity === 'error' || strict);
        if (strict && errors.length > 0 && command === 'build') {
          throw stacklessError('BRIEFINGS_STRICT', `${errors.length} problem${errors.length === 1 ? '' : 's'} in the content, so the build stopped:\n${errors.map(formatDiagnostic).join('\n')}`);
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
              const mistakes = configMistakes(root);
              report(logger, summarise(buildContent(root, base), generatedDir(root)));
              const changed = showMistakes(logger, mistakes);
              // The overlay comes and goes with the mistakes: the open page reloads to show it, or its content.
              if (changed) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
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
        cpSync(join(generatedDir(root), DATA_DIR), join(outDir, DATA_DIR), { recursive: true });
        const indexStart = performance.now();
        const later = process.env[INDEX_LATER] === '1';
        if (!later) logger.info(`search index: ${(await indexSite(outDir)).pages} pages`);
        if (pipelineEnd !== undefined) {
          addToBuildReport(generatedDir(root), { astro: Math.round(indexStart - pipelineEnd), pagefind: later ? null : Math.round(performance.now() - indexStart), maxRss: process.resourceUsage().maxRSS * 1024 });
        }
      },
    },
  };
}
