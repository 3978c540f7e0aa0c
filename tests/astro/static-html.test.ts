/**
 * The MDX the pipeline writes, compiled as Astro compiles it (Sätteri, `optimize`, our hast
 * plugins) and rendered by Astro: the static-HTML plugin must change how a page is compiled
 * (one HTML string, not a JSX call per sentence) and never what it shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer } from 'astro/container';
import { Fragment } from 'astro/runtime/server/index.js';
import { loadRenderers } from 'astro/virtual-modules/container.js';
import { fromHtml } from 'hast-util-from-html';
import { mdxToJs } from 'satteri';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, test } from 'vitest';
import { externalLinks } from '../../src/astro/plugins/external-links.ts';
import { staticHtml } from '../../src/astro/plugins/static-html.ts';
import { cleanArticle } from '../../src/pipeline/clean/index.ts';
import { articleToMdx } from '../../src/pipeline/emit/mdx.ts';
import { readArticle } from '../../src/pipeline/read/index.ts';
import { programEffects, splitMdx } from '../emit/mdx-check.ts';

const options = { features: { gfm: true, smartPunctuation: false }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;
/** As astro.config.mjs has it: the plugins, and `mdx({ optimize: true })`. */
const compileOptimised = (body: string) =>
  mdxToJs(body, { ...options, hastPlugins: [externalLinks, staticHtml], optimizeStatic: { component: 'Fragment', prop: 'set:html' } } as never).code;
const compilePlain = (body: string) => mdxToJs(body, { ...options, hastPlugins: [externalLinks] } as never).code;

const scratch = mkdtempSync(join(tmpdir(), 'static-html-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const runtime = import.meta.resolve('astro/jsx-runtime');
let modules = 0;

/** Render compiled MDX with Astro, the way a page renders `<Content />`. */
async function render(js: string): Promise<string> {
  const file = join(scratch, `page-${modules++}.mjs`);
  writeFileSync(file, js.replace('"astro/jsx-runtime"', JSON.stringify(runtime)));
  const component = (await import(pathToFileURL(file).href)).default;
  const container = await experimental_AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  return container.renderToString(component, { props: { components: { Fragment } } });
}

/**
 * HTML as a browser reads it: the JSX renderer writes a quote in text as `&quot;` where the
 * HTML string has `"`, the same text to any parser.
 */
function parsed(html: string) {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
}

/** JSX elements the compiled program still creates, by tag or component name. */
const jsxCalls = (js: string) => [...js.matchAll(/_jsxs?\(("[a-z]+"|_components\.\w+|[A-Z]\w*)/g)].map((m) => m[1]).filter((name) => name !== 'MDXLayout' && name !== 'Fragment');

function mdxOf(file: string, text: string): string {
  const read = readArticle(file, new TextEncoder().encode(text));
  if (!read.doc) throw new Error(read.diagnostics[0]?.message);
  const article = cleanArticle(read.doc);
  const marks = new Map([[article.sentences[1]?.id ?? '', [{ text: '11%', href: '/topics/x/figures/#fact-1', title: 'Apple "China" <share> {x} & co' }]]]);
  return splitMdx(articleToMdx(article, marks)).body;
}

describe('static HTML in compiled MDX', () => {
  const body = mdxOf(
    'a.md',
    `# Apple picks Alibaba

Apple chose _Alibaba_. Sales fell 11% in China. 中文。句子。

## Outlook

- One. Two.

> Quoted one. Quoted!

Text with {process.exit(1)} & [a link](https://example.com/r) and \`code\`.

| A | B |
| - | - |
| ~~x~~ | y |
`,
  );

  test('an article compiles to one HTML string: no JSX call per sentence, paragraph or figure', () => {
    const plain = compilePlain(body);
    const optimised = compileOptimised(body);
    expect(jsxCalls(plain).filter((name) => name === '"span"').length).toBeGreaterThan(8);
    expect(jsxCalls(optimised)).toEqual([]);
    expect(optimised.match(/"set:html"/g)).toHaveLength(1);
    expect(optimised.length).toBeLessThan(plain.length * 0.7);
    // Still nothing that runs: JSX factories only, and the Error thrown when no Fragment is given.
    expect(programEffects(optimised)).toEqual(['NewExpression']);
    expect(optimised).toContain('throw new Error("Expected " + (component ? "component" : "object")');
  });

  test('the page shows exactly what the JSX showed', async () => {
    const html = await render(compileOptimised(body));
    expect(parsed(html)).toEqual(parsed(await render(compilePlain(body))));
    expect(html).toContain('<p><span id="s-1uchscj" class="s">Apple chose <em>Alibaba</em>.</span>\n<span id="s-1ld9svf" class="s">Sales fell <a class="figure" href="/topics/x/figures/#fact-1" title="Apple &quot;China&quot; <share> {x} &amp; co">11%</a> in China.</span>\n<span id="s-0zxva7x" class="s">中文。</span><span id="s-1wibyl2" class="s">句子。</span></p>');
    expect(html).toContain('<td><span id="s-1y7mkjr" class="s"><del>x</del></span></td>');
    expect(html).toContain('<span id="s-1vd2doi" class="s">Text with {process.exit(1)} &amp; <a href="https://example.com/r" rel="noopener noreferrer">a link</a> and <code>code</code>.</span>');
  });

  test('article text stays text: markup in a plain-text article is escaped, never a tag', async () => {
    const text = mdxOf('b.txt', 'Hostile\n\nA <script>alert(1)</script> and <img src=x onerror=alert(2)> in 11% of "cases" & more.\n');
    const html = await render(compileOptimised(text));
    expect(parsed(html)).toEqual(parsed(await render(compilePlain(text))));
    expect(html).toBe('<p><span id="s-0e6j9ig" class="s">A &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; in 11% of "cases" &amp; more.</span></p>');
  });

  test('JSX that is not plain HTML of ours stays JSX: expressions, other attributes, other tags, components', async () => {
    const mdx = [
      '<p><span id="s-1" class="s">Folded.</span></p>',
      '<p><span id={"s-" + 2}>Expression.</span></p>',
      '<p><span id="s-3" data-x="y">Other attribute.</span></p>',
      '<p><span {...{ id: "s-4" }}>Spread.</span></p>',
      '<div id="d">Other tag.</div>',
      '<Chart id="c" />',
      '',
    ].join('\n\n');
    const js = compileOptimised(mdx);
    // A `<p>` whose content is not static stays JSX around it.
    expect(jsxCalls(js)).toEqual(['_components.p', '"span"', '_components.p', '"span"', '_components.p', '"span"', '"div"', 'Chart']);
    expect(js).toContain('_jsx(Fragment, { "set:html": "<p><span id=\\"s-1\\" class=\\"s\\">Folded.</span></p>\\n" })');
  });
});
