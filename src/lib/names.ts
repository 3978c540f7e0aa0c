import type { ArticleSummary } from '../pipeline/emit/data.ts';

const made = new WeakMap<ArticleSummary[], Record<string, string>>();

/** A short label per article for citation links: its outlet, or its title when the outlet is unknown. */
export function citationNames(articles: ArticleSummary[]): Record<string, string> {
  // Made once per list of articles: every page of a topic's lists asks for them.
  const known = made.get(articles);
  if (known) return known;
  const names: Record<string, string> = {};
  made.set(articles, names);
  for (const a of articles) names[a.slug] = a.source ?? (a.title.length > 40 ? `${a.title.slice(0, 38)}…` : a.title);
  return names;
}
