/**
 * The HTML reader for saved web pages: rehype-parse, keep the readable content (the `<article>`
 * or `<main>`, else `<body>`), drop navigation, scripts, forms and footers, then hast → mdast.
 * hast-util-to-mdast only maps known elements, so scripts, styles, event handlers and raw HTML
 * never reach the tree; link URLs are checked later, in cleaning, like every other format's.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Root, RootContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { ArticleMeta } from '../../config/schema.ts';

/** A document as the reader parses it (also timed alone by the benchmark, `scripts/bench/floor.ts`). */
export const htmlParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });

const dropped = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'input', 'select', 'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'figcaption', 'dialog', 'menu',
]);
const droppedRoles = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);
/** Class names and ids of page furniture (share bars, cookie banners) that sits inside an article. */
const furniture = /\b(share|sharing|social|newsletter|related|comments?|advert|promo|cookies?|consent|gdpr|breadcrumbs?|subscribe|paywall)s?\b/;

function children(node: HastRoot | Element): Element[] {
  return node.children.filter((child) => child.type === 'element') as Element[];
}

function find(node: HastRoot | Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of children(node)) {
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function prune(node: HastRoot | Element): void {
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    const role = String(child.properties.role ?? '');
    const names = `${String(child.properties.className ?? '')} ${String(child.properties.id ?? '')}`.toLowerCase();
    if (dropped.has(child.tagName) || droppedRoles.has(role) || child.properties.hidden !== undefined) return false;
    if (String(child.properties.ariaHidden) === 'true' || furniture.test(names)) return false;
    prune(child);
    return true;
  });
}

function meta(head: Element | undefined, name: string): string | undefined {
  if (!head) return undefined;
  const el = find(head, (e) => e.tagName === 'meta' && (e.properties.name === name || e.properties.property === name));
  const content = el?.properties.content;
  return typeof content === 'string' && content.trim() ? content.trim() : undefined;
}

export interface HtmlDoc {
  tree: Root;
  meta: Partial<Record<keyof ArticleMeta, string>>;
}

export function readHtml(text: string): HtmlDoc {
  const hast = htmlParser.parse(text);
  const html = find(hast, (e) => e.tagName === 'html');
  const head = find(hast, (e) => e.tagName === 'head');
  const found: HtmlDoc['meta'] = {};
  const title =
    meta(head, 'og:title') ??
    (() => {
      const t = head && find(head, (e) => e.tagName === 'title');
      return t ? toText(t).trim() || undefined : undefined;
    })();
  if (title) found.title = title;
  const date = meta(head, 'article:published_time') ?? meta(head, 'date') ?? meta(head, 'pubdate');
  if (date) found.date = date;
  const source = meta(head, 'og:site_name') ?? meta(head, 'publisher');
  if (source) found.source = source;
  const canonical = head && find(head, (e) => e.tagName === 'link' && String(e.properties.rel ?? '').includes('canonical'));
  const url = (typeof canonical?.properties.href === 'string' ? canonical.properties.href : undefined) ?? meta(head, 'og:url');
  if (url) found.url = url;
  const lang = html?.properties.lang;
  if (typeof lang === 'string' && lang) found.lang = lang;

  const body = find(hast, (e) => e.tagName === 'body') ?? hast;
  const main =
    find(body, (e) => e.tagName === 'article') ??
    find(body, (e) => e.tagName === 'main' || e.properties.role === 'main') ??
    body;
  prune(main);
  // The page's own <h1> is the title: keep it out of the body so it is not shown twice.
  const h1 = find(main, (e) => e.tagName === 'h1');
  if (h1) {
    const heading = toText(h1).trim();
    if (heading) found.title = heading;
    const strip = (node: HastRoot | Element) => {
      node.children = node.children.filter((c) => c !== h1);
      children(node).forEach(strip);
    };
    strip(main);
  }
  const root: HastRoot = { type: 'root', children: main.type === 'root' ? main.children : [main] };
  const tree = toMdast(root, { document: true }) as Root;
  return { tree, meta: found };
}

/**
 * A block of HTML inside a Markdown article (`<div>…</div>`, `<p>…</p>`, an embed): its readable
 * content as mdast, with scripts and page furniture dropped as from a saved page, instead of
 * losing its text with the raw HTML.
 */
export function readHtmlFragment(html: string): RootContent[] {
  const hast = fragmentParser.parse(html);
  prune(hast);
  // `document: true` wraps loose text in paragraphs: a fragment of only text ("<!-- c -->!")
  // otherwise gave a text node straight under the root, which serialised onto the line before.
  return (toMdast(hast, { document: true }) as Root).children;
}
