import { mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx, type FigureMark } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import type { Article } from '../../src/core/types.ts';
import { articleText, compiledEffects, readMdx } from './mdx-check.ts';

function article(file: string, text: string): Article {
  const read = readArticle(file, new TextEncoder().encode(text));
  if (!read.doc) throw new Error(read.diagnostics[0]?.message);
  return cleanArticle(read.doc);
}

const markdown = `---
title: Apple picks Alibaba
date: 2025-02-14
source: Wire
url: https://wire.example.com/a
layout: ../../evil.astro
---

Apple chose *Alibaba*. Sales fell 11% in China. 中文。句子。

## import news

- One. Two.

> Quoted one. Quoted!Two.

export of goods {rose}  
import x from "y"

See [the report](https://example.com/r_1) and a_b \`code{x}\`.

| A | B |
| - | - |
| ~~x~~ | <y> |
`;

describe('articleToMdx', () => {
  const source = article('a.md', markdown);
  const marks = new Map<string, FigureMark[]>([[source.sentences[1]?.id ?? '', [{ text: '11%', href: '/topics/x/#fact-1', title: 'Apple "China" <share> {x}' }]]]);

  test('writes allow-listed front matter, one sentence per line, paragraphs as <p>, text escaped', () => {
    expect(articleToMdx(source, marks)).toBe(`---
title: "Apple picks Alibaba"
slug: "apple-picks-alibaba"
file: "a.md"
date: "2025-02-14"
source: "Wire"
url: "https://wire.example.com/a"
lang: "en"
---

<p><span id="s-1uchscj" class="s">Apple chose _Alibaba_.</span>
<span id="s-1ld9svf" class="s">Sales fell <a class="figure" href="/topics/x/#fact-1" title="Apple &#x22;China&#x22; <share> {x}">11%</a> in China.</span>
<span id="s-0zxva7x" class="s">中文。</span><span
id="s-1wibyl2" class="s">句子。</span></p>

## <span id="s-1d1788b" class="s">import news</span>

- <p><span id="s-1kszbeb" class="s">One.</span>
  <span id="s-0p5tl0l" class="s">Two.</span></p>

> <p><span id="s-1e68ml1" class="s">Quoted one.</span>
> <span id="s-0klig9k" class="s">Quoted!</span>
> <span id="s-0p5tl0l-2" class="s">Two.</span></p>

<p><span id="s-1dfkvzb" class="s">export of goods \\{rose}</span>
<span id="s-0uc20rt" class="s">import x from "y"</span></p>

<p><span id="s-0i653bp" class="s">See [the report](https\\://example.com/r_1) and a\\_b \`code{x}\`.</span></p>

| <span id="s-1ie980c" class="s">A</span>     | <span id="s-1j88139" class="s">B</span> |
| ------------------------------------------- | --------------------------------------- |
| <span id="s-1y7mkjr" class="s">~~x~~</span> |                                         |
`);
  });

  test('both MDX parsers read it back as the article, with nothing that runs', async () => {
    const mdx = articleToMdx(source, marks);
    const { remark, satteri } = readMdx(mdx);
    for (const reading of [remark, satteri]) {
      expect(reading.dangerous).toEqual([]);
      expect(reading.spans).toEqual(source.sentences.map((s) => ({ id: s.id, text: s.text })));
      expect(reading.text).toBe(articleText(source));
      expect(reading.frontmatter).toEqual({ title: 'Apple picks Alibaba', slug: 'apple-picks-alibaba', file: 'a.md', date: '2025-02-14', source: 'Wire', url: 'https://wire.example.com/a', lang: 'en' });
    }
    expect(await compiledEffects(mdx)).toEqual({ satteri: [], mdxjs: [] });
  });

  test('plain text that looks like MDX stays text', () => {
    const text = article('b.txt', "Trade\n\nimport fs from 'node:fs'\n\nexport of goods rose 5%. {process.exit(1)} <Foo/> www.x.com\n");
    // "import" is never at the start of a line: every line of a paragraph starts with a tag.
    expect(articleToMdx(text).split('---\n\n')[1]).toBe(`<p><span id="s-1lpw4xy" class="s">import fs from 'node:fs'</span></p>

<p><span id="s-0tzcoin" class="s">export of goods rose 5%. \\{process.exit(1)} \\<Foo/> www&#x2e;x.com</span></p>
`);
  });

  test('a sentence id that is not one of ours never reaches an attribute', () => {
    const forged = structuredClone(source);
    const paragraph = forged.tree.children[0] as { children: { id?: string }[] };
    if (paragraph.children[0]) paragraph.children[0].id = 's-1" onclick="alert(1)';
    expect(() => articleToMdx(forged)).toThrow('not a sentence id: "s-1\\" onclick=\\"alert(1)"');
  });

  // Sätteri is quadratic in tags per line (on one line these took tens of seconds): each sentence
  // goes on a line of its own. The time it takes is measured by `npm run bench` (scripts/bench/hostile.ts).
  test('a paragraph of 20,000 glued sentences is written a sentence a line, and Astro’s MDX compiler reads it', () => {
    const many = article('many.txt', `Bangs\n\n${'A!'.repeat(20_000)}\n`);
    expect(many.sentences).toHaveLength(20_000);
    const body = articleToMdx(many).split('---\n\n')[1] ?? '';
    expect(body.split('\n').length).toBeGreaterThan(20_000);
    expect(() => mdxToMdast(body, { features: { gfm: true } } as never)).not.toThrow();
  });

  test('the article itself is not changed', () => {
    const before = structuredClone(source);
    articleToMdx(source, marks);
    expect(source).toEqual(before);
  });
});
