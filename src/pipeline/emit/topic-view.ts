/**
 * What a topic's pages read: its briefing without the long lists, and the leading part of each.
 * A briefing over thousands of articles has thousands of facts, events and quotes, whose JSON
 * every page of the topic parsed again (sizes at 5,000 and 20,000 articles: docs/performance.md): the topic page shows a fixed number of each, chosen for
 * the reader, and links to the list pages (`/topics/<slug>/figures/`, `…/timeline/`, `…/quotes/`),
 * which read their own 100 items (`topicListFile`). The data API keeps everything.
 *
 * Each item is also cut to what its line shows (`SHOWN.values` values, `SHOWN.citations`
 * sources, and how many there are in all): one fact can gather thousands of values and one key
 * point thousands of sources, and a page must not read more as the corpus grows (a list page
 * of 100 facts shows at most 600 values, whatever the facts gather).
 */
import { articleFacts, articleSpeakers, speakerKey, updateOrder } from '../brief/updates.ts';
import { articlePath, factPath, topicPath, type TopicList } from '../../core/urls.ts';
import type { ArticleValue, Conflict, Fact, FactValue, Figure, Linked, Point, Quote, Slug, SourceRef, TimelineEvent, TopicArticle, TopicBriefing, TopicUpdate } from '../../core/types.ts';
import { listCounts } from './data.ts';
import { linkSources, linkTopicArticle } from './links.ts';

/**
 * How many of each a topic page shows; `values` (distinct values of one fact) and `citations`
 * are per line, on every page, with the rest counted.
 */
export const SHOWN = { conflicts: 10, facts: 25, events: 25, quotes: 15, values: 6, citations: 5, updates: 5, updateItems: 5 } as const;

/**
 * How many of a topic's updates its view holds (`SHOWN.updates` are on its page): as many as
 * its feed has items (`FEED_ITEMS`), whose descriptions say what each article added.
 */
export const VIEW_UPDATES = 50;

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

/** What one page of each of a topic's lists reads (`topicListFile`), its sources as links. */
export type ListItem<T extends TopicList> = Linked<T extends 'figures' ? ShownFact : T extends 'timeline' ? Cited<TimelineEvent> : T extends 'updates' ? ShownUpdate : Cited<Quote>>;

/** Items `start` to `start + count` of a topic's list, as its page shows them, linked under `base`. */
export function listItems(briefing: TopicBriefing, list: TopicList, start: number, count: number, base: string): ListItem<TopicList>[] {
  const end = start + count;
  if (list === 'figures') return linkSources(briefing.facts.slice(start, end).map(shownFact), base);
  if (list === 'timeline') return linkSources(briefing.timeline.slice(start, end).map(cited), base);
  if (list === 'updates') return linkSources(briefing.updates.slice(start, end).map(updateLines(briefing, base)), base);
  return linkSources(briefing.quotes.slice(start, end).map(cited), base);
}

/** What a topic's pages read besides its lists, its sources as links. */
export type TopicView = Linked<
  Omit<TopicBriefing, 'articles' | 'points' | 'facts' | 'figures' | 'conflicts' | 'timeline' | 'quotes' | 'updates'> & {
    /** The topic's page. */
    path: string;
    articles: (TopicArticle & { path: string })[];
    points: Cited<Point>[];
    /** How long each list is. */
    counts: { facts: number; figures: number; conflicts: number; timeline: number; quotes: number; updates: number };
    /** The latest `VIEW_UPDATES` updates. */
    updates: ShownUpdate[];
    leading: { facts: ShownFact[]; conflicts: ShownConflict[]; events: Cited<TimelineEvent>[]; quotes: Cited<Quote>[] };
  }
>;

export function topicView(briefing: TopicBriefing, base: string): TopicView {
  const { slug, articles, points, facts, figures, conflicts, timeline, quotes, updates, ...rest } = briefing;
  const links = factLinks(briefing, base);
  return linkSources(
    {
      slug,
      ...rest,
      path: topicPath(base, slug),
      articles: articles.map((article) => linkTopicArticle(article, base)),
      points: points.map(cited),
      counts: listCounts(briefing),
      updates: updates.slice(0, VIEW_UPDATES).map(updateLines(briefing, base)),
      leading: {
        facts: leadingFacts(facts, SHOWN.facts).map(shownFact),
        conflicts: leadingConflicts(conflicts, SHOWN.conflicts).map(({ values, ...c }) => ({ ...c, ...shownValues(values), path: links.get(c.id) as string })),
        events: latestEvents(timeline, SHOWN.events).map(cited),
        quotes: leadingQuotes(quotes, SHOWN.quotes).map(cited),
      },
    },
    base,
  );
}

/** A value as a line shows it: as written, with its sentence, which it links to and shows on hover. */
export type ShownValue = Pick<ArticleValue, 'text' | 'article' | 'sentence' | 'quote'>;

/** A fact on an update's line: what it is, linked to its row on the topic's figures pages. */
interface ShownFactRef {
  fact: string;
  /** "Apple · market share · China · Q4 2024", or "a figure" for a fact without one. */
  label: string;
  factPath: string;
}

/**
 * An update as a page shows it (`TopicUpdate`): the article it is, and the first
 * `SHOWN.updateItems` facts it added, figures it revised and speakers it first quoted, each with
 * the sentence it links to, and how many of each there are.
 */
export interface ShownUpdate {
  article: Slug;
  title: string;
  source: string | null;
  /** The article's page. */
  path: string;
  date: string | null;
  undated: boolean;
  added: (ShownFactRef & { value: ShownValue })[];
  revised: (ShownFactRef & { from: ShownValue; to: ShownValue })[];
  /** Each speaker with the sentence of their first quotation in the article. */
  speakers: ({ name: string } & SourceRef)[];
  counts: { added: number; revised: number; speakers: number };
}

const shownValue = ({ text, article, sentence, quote }: ArticleValue): ShownValue => ({ text, article, sentence, quote });

const madeLines = new WeakMap<TopicBriefing, { base: string; show: (update: TopicUpdate) => ShownUpdate }>();

/**
 * How a briefing's updates are shown, one update at a time. Made once per briefing (it indexes
 * the briefing's facts, figures and quotes), for its view and every page of its updates.
 */
export function updateLines(briefing: TopicBriefing, base: string): (update: TopicUpdate) => ShownUpdate {
  const made = madeLines.get(briefing);
  if (made?.base === base) return made.show;
  const show = makeUpdateLines(briefing, base);
  madeLines.set(briefing, { base, show });
  return show;
}

function makeUpdateLines(briefing: TopicBriefing, base: string): (update: TopicUpdate) => ShownUpdate {
  const links = factLinks(briefing, base);
  const factsById = new Map(briefing.facts.map((fact) => [fact.id, fact]));
  const articles = new Map(briefing.articles.map((article) => [article.slug as string, article]));
  const values = articleFacts(briefing);
  const speakers = articleSpeakers(briefing.quotes);
  const ref = (fact: string): ShownFactRef => {
    const found = factsById.get(fact);
    return { fact, label: (found && factLabel(found)) || 'a figure', factPath: links.get(fact) ?? '' };
  };
  const items = SHOWN.updateItems;
  return (update) => {
    const article = articles.get(update.article);
    const own = values.get(update.article);
    const quoted = speakers.get(update.article);
    return {
      article: update.article,
      title: article?.title ?? update.article,
      source: article?.source ?? null,
      path: articlePath(base, update.article),
      date: update.date,
      undated: update.undated,
      added: update.added
        .slice(0, items)
        .map((fact) => ({ ...ref(fact), value: shownValue(own?.get(fact) as ArticleValue) })),
      revised: update.revised.slice(0, items).map(({ fact, from, to }) => ({ ...ref(fact), from: shownValue(from), to: shownValue(to) })),
      speakers: update.speakers.slice(0, items).map((name) => {
        const { source } = quoted?.get(speakerKey(name)) as { source: SourceRef };
        return { name, ...source };
      }),
      counts: { added: update.added.length, revised: update.revised.length, speakers: update.speakers.length },
    };
  };
}

/** One line of the latest updates across topics (the home page): an article, and what it added to each of its topics. */
export interface LatestUpdate extends Pick<ShownUpdate, 'article' | 'title' | 'source' | 'path' | 'date' | 'undated'> {
  topics: { slug: string; title: string; path: string; counts: ShownUpdate['counts'] }[];
}

/**
 * The `count` newest articles that added to any topic, each with what it added to each topic, in
 * topic order. Each topic's updates are in the one order `updateOrder`, so the `count` newest
 * across topics are among each topic's first `count`.
 */
export function latestUpdates(briefings: readonly TopicBriefing[], count: number, base: string): LatestUpdate[] {
  const byArticle = new Map<string, LatestUpdate>();
  for (const briefing of briefings) {
    const articles = new Map(briefing.articles.map((article) => [article.slug as string, article]));
    for (const update of briefing.updates.slice(0, count)) {
      const counts = { added: update.added.length, revised: update.revised.length, speakers: update.speakers.length };
      const topic = { slug: briefing.slug, title: briefing.title, path: topicPath(base, briefing.slug), counts };
      const found = byArticle.get(update.article);
      if (found) {
        found.topics.push(topic);
        continue;
      }
      const article = articles.get(update.article);
      byArticle.set(update.article, {
        article: update.article,
        title: article?.title ?? update.article,
        source: article?.source ?? null,
        path: articlePath(base, update.article),
        date: update.date,
        undated: update.undated,
        topics: [topic],
      });
    }
  }
  return [...byArticle.values()].sort(updateOrder).slice(0, count);
}
