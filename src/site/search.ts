/**
 * Build-time helpers for the `data-pagefind-*` attributes pages carry: what Pagefind sorts on and
 * shows beside a result. Pure functions of the page's data.
 */

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
  return date ? { 'data-pagefind-sort': `date:${date}`, 'data-pagefind-meta': `date:${date}` } : {};
}
