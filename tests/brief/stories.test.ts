import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../src/pipeline/analyse/duplicates.ts';
import { assignSlugs } from '../../src/pipeline/clean/index.ts';
import { storyCounter, storyRepresentatives } from '../../src/pipeline/brief/stories.ts';
import { loadArticle } from '../fixtures/analyse/samples.ts';
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

describe('stories of reports written for the purpose, by the near-duplicate search', () => {
  // `tests/fixtures/duplicates/stories/`: see tests/analyse/duplicates.test.ts.
  const dir = new URL('../fixtures/duplicates/stories/', import.meta.url);
  const reports = assignSlugs(
    readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => loadArticle(dir, file)),
  );
  const name = new Map(reports.map((a) => [a.slug, a.file.replace(/\.md$/, '')]));
  const slug = new Map(reports.map((a) => [a.file.replace(/\.md$/, ''), a.slug]));
  const representatives = storyRepresentatives(reports, findNearDuplicates(reports));

  it('makes a wire story, its copies and its re-run one story, and every separate or short report a story of its own', () => {
    const stories: Record<string, string[]> = {};
    for (const [article, story] of representatives) (stories[name.get(story) as string] ??= []).push(name.get(article) as string);
    for (const list of Object.values(stories)) list.sort();
    expect(stories).toEqual({
      // The follow-up a week later joins by the two paragraphs it repeats (see the search's test).
      'fine-01': ['fine-01', 'fine-02', 'fine-03', 'fine-04', 'fine-05', 'fine-09'],
      'fine-06': ['fine-06'],
      'fine-07': ['fine-07'],
      'fine-08': ['fine-08'],
      // Of one day: the first by slug ("tesla-loses-ground…") represents the story.
      'ev-03': ['ev-01', 'ev-03'],
      'ev-02': ['ev-02'],
      'ev-04': ['ev-04'],
      'ev-05': ['ev-05'],
      'zh-01': ['zh-01', 'zh-02', 'zh-03'],
      'zh-04': ['zh-04'],
      'zh-05': ['zh-05'],
      'zh-06': ['zh-06'],
    });
  });

  it('counts the wire, its copies and its re-run once, separate reports each, and one outlet’s stories once', () => {
    const stories = storyCounter(reports, representatives);
    const count = (...files: string[]) => stories.count(files.map((file) => slug.get(file) as Slug));
    expect(count('fine-01', 'fine-02', 'fine-03', 'fine-04', 'fine-05')).toBe(1);
    expect(count('fine-01', 'fine-06', 'fine-07', 'fine-08')).toBe(4);
    // ev-04 is another tracker's figures, from the wire that ran ev-01: one outlet.
    expect(count('ev-01', 'ev-04')).toBe(1);
    expect(count('ev-01', 'ev-02', 'ev-05')).toBe(3);
    // zh-06 is the outlet of zh-01 again, under its own title: one source for a claim.
    expect(count('zh-01', 'zh-02', 'zh-03', 'zh-04', 'zh-05', 'zh-06')).toBe(3);
  });
});
