/**
 * `npm run eval [-- --json] [--verbose] [--set <folder>]`: the analysis measured against a
 * hand-labelled evaluation set (default `tests/fixtures/eval/`, see its README). The real
 * pipeline runs in this process over the set's articles, topics and entities; the scorer
 * (`scripts/eval/score.ts`) compares what it found with `gold.json`, task by task, and prints
 * precision, recall and F1 beside the issue's targets. The exit code is 0 whatever the scores:
 * the targets are goals, not a test.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/astro/build-content.ts';
import { loadGold } from './eval/gold.ts';
import { misses, rows, table } from './eval/report.ts';
import { runEval } from './eval/run.ts';
import { scoreAll } from './eval/score.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    set: { type: 'string', default: 'tests/fixtures/eval' },
  },
});

const set = resolve(import.meta.dirname, '..', values.set);
const gold = loadGold(join(set, 'gold.json'));
const run = runEval({ articles: join(set, 'articles'), topics: join(set, 'topics'), entities: join(set, 'entities.json') });
const scores = scoreAll(gold, run.prediction, run.config.entities);
const summary = {
  articles: run.output.articles.length,
  topics: run.config.topics.length,
  goldFigures: gold.figures.length,
  goldFacts: gold.facts.length,
  goldQuotes: gold.quotes.length,
  goldDuplicates: gold.duplicates.length,
  pipelineMs: Math.round(run.ms),
  /** Articles the pipeline refused, with why: a refused article scores nothing. */
  problems: run.output.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify({ set: values.set, summary, rows: rows(scores), scores }, null, 2)}\n`);
} else {
  process.stdout.write(
    `Evaluation set ${values.set}: ${summary.articles} articles, ${summary.topics} topics; gold: ${summary.goldFigures} figures, ` +
      `${summary.goldFacts} facts, ${summary.goldQuotes} quotes, ${summary.goldDuplicates} near-duplicate pairs. Pipeline: ${summary.pipelineMs} ms.\n\n` +
      `${table(rows(scores))}\n`,
  );
  if (summary.problems.length > 0) process.stdout.write(`\nArticles the pipeline refused:\n${summary.problems.map((p) => `  ${p}`).join('\n')}\n`);
  if (values.verbose) process.stdout.write(`${misses(scores)}\n`);
}
