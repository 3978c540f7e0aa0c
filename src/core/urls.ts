/**
 * The site's URL scheme, in one place: every link the data API, the pages and the feeds carry is
 * a path made here, under the base path the site is built for (`/` or `/briefs/`). Emit resolves
 * the records' sources with it; `src/site/urls.ts` gives the templates the same paths, the base
 * bound.
 */
import type { Slug } from './types.ts';

/** `base` always ends with `/`. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.trim() || '/';
  return `${trimmed.startsWith('/') ? '' : '/'}${trimmed}${trimmed.endsWith('/') ? '' : '/'}`.replace(/\/{2,}/g, '/');
}

export const articlePath = (base: string, slug: string) => `${base}articles/${slug}/`;
export const topicPath = (base: string, slug: string) => `${base}topics/${slug}/`;
export const entityPath = (base: string, slug: string) => `${base}entities/${slug}/`;
export const sentencePath = (base: string, slug: Slug | string, id: string) => `${articlePath(base, slug)}#${id}`;

/**
 * Long lists are cut into pages of this many items, so that no page grows with the corpus: the
 * articles index, and each topic's articles, figures, timeline and quotes.
 */
export const LIST_PAGE_SIZE = 100;

/** A topic's list pages: all its figures, its whole timeline, all its quotes, all its updates. */
export type TopicList = 'figures' | 'timeline' | 'quotes' | 'updates';

/** Page `page` (1-based) of one of a topic's lists: `/topics/<slug>/figures/`, then `…/figures/2/`. */
export const topicListPath = (base: string, topic: string, list: TopicList, page = 1) => `${topicPath(base, topic)}${list}/${page > 1 ? `${page}/` : ''}`;

/**
 * A fact's row, on the page of its topic's figures that lists it; `index` is the fact's place in
 * the briefing's `facts`, which those pages list in order.
 */
export const factPath = (base: string, topic: string, factId: string, index: number) =>
  `${topicListPath(base, topic, 'figures', Math.floor(index / LIST_PAGE_SIZE) + 1)}#fact-${factId}`;
