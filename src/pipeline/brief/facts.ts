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

function groupKey(figure: Description): string {
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

function toFact(figures: Figure[], stories: StoryCounter, description: Description): Fact {
  const ordered = [...figures].sort((a, b) => compareText(sourceOrder(a), sourceOrder(b)) || compareText(a.id, b.id));
  const { subject, measure, period, market, unit } = description;

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
  return { id: factKey(description), subject, measure, period, market, unit, status, stories: total, rounded: rounded && !differ, values };
}

/**
 * One fact per subject, measure, period, market and unit, ordered by those parts; figures
 * without a subject or a measure are left out (they stay on their articles' pages).
 */
export function groupFacts(figures: readonly Figure[], stories: StoryCounter): Fact[] {
  const described = describeAlike(figures.filter(comparable));
  const groups = new Map<string, { description: Description; figures: Figure[] }>();
  for (const figure of figures) {
    if (!comparable(figure)) continue;
    const description = described.get(figure) as Description;
    const key = groupKey(description);
    const group = groups.get(key);
    if (group) group.figures.push(figure);
    else groups.set(key, { description, figures: [figure] });
  }
  return [...groups.values()].map((group) => toFact(group.figures, stories, group.description)).sort(byDescription);
}

const FISCAL_QUARTER = /^fiscal Q[1-4] \d{4}$/;
const CALENDAR_QUARTER = /^Q[1-4] \d{4}$/;

/**
 * What each figure is, for grouping, where sources write one claim differently. Figures of one
 * subject, measure, market and unit with equal values (after rounding) are one claim when:
 * - one gives a company's quarter by its fiscal name and the other by its calendar one ("fiscal
 *   Q3 2025", "the quarter to March": Q1 2025): the calendar quarter is then that fiscal quarter
 *   for every figure of the subject;
 * - one leaves the period or the market unsaid and the others give exactly one: it is theirs.
 * A figure's own description is never changed; only the row it joins.
 */
function describeAlike(figures: readonly Figure[]): Map<Figure, Description> {
  const partyOf = twoPartyNames(figures);
  const subjectOf = (figure: Figure) => partyOf.get(figure) ?? figure.subject;
  const closedOf = closingMoves(figures);
  const measureOf = (figure: Figure) => closedOf.get(figure) ?? figure.measure;
  const alike = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = JSON.stringify([subjectOf(figure), measureOf(figure), figure.unit]);
    alike.set(key, [...(alike.get(key) ?? []), figure]);
  }
  const same = (a: Figure, b: Figure) => agreeRounded({ value: a.value, step: writtenStep(a) }, { value: b.value, step: writtenStep(b) });
  // Each subject's calendar quarters that a fiscal quarter names.
  const fiscalOf = new Map<string, Map<string, string | null>>();
  for (const group of alike.values()) {
    for (const a of group) {
      if (!a.period || !FISCAL_QUARTER.test(a.period)) continue;
      for (const b of group) {
        if (!b.period || !CALENDAR_QUARTER.test(b.period) || a.market !== b.market || !same(a, b)) continue;
        const subject = subjectOf(a) as string;
        const mapping = fiscalOf.get(subject) ?? new Map<string, string | null>();
        const known = mapping.get(b.period);
        // Two fiscal quarters for one calendar quarter: no mapping.
        mapping.set(b.period, known === undefined || known === a.period ? a.period : null);
        fiscalOf.set(subject, mapping);
      }
    }
  }
  const described = new Map<Figure, Description>();
  for (const group of alike.values()) {
    const periodOf = (figure: Figure) => (figure.period && fiscalOf.get(subjectOf(figure) as string)?.get(figure.period)) || figure.period;
    for (const figure of group) {
      const period = periodOf(figure);
      let description: Description = { subject: subjectOf(figure), measure: measureOf(figure), period, market: figure.market, unit: figure.unit };
      if (period === null || figure.market === null) {
        const matching = group.filter((other) => other !== figure && same(figure, other) && (period === null || periodOf(other) === period) && (figure.market === null || other.market === figure.market));
        const periods = new Set(matching.map(periodOf).filter((p) => p !== null));
        const markets = new Set(matching.map((other) => other.market).filter((m) => m !== null));
        if (period === null && periods.size === 1) description = { ...description, period: [...periods][0] as string };
        if (figure.market === null && markets.size === 1) description = { ...description, market: [...markets][0] as string };
      }
      described.set(figure, description);
    }
  }
  return described;
}

/**
 * Quantities of one thing with two parties, which sources name by either: a takeover's terms
 * (value, price per share, break fee, savings) by its buyer or its target, a mine's output by the
 * mine or the company that runs it.
 */
const TWO_PARTY_MEASURES = new Set(['deal value', 'offer price', 'break fee', 'cost savings', 'production']);

/** Whether a sentence names a party: its name's first word, as a word ("Harbourline" for Harbourline Foods). */
function names(sentence: string, party: string): boolean {
  const first = party.split(' ')[0] as string;
  // Chinese is written without spaces: a name is found wherever it is.
  if (/\p{Script=Han}/u.test(first)) return sentence.includes(first);
  for (let at = sentence.indexOf(first); at >= 0; at = sentence.indexOf(first, at + 1)) {
    if (!/[\p{L}\p{N}]$/u.test(sentence.slice(0, at)) && !/^[\p{L}\p{N}]/u.test(sentence.slice(at + first.length))) return true;
  }
  return false;
}

/**
 * One deal's terms, one mine's output, are one claim whichever party a source names them by:
 * "Harbourline agreed to buy Pelham in a deal worth £3.1 billion" gives the deal's value to the
 * target, "Harbourline's £3.1 billion takeover of Pelham" to the buyer. Figures of one such
 * measure, unit, period and market with exactly the same value are one thing's when a sentence
 * giving that value names every party they are given to; they are named by the party most of
 * them give (then the first in code-unit order). Exactly, not after rounding: two deals' rounded
 * prices meet more often than their exact ones.
 */
function twoPartyNames(figures: readonly Figure[]): Map<Figure, string> {
  const alike = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (figure.measure === null || !TWO_PARTY_MEASURES.has(figure.measure)) continue;
    const key = JSON.stringify([figure.measure, figure.unit, figure.value, figure.period, figure.market]);
    alike.set(key, [...(alike.get(key) ?? []), figure]);
  }
  const partyOf = new Map<Figure, string>();
  for (const group of alike.values()) {
    const counts = new Map<string, number>();
    for (const figure of group) counts.set(figure.subject as string, (counts.get(figure.subject as string) ?? 0) + 1);
    if (counts.size < 2) continue;
    const parties = [...counts.keys()];
    if (!group.some((figure) => figure.sources.some((source) => parties.every((party) => names(source.quote, party))))) continue;
    const [party] = [...counts].sort(([a, m], [b, n]) => n - m || compareText(a, b))[0] as [string, number];
    for (const figure of group) partyOf.set(figure, party);
  }
  return partyOf;
}

/** A move a source does not place in the session ("shares fell 5%"). */
const UNPLACED_MOVE = /^(?:stock|price|index) change$/;

/**
 * A move that a source does not place and one another gives at the close, of the same subject,
 * day, market and unit and equal after rounding, are one claim: the day's move, told with and
 * without "at the close" (a closing report's list, "Shares fell 5%" the morning after).
 */
function closingMoves(figures: readonly Figure[]): Map<Figure, string> {
  const same = (a: Figure, b: Figure) => agreeRounded({ value: a.value, step: writtenStep(a) }, { value: b.value, step: writtenStep(b) });
  const closing = new Map<string, Figure[]>();
  const keyOf = (figure: Figure, measure: string) => JSON.stringify([figure.subject, measure, figure.period, figure.market, figure.unit]);
  for (const figure of figures) {
    if (figure.measure?.endsWith(' at close')) closing.set(keyOf(figure, figure.measure), [...(closing.get(keyOf(figure, figure.measure)) ?? []), figure]);
  }
  const closedOf = new Map<Figure, string>();
  for (const figure of figures) {
    if (figure.measure === null || !UNPLACED_MOVE.test(figure.measure)) continue;
    const atClose = `${figure.measure} at close`;
    if ((closing.get(keyOf(figure, atClose)) ?? []).some((other) => same(figure, other))) closedOf.set(figure, atClose);
  }
  return closedOf;
}

/** The facts whose independent sources disagree, in the data API's conflict shape. */
export function findConflicts(facts: Fact[]): Conflict[] {
  return facts
    .filter((fact) => fact.status === 'differ')
    .sort(byDescription)
    .map(({ id, subject, measure, period, market, values }) => ({ id, subject, measure, period, market, values }));
}
