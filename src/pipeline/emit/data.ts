/**
 * The static data API (`dist/data/`): the records the brief fixes, built from the pipeline's
 * output. Field names here are a public contract: add fields, never rename them.
 */
import { articlePath, entityPath, sentencePath, topicPath } from '../../core/urls.ts';
import type { AnalysedArticle, Duplicate, Slug, TopicBriefing } from '../../core/types.ts';
import { linkSources } from './links.ts';

export interface ArticleSummary {
  slug: Slug;
  file: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  path: string;
  topics: string[];
  lang: string;
}

export function articleSummary(article: AnalysedArticle, base: string): ArticleSummary {
  return {
    slug: article.slug,
    file: article.file,
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url,
    path: articlePath(base, article.slug),
    topics: article.topics.map((t) => t.topic),
    lang: article.lang,
  };
}

export function articleRecord(article: AnalysedArticle, duplicates: Duplicate[], base: string) {
  return {
    ...articleSummary(article, base),
    titleFrom: article.titleFrom,
    author: article.author,
    figures: linkSources(article.figures, base),
    quotes: linkSources(article.quotes, base),
    entities: article.entities.map((e) => ({ ...e, path: entityPath(base, e.entity) })),
    timeline: linkSources(article.events, base),
    duplicates,
    matches: article.topics,
    sentences: article.sentences.map(({ id, text }) => ({ id, text })),
  };
}

/** How long each list of a briefing is. */
export const listCounts = ({ facts, figures, conflicts, timeline, quotes, updates }: TopicBriefing) => ({
  facts: facts.length,
  figures: figures.length,
  conflicts: conflicts.length,
  timeline: timeline.length,
  quotes: quotes.length,
  updates: updates.length,
});

export function topicSummary(briefing: TopicBriefing, base: string) {
  return {
    slug: briefing.slug,
    title: briefing.title,
    description: briefing.description,
    path: topicPath(base, briefing.slug),
    articles: briefing.articles.map((a) => a.slug),
    coverage: briefing.coverage,
    /** How long each list of the briefing is: its pages are made from these without reading it. */
    counts: listCounts(briefing),
  };
}

export interface EntityRecord {
  slug: string;
  name: string;
  type: string;
  path: string;
  aliases: readonly string[];
  mentions: { article: Slug; title: string; sentences: { id: string; text: string; path: string }[] }[];
}

/** Reduce every article's mentions into one record per entity. */
export function entityRecords(articles: AnalysedArticle[], base: string, aliases: ReadonlyMap<string, readonly string[]> = new Map()): EntityRecord[] {
  const records = new Map<string, EntityRecord>();
  for (const article of articles) {
    const text = new Map(article.sentences.map((s) => [s.id as string, s.text]));
    for (const mention of article.entities) {
      let record = records.get(mention.entity);
      if (!record) {
        record = { slug: mention.entity, name: mention.name, type: mention.type, path: entityPath(base, mention.entity), aliases: aliases.get(mention.entity) ?? [], mentions: [] };
        records.set(mention.entity, record);
      }
      record.mentions.push({
        article: article.slug,
        title: article.title,
        sentences: mention.sentences.map((id) => ({ id, text: text.get(id) ?? '', path: sentencePath(base, article.slug, id) })),
      });
    }
  }
  return [...records.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
