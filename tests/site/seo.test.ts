import { describe, expect, test } from 'vitest';
import { articleDescription, clip, feedDate, feedOrder, scriptJson, shareUrl, topicDescription } from '../../src/site/seo.ts';

describe('scriptJson', () => {
  test('no character of the value can end a script element, and the JSON reads back the same', () => {
    const value = { headline: '</script><script>alert(1)</script>', note: '<!-- & -->', separators: '\u2028\u2029' };
    const json = scriptJson(value);
    expect(json).toBe('{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","note":"\\u003c!-- \\u0026 --\\u003e","separators":"\\u2028\\u2029"}');
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('shareUrl', () => {
  test('absolute with a site URL, whose origin alone counts: the path already carries the base', () => {
    expect(shareUrl('/briefs/topics/x/', new URL('https://example.com'))).toBe('https://example.com/briefs/topics/x/');
    expect(shareUrl('/briefs/topics/x/', new URL('https://example.com/briefs/'))).toBe('https://example.com/briefs/topics/x/');
    expect(shareUrl('/briefs/topics/x/', undefined)).toBe('/briefs/topics/x/');
  });
});

describe('descriptions', () => {
  test('the first sentence that says something, verbatim, cut at a word when too long', () => {
    expect(articleDescription([{ text: 'By Jane Doe' }, { text: 'Alibaba on Thursday confirmed recent reports of a partnership with Apple.' }], 'Title')).toBe(
      'Alibaba on Thursday confirmed recent reports of a partnership with Apple.',
    );
    expect(articleDescription([{ text: 'Short.' }], 'The title')).toBe('The title');
    expect(clip('one two three four', 12)).toBe('one two…');
    expect(clip('one two, three', 10)).toBe('one two…');
    expect(clip('short enough', 12)).toBe('short enough');
  });

  test('a topic without a description is described by its counts', () => {
    expect(topicDescription({ title: 'Market share', description: '', articles: [1] })).toBe('Market share: key points, figures, timeline and quotes from 1 article, every line cited.');
    expect(topicDescription({ title: 'X', description: 'Given.', articles: [] })).toBe('Given.');
  });
});

describe('feeds', () => {
  test('newest first, undated last, ties and undated by slug', () => {
    const order = feedOrder([
      { slug: 'c', date: null },
      { slug: 'b', date: '2025-02-14' },
      { slug: 'a', date: null },
      { slug: 'd', date: '2025-03-01' },
      { slug: 'a2', date: '2025-02-14' },
    ]).map((a) => a.slug);
    expect(order).toEqual(['d', 'a2', 'b', 'a', 'c']);
  });

  test('an article date is midnight UTC of that day', () => {
    expect(feedDate('2025-02-14')?.toUTCString()).toBe('Fri, 14 Feb 2025 00:00:00 GMT');
    expect(feedDate(null)).toBeUndefined();
  });
});
