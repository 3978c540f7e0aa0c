import { LIST_PAGE_SIZE } from '../core/urls.ts';

/**
 * Long lists are cut into pages of a fixed size, so that no page grows with the corpus: the
 * articles index (`/articles/`, `/articles/page/2/`…) and each topic's articles (on the topic
 * page, then `/topics/<slug>/articles/2/`…). A newsroom archive of 20,000 articles gives 200
 * index pages of 100 links, not one page of 20,000.
 */
export const PAGE_SIZE = LIST_PAGE_SIZE;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Page `number` of `items`; page 1 when the list is empty, so every list has a first page. */
export function pageOf<T>(items: readonly T[], number: number, size = PAGE_SIZE): Page<T> {
  return { items: items.slice((number - 1) * size, number * size), number, count: pageCount(items.length, size) };
}

/** The numbers of every page after the first, as `getStaticPaths` params. */
export function laterPages(total: number, size = PAGE_SIZE): number[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => i + 2);
}

/**
 * Which page numbers a page links to: the first, the last, and two either side of the current
 * one, with `null` where numbers are left out — a short row of links however many pages.
 */
export function pageLinks(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - (shown[i - 1] as number) > 1 ? [null, n] : [n]));
}
