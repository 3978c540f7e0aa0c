/**
 * What a topic's pages read: its briefing without the long lists, and the leading part of each.
 * A briefing over thousands of articles has thousands of facts, events and quotes (at 5,000
 * articles the whole of it made topic pages of 23–38 MB, and at 20,000 its JSON is 170 MB, which
 * every page of the topic parsed again): the topic page shows a fixed number of each, chosen for
 * the reader, and links to the list pages (`/topics/<slug>/figures/`, `…/timeline/`, `…/quotes/`),
 * which read their own 100 items (`topicListFile`). The data API keeps everything.
 *
 * Each item is also cut to what its line shows (`SHOWN.values` values, `SHOWN.citations`
 * sources, and how many there are in all): one fact can gather thousands of values and one key
 * point thousands of sources, and a page must not read more as the corpus grows (at 20,000
 * articles a list page of 100 facts was 12.8 MB, for at most 600 values shown).
 */
import { factPath, type TopicList } from '../paths.ts';
import { listCounts } from './data.ts';
import type { Conflict, Fact, FactValue, Point, Quote, SourceRef, TimelineEvent, TopicBriefing } from '../types.ts';

/**
 * How many of each a topic page shows; `values` (distinct values of one fact) and `citations`
 * are per line, on every page, with the rest counted.
 */
export const SHOWN = { conflicts: 10, facts: 25, events: 25, quotes: 15, values: 6, citations: 5 } as const;

const statusRank: Record<Fact['status'], number> = { differ: 0, agree: 1, single: 2 };

/** The first `count` of `items` by `compare`, ties in the order they came in. */
function leading<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .slice(0, count)
    .map(({ item }) => item);
}

/** The `count` facts a reader looks at first: disagreements, then those the most independent stories report; ties keep the briefing's order. */
export const leadingFacts = (facts: readonly Fact[], count: number): Fact[] =>
  leading(facts, count, (a, b) => statusRank[a.status] - statusRank[b.status] || b.stories - a.stories || b.values.length - a.values.length);

/** The `count` disagreements with the most values; ties keep the briefing's order. */
export const leadingConflicts = (conflicts: readonly Conflict[], count: number): Conflict[] => leading(conflicts, count, (a, b) => b.values.length - a.values.length);

/** The `count` most recent events, still in date order (the timeline is in date order). */
export const latestEvents = (timeline: readonly TimelineEvent[], count: number): TimelineEvent[] => timeline.slice(Math.max(0, timeline.length - count));

/** The `count` quotes carried by the most sources; ties keep the briefing's order. */
export const leadingQuotes = (quotes: readonly Quote[], count: number): Quote[] => leading(quotes, count, (a, b) => b.sources.length - a.sources.length);

/** "Huawei · market share · China · Q4 2024". */
export const factLabel = (f: Pick<Fact, 'subject' | 'measure' | 'period' | 'market'>): string => [f.subject, f.measure, f.market, f.period].filter(Boolean).join(' · ');

/**
 * Where each fact's row is: on the page of the topic's figures that lists it. Conflicts and
 * charts link there; the pipeline links article figures the same way (`factPath`).
 */
export function factLinks(briefing: Pick<TopicBriefing, 'slug' | 'facts'>, base: string): Map<string, string> {
  return new Map(briefing.facts.map((fact, index) => [fact.id, factPath(base, briefing.slug, fact.id, index)]));
}

/** A fact's values grouped by what they say: "16%" from three sources is one value with three citations. */
export interface ReportedValue {
  text: string;
  /** The first source's sentence: the value links there. */
  first: SourceRef;
  sources: SourceRef[];
  /** Independent stories reporting it, or a value equal to it after rounding. */
  stories: number;
  /** Written less precisely than another value it agrees with. */
  rounded: boolean;
}

/** The distinct values of a fact, those most independent stories report first (ties in the order of its values). */
export function reportedValues(values: readonly FactValue[]): ReportedValue[] {
  const byValue = new Map<string, ReportedValue>();
  for (const figure of values) {
    const [first] = figure.sources;
    if (!first) continue;
    const key = `${figure.value}|${figure.unit}|${figure.rounded}`;
    const found = byValue.get(key);
    if (found) found.sources.push(...figure.sources);
    else byValue.set(key, { text: figure.text, first, sources: [...figure.sources], stories: figure.stories, rounded: figure.rounded });
  }
  return leading([...byValue.values()], byValue.size, (a, b) => b.stories - a.stories || b.sources.length - a.sources.length);
}

/** An item as a page cites it: its first `SHOWN.citations` sources, and how many it has in all. */
export type Cited<T extends { sources: SourceRef[] }> = T & { sourceCount: number };

export const cited = <T extends { sources: SourceRef[] }>(item: T): Cited<T> => ({ ...item, sources: item.sources.slice(0, SHOWN.citations), sourceCount: item.sources.length });

/** Values as a line shows them: the `SHOWN.values` most reported, and how many distinct ones there are. */
export interface ShownValues {
  values: Cited<ReportedValue>[];
  valueCount: number;
}

function shownValues(values: readonly FactValue[]): ShownValues {
  const reported = reportedValues(values);
  return { values: reported.slice(0, SHOWN.values).map(cited), valueCount: reported.length };
}

/** A fact as a page shows it: a row of `FactTable`, with how many articles report it ("1 story, 2 copies"). */
export type ShownFact = Omit<Fact, 'values'> & ShownValues & { articles: number };

export const shownFact = ({ values, ...fact }: Fact): ShownFact => ({
  ...fact,
  ...shownValues(values),
  articles: new Set(values.flatMap((figure) => figure.sources.map((source) => source.article))).size,
});

/** A disagreement as the topic page shows it, with the link to its fact's row. */
export type ShownConflict = Omit<Conflict, 'values'> & ShownValues & { path: string };

/** What one page of each of a topic's lists reads (`topicListFile`). */
export type ListItem<T extends TopicList> = T extends 'figures' ? ShownFact : T extends 'timeline' ? Cited<TimelineEvent> : Cited<Quote>;

/** Items `start` to `start + count` of a topic's list, as its page shows them. */
export function listItems(briefing: TopicBriefing, list: TopicList, start: number, count: number): ListItem<TopicList>[] {
  const end = start + count;
  if (list === 'figures') return briefing.facts.slice(start, end).map(shownFact);
  if (list === 'timeline') return briefing.timeline.slice(start, end).map(cited);
  return briefing.quotes.slice(start, end).map(cited);
}

export type TopicView = Omit<TopicBriefing, 'points' | 'facts' | 'figures' | 'conflicts' | 'timeline' | 'quotes'> & {
  points: Cited<Point>[];
  /** How long each list is. */
  counts: { facts: number; figures: number; conflicts: number; timeline: number; quotes: number };
  leading: { facts: ShownFact[]; conflicts: ShownConflict[]; events: Cited<TimelineEvent>[]; quotes: Cited<Quote>[] };
};

export function topicView(briefing: TopicBriefing, base: string): TopicView {
  const { points, facts, figures, conflicts, timeline, quotes, ...rest } = briefing;
  const links = factLinks(briefing, base);
  return {
    ...rest,
    points: points.map(cited),
    counts: listCounts(briefing),
    leading: {
      facts: leadingFacts(facts, SHOWN.facts).map(shownFact),
      conflicts: leadingConflicts(conflicts, SHOWN.conflicts).map(({ values, ...c }) => ({ ...c, ...shownValues(values), path: links.get(c.id) as string })),
      events: latestEvents(timeline, SHOWN.events).map(cited),
      quotes: leadingQuotes(quotes, SHOWN.quotes).map(cited),
    },
  };
}
