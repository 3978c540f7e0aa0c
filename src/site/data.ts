/**
 * Pages read the pipeline's generated data here. Reads are memoised by modification time, so a
 * build reads each shared file once and `astro dev` sees every rebuild of `.briefings/`. One
 * article's or one entity's record is read by its own page and is not kept: at 20,000 articles
 * the records would fill the build's memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir } from '../config/paths.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { ArticleSummary, EntityRecord, articleRecord, topicSummary } from '../pipeline/emit/data.ts';
import type { LatestUpdate, ListItem, TopicView } from '../pipeline/emit/topic-view.ts';
import { ARTICLE_PAGE_KEYS_FILE, LATEST_UPDATES_FILE, topicListFile, topicViewFile } from '../core/generated.ts';
import type { TopicList } from '../core/urls.ts';

const GENERATED = generatedDir(process.cwd());
/** Each shared file as last parsed, with the modification time it had. */
const parsed = new Map<string, { mtime: number; value: unknown }>();

function read<T>(path: string, keep = true): T {
  const full = join(GENERATED, path);
  if (!keep) return JSON.parse(readFileSync(full, 'utf8')) as T;
  const mtime = statSync(full).mtimeMs;
  const hit = parsed.get(full);
  if (hit && hit.mtime === mtime) return hit.value as T;
  const value = JSON.parse(readFileSync(full, 'utf8')) as T;
  parsed.set(full, { mtime, value });
  return value;
}

/** The raw JSON text, for the data API endpoints (served byte for byte). */
export const dataFile = (path: string): string => readFileSync(join(GENERATED, 'data', path), 'utf8');

export type ArticleRecord = ReturnType<typeof articleRecord>;
export type TopicSummary = ReturnType<typeof topicSummary>;
export type EntitySummary = Omit<EntityRecord, 'mentions'> & { articles: number };

export const site = () => read<SiteConfig>('site.json');
export const articles = () => read<ArticleSummary[]>('data/articles.json');
export const article = (slug: string) => read<ArticleRecord>(`data/articles/${slug}.json`, false);
export const topics = () => read<TopicSummary[]>('data/topics.json');
/**
 * What a topic's pages read (`TopicView`: the briefing without its long lists, and the leading
 * part of each), kept once read: the topic page, its article pages, feed, card and charts all
 * read it. The whole briefing (at 20,000 articles, 170 MB of JSON) is read by no page.
 */
export const topicView = (slug: string) => read<TopicView>(topicViewFile(slug));
/** The items of page `page` of a topic's list (`topicListFile`): all a list page reads. */
export const topicListItems = <T extends TopicList>(slug: string, list: T, page: number) => read<ListItem<T>[]>(topicListFile(slug, list, page), false);
/** The latest updates across topics, for the home page: a few lines. */
export const latestUpdates = () => read<LatestUpdate[]>(LATEST_UPDATES_FILE);
export const entities = () => read<EntitySummary[]>('data/entities.json');
let lastEntity: { slug: string; mtime: number; value: EntityRecord } | undefined;
/** One entity's record. Only the last one read is kept: its pages (one per 100 articles) are made one after another. */
export function entity(slug: string): EntityRecord {
  const path = `data/entities/${slug}.json`;
  const mtime = statSync(join(GENERATED, path)).mtimeMs;
  if (lastEntity?.slug !== slug || lastEntity.mtime !== mtime) lastEntity = { slug, mtime, value: read<EntityRecord>(path, false) };
  return lastEntity.value;
}

let index: { list: ArticleSummary[]; bySlug: Map<string, ArticleSummary> } | undefined;
/**
 * Every article by slug, built once per version of `articles.json`: a page that looks up a few
 * titles must not rebuild it, or a build of n article pages costs n² (20,000 articles: 4·10⁸).
 */
export function articleBySlug(): ReadonlyMap<string, ArticleSummary> {
  const list = articles();
  if (index?.list !== list) index = { list, bySlug: new Map(list.map((a) => [a.slug as string, a])) };
  return index.bySlug;
}

/** An article's place in one of its topics: the articles before and after it there. */
export interface TopicNeighbours {
  topic: string;
  previous: ArticleSummary | undefined;
  next: ArticleSummary | undefined;
}

let neighbourIndex: { topics: TopicSummary[]; articles: ArticleSummary[]; bySlug: Map<string, TopicNeighbours[]> } | undefined;
/**
 * The previous and next article in each topic of an article, in the topic's order, made once
 * per version of `topics.json` and `articles.json` (one pass over every topic's articles).
 */
export function topicNeighbours(slug: string): TopicNeighbours[] {
  const [topicList, list] = [topics(), articles()];
  if (neighbourIndex?.topics !== topicList || neighbourIndex.articles !== list) {
    const bySlug = new Map<string, TopicNeighbours[]>();
    const summaries = articleBySlug();
    for (const topic of topicList) {
      topic.articles.forEach((article, i) => {
        const entry = { topic: topic.slug, previous: summaries.get(topic.articles[i - 1] ?? ''), next: summaries.get(topic.articles[i + 1] ?? '') };
        bySlug.set(article, [...(bySlug.get(article) ?? []), entry]);
      });
    }
    neighbourIndex = { topics: topicList, articles: list, bySlug };
  }
  return neighbourIndex.bySlug.get(slug) ?? [];
}

let shared: { topics: TopicSummary[]; site: SiteConfig; key: string } | undefined;
/**
 * Everything an article page shows besides its MDX (which Astro tracks itself): its record and
 * the titles of its near-duplicates, whose key the pipeline writes (`ARTICLE_PAGE_KEYS_FILE`),
 * the articles before and after it in its topics (`topicNeighbours`), and the topic titles and
 * site config that every page shows. Astro's incremental build
 * (`experimental.incrementalBuild`) restores the page from its last build while this key, the
 * page's code and the MDX are unchanged — so a page must read nothing that is not in it.
 */
export function articlePageKey(slug: string): string {
  const own = read<Record<string, string>>(ARTICLE_PAGE_KEYS_FILE)[slug];
  if (own === undefined) throw new Error(`no page key for the article "${slug}" in ${ARTICLE_PAGE_KEYS_FILE}: the generated folder is out of date`);
  const [topicList, config] = [topics(), site()];
  if (shared?.topics !== topicList || shared.site !== config) {
    const key = createHash('sha256').update(JSON.stringify([topicList.map((t) => [t.slug, t.title]), config])).digest('hex').slice(0, 32);
    shared = { topics: topicList, site: config, key };
  }
  const neighbours = topicNeighbours(slug).map((n) => [n.topic, n.previous?.slug, n.previous?.title, n.next?.slug, n.next?.title]);
  return `${own}-${shared.key}-${createHash('sha256').update(JSON.stringify(neighbours)).digest('hex').slice(0, 16)}`;
}

/** "2025-02-14" → "14 February 2025"; fixed locale and time zone so every build prints the same. */
export function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const parts = Math.min(date.split('-').length, 3);
  return dateFormats[parts - 1]!.format(new Date(`${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`));
}

/** Year; month and year; day, month and year. Made once: a formatter costs far more than a format. */
const dateFormats = [
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric' }),
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long' }),
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
];

/** A `datetime` attribute value: HTML has no form for a quarter, so it gets the year. */
export const datetimeAttribute = (date: string): string => date.replace(/-Q[1-4]$/, '');
