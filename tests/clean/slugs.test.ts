import { describe, expect, test } from 'vitest';
import { assignSlugs, cleanArticle, slugify } from '../../src/pipeline/clean/index.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import type { Article, Slug } from '../../src/core/types.ts';

describe('slugify', () => {
  test.each([
    ['Apple Partners with Alibaba', 'apple-partners-with-alibaba'],
    ['Apple’s AI Strategy: What It Means', 'apples-ai-strategy-what-it-means'],
    ["Vivo's lead in China's market", 'vivos-lead-in-chinas-market'],
    ['Café société à München', 'cafe-societe-a-munchen'],
    ['  --Spaces & symbols!!--  ', 'spaces-symbols'],
    ['9.2% to HK$124.3', '9-2-to-hk-124-3'],
    ['../../../etc/passwd', 'etc-passwd'],
    ['</script><script>alert(1)</script>', 'script-script-alert-1-script'],
    ['阿里巴巴', ''],
    ['', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('a headline keeps every word up to 100 characters', () => {
    expect(slugify('Apple Partners with Alibaba for AI Integration in China Amid Growing Competition')).toBe('apple-partners-with-alibaba-for-ai-integration-in-china-amid-growing-competition');
    expect(slugify('Apple is making a significant move to bring its Apple Intelligence features to Chinese users')).toBe(
      'apple-is-making-a-significant-move-to-bring-its-apple-intelligence-features-to-chinese-users',
    );
  });

  test('a longer title is cut between words, never after a word left dangling', () => {
    const title = 'Apple and Alibaba will bring AI features to iPhones sold in mainland China from the spring, amid a fall in the shares of Apple';
    expect(slugify(title)).toBe('apple-and-alibaba-will-bring-ai-features-to-iphones-sold-in-mainland-china-from-the-spring');
    expect(slugify('Alibaba will collaborate with Apple on AI', 30)).toBe('alibaba-will-collaborate');
    expect(slugify('Alibaba will collaborate with Apple on AI', 29)).toBe('alibaba-will-collaborate');
    expect(slugify('x'.repeat(120))).toBe('x'.repeat(100));
  });
});

describe('the slug of a cleaned article', () => {
  const slugOf = (file: string, text: string) => {
    const read = readArticle(file, new TextEncoder().encode(text));
    if (!read.doc) throw new Error(read.diagnostics[0]?.message);
    return cleanArticle(read.doc).slug;
  };

  test('comes from the title', () => {
    expect(slugOf('001.txt', 'Apple picks Alibaba\n\nText.')).toBe('apple-picks-alibaba');
  });

  test('comes from the file name when the title is in another script', () => {
    expect(slugOf('news/zh-alibaba-ai.txt', '阿里巴巴与苹果合作在中国推出AI功能\n\n分析人士认为，这项合作是对阿里巴巴AI能力的认可。')).toBe('zh-alibaba-ai');
    expect(slugOf('مقال.txt', 'مرحبا بالعالم\n\nهذا نص.')).toMatch(/^article-[0-9a-f]{8}$/);
  });

  test('ignores a slug written in front matter', () => {
    expect(slugOf('a.md', '---\ntitle: Layout trick\nslug: ../../../etc/passwd\n---\n\nText.')).toBe('layout-trick');
  });
});

describe('assignSlugs', () => {
  const article = (file: string, slug: string) => ({ file, slug: slug as Slug, hash: '0123456789abcdef' }) as Article;
  const slugs = (articles: Article[]) => Object.fromEntries(assignSlugs(articles).map((a) => [a.file, a.slug]));

  test('unique slugs keep their slug', () => {
    expect(slugs([article('b.txt', 'beta'), article('a.txt', 'alpha')])).toEqual({ 'b.txt': 'beta', 'a.txt': 'alpha' });
  });

  test('on a clash, the file that sorts first keeps the slug; the others get their own file name', () => {
    expect(slugs([article('b.txt', 'apple-deal'), article('news/c.md', 'apple-deal'), article('a.txt', 'apple-deal')])).toEqual({
      'a.txt': 'apple-deal',
      'b.txt': 'apple-deal-b',
      'news/c.md': 'apple-deal-news-c',
    });
  });

  test('a new clashing file never changes an existing article’s slug, unless its file sorts first', () => {
    const before = slugs([article('b.txt', 'apple-deal'), article('c.txt', 'apple-deal')]);
    expect(before).toEqual({ 'b.txt': 'apple-deal', 'c.txt': 'apple-deal-c' });
    // Sorting after: the existing slugs stay.
    expect(slugs([article('b.txt', 'apple-deal'), article('c.txt', 'apple-deal'), article('d.txt', 'apple-deal')])).toEqual({ ...before, 'd.txt': 'apple-deal-d' });
    // Sorting first: the new file takes the plain slug, and the article that had it moves to its suffix.
    expect(slugs([article('b.txt', 'apple-deal'), article('c.txt', 'apple-deal'), article('a.txt', 'apple-deal')])).toEqual({
      'a.txt': 'apple-deal',
      'b.txt': 'apple-deal-b',
      'c.txt': 'apple-deal-c',
    });
  });

  test('a suffix that is taken too gets a number', () => {
    expect(slugs([article('x-a.txt', 'deal'), article('x/a.txt', 'deal'), article('a.txt', 'deal'), article('deal-x-a.txt', 'deal-x-a')])).toEqual({
      'a.txt': 'deal',
      'deal-x-a.txt': 'deal-x-a',
      'x-a.txt': 'deal-x-a-2',
      'x/a.txt': 'deal-x-a-3',
    });
  });

  test('returns the articles in the order given, every slug unique', () => {
    const input = Array.from({ length: 50 }, (_, i) => article(`f${49 - i}.txt`, i % 3 === 0 ? 'same' : `s${i % 7}`));
    const output = assignSlugs(input);
    expect(output.map((a) => a.file)).toEqual(Array.from({ length: 50 }, (_, i) => `f${49 - i}.txt`));
    expect(new Set(output.map((a) => a.slug)).size).toBe(50);
  });
});
