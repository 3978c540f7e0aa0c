/**
 * Facts: the figures of a topic compared across sources. Figures saying the same thing — the same
 * subject, measure, period, market and unit, as analysis read them — are one fact, one row
 * however many sources report it. A figure without a subject or a measure cannot be compared with
 * anything: it stays on its article's page and out of the facts.
 *
 * Values are compared as written: a value agrees with another when they are equal once the more
 * precise is rounded to the precision the other is written with ("11%" and "11.1%", "$18.5bn"
 * and "$18.51bn"), and the fact says it agrees only after rounding (`rounded`); "11%" and "12%",
 * or "11%" and "11.5%", differ. Values that differ are a conflict when they come from independent
 * stories (`stories.ts`), shown to the reader rather than resolved; a fact agrees when two or more
 * independent stories report it and none differs. Copies of one story agree with nothing.
 */
import type { Conflict, Fact, FactValue, Figure, Slug } from '../../core/types.ts';
import { factKey } from '../analyse/figures.ts';
import type { StoryCounter } from './stories.ts';

type Description = Pick<Fact, 'subject' | 'measure' | 'period' | 'market' | 'unit'>;

/** A figure with a subject and a measure, which a fact can compare with others. */
export function comparable(figure: Pick<Figure, 'subject' | 'measure'>): boolean {
  return figure.subject !== null && figure.measure !== null;
}

function groupKey(figure: Figure): string {
  return JSON.stringify([figure.subject, figure.measure, figure.period, figure.market, figure.unit]);
}

const NUMBER_WRITTEN = /\d[\d,]*(?:\.(\d+))?/;

/**
 * The step a value is written to, in its own unit: 1 for "11%", 0.1 for "11.1%", 10 million for
 * "$18.51 billion" (its value is 18,510,000,000). Read from the text, as the value is its number
 * scaled; 0 (compare exactly) when the text shows no number the value is a multiple of.
 */
export function writtenStep(figure: Pick<Figure, 'text' | 'value'>): number {
  const match = NUMBER_WRITTEN.exec(figure.text);
  if (!match) return 0;
  const written = Number.parseFloat(match[0].replace(/,/g, ''));
  if (!(written > 0)) return 0;
  const decimals = match[1]?.length ?? 0;
  return (Math.abs(figure.value) / written) * 10 ** -decimals;
}

/**
 * Whether two values say the same once the more precise is rounded to the other's precision:
 * closer than half the coarser step (so "11%" agrees with "11.4%", not with "11.5%", which
 * rounds to 12). The tolerance absorbs the float noise of scaled values.
 */
export function agreeRounded(a: { value: number; step: number }, b: { value: number; step: number }): boolean {
  if (a.value === b.value) return true;
  const half = Math.max(a.step, b.step) / 2;
  return Math.abs(a.value - b.value) < half * (1 - 1e-9);
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
  return source ? `${source.article}\n${source.sentence}` : '';
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

/** One distinct value of a fact (as a number and the step it is written to) with the articles reporting it. */
interface Reported {
  value: number;
  step: number;
  articles: Set<Slug>;
}

const articlesOf = (figure: Figure): Slug[] => figure.sources.map((source) => source.article);

function toFact(figures: Figure[], stories: StoryCounter): Fact {
  const ordered = [...figures].sort((a, b) => compareText(sourceOrder(a), sourceOrder(b)) || compareText(a.id, b.id));
  const first = ordered[0] as Figure;
  const { subject, measure, period, market, unit } = first;

  // Distinct values (a thousand articles usually report a handful), each with its articles.
  const reported = new Map<string, Reported>();
  const reportedOf = ordered.map((figure) => {
    const step = writtenStep(figure);
    const key = `${figure.value}|${step}`;
    let entry = reported.get(key);
    if (!entry) {
      entry = { value: figure.value, step, articles: new Set() };
      reported.set(key, entry);
    }
    for (const article of articlesOf(figure)) entry.articles.add(article);
    return entry;
  });
  const entries = [...reported.values()];

  // Differ: two values that disagree, reported by more than one independent story between them.
  let differ = false;
  let rounded = false;
  for (let i = 0; i < entries.length && !differ; i++) {
    for (let j = i + 1; j < entries.length && !differ; j++) {
      const [a, b] = [entries[i] as Reported, entries[j] as Reported];
      if (agreeRounded(a, b)) {
        if (a.value !== b.value) rounded = true;
      } else if (stories.count([...a.articles, ...b.articles]) > 1) differ = true;
    }
  }
  const finest = Math.min(...entries.map((entry) => entry.step));
  // Each value: the independent stories reporting a value it agrees with.
  const storiesOf = new Map(
    entries.map((entry) => {
      const backing = entries.filter((other) => agreeRounded(entry, other)).flatMap((other) => [...other.articles]);
      return [entry, stories.count(backing)] as const;
    }),
  );
  const values: FactValue[] = ordered.map((figure, i) => {
    const entry = reportedOf[i] as Reported;
    // Rounded: another value it agrees with is written more precisely.
    const coarser = entry.step > finest && entries.some((other) => other.step < entry.step && other.value !== entry.value && agreeRounded(entry, other));
    return { ...figure, stories: storiesOf.get(entry) as number, rounded: coarser };
  });
  const total = stories.count(ordered.flatMap(articlesOf));
  const status: Fact['status'] = differ ? 'differ' : total > 1 ? 'agree' : 'single';
  return { id: factKey(first), subject, measure, period, market, unit, status, stories: total, rounded: rounded && !differ, values };
}

/**
 * One fact per subject, measure, period, market and unit, ordered by those parts; figures
 * without a subject or a measure are left out (they stay on their articles' pages).
 */
export function groupFacts(figures: readonly Figure[], stories: StoryCounter): Fact[] {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (!comparable(figure)) continue;
    const key = groupKey(figure);
    const group = groups.get(key);
    if (group) group.push(figure);
    else groups.set(key, [figure]);
  }
  return [...groups.values()].map((group) => toFact(group, stories)).sort(byDescription);
}

/** The facts whose independent sources disagree, in the data API's conflict shape. */
export function findConflicts(facts: Fact[]): Conflict[] {
  return facts
    .filter((fact) => fact.status === 'differ')
    .sort(byDescription)
    .map(({ id, subject, measure, period, market, values }) => ({ id, subject, measure, period, market, values }));
}
