/**
 * Links, made at the last moment. The pipeline's records name a source by its article and sentence
 * (`SourceRef`) and carry no URL; what emit writes gives each source as the data API has it, with a
 * site path that lands on the sentence (`SourceLink`), under the base path the site is built for.
 */
import type { Linked, SourceRef, TopicArticle, TopicBriefing } from '../../core/types.ts';
import { articlePath, sentencePath, topicPath } from '../../core/urls.ts';

const isSource = (value: object): value is SourceRef => {
  const { article, sentence, quote } = value as Partial<Record<keyof SourceRef, unknown>>;
  return typeof article === 'string' && typeof sentence === 'string' && typeof quote === 'string';
};

/**
 * `value` with every source in it, however deep, a link: `{ article, sentence, quote }` becomes
 * `{ article, quote, path }`, and a value of a fact (`ArticleValue`) keeps its other fields before
 * them. Everything else is copied as it is, in its order.
 */
export function linkSources<T>(value: T, base: string): Linked<T> {
  if (Array.isArray(value)) return value.map((item) => linkSources(item, base)) as Linked<T>;
  if (value === null || typeof value !== 'object') return value as Linked<T>;
  if (isSource(value)) {
    const { sentence, ...rest } = value;
    return { ...rest, path: sentencePath(base, value.article, sentence) } as Linked<T>;
  }
  const linked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) linked[key] = linkSources(field, base);
  return linked as Linked<T>;
}

/** A topic's article with the path of its page, after its outlet, as the data API lists it. */
export const linkTopicArticle = ({ slug, title, date, source, ...rest }: TopicArticle, base: string) => ({ slug, title, date, source, path: articlePath(base, slug), ...rest });

/** A briefing as the data API gives it (`data/topics/<slug>.json`): the topic's path, its articles' paths, and every source a link. */
export function linkBriefing(briefing: TopicBriefing, base: string) {
  const { slug, title, description, articles, ...lists } = briefing;
  return { slug, title, description, path: topicPath(base, slug), articles: articles.map((article) => linkTopicArticle(article, base)), ...linkSources(lists, base) };
}

export type BriefingData = ReturnType<typeof linkBriefing>;
