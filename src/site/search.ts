/**
 * The contract between the pages and the search page's script: the names of the filters, the
 * metadata and the sort key pages give Pagefind (`data-pagefind-*` attributes), which the script
 * asks Pagefind for by the same constants; and build-time helpers that make those attributes.
 * Pure: the client script imports it too.
 */

/** The filters the search page offers, in the order it shows them; each is also a URL parameter. */
export const FILTERS = ['type', 'topic', 'outlet', 'year'] as const;
export type FilterName = (typeof FILTERS)[number];
export const FILTER = { type: 'type', topic: 'topic', outlet: 'outlet', year: 'year' } as const satisfies Record<FilterName, FilterName>;

/** What is shown beside a result (`data-pagefind-meta`). */
export const META = { title: 'title', date: 'date', outlet: 'outlet' } as const;

/** The sort key (`data-pagefind-sort`): a page's date. */
export const SORT_KEY = 'date';

/** What a page is: the `type` filter's values, and how a result names each (a plain page is not offered). */
export type PageType = 'article' | 'topic' | 'entity' | 'page';
export const PAGE_TYPES: Record<Exclude<PageType, 'page'>, { one: string; many: string }> = {
  article: { one: 'Article', many: 'Articles' },
  topic: { one: 'Topic briefing', many: 'Topic briefings' },
  entity: { one: 'Entity', many: 'Entities' },
};

/** A `data-pagefind-filter` or `data-pagefind-meta` value that gives its value inline: `year:2025`. */
export const pagefindValue = (name: string, value: string): string => `${name}:${value}`;

/** The newest of some ISO dates (they sort as strings), or null when none is known. */
export function newestDate(dates: Iterable<string | null>): string | null {
  let newest: string | null = null;
  for (const date of dates) if (date && (!newest || date > newest)) newest = date;
  return newest;
}

/**
 * A page's date for Pagefind: the sort key behind "newest first" and the `date` shown with the
 * result. Pagefind leaves a page without the key out of a date-sorted search, so an undated page
 * gets neither. A topic or an entity is dated by its newest article, which lists a briefing
 * beside its latest source.
 */
export function pagefindDate(date: string | null): Record<string, string> {
  return date ? { 'data-pagefind-sort': pagefindValue(SORT_KEY, date), 'data-pagefind-meta': pagefindValue(META.date, date) } : {};
}

/** An article's year as a filter value, or nothing for an undated article. */
export const yearFilter = (date: string | null): string | undefined => (date ? pagefindValue(FILTER.year, date.slice(0, 4)) : undefined);
