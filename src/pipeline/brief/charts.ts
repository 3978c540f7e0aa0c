/**
 * Charts, filled only from facts that match the chart spec exactly: the same measure, market and
 * unit, and one of its periods. A figure from another market or another period never enters a
 * chart, however close ("2024" is not "Q4 2024").
 *
 * - One period: one bar per subject, ordered by value (largest first, then by name).
 * - Several periods: the periods are the labels, in the spec's order; one series per subject.
 *
 * Every data point carries the sources of all the figures behind it. When they disagree, the
 * point shows the value most independent stories report (copies of one story, and one outlet's
 * articles, count once: `stories.ts`; on a tie, the lower value), and keeps every source, so the
 * chart links to the disagreement that the briefing's conflicts list spells out.
 */
import type { ChartSpec } from '../../config/schema.ts';
import type { Chart, Fact, Slug, SourceRef } from '../../core/types.ts';
import type { StoryCounter } from './stories.ts';

type ChartedFact = Fact & { subject: string; period: string };

function fits(spec: ChartSpec, fact: Fact): fact is ChartedFact {
  return (
    fact.subject !== null &&
    fact.period !== null &&
    fact.measure === spec.measure &&
    fact.market === spec.market &&
    fact.unit === spec.unit &&
    spec.periods.includes(fact.period) &&
    (spec.subjects === undefined || spec.subjects.includes(fact.subject))
  );
}

/** The value most independent stories report; on a tie, the lower one. */
function chartValue(fact: Fact, stories: StoryCounter): number {
  const articles = new Map<number, Set<Slug>>();
  for (const figure of fact.values) {
    const reporting = articles.get(figure.value) ?? new Set<Slug>();
    for (const source of figure.sources) reporting.add(source.article);
    articles.set(figure.value, reporting);
  }
  let best: [value: number, count: number] | undefined;
  for (const [value, reporting] of articles) {
    const count = stories.count(reporting);
    if (!best || count > best[1] || (count === best[1] && value < best[0])) best = [value, count];
  }
  return best?.[0] ?? Number.NaN;
}

/** Sources without repeats (a sentence cited by two figures is one source), in first-seen order. */
function unionSources(lists: readonly SourceRef[][]): SourceRef[] {
  const bySentence = new Map<string, SourceRef>();
  for (const list of lists) {
    for (const source of list) {
      const key = `${source.article}#${source.sentence}`;
      if (!bySentence.has(key)) bySentence.set(key, source);
    }
  }
  return [...bySentence.values()];
}

function factSources(fact: Fact): SourceRef[] {
  return unionSources(fact.values.map((figure) => figure.sources));
}

type ChartBody = Pick<Chart, 'labels' | 'series' | 'pointSources'>;

function bySubject(spec: ChartSpec, facts: readonly ChartedFact[], stories: StoryCounter): ChartBody {
  const points = facts
    .map((fact) => ({ label: fact.subject, value: chartValue(fact, stories), sources: factSources(fact) }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return {
    labels: points.map((point) => point.label),
    series: [{ label: spec.periods[0] ?? '', values: points.map((point) => point.value) }],
    pointSources: points.map((point) => point.sources),
  };
}

function overTime(spec: ChartSpec, facts: readonly ChartedFact[], stories: StoryCounter): ChartBody {
  const found = [...new Set(facts.map((fact) => fact.subject))].sort();
  const subjects = spec.subjects ? spec.subjects.filter((subject) => found.includes(subject)) : found;
  // One row per period, one cell per subject: the fact charted there, if any.
  const grid = spec.periods.map((period) =>
    subjects.map((subject) => facts.find((fact) => fact.subject === subject && fact.period === period)),
  );
  return {
    labels: [...spec.periods],
    series: subjects.map((subject, column) => ({
      label: subject,
      values: grid.map((row) => {
        const fact = row[column];
        return fact ? chartValue(fact, stories) : null;
      }),
    })),
    pointSources: grid.map((row) => unionSources(row.flatMap((fact) => (fact ? [factSources(fact)] : [])))),
  };
}

/** The chart a spec asks for, from the facts that fit it; null when none does. */
export function buildChart(spec: ChartSpec, facts: Fact[], stories: StoryCounter): Chart | null {
  const fitting = facts.filter((fact) => fits(spec, fact));
  if (fitting.length === 0) return null;
  const body = spec.periods.length === 1 ? bySubject(spec, fitting, stories) : overTime(spec, fitting, stories);
  return {
    id: spec.id,
    title: spec.title,
    type: spec.type,
    unit: spec.unit,
    ...body,
    sources: unionSources(body.pointSources),
  };
}
