/**
 * Stories, not copies: what counts as one source when a briefing says how widely something is
 * reported. A claim is corroborated by independent stories, not by articles:
 *
 * - a story is an article with every near-duplicate of it (copied or rewritten text, chains of
 *   rewrites included, `analyse/duplicates.ts`), and with the articles its own outlet ran again
 *   under the same title (an updated or re-posted story): topic coverage counts stories;
 * - for a claim (a fact's values, a key point's sentences, a chart's data points) the articles of
 *   one outlet also count once, whatever their wording: an outlet repeating its own figure in
 *   its next story does not confirm it. An article whose outlet is unknown is an outlet of its own.
 *
 * So two copies of one wire story agree with nothing but themselves ("1 story, 2 copies"), and
 * `agree` needs two independent stories.
 */
import type { Article, Duplicate, Slug } from '../../core/types.ts';

type StoryInput = Pick<Article, 'slug' | 'title' | 'date' | 'source'>;

/** Code-unit order, the same on every machine. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** An outlet's name as a key: case and spacing do not make another outlet. */
const outletKey = (source: string | null): string | null => (source === null ? null : source.trim().replace(/\s+/g, ' ').toLowerCase() || null);

const titleKey = (title: string): string => title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Each article's story, as the article that represents it: the earliest (then the first by slug)
 * of its near-duplicates and of its outlet's re-runs of it, found breadth-first, so a chain of
 * rewrites is one story. Every article maps, a story's representative to itself.
 */
export function storyRepresentatives(articles: readonly StoryInput[], duplicates: ReadonlyMap<Slug, readonly Duplicate[]>): Map<Slug, Slug> {
  const order = [...articles].sort((a, b) => byCode(a.date ?? '9999', b.date ?? '9999') || byCode(a.slug, b.slug));
  // Articles of one outlet under one title: re-runs of one story.
  const reruns = new Map<string, Slug[]>();
  const rerunKey = (article: StoryInput) => {
    const outlet = outletKey(article.source);
    return outlet === null ? null : `${outlet}\n${titleKey(article.title)}`;
  };
  for (const article of order) {
    const key = rerunKey(article);
    if (key === null) continue;
    const list = reruns.get(key);
    if (list) list.push(article.slug);
    else reruns.set(key, [article.slug]);
  }
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const neighbours = (slug: Slug): Slug[] => {
    const article = bySlug.get(slug);
    const key = article ? rerunKey(article) : null;
    return [...(duplicates.get(slug) ?? []).map((d) => d.slug), ...(key === null ? [] : (reruns.get(key) ?? []))];
  };
  const representative = new Map<Slug, Slug>();
  for (const article of order) {
    if (representative.has(article.slug)) continue;
    representative.set(article.slug, article.slug);
    const queue = [article.slug];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const other of neighbours(next)) {
        if (representative.has(other) || !bySlug.has(other)) continue;
        representative.set(other, article.slug);
        queue.push(other);
      }
    }
  }
  return representative;
}

/**
 * Counts independent stories among sets of articles: articles are one source when they are one
 * story or come from one known outlet.
 */
export interface StoryCounter {
  /** How many independent stories the articles make. */
  count(articles: Iterable<Slug>): number;
}

export function storyCounter(articles: readonly Pick<Article, 'slug' | 'source'>[], representatives: ReadonlyMap<Slug, Slug>): StoryCounter {
  const outletOf = new Map(articles.map((a) => [a.slug, outletKey(a.source)]));
  const count = (slugs: Iterable<Slug>): number => {
    // Union-find over the articles, their stories and their outlets (a small set per claim).
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root) as string;
      for (let at = x; at !== root; ) {
        const up = parent.get(at) as string;
        parent.set(at, root);
        at = up;
      }
      return root;
    };
    const add = (x: string) => {
      if (!parent.has(x)) parent.set(x, x);
    };
    const union = (x: string, y: string) => {
      add(x);
      add(y);
      const [a, b] = [find(x), find(y)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    };
    const members = [...new Set(slugs)];
    for (const slug of members) {
      add(`a:${slug}`);
      union(`a:${slug}`, `s:${representatives.get(slug) ?? slug}`);
      const outlet = outletOf.get(slug);
      if (outlet) union(`a:${slug}`, `o:${outlet}`);
    }
    return new Set(members.map((slug) => find(`a:${slug}`))).size;
  };
  return { count };
}
