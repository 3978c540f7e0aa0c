/**
 * The HTML reader for saved web pages: the article a browser's reader view would show, and the
 * page's own metadata. Mozilla's Readability (Firefox's reader view) finds the article, on
 * linkedom's DOM (measured against jsdom and defuddle: README, "Saved web pages"); what it does
 * not do is ours:
 *
 * - hidden content is removed before Readability reads the page (it drops the `style`
 *   attributes that hide it, and on linkedom its own check misses `display: none !important`
 *   and never looks inside a paragraph), and `dom-to-hast.ts` leaves out what is left;
 * - math (MathML) is kept as its TeX or text, where Readability would drop it with the hidden
 *   MathML that Wikipedia shows as an image;
 * - metadata Readability does not read (`page-metadata.ts`): dates from scholarly tags, microdata
 *   and `<time pubdate>`, outlets from any JSON-LD object, the page's address;
 * - the article's DOM becomes hast with nothing that could run (`dom-to-hast.ts`), then mdast.
 */
import { Readability } from '@mozilla/readability';
import { toMdast } from 'hast-util-to-mdast';
import { parseHTML } from 'linkedom';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ArticleMeta } from '../../config/schema.ts';
import { domToHast, isHidden } from './dom-to-hast.ts';
import { absoluteUrl, collectElement, isoDate, languageTag, newPageParts, pageMetadata, type PageParts } from './page-metadata.ts';

/** A saved page as the reader parses it (also timed alone by the benchmark, `scripts/bench/floor.ts`). */
export function parsePage(html: string): Document {
  const document = parseHTML(html).document as unknown as Document;
  // linkedom builds no <html> a page leaves out: its first element becomes the root, with an
  // empty <body> inside. Such a page (a saved fragment) is read as the body of one.
  if (document.documentElement?.localName.toLowerCase() === 'html') return document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** MathML's token elements: identifiers, numbers, operators and text. */
const MATH_TOKENS = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);

/** A formula's tokens in reading order, a space between them ("a ≠ 0"). */
function mathTokens(math: Element): string {
  const tokens: string[] = [];
  const stack: Element[] = [math];
  for (let element = stack.pop(); element; element = stack.pop()) {
    const name = element.localName.toLowerCase();
    if (name === 'annotation' || name === 'annotation-xml') continue;
    if (MATH_TOKENS.has(name)) tokens.push((element.textContent ?? '').trim());
    else for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i] as Element);
  }
  return tokens.filter(Boolean).join(' ');
}

/** TeX as MediaWiki and KaTeX write it, without the display-style wrapper a reader never sees; else the formula's tokens. */
function mathText(math: Element): string {
  const tex = [...math.getElementsByTagName('annotation')].find((a) => /tex/i.test(a.getAttribute('encoding') ?? ''))?.textContent ?? math.getAttribute('alttext') ?? '';
  const bare = /^\s*\{\\(?:display|text)style\s*([\s\S]*)\}\s*$/.exec(tex)?.[1] ?? tex;
  return (bare.trim() || mathTokens(math)).replace(/\s+/g, ' ').trim();
}

/** Whether `node` shows no text of its own beside a formula: white space, hidden, or without text (an image of it). */
function showsNoText(node: ChildNode): boolean {
  if (node.nodeType === 3) return (node.nodeValue ?? '').trim() === '';
  if (node.nodeType !== 1) return true;
  return isHidden(node as Element) || (node.textContent ?? '').trim() === '';
}

/**
 * A MathML formula becomes its text, as code, in place of everything the page wraps around it to
 * draw it (MathJax's `<mjx-container>`, KaTeX's `.katex`, MediaWiki's hidden MathML beside an
 * image of it): the outermost ancestor whose only other content shows no text.
 */
function mathAsText(math: Element, document: Document): void {
  const value = mathText(math);
  let target: Element = math;
  for (let up = math.parentElement; up && up !== document.body && up.localName.toLowerCase() !== 'p'; up = up.parentElement) {
    const branch = target;
    if (![...up.childNodes].every((child) => child === branch || showsNoText(child))) break;
    target = up;
  }
  if (!value || isHidden(target)) {
    target.remove();
    return;
  }
  const code = document.createElement('code');
  code.textContent = value;
  target.replaceWith(code);
}

/**
 * Elements nested deeper than this are refused before Readability reads the page: it measures
 * the text of each element it scores, so its time grows with the depth times the size (100,000
 * nested `<span>`s did not finish in minutes). Real pages are nested 20 to 60 deep.
 */
export const MAX_ELEMENT_DEPTH = 256;

/** A page nested deeper than MAX_ELEMENT_DEPTH. */
export class HtmlDepthError extends Error {}

/** Elements without an end tag, or whose end tag a page may leave out: they do not nest for `markupDepth`. */
const UNNESTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'html', 'head', 'body',
]);
/** Elements whose content is text to the parser, up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * The deepest nesting of the page's markup, read from its text before parsing: linkedom's parser
 * (htmlparser2) keeps its stack of open elements in an array it grows at the front, so parsing
 * 100,000 nested `<span>`s took 18 s. A bound, not the exact depth: end tags a page leaves out
 * do not count (see UNNESTED). One pass of `indexOf`, well under a millisecond for most pages.
 */
export function markupDepth(html: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  for (let at = html.indexOf('<'); at >= 0 && deepest <= stopAt; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) break;
      at = end + 2;
      continue;
    }
    const closing = html.charCodeAt(at + 1) === 47; // '/'
    const tag = /^[a-zA-Z][^\s/>]*/.exec(html.slice(at + (closing ? 2 : 1), at + (closing ? 2 : 1) + 16))?.[0].toLowerCase();
    if (!tag || UNNESTED.has(tag)) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    const close = html.indexOf('>', at);
    if (close < 0) break;
    if (RAW_TEXT.has(tag)) {
      let end = html.indexOf('</', close);
      while (end >= 0 && html.slice(end + 2, end + 2 + tag.length).toLowerCase() !== tag) end = html.indexOf('</', end + 2);
      if (end < 0) break;
      at = end;
      continue;
    }
    if (html.charCodeAt(close - 1) !== 47) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** What the reader's one walk over a page finds before Readability reads it. */
interface Walked {
  parts: PageParts;
  maths: Element[];
  hidden: Element[];
}

/**
 * One walk over every element of the page, in page order: its metadata, its formulas and what
 * it hides, and its depth, past MAX_ELEMENT_DEPTH an HtmlDepthError. One walk, where a search per
 * kind (six `getElementsByTagName` and a `querySelectorAll`) took 11% of reading a page.
 */
function walkPage(document: Document): Walked {
  const walked: Walked = { parts: newPageParts(document), maths: [], hidden: [] };
  const root = document.documentElement;
  const stack: [Element, number][] = root ? [[root, 1]] : [];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    if (depth > MAX_ELEMENT_DEPTH) throw new HtmlDepthError(`elements nested more than ${MAX_ELEMENT_DEPTH} deep`);
    const tag = element.localName.toLowerCase();
    collectElement(walked.parts, element, tag);
    if (tag === 'math') walked.maths.push(element);
    else if (element.hasAttributes() && isHidden(element)) walked.hidden.push(element);
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Element, depth + 1]);
  }
  return walked;
}

export interface HtmlDoc {
  tree: Root;
  meta: Partial<Record<keyof ArticleMeta, string>>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readHtml(text: string): HtmlDoc {
  if (markupDepth(text, 4 * MAX_ELEMENT_DEPTH) > 4 * MAX_ELEMENT_DEPTH) throw new HtmlDepthError(`elements nested more than ${4 * MAX_ELEMENT_DEPTH} deep`);
  const document = parsePage(text);
  const { parts, maths, hidden } = walkPage(document);
  for (const math of maths) mathAsText(math, document);
  // Hidden content goes before Readability scores the page, and before it strips the `style`
  // attributes that hide it; dom-to-hast checks again what Readability keeps.
  for (const element of hidden) element.remove();
  const own = pageMetadata(parts);

  // Readability changes the document it reads; the metadata above was read first.
  const article = new Readability(document, { serializer: (element: Node) => element as Element }).parse();
  const found: HtmlDoc['meta'] = {};
  const title = collapse(article?.title ?? '') || own.title;
  if (title) found.title = title;
  const date = isoDate(article?.publishedTime ?? undefined) ?? isoDate(own.date) ?? isoDate(timeIn(article?.content));
  if (date) found.date = date;
  const source = collapse(article?.siteName ?? '') || own.source;
  if (source) found.source = source;
  const author = collapse(article?.byline ?? '') || own.author;
  if (author) found.author = author;
  if (own.url) found.url = own.url;
  const lang = languageTag(article?.lang ?? undefined) ?? own.lang;
  if (lang) found.lang = lang;

  // Where Readability finds no article with text (a page of one list, a short note), the
  // page's body is read as it is: its visible text is still the page's text.
  const content = article?.content && (article.textContent ?? '').trim() !== '' ? article.content : document.body;
  const base = absoluteUrl(parts.base, own.url) ?? own.url;
  const tree = toMdast(domToHast(content ? [...content.childNodes] : [], base), { document: true }) as Root;
  dropTitleHeading(tree, title);
  return { tree, meta: found };
}

/** The first `<time datetime>` in the article's text: its date line, when the page has no date tag. */
function timeIn(content: Element | null | undefined): string | undefined {
  const time = content?.getElementsByTagName('time')[0];
  return time?.getAttribute('datetime') ?? undefined;
}

/** The page's headline at the top of its text is its title, shown once. */
function dropTitleHeading(tree: Root, title: string | undefined): void {
  const first = tree.children[0];
  if (title && first?.type === 'heading' && collapse(toString(first)) === title) tree.children.shift();
}

/**
 * A block of HTML inside a Markdown article (`<div>…</div>`, `<p>…</p>`, an embed): its visible
 * content as mdast, with what could run dropped as from a saved page, instead of losing its text
 * with the raw HTML.
 */
export function readHtmlFragment(html: string): RootContent[] {
  const body = parsePage(`<!doctype html><html><body>${html}</body></html>`).body;
  // `document: true` wraps loose text in paragraphs: a fragment of only text ("<!-- c -->!")
  // otherwise gave a text node straight under the root, which serialised onto the line before.
  return (toMdast(domToHast(body ? [...body.childNodes] : []), { document: true }) as Root).children;
}
