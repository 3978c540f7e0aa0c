/**
 * Every address a page links to, under the base path the site is built for (`/` or `/briefs/`):
 * the one module templates ask for a URL, so that none is written by hand in a page. Paths of
 * records (articles, topics, entities, sentences) come from the URL scheme the pipeline links its
 * data with (`src/core/urls.ts`); the site's own pages, feeds and files are named here.
 */
import { articlePath as recordArticlePath, entityPath as recordEntityPath, normaliseBase, topicListPath as recordTopicListPath, topicPath as recordTopicPath, type TopicList } from '../core/urls.ts';

export type { TopicList };

/** The base path, always ending with `/`. */
export const base = normaliseBase(import.meta.env.BASE_URL);

export const homePath = base;
export const topicsPath = `${base}topics/`;
export const entitiesPath = `${base}entities/`;
export const searchPath = `${base}search/`;
/** The site's feed. */
export const feedPath = `${base}rss.xml`;
export const faviconPath = `${base}favicon.svg`;
/** The static data API's entry point: the list of articles. */
export const dataApiPath = `${base}data/articles.json`;
/** Pagefind's bundle, written into the built site after the pages. */
export const pagefindPath = `${base}pagefind/`;
/** Pagefind's script, which the search page preloads. */
export const pagefindScriptPath = `${pagefindPath}pagefind.js`;
/** Only where the site URL is known, and at the domain's root only: see `src/pages/robots.txt.ts`. */
export const sitemapPath = `${base}sitemap-index.xml`;

/** Page `page` of the articles index: `/articles/`, then `/articles/page/2/`. */
export const articlesPath = (page = 1): string => (page === 1 ? `${base}articles/` : `${base}articles/page/${page}/`);

export const articlePath = (slug: string): string => recordArticlePath(base, slug);
export const topicPath = (slug: string): string => recordTopicPath(base, slug);
export const topicFeedPath = (slug: string): string => `${topicPath(slug)}rss.xml`;
/** Page `page` of one of a topic's lists (figures, timeline, quotes, updates). */
export const topicListPath = (slug: string, list: TopicList, page = 1): string => recordTopicListPath(base, slug, list, page);
/** Page `page` of a topic's articles: the first is the topic page's Sources, then `/topics/<slug>/articles/2/`. */
export const topicArticlesPath = (slug: string, page = 1): string => (page === 1 ? `${topicPath(slug)}#sources` : `${topicPath(slug)}articles/${page}/`);
/** A topic page's "What's new", where the home page's latest updates lead. */
export const topicWhatsNewPath = (slug: string): string => `${topicPath(slug)}#whats-new`;
/** A topic's briefing in the static data API. */
export const topicDataPath = (slug: string): string => `${base}data/topics/${slug}.json`;
/** Page `page` of an entity's mentions: the entity's page, then `/entities/<slug>/2/`. */
export const entityPath = (slug: string, page = 1): string => `${recordEntityPath(base, slug)}${page > 1 ? `${page}/` : ''}`;

/** A chart's data, as the data API serves it (`/data/charts/<topic>--<chart>.csv`): the file under `data/`. */
export const chartDataFile = (topic: string, chart: string, format: 'csv' | 'json'): string => `charts/${topic}--${chart}.${format}`;
export const chartDataPath = (topic: string, chart: string, format: 'csv' | 'json'): string => `${base}data/${chartDataFile(topic, chart, format)}`;

/** The social card every page without one of its own shares, and a topic's own. */
export const SITE_CARD = 'og/site.png';
export const topicCardFile = (slug: string): string => `og/topics/${slug}.png`;
/** A card (`og/…png`) as a path under the base. */
export const cardPath = (card: string): string => `${base}${card}`;
