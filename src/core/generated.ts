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

/**
 * Each article page's rendered HTML, one file per page named by the digest of its MDX and the
 * renderer (the digest its content entry carries): written by the article loader
 * (`src/astro/article-loader.ts`), read by the article template (`articleHtml` in
 * `src/site/data.ts`), kept from build to build (the pipeline's writer leaves the folder alone).
 *
 * Why not in the content entry (`rendered.html`, as Astro keeps Markdown): Astro bundles its
 * content store into the build as one JavaScript string literal, and V8 compiles a literal in
 * time that grows faster than its length. At 5,000 articles the store was 43 MB, and importing
 * it took 21-34 s of every build; Astro's chunked store (`experimental.collectionStorage`) cut the
 * import to 2.3 s but took 53 s to write. Read from here, each page reads its own 8 KB.
 */
export const ARTICLE_HTML_DIR = 'article-html';
export const articleHtmlFile = (digest: string) => `${ARTICLE_HTML_DIR}/${digest}.json`;

/** A page's HTML as kept: JSON, checked when read, so that a file cut short by a build that stopped is rendered again, never shown. */
export const encodeArticleHtml = (html: string): string => JSON.stringify({ html });

/** The HTML a kept file holds, or undefined when it is not one `encodeArticleHtml` wrote (cut short, say). */
export function decodeArticleHtml(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { html?: unknown };
    return typeof value?.html === 'string' ? value.html : undefined;
  } catch {
    return undefined;
  }
}

/** The site's configuration, as the pages read it. */
export const SITE_FILE = 'site.json';
/** Every problem found in the content, with the number of articles built. */
export const REPORT_FILE = 'report.json';
