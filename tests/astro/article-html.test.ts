/**
 * An article page rendered to HTML for the content layer (`src/astro/article-html.ts`)
 * shows exactly what Astro showed when the page was an MDX module: the same page compiled by
 * `@astrojs/mdx`'s own Sätteri renderer with astro.config.mjs's processor and `optimize`, run
 * and rendered by Astro, byte for byte — on pages of every construct the pipeline writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro/virtual-modules/container.js';
import { afterAll, describe, expect, test } from 'vitest';
import { renderArticleHtml, splitPage } from '../../src/astro/article-html.ts';
import { externalLinks } from '../../src/astro/plugins/external-links.ts';
import { staticHtml } from '../../src/astro/plugins/static-html.ts';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx, type FigureMark } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'article-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const runtime = import.meta.resolve('astro/jsx-runtime');
let modules = 0;

/** As astro.config.mjs builds its processor, and `mdx({ optimize: true })` compiles with it. */
const processor = satteri({ hastPlugins: [externalLinks, staticHtml], features: { smartPunctuation: false } });
const compiler = processor.createMdxRenderer!({ syntaxHighlight: false } as never, { optimize: true } as never);

/** The page as Astro showed it: compiled by `@astrojs/mdx`'s renderer, run by Astro's container. */
async function astroHtml(body: string): Promise<string> {
  const { code } = await (await compiler).process(body, join(scratch, 'page.mdx'), {});
  const file = join(scratch, `page-${modules++}.mjs`);
  // What `@astrojs/mdx`'s postprocess step adds: the `Content` export, given Astro's Fragment.
  const content = `${code}
import { Fragment as __Fragment } from 'astro/jsx-runtime';
export default function Content(props = {}) { return MDXContent({ ...props, components: { Fragment: __Fragment, ...props.components } }); }
Content[Symbol.for('mdx-component')] = true;
Content[Symbol.for('astro.needsHeadRendering')] = true;
Content.moduleId = ${JSON.stringify(file)};`;
  writeFileSync(file, content.replaceAll('"astro/jsx-runtime"', JSON.stringify(runtime)).replaceAll("'astro/jsx-runtime'", JSON.stringify(runtime)));
  const component = (await import(pathToFileURL(file).href)).default;
  const container = await experimental_AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  return container.renderToString(component);
}

/** An article's page as the pipeline writes it, with a figure link in its second sentence. */
function pageOf(file: string, text: string, mark?: FigureMark): string {
  const read = readArticle(file, new TextEncoder().encode(text));
  if (!read.doc) throw new Error(read.diagnostics[0]?.message);
  const article = cleanArticle(read.doc);
  const marks = new Map(mark && article.sentences[1] ? [[article.sentences[1].id, [mark]]] : []);
  return articleToMdx(article, marks);
}

const pages: Record<string, string> = {
  'every Markdown construct': pageOf(
    'a.md',
    `---
title: Apple picks Alibaba
---
# Apple picks Alibaba

Apple chose _Alibaba_ and **Baidu** lost. Sales fell 11% in China. 中文。句子。

## Outlook: "2025" & <beyond>

1. One. Two.
2. Three.

5. Starts at five.

- A [link](https://example.com/r?a=1&b="2") and [another](mailto:x@example.com "a title").
  - Nested. Deep.
- [ ] An open task.
- [x] A done task.

> Quoted one. Quoted!
>
> > Nested quote.

Text with {process.exit(1)} & [a link](https://example.com/r) and \`code\`, a_b_c, 1 < 2 > 0, "quotes" 'single'.
A hard break follows.\\
After it.

| Left | Centre | Right |
| :--- | :----: | ----: |
| ~~x~~ | *y* | 3 |

---

Last line with an URL http://example.com/plain and www.example.com.
`,
    { text: '11%', href: '/topics/x/figures/#fact-1', title: 'Apple "China" <share> {x} & co' },
  ),
  'plain text with markup in it': pageOf('b.txt', 'Hostile\n\nA <script>alert(1)</script> and <img src=x onerror=alert(2)> in 11% of "cases" & more.\n\nNext paragraph.\n'),
  'a saved web page': pageOf(
    'c.html',
    '<html lang="en"><head><title>Page</title></head><body><article><h1>Page</h1><p>First <b>bold</b> sentence. Second with <a href="/rel">a relative link</a>.</p><h3>Sub</h3><ul><li>Item one.</li><li>Item two.</li></ul><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table><blockquote>Said so.</blockquote></article></body></html>',
  ),
  // Not written by today's pipeline (it reads task lists as plain items and numbers lists from
  // one), but Markdown the compiler turns into boolean and number attributes, and sentences in them.
  'task lists and a numbered list from five': `- [ ] <span id="s-2" class="s">Open.</span>
- [x] Done.

5. <span id="s-3" class="s">Five.</span>
6. Six.
`,
};

describe('an article page rendered for the content layer', () => {
  test.each(Object.entries(pages))('%s: the HTML Astro showed for its MDX module, byte for byte', async (_, page) => {
    const { body } = splitPage(page);
    expect(renderArticleHtml(body).html).toBe(await astroHtml(body));
  });

  test('the page is the one the pipeline wrote: sentences, figure links, external links, heading ids', () => {
    const { html, headings } = renderArticleHtml(splitPage(pages['every Markdown construct']!).body);
    expect(html).toContain('<a class="figure" href="/topics/x/figures/#fact-1" title="Apple &quot;China&quot; <share> {x} &amp; co">11%</a>');
    expect(html).toContain('<a href="https://example.com/r" rel="noopener noreferrer">a link</a>');
    expect(html).toContain('Text with {process.exit(1)} &amp; ');
    expect(html).not.toContain('<script');
    expect(headings.map((h) => [h.depth, h.slug])).toEqual([[2, 'outlook-2025--']]);
  });

  test('the front matter is split from the body as the pipeline writes it', () => {
    const { frontMatter, body } = splitPage('---\ntitle: "A"\nslug: "a"\n---\n\n<p>Text.</p>\n');
    expect(frontMatter).toBe('title: "A"\nslug: "a"\n');
    expect(body).toBe('\n<p>Text.</p>\n');
    expect(splitPage('<p>No front matter.</p>\n')).toEqual({ frontMatter: '', body: '<p>No front matter.</p>\n' });
  });

  test('only HTML is rendered: a component, an expression or a spread is refused', () => {
    expect(() => renderArticleHtml('<Chart id="c" />\n')).toThrow(/component/);
    expect(() => renderArticleHtml('<p><span id={"s-" + 2}>Expression.</span></p>\n')).not.toThrow();
    expect(() => renderArticleHtml('<p>{[1, 2]}</p>\n')).toThrow(/not HTML/);
    expect(() => renderArticleHtml('<p><span {...{ hidden: { a: 1 } }}>Spread.</span></p>\n')).toThrow(/hidden/);
  });
});
