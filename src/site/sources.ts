/**
 * A topic's sources, numbered: citations on its pages are the numbers (`[3]`), each a link to the
 * sentence it cites, and each page lists the articles behind the numbers once, in a Sources list.
 * A number is the article's place in the topic's list of articles, so `3` is the same article on
 * every page of the topic.
 */
import type { ArticleSummary } from '../pipeline/emit/data.ts';
import type { SourceRef } from '../core/types.ts';
import { articleBySlug } from './data.ts';

export interface NumberedSource {
  number: number;
  /** How a citation names it: its outlet, or its title when the outlet is unknown. */
  name: string;
  article: ArticleSummary;
}

/** Each article of a topic by slug, with its number. */
export type SourceKey = ReadonlyMap<string, NumberedSource>;

const made = new WeakMap<readonly string[], SourceKey>();

export const sourceName = (a: Pick<ArticleSummary, 'source' | 'title'>): string => a.source ?? (a.title.length > 40 ? `${a.title.slice(0, 38)}…` : a.title);

/** The numbered sources of a topic, from its articles' slugs in the topic's order (made once per list). */
export function topicSources(slugs: readonly string[]): SourceKey {
  const known = made.get(slugs);
  if (known) return known;
  const bySlug = articleBySlug();
  const key = new Map<string, NumberedSource>();
  slugs.forEach((slug, i) => {
    const article = bySlug.get(slug);
    if (article) key.set(slug, { number: i + 1, name: sourceName(article), article });
  });
  made.set(slugs, key);
  return key;
}

/** The sources some lines cite, once each, in number order: a page's Sources list. */
export function citedSources(key: SourceKey, lines: Iterable<readonly SourceRef[]>): NumberedSource[] {
  const found = new Map<string, NumberedSource>();
  for (const refs of lines) for (const ref of refs) if (!found.has(ref.article)) {
    const source = key.get(ref.article);
    if (source) found.set(ref.article, source);
  }
  return [...found.values()].sort((a, b) => a.number - b.number);
}
