/**
 * `npm run bench [-- --articles N] [--seed S] [--no-bare] [--no-rebuild] [--hostile-only]`: the performance
 * benchmark. In one run, on the same synthetic corpus (`scripts/bench/corpus.ts`, fixed seed):
 *
 *   1. a bare Astro build of the article pages as plain MDX (`bench/bare/`), cold: the baseline;
 *   2. the real build (`scripts/build.ts`), cold: no pipeline cache, no Astro caches;
 *   3. the real build again after adding one article: warm, as a newsroom rebuilds.
 *
 * Each is timed and its peak memory sampled over the whole process tree; the real builds'
 * stage timings come from the `.briefings/build-report.json` the integration writes. The table
 * is printed and written to `.bench/results.md`, with search's speed, how the time of
 * adversarial inputs grows with their size (`scripts/bench/hostile.ts`; `--hostile-only` runs just
 * that, in seconds), and the time of the parsers and serialiser the pipeline is built on, alone
 * (`scripts/bench/floor.ts`): the floor under a cold pipeline. Everything happens under `.bench/`
 * (see `scripts/bench/workspace.ts`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { librariesTable, measureLibraries } from './bench/floor.ts';
import { hostileTable, measureHostile } from './bench/hostile.ts';
import { run, type Measured } from './bench/measure.ts';
import { resultsTable, type BuildColumn, type BuildReport } from './bench/report.ts';
import { clearCaches, prepareWorkspace, writeArticles, type Workspace } from './bench/workspace.ts';
import { elapsedLine, interactive } from '../src/io/progress.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '20250214' },
    'no-bare': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    'hostile-only': { type: 'boolean', default: false },
  },
});

const HOSTILE_TITLE = 'Adversarial inputs, at size n and 2n (best of three):';
if (values['hostile-only']) {
  process.stdout.write(`${HOSTILE_TITLE}\n\n${hostileTable(measureHostile())}\n`);
  process.exit(0);
}
const count = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) throw new Error(`--articles must be a positive whole number, not ${values.articles}`);

const projectRoot = resolve(import.meta.dirname, '..');
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const say = (message: string) => process.stderr.write(`${message}\n`);

/** A step with its elapsed time, ticking on a terminal so a long build visibly runs. */
async function step(label: string, work: () => Promise<Measured>): Promise<Measured> {
  if (!interactive()) say(`  ${label}…`);
  const result = await work().finally(elapsedLine(label));
  say(`  ${label}: ${(result.ms / 1000).toFixed(1)} s${result.status === 0 ? '' : ` — FAILED (exit ${result.status})`}`);
  // The build's own output, for a closer look (Astro prints its phases).
  writeFileSync(join(ws.root, `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.log`), result.output);
  if (result.status !== 0) {
    say(result.output.split('\n').slice(-40).join('\n'));
    process.exit(1);
  }
  return result;
}

// The builds' own folders are the workspace's: a generated folder set for the shell must not leak in.
const { BRIEFINGS_GENERATED: _generated, BRIEFINGS_CONTENT: _content, ...inherited } = process.env;
const env = { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', CI: '1', NO_COLOR: '1' };

function buildReal(ws: Workspace): Promise<Measured> {
  return run(process.execPath, ['scripts/build.ts', '--outDir', ws.site], { cwd: ws.project, env: { ...env, BRIEFINGS_CONTENT: ws.content } });
}

function readReport(ws: Workspace): BuildReport {
  return JSON.parse(readFileSync(join(ws.project, '.briefings', 'build-report.json'), 'utf8')) as BuildReport;
}

const column = (label: string, articles: number, measured: Measured, report: BuildReport | null): BuildColumn => ({
  label,
  articles,
  ms: measured.ms,
  cpuMs: measured.cpuMs,
  peakTreeRss: measured.peakTreeRss,
  report,
});

say(`Benchmark: ${count.toLocaleString('en-GB')} articles, seed ${seed}`);
// One article more than asked: held back, then added for the warm rebuild.
const corpus = generateCorpus(count + 1, seed);
const added = corpus.pop();
const ws = prepareWorkspace(projectRoot, join(projectRoot, '.bench'), corpus);
say(`  corpus written to ${ws.content}`);

const columns: BuildColumn[] = [];
let baseline: BuildColumn | undefined;
if (!values['no-bare']) {
  clearCaches(ws.bare);
  const bare = await step('bare Astro build (MDX, no pipeline)', () => run(process.execPath, [astroBin, 'build', '--outDir', ws.bareSite], { cwd: ws.bare, env }));
  baseline = column('bare Astro (MDX)', count, bare, null);
  columns.push(baseline);
}

clearCaches(ws.project);
const cold = await step('Briefings build, cold', () => buildReal(ws));
columns.push(column('Briefings, cold', count, cold, readReport(ws)));

if (!values['no-rebuild'] && added) {
  writeArticles(ws, [added], [...corpus, added]);
  const warm = await step('Briefings rebuild after adding one article', () => buildReal(ws));
  columns.push(column('Briefings, +1 article (warm)', count + 1, warm, readReport(ws)));
}

const table = resultsTable(columns, baseline);
const lines = [
  `\`npm run bench -- --articles ${count}\` (seed ${seed}) on ${cpus().length} CPU${cpus().length === 1 ? '' : 's'}, Node ${process.versions.node}:`,
  '',
  table,
];

// Search quality and speed, when the search benchmark is present.
const searchModule = join(import.meta.dirname, 'bench', 'search.ts');
if (existsSync(searchModule)) {
  const { measureSearch } = (await import(searchModule)) as { measureSearch?: (siteDir: string) => unknown };
  if (measureSearch) {
    // A failing search measurement is reported, and the build figures are still written.
    const search = await Promise.resolve()
      .then(() => measureSearch(ws.site))
      .catch((error: unknown) => `search could not be measured: ${(error as Error).message.split('\n')[0]}`);
    lines.push('', 'Search:', '', typeof search === 'string' ? search : `\`\`\`json\n${JSON.stringify(search, null, 2)}\n\`\`\``);
  }
}

lines.push('', HOSTILE_TITLE, '', hostileTable(measureHostile()));
// After the builds, on an idle machine: the time of the libraries the pipeline cannot do without.
lines.push('', 'The libraries the pipeline is built on, alone over this corpus (best of two):', '', librariesTable(measureLibraries(corpus), cpus().length));

const results = `${lines.join('\n')}\n`;
writeFileSync(join(ws.root, 'results.md'), results);
process.stdout.write(`\n${results}`);
