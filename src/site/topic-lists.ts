/**
 * The pages of a topic's lists (`/topics/<slug>/figures/`, `…/timeline/`, `…/quotes/`,
 * `…/updates/`): every fact, event, quote and update of a briefing, `LIST_PAGE_SIZE` a page, in
 * the briefing's order. The number of pages comes from `topics.json`, so making the list of
 * pages reads no briefing.
 */
import type { TopicList } from '../core/urls.ts';
import { topicListItems, topics, type TopicSummary } from './data.ts';
import { pageCount } from './pagination.ts';

const countOf: Record<TopicList, 'facts' | 'timeline' | 'quotes' | 'updates'> = { figures: 'facts', timeline: 'timeline', quotes: 'quotes', updates: 'updates' };

/** `getStaticPaths` of one list: page 1 at `…/<list>/` (`page` undefined), then `…/<list>/2/`. */
export function topicListPaths(list: TopicList) {
  return topics().flatMap((t) => {
    const total = t.counts[countOf[list]];
    if (total === 0) return [];
    return Array.from({ length: pageCount(total) }, (_, i) => ({ params: { slug: t.slug, page: i === 0 ? undefined : String(i + 1) } }));
  });
}

/** One page of a topic's list: the topic's summary, the page's items, its number and how many pages. */
export function topicListPage<T extends TopicList>(slug: string, list: T, page: string | undefined) {
  const topic = topics().find((t) => t.slug === slug) as TopicSummary;
  const number = page === undefined ? 1 : Number(page);
  const total = topic.counts[countOf[list]];
  return { topic, total, items: topicListItems(slug, list, number), number, count: pageCount(total) };
}
