import type { ArticleSummary } from '../pipeline/emit/data.ts';

/** A short label per article for citation links: its outlet, or its title when the outlet is unknown. */
export function citationNames(articles: ArticleSummary[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const a of articles) names[a.slug] = a.source ?? (a.title.length > 40 ? `${a.title.slice(0, 38)}…` : a.title);
  return names;
}
