/**
 * Property: whatever text an article holds, its MDX shows exactly that text and runs nothing.
 * Arbitrary Unicode mixed with the characters and words MDX, Markdown and GFM give meaning to,
 * as a plain-text article (and, for safety only, as Markdown) → read → clean → MDX → parsed back
 * by remark-mdx and by Sätteri (Astro's compiler): no ESM, expression or foreign element, the
 * sentence spans are the article's sentences with their exact text, and all visible text is the
 * cleaned article's text.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { articleText, readMdx } from '../emit/mdx-check.ts';

/** Characters with a meaning in MDX, CommonMark or GFM, and words that start code in MDX. */
const significant = fc.constantFrom(
  ...'{}<>#*_[]()!|\\`~-+=:&;.@^$%"\'/'.split(''),
  'import ', 'export ', 'import x from "y"', 'export const a = 1', 'export default {}', '{/* c */}', '<Foo />', '</p>', '<span id="s-x">',
  '<!-- c -->', '&amp;', '&#123;', '&lt;', 'http://a.b', 'https://x.y/z_w', 'www.a.b', 'a@b.co', '[^1]', '[a]: http://x', '---', '***', '1. ', '- ', '> ',
  '    ', '\t', '  \n', '\n', '\n\n', ' ', 'Mr. ', 'U.S. ', '. ', '。', '！', '?', '\u00a0', '\u200b', '\ufeff',
);
const text = fc.string({ unit: 'binary', maxLength: 12 });
const words = fc.constantFrom('Apple', 'sales', 'fell', '11%', 'iPhone', 'Alibaba', '阿里巴巴', 'مرحبا', 'e.g.', 'the');
const article = fc.array(fc.oneof({ weight: 3, arbitrary: significant }, { weight: 2, arbitrary: text }, { weight: 2, arbitrary: words }), { maxLength: 80 }).map((parts) => parts.join(''));

const utf8 = (value: string) => new TextEncoder().encode(value);

function checkArticle(file: string, source: string, exactText: boolean): void {
  const read = readArticle(file, utf8(source));
  if (!read.doc) {
    // Refused (empty, only markup): named, never thrown.
    expect(read.diagnostics.map((d) => d.file)).toEqual([file]);
    return;
  }
  const cleaned = cleanArticle(read.doc);
  const mdx = articleToMdx(cleaned);
  const { remark, satteri } = readMdx(mdx);
  for (const reading of [remark, satteri]) {
    expect(reading.dangerous).toEqual([]);
    expect(reading.frontmatter.title).toBe(cleaned.title);
    if (exactText) {
      expect(reading.spans).toEqual(cleaned.sentences.map((s) => ({ id: s.id, text: s.text })));
      expect(reading.text).toBe(articleText(cleaned));
    }
  }
}

describe('an article’s MDX shows its text and runs nothing', () => {
  test('plain text', () => {
    fc.assert(
      fc.property(article, (source) => checkArticle('prop.txt', source, true)),
      { numRuns: 300 },
    );
  });

  test('Markdown', () => {
    fc.assert(
      fc.property(article, (source) => checkArticle('prop.md', source, true)),
      { numRuns: 150 },
    );
  });
});
