/**
 * A saved page's DOM (linkedom's) as hast, keeping only what a reader sees: elements and text.
 * This is where a page's code is left behind. Comments, scripts, styles, embeds, forms and media
 * never become nodes; attributes are not copied but for the few hast-util-to-mdast reads (a link's
 * address, a list's start, a cell's span), so no event handler or inline style can travel on; and
 * content a browser does not show (`hidden`, `aria-hidden="true"`, `display: none`,
 * `visibility: hidden`) is left out. Link addresses are made absolute against the page's own
 * address; the cleaning stage keeps only http(s) and mailto ones.
 */
import type { Element as HastElement, ElementContent, Properties, Root as HastRoot } from 'hast';

/** Elements whose content is code, markup, media or controls, never article text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'noembed', 'object', 'embed',
  'applet', 'param', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'source', 'track', 'map', 'area',
  'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'progress', 'meter', 'form',
  'dialog', 'head', 'title', 'meta', 'link', 'base', 'portal', 'slot',
]);

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

/** Whether a browser hides the element whatever its style sheets say. */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if ((element.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function properties(tag: string, element: Element, base: string | undefined): Properties {
  switch (tag) {
    case 'a': {
      const href = element.getAttribute('href')?.trim();
      if (!href || href.startsWith('#')) return {};
      try {
        return { href: new URL(href, base).href };
      } catch {
        // A relative address with nothing to resolve it against leads nowhere outside the saved page.
        return {};
      }
    }
    case 'ol': {
      const start = Number.parseInt(element.getAttribute('start') ?? '', 10);
      return Number.isFinite(start) ? { start } : {};
    }
    case 'td':
    case 'th': {
      const span: Properties = {};
      const rowSpan = Number.parseInt(element.getAttribute('rowspan') ?? '', 10);
      const colSpan = Number.parseInt(element.getAttribute('colspan') ?? '', 10);
      // Spans are capped: a cell claiming 10,000 columns would make a table of empty cells.
      if (rowSpan > 1) span.rowSpan = Math.min(rowSpan, 100);
      if (colSpan > 1) span.colSpan = Math.min(colSpan, 100);
      return span;
    }
    default:
      return {};
  }
}

/**
 * The visible content of `roots` as a hast root, in document order. Iterative, so a page nested
 * thousands of elements deep converts without overflowing the stack (the reader then refuses it).
 */
export function domToHast(roots: readonly Node[], base?: string): HastRoot {
  const root: HastRoot = { type: 'root', children: [] };
  const stack: [Node, HastRoot | HastElement][] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push([roots[i] as Node, root]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, parent] = entry;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (value) parent.children.push({ type: 'text', value });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || isHidden(element)) continue;
    const hast: HastElement = { type: 'element', tagName: tag, properties: properties(tag, element, base), children: [] };
    parent.children.push(hast as ElementContent);
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, hast]);
  }
  return root;
}
