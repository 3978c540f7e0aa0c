/**
 * Site paths, in one place so that every link the pipeline writes (into data files and pages)
 * honours the base path the site is built for (`/` or `/briefs/`).
 */
import type { Article, Sentence, SourceRef } from './types.ts';

/** `base` always ends with `/`. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.trim() || '/';
  return `${trimmed.startsWith('/') ? '' : '/'}${trimmed}${trimmed.endsWith('/') ? '' : '/'}`.replace(/\/{2,}/g, '/');
}

export const articlePath = (base: string, slug: string) => `${base}articles/${slug}/`;
export const topicPath = (base: string, slug: string) => `${base}topics/${slug}/`;
export const entityPath = (base: string, slug: string) => `${base}entities/${slug}/`;
export const sentencePath = (base: string, slug: string, id: string) => `${articlePath(base, slug)}#${id}`;

/**
 * Long lists are cut into pages of this many items, so that no page grows with the corpus: the
 * articles index, and each topic's articles, figures, timeline and quotes.
 */
export const LIST_PAGE_SIZE = 100;

/** A topic's list pages: all its figures, its whole timeline, all its quotes, all its updates. */
export type TopicList = 'figures' | 'timeline' | 'quotes' | 'updates';

/** Page `page` (1-based) of one of a topic's lists: `/topics/<slug>/figures/`, then `…/figures/2/`. */
export const topicListPath = (base: string, topic: string, list: TopicList, page = 1) => `${topicPath(base, topic)}${list}/${page > 1 ? `${page}/` : ''}`;

/** Where the pipeline writes what a topic's pages read besides its lists (`TopicView`). */
export const topicViewFile = (topic: string) => `views/topics/${topic}.json`;
/** A topic's briefing in the static data API, in the generated folder (`dist/data/topics/`). */
export const topicDataFile = (topic: string) => `data/topics/${topic}.json`;

/**
 * Where the pipeline writes, for each article page, a key of what the page shows from the pipeline's
 * output (its record, and its near-duplicates' titles): the page's cache key for Astro's
 * incremental build, so that listing 5,000 pages reads one file, not every record.
 */
export const ARTICLE_PAGE_KEYS_FILE = 'article-pages.json';

/** Where the pipeline writes the latest updates across topics, for the home page (`LatestUpdate`). */
export const LATEST_UPDATES_FILE = 'views/updates.json';

/** Where the pipeline writes the items of one page of a topic's list, in its generated folder. */
export const topicListFile = (topic: string, list: TopicList, page: number) => `lists/${topic}/${list}/${page}.json`;

/**
 * A fact's row, on the page of its topic's figures that lists it; `index` is the fact's place in
 * the briefing's `facts`, which those pages list in order.
 */
export const factPath = (base: string, topic: string, factId: string, index: number) =>
  `${topicListPath(base, topic, 'figures', Math.floor(index / LIST_PAGE_SIZE) + 1)}#fact-${factId}`;

/** The data API's `{ article, quote, path }` for one sentence of one article. */
export function sourceRef(base: string, article: Pick<Article, 'slug'>, sentence: Pick<Sentence, 'id' | 'text'>): SourceRef {
  return { article: article.slug, quote: sentence.text, path: sentencePath(base, article.slug, sentence.id) };
}
