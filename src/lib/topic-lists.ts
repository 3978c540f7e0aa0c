/**
 * The pages of a topic's lists (`/topics/<slug>/figures/`, `…/timeline/`, `…/quotes/`): every
 * fact, event and quote of a briefing, `LIST_PAGE_SIZE` a page, in the briefing's order. The
 * number of pages comes from `topics.json`, so making the list of pages reads no briefing.
 */
import type { TopicList } from '../pipeline/paths.ts';
import { topics } from './data.ts';
import { pageCount } from './pagination.ts';

const countOf: Record<TopicList, 'facts' | 'timeline' | 'quotes'> = { figures: 'facts', timeline: 'timeline', quotes: 'quotes' };

/** `getStaticPaths` of one list: page 1 at `…/<list>/` (`page` undefined), then `…/<list>/2/`. */
export function topicListPaths(list: TopicList) {
  return topics().flatMap((t) => {
    const total = t.counts[countOf[list]];
    if (total === 0) return [];
    return Array.from({ length: pageCount(total) }, (_, i) => ({ params: { slug: t.slug, page: i === 0 ? undefined : String(i + 1) } }));
  });
}

/** The page number of a list page from its `page` parameter. */
export const listPageNumber = (page: string | undefined): number => (page === undefined ? 1 : Number(page));
