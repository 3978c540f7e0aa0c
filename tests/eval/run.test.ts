/**
 * The evaluation's harness over the real pipeline: every article of the set goes through, the
 * briefing over every article holds every figure (so facts are scored whatever the topics), and
 * every gold item is counted in its task's total. No score is asserted: the targets are goals.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../scripts/eval/gold.ts';
import { rows, table } from '../../scripts/eval/report.ts';
import { runEval } from '../../scripts/eval/run.ts';
import { scoreAll } from '../../scripts/eval/score.ts';

const set = join(import.meta.dirname, '..', 'fixtures', 'eval');
const gold = loadGold(join(set, 'gold.json'));
const run = runEval({ articles: join(set, 'articles'), topics: join(set, 'topics'), entities: join(set, 'entities.json') });

describe('runEval on the evaluation set', () => {
  it('runs every article and topic of the set through the pipeline', () => {
    expect(run.prediction.files.sort()).toEqual(Object.keys(gold.articles).sort());
    expect(run.config.topics.map((t) => t.slug).sort()).toEqual(['apple-alibaba', 'bluewave-corallink', 'china-smartphones', 'copper-prices', 'northwind-results']);
    expect(run.config.entities.length).toBeGreaterThan(0);
  });

  it('puts every figure with a subject and a measure into a fact of the briefing over every article', () => {
    const inFacts = new Set(run.prediction.facts.flatMap((fact) => fact.values.map((value) => value.id)));
    const comparable = run.prediction.figures.filter((figure) => figure.subject !== null && figure.measure !== null);
    expect(comparable.length).toBeGreaterThan(0);
    expect(comparable.filter((figure) => !inFacts.has(figure.id))).toEqual([]);
  });

  it('counts every gold item in its task', () => {
    const scores = scoreAll(gold, run.prediction, run.config.entities);
    expect(scores.figures.subjectAndMeasure.total).toBe(gold.figures.length);
    expect(scores.facts.grouped.total).toBe(gold.facts.length);
    expect(scores.quotes.recall.total).toBe(gold.quotes.length);
    expect(scores.duplicates.truePositives + scores.duplicates.falseNegatives).toBe(gold.duplicates.length);
    const pairs = Object.values(gold.articles).reduce((n, a) => n + a.topics.length, 0);
    expect(scores.topics.truePositives + scores.topics.falseNegatives).toBe(pairs);
    expect(table(rows(scores)).split('\n')).toHaveLength(rows(scores).length + 2);
  });
});
