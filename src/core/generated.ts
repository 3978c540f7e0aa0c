/**
 * The generated folder's layout (`.briefings/`, see `src/config/paths.ts`): where emit writes what
 * the site reads. Paths are relative to the folder; every name in them is a slug (`[a-z0-9-]`).
 */
import type { TopicList } from './urls.ts';

/** The static data API, copied as it is into `dist/data/`. */
export const DATA_DIR = 'data';
export const ARTICLES_DATA_FILE = 'data/articles.json';
export const TOPICS_DATA_FILE = 'data/topics.json';
export const ENTITIES_DATA_FILE = 'data/entities.json';
export const articleDataFile = (slug: string) => `data/articles/${slug}.json`;
export const entityDataFile = (slug: string) => `data/entities/${slug}.json`;
/** A topic's briefing in the static data API. */
export const topicDataFile = (topic: string) => `data/topics/${topic}.json`;

/** Each article's page (MDX), and each topic's introduction. */
export const articlePageFile = (slug: string) => `articles/${slug}.mdx`;
export const topicPageFile = (slug: string) => `topics/${slug}.mdx`;

/** What a topic's pages read besides its lists (`TopicView`). */
export const topicViewFile = (topic: string) => `views/topics/${topic}.json`;
/** The items of one page of a topic's list. */
export const topicListFile = (topic: string, list: TopicList, page: number) => `lists/${topic}/${list}/${page}.json`;
/** The latest updates across topics, for the home page (`LatestUpdate`). */
export const LATEST_UPDATES_FILE = 'views/updates.json';

/**
 * For each article page, a key of what the page shows from the pipeline's output (its record, and
 * its near-duplicates' titles), written by the incremental layer: the page's key for Astro's
 * incremental build, so that listing 5,000 pages reads one file, not every record.
 */
export const ARTICLE_PAGE_KEYS_FILE = 'article-pages.json';

/** The site's configuration, as the pages read it. */
export const SITE_FILE = 'site.json';
/** Every problem found in the content, with the number of articles built. */
export const REPORT_FILE = 'report.json';
