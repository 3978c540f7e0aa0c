/**
 * An article page's MDX as the HTML Astro would show for it, without a Vite module.
 *
 * Why: compiled as page modules, 5,000 articles were 5,000 modules that Vite compiled, bundled
 * and loaded in every build. The article loader (`article-loader.ts`) stores this HTML in the
 * content layer instead, as Astro does for Markdown, so Vite bundles only the templates.
 *
 * The HTML is the one the site's MDX compiler gives (astro.config.mjs: Sätteri, GFM, no smart
 * punctuation, `externalLinks`, Astro's heading ids, `mdx({ optimize: true })` with
 * `staticHtml`): the same compiler, `mdxToJs`, with the same features and plugins, run as a
 * function over a JSX runtime that writes HTML as the compiler's serialiser does. One plugin is left out: `staticHtml`, which
 * makes the pipeline's JSX (a paragraph's `<p>`, a sentence's `<span id class>`, a figure's
 * `<a class href title>`) into HTML elements so that `optimize` folds them into the page's HTML
 * string. It is the costliest step of a compile (a visit from Rust into JavaScript per
 * sentence: 0.9 of 1.8 ms of processor time a page, measured over 500 benchmark pages); here
 * the runtime writes those elements itself, as the serialiser writes them (text escapes `&`,
 * `<` and `>`; attribute values `&` and `"`; a boolean attribute is its name; a style is
 * `property: value` pairs joined by `; `). The tests compare the two over article pages of
 * every construct the pipeline writes, and the build's `dist/` is the same file for file.
 *
 * Only what the pipeline writes is rendered: HTML elements with plain attribute values and text.
 * A component, or content that is neither text nor HTML, throws: the page is not one the pipeline
 * wrote, which escapes everything MDX would run (see `src/pipeline/emit/mdx.ts`).
 */
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { evaluate, type HastPluginList } from 'satteri';
import { externalLinks } from './plugins/external-links.ts';

/** A heading of the page, as Astro's `render(entry)` gives them (`headings`). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedArticle {
  html: string;
  headings: Heading[];
}

/** What the runtime builds: HTML already written, so a string child is known to be text. */
class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

const Fragment = Symbol('Fragment');

/** Elements without content or end tag, as the HTML serialiser writes them. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /^[a-z][a-z0-9]*$/;
const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;

const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttribute = (value: string) => value.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'));

function children(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string') return escapeText(value);
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(children).join('');
  throw new Error(`an article page holds content that is not HTML (${typeof value})`);
}

/** A `style` as the compiler gives it (`stylePropertyNameCase: 'css'`): a table cell's alignment. */
const isDeclarations = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');

function attributes(tag: string, props: Record<string, unknown>): string {
  let written = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === undefined || value === null || value === false) continue;
    if (!ATTRIBUTE.test(name)) throw new Error(`an article page's <${tag}> has an attribute that is not plain HTML: ${name}`);
    if (typeof value === 'string') written += ` ${name}="${escapeAttribute(value)}"`;
    else if (typeof value === 'number') written += ` ${name}="${value}"`;
    else if (value === true) written += ` ${name}`;
    else if (name === 'style' && isDeclarations(value)) written += ` style="${escapeAttribute(Object.entries(value).map(([property, v]) => `${property}: ${v}`).join('; '))}"`;
    else throw new Error(`an article page's <${tag} ${name}> is not a plain value`);
  }
  return written;
}

/** The JSX runtime the compiled page runs on: every call returns the HTML it stands for. */
function jsx(type: unknown, props: Record<string, unknown>): Html {
  if (type === Fragment) return new Html('set:html' in props ? String(props['set:html']) : children(props.children));
  if (typeof type !== 'string' || !TAG.test(type)) throw new Error(`an article page uses a component (${String(type)}): only HTML is rendered`);
  const open = `<${type}${attributes(type, props)}>`;
  return new Html(VOID.has(type) ? open : `${open}${children(props.children)}</${type}>`);
}

/**
 * The compiler's options: astro.config.mjs's Markdown processor (`satteri({ hastPlugins:
 * [externalLinks, staticHtml], features: { smartPunctuation: false } })`) as `@astrojs/mdx`
 * compiles a page with it (GFM on, Astro's heading ids, HTML attribute names, `optimize`).
 */
function compilerOptions(data: Record<string, unknown>) {
  const hastPlugins: HastPluginList = [externalLinks, satteriHeadingIdsPlugin()];
  return {
    hastPlugins,
    features: { gfm: true, smartPunctuation: false },
    elementAttributeNameCase: 'html',
    stylePropertyNameCase: 'css',
    optimizeStatic: { component: 'Fragment', prop: 'set:html' },
    data,
    Fragment,
    jsx,
    jsxs: jsx,
  } as const;
}

/** The page's HTML and headings from its MDX body (without front matter). Throws what the compiler throws. */
export function renderArticleHtml(body: string): RenderedArticle {
  const astro = { frontmatter: {}, headings: [] as Heading[], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const page = evaluate(body, compilerOptions({ astro }) as never);
  if (page instanceof Promise) throw new Error('the MDX compiler answered asynchronously: a plugin is async');
  const content = page.default as (props: { components: Record<string, unknown> }) => Html;
  return { html: content({ components: { Fragment } }).value, headings: astro.headings };
}

/** Front matter and body of a page the pipeline wrote (`---\n<YAML>---\n\n<MDX>`). */
export function splitPage(page: string): { frontMatter: string; body: string } {
  const end = page.startsWith('---\n') ? page.indexOf('\n---\n', 3) : -1;
  if (end < 0) return { frontMatter: '', body: page };
  return { frontMatter: page.slice(4, end + 1), body: page.slice(end + 5) };
}
