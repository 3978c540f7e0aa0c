/**
 * Facts: the figures of a topic compared across sources. Figures saying the same thing — the same
 * subject, measure, period, market and unit — are one fact, and the fact records whether its
 * sources agree. A fact that differs is a conflict, shown to the reader rather than resolved.
 *
 * Values are compared exactly. Extraction writes each value as its text states it, so "17%" and
 * "17.0%" agree, while "16%" and "16.4%" differ: a more precise figure is a different claim, and
 * the reader should see both.
 */
import type { Conflict, Fact, Figure } from '../types.ts';
import { factKey } from '../analyse/figures.ts';

type Description = Pick<Fact, 'subject' | 'measure' | 'period' | 'market' | 'unit'>;

/** A figure without a subject or a measure cannot be compared with anything: it is its own fact. */
function comparable(figure: Figure): boolean {
  return figure.subject !== null && figure.measure !== null;
}

function groupKey(figure: Figure): string {
  if (!comparable(figure)) return `figure\n${figure.id}`;
  return JSON.stringify([figure.subject, figure.measure, figure.period, figure.market, figure.unit]);
}

function articlesOf(figures: readonly Figure[]): Set<string> {
  return new Set(figures.flatMap((figure) => figure.sources.map((source) => source.article)));
}

function statusOf(values: readonly Figure[]): Fact['status'] {
  const first = values[0]?.value;
  if (values.some((figure) => figure.value !== first)) return 'differ';
  return articlesOf(values).size > 1 ? 'agree' : 'single';
}

/** Code-unit order, the same on every machine; unknown parts sort last. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function sourceOrder(figure: Figure): string {
  const source = figure.sources[0];
  return source ? `${source.article}\n${source.path}` : '';
}

function byDescription(a: Description & { id: string }, b: Description & { id: string }): number {
  return (
    compareText(a.subject, b.subject) ||
    compareText(a.measure, b.measure) ||
    compareText(a.period, b.period) ||
    compareText(a.market, b.market) ||
    compareText(a.unit, b.unit) ||
    compareText(a.id, b.id)
  );
}

function toFact(values: Figure[]): Fact {
  const ordered = [...values].sort((a, b) => compareText(sourceOrder(a), sourceOrder(b)) || compareText(a.id, b.id));
  const first = ordered[0] as Figure;
  const { subject, measure, period, market, unit } = first;
  const id = comparable(first) ? factKey(first) : first.id;
  return { id, subject, measure, period, market, unit, status: statusOf(ordered), values: ordered };
}

/** One fact per subject, measure, period, market and unit, ordered by those parts. */
export function groupFacts(figures: Figure[]): Fact[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = groupKey(figure);
    const group = groups.get(key);
    if (group) group.push(figure);
    else groups.set(key, [figure]);
  }
  return [...groups.values()].map(toFact).sort(byDescription);
}

/** The facts whose sources disagree, in the data API's conflict shape. */
export function findConflicts(facts: Fact[]): Conflict[] {
  return facts
    .filter((fact) => fact.status === 'differ')
    .sort(byDescription)
    .map(({ id, subject, measure, period, market, values }) => ({ id, subject, measure, period, market, values }));
}
