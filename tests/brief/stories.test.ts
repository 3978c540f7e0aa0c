import { describe, expect, it } from 'vitest';
import { storyCounter, storyRepresentatives } from '../../src/pipeline/brief/stories.ts';
import type { Duplicate, Slug } from '../../src/core/types.ts';

const article = (slug: string, source: string | null, date: string | null = null, title = `Story ${slug}`) => ({ slug: slug as Slug, source, date, title });
const duplicates = (...pairs: [string, string][]) => {
  const map = new Map<Slug, Duplicate[]>();
  for (const [x, y] of pairs) {
    for (const [from, to] of [
      [x, y],
      [y, x],
    ] as const) map.set(from as Slug, [...(map.get(from as Slug) ?? []), { slug: to as Slug, similarity: 0.9 }]);
  }
  return map;
};

describe('storyRepresentatives', () => {
  it('makes a chain of rewrites one story, represented by its earliest article', () => {
    const articles = [article('c', 'Gazette', '2025-02-14'), article('a', 'Wire', '2025-02-13'), article('b', 'Post', '2025-02-13'), article('d', 'Herald', '2025-02-15')];
    // c rewrites b, which copies a; d is its own story.
    expect(storyRepresentatives(articles, duplicates(['a', 'b'], ['b', 'c']))).toEqual(
      new Map([
        ['a', 'a'],
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'd'],
      ]),
    );
  });

  it('makes an outlet’s re-run of its own story (same outlet, same title) the same story', () => {
    const articles = [
      article('first', 'Wire', '2025-02-13', 'Apple picks Alibaba for AI in China'),
      article('update', 'wire', '2025-02-14', 'Apple picks Alibaba for AI in China!'),
      article('other-outlet', 'Gazette', '2025-02-14', 'Apple picks Alibaba for AI in China'),
      article('unknown', null, '2025-02-14', 'Apple picks Alibaba for AI in China'),
      article('follow-up', 'Wire', '2025-02-15', 'Alibaba shares jump on Apple deal'),
    ];
    expect(storyRepresentatives(articles, new Map())).toEqual(
      new Map([
        ['first', 'first'],
        ['update', 'first'],
        ['other-outlet', 'other-outlet'],
        ['unknown', 'unknown'],
        ['follow-up', 'follow-up'],
      ]),
    );
  });
});

describe('storyCounter', () => {
  const articles = [article('a', 'Wire'), article('b', 'Post'), article('c', 'Wire'), article('d', null), article('e', null)];
  // b copies a.
  const stories = storyCounter(articles, new Map([['b', 'a']] as [Slug, Slug][]));

  it('counts a story and its copies once, and one outlet’s articles once', () => {
    expect(stories.count(['a', 'b'] as Slug[])).toBe(1);
    expect(stories.count(['a', 'c'] as Slug[])).toBe(1);
    // b is linked to c through a: a's copy, and a's outlet's other story.
    expect(stories.count(['a', 'b', 'c'] as Slug[])).toBe(1);
    expect(stories.count(['b', 'c'] as Slug[])).toBe(2);
  });

  it('counts each article of unknown outlet as its own source', () => {
    expect(stories.count(['d', 'e'] as Slug[])).toBe(2);
    expect(stories.count(['a', 'b', 'd', 'e'] as Slug[])).toBe(3);
    expect(stories.count([])).toBe(0);
  });
});
