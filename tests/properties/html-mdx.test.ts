/**
 * Property: whatever shape a saved page has, its article page compiles and shows its sentences.
 * Pages are built from the shapes real pages have — tables holding lists and paragraphs, lists
 * nested in cells, definition lists, figures with captions, MathML, code, quotes, links and
 * formatting around blocks — filled with text full of what MDX, Markdown and GFM give meaning
 * to, then read → clean → MDX, and compiled by the site's compiler (Sätteri, as Astro does):
 * it compiles, nothing in it runs, and its sentence spans are the article's sentences, each
 * holding the sentence's text (so no span crosses a block's edge).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { compileProblem } from '../../src/pipeline/emit/page-check.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { readMdx } from '../emit/mdx-check.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Words, and characters with a meaning in MDX, Markdown or GFM (as text of the page, escaped). */
const word = fc.constantFrom(
  'Apple', 'sales', 'fell', '11%', 'in', 'China.', 'Mr. Cook', 'said', '阿里巴巴。', 'e.g.', 'Q4', '$18.5bn', 'the', 'quarter!',
  '{x}', '<Foo />', '|', '*', '_', '`', '[a]', '(b)', '#', '> ', '- ', '1. ', 'import x', 'export y', '---', '\\', '&', ':', 'http://a.b', 'www.c.d', '~~',
);
const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((parts) => escape(parts.join(' ')));

/** Inline content: text with formatting and links around it. */
const inline = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 1, arbitrary: words.map((w) => `<em>${w}</em>`) },
  { weight: 1, arbitrary: words.map((w) => `<strong>${w}</strong>`) },
  { weight: 1, arbitrary: words.map((w) => `<a href="https://example.com/x">${w}</a>`) },
  { weight: 1, arbitrary: words.map((w) => `<code>${w}</code>`) },
  { weight: 1, arbitrary: fc.constant('<math><mi>x</mi><mo>=</mo><mn>2</mn><annotation encoding="application/x-tex">x = 2</annotation></math>') },
  { weight: 1, arbitrary: fc.constant('<br>') },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

/** Blocks, nested as real pages nest them. */
const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: line.map((l) => `<p>${l}</p>`) },
    { weight: 1, arbitrary: line.map((l) => `<h2>${l}</h2>`) },
    { weight: 1, arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`) },
    { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`) },
    { weight: 1, arbitrary: fc.array(fc.tuple(line, line), { minLength: 1, maxLength: 3 }).map((pairs) => `<dl>${pairs.map(([t, d]) => `<dt>${t}</dt><dd>${d}</dd>`).join('')}</dl>`) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.array(fc.oneof(line, tie('block'), fc.array(tie('block'), { maxLength: 2 }).map((b) => b.join(''))), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
        .map((rows) => `<table>${rows.map((cells, r) => `<tr>${cells.map((c) => (r === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</table>`),
    },
    { weight: 1, arbitrary: fc.tuple(line, line).map(([a, b]) => `<figure><p>${a}</p><figcaption>${b}</figcaption></figure>`) },
    { weight: 1, arbitrary: words.map((w) => `<pre><code>${w}\n${w}</code></pre>`) },
    { weight: 1, arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((b) => `<blockquote>${b.join('')}</blockquote>`) },
    { weight: 1, arbitrary: fc.tuple(words, tie('block'), words).map(([a, b, c]) => `<p><em>${a} <span>${b}</span> ${c}</em></p>`) },
    { weight: 1, arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((b) => `<div>${b.join('')}</div>`) },
  ),
}));

const page = fc
  .array(block, { minLength: 1, maxLength: 6 })
  .map((blocks) => `<!doctype html><html lang="en"><head><title>A page</title></head><body><article>${blocks.join('\n')}</article></body></html>`);

describe('a saved page’s MDX compiles and shows its sentences, whatever its shape', () => {
  test('tables holding lists, nested lists in cells, definition lists, figures, math, code', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(page, (html) => {
        const read = readArticle('page.html', new TextEncoder().encode(html));
        if (!read.doc) return; // a page of only markup is refused, by name
        const article = cleanArticle(read.doc);
        const mdx = articleToMdx(article);
        expect(compileProblem(mdx), mdx).toBeUndefined();
        const { remark, satteri } = readMdx(mdx);
        for (const reading of [remark, satteri]) {
          expect(reading.dangerous).toEqual([]);
          expect(reading.spans, mdx).toEqual(article.sentences.map((s) => ({ id: s.id, text: s.text })));
        }
      }),
      { numRuns: 200 },
    );
  });
});
