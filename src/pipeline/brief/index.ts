/**
 * Stage 4, brief: reduce the analysed articles of one topic into a TopicBriefing — key points,
 * facts compared across sources, conflicts, charts, timeline, quotes and sources. Every line in
 * it is a sentence or a figure from an article, carried with its `sources`.
 */
import { compareEvents } from '../analyse/dates.ts';
import { requiredTerms, topicTerms } from '../analyse/topics.ts';
import type { AnalysedArticle, Quote, Slug, TimelineEvent, Topic, TopicArticle, TopicBriefing } from '../../core/types.ts';
import { buildChart } from './charts.ts';
import { findConflicts, groupFacts } from './facts.ts';
import { selectKeyPoints } from './points.ts';
import { topicUpdates } from './updates.ts';
import { storyCounter } from './stories.ts';

export { storyRepresentatives } from './stories.ts';

/** Same quotation from several articles: one quote, all its sources. */
function mergeQuotes(quotes: Quote[]): Quote[] {
  const byText = new Map<string, Quote>();
  for (const quote of quotes) {
    const key = quote.text.replace(/\W+/g, ' ').trim().toLowerCase();
    const found = byText.get(key);
    if (found) {
      found.sources.push(...quote.sources);
      found.speaker ??= quote.speaker;
    } else byText.set(key, { ...quote, sources: [...quote.sources] });
  }
  return [...byText.values()];
}

/** Same sentence on the same date from several articles (syndicated copies): one event. */
function mergeEvents(events: TimelineEvent[]): TimelineEvent[] {
  const byKey = new Map<string, TimelineEvent>();
  for (const event of events) {
    const key = `${event.date}|${event.text.replace(/\W+/g, ' ').trim().toLowerCase()}`;
    const found = byKey.get(key);
    if (found) found.sources.push(...event.sources);
    else byKey.set(key, { ...event, sources: [...event.sources] });
  }
  return [...byKey.values()].sort(compareEvents);
}

export interface BriefOptions {
  /** Each article's story (`storyRepresentatives`). */
  representatives: ReadonlyMap<Slug, Slug>;
  /** The gazetteer: each entity's name and aliases, by which a topic term also names it. */
  aliases?: ReadonlyMap<string, readonly string[]>;
  pointCount?: number;
}

export function buildBriefing(topic: Topic, all: AnalysedArticle[], options: BriefOptions): TopicBriefing {
  const { representatives } = options;
  const members = all
    .map((article) => ({ article, match: article.topics.find((t) => t.topic === topic.slug) }))
    .filter((m): m is { article: AnalysedArticle; match: NonNullable<typeof m.match> } => m.match !== undefined)
    .sort((a, b) => (b.article.date ?? '').localeCompare(a.article.date ?? '') || b.match.score - a.match.score || a.article.slug.localeCompare(b.article.slug));
  const articles = members.map(({ article }) => article);
  const inTopic = new Set(articles.map((a) => a.slug));

  const topicArticles: TopicArticle[] = members.map(({ article, match }) => {
    const rep = representatives.get(article.slug) ?? article.slug;
    return {
      slug: article.slug,
      title: article.title,
      date: article.date,
      source: article.source,
      score: match.score,
      terms: match.terms,
      duplicateOf: rep !== article.slug && inTopic.has(rep) ? rep : null,
    };
  });

  const stories = storyCounter(articles, representatives);
  // Each article's figures in the order of its sentences, which `topicUpdates` relies on.
  const figures = articles.flatMap((a) => a.figures);
  const facts = groupFacts(figures, stories);
  const quotes = mergeQuotes(articles.flatMap((a) => a.quotes));
  const charts = topic.charts.map((spec) => buildChart(spec, facts, stories)).filter((c) => c !== null);
  // Looked up and appended to in place: a search or a copy per article made both quadratic in
  // the topic's size (a topic holds thousands of articles at 20,000).
  const bySource = new Map<string, Slug[]>();
  for (const article of articles) {
    const key = article.source ?? '';
    const slugs = bySource.get(key);
    if (slugs) slugs.push(article.slug);
    else bySource.set(key, [article.slug]);
  }

  return {
    slug: topic.slug,
    title: topic.title,
    description: topic.description,
    articles: topicArticles,
    coverage: new Set(articles.map((a) => representatives.get(a.slug) ?? a.slug)).size,
    points: selectKeyPoints(articles, { duplicateOf: representatives, stories, terms: topicTerms(topic.match, options.aliases), required: requiredTerms(topic.match, options.aliases), count: options.pointCount ?? 6 }),
    facts,
    figures,
    conflicts: findConflicts(facts),
    timeline: mergeEvents(articles.flatMap((a) => a.events)),
    quotes,
    charts,
    sources: [...bySource.entries()]
      .map(([source, slugs]) => ({ source: source || null, articles: slugs }))
      .sort((a, b) => (a.source ?? '~').localeCompare(b.source ?? '~')),
    updates: topicUpdates({ articles: topicArticles, facts, figures, quotes }),
  };
}
