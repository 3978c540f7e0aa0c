/**
 * A Sätteri hast plugin: the HTML that the pipeline writes into its MDX as JSX (a paragraph's
 * `<p>`, a sentence's `<span id class>`, a figure's `<a class href title>`) becomes plain HTML
 * elements, so that MDX's `optimize` can write each page's static content as one HTML string.
 *
 * Why: MDX compiles every JSX tag to a function call, and an article page has one per sentence.
 * At 5,000 articles that made our compiled pages three times the size of a plain Markdown page
 * (16 KB against 5 KB each), which Vite has to bundle and Astro has to load and run for every
 * page. The same sentence as an element is static, and `optimize` folds it into the page's HTML
 * string (8 KB). The HTML on the page is the same.
 *
 * Only these tags, and only when every attribute is a plain string: a tag with an expression,
 * a spread or any other attribute is left as JSX, and so are components (capitalised), which
 * `optimize` never folds either.
 */
import { defineHastPlugin } from 'satteri';
import type { Element, ElementContent, Properties } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';

const TAGS = ['p', 'span', 'a'];
/** The attributes the pipeline writes, by their hast property name. */
const PROPERTY_NAMES: Record<string, string> = { id: 'id', class: 'className', href: 'href', title: 'title' };

/** The element a JSX tag stands for, or nothing when the tag is not plain HTML. */
export function jsxToElement(node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>): Element | undefined {
  if (!node.name || !TAGS.includes(node.name)) return undefined;
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') return undefined;
    const name = PROPERTY_NAMES[attribute.name];
    if (!name || name in properties) return undefined;
    properties[name] = name === 'className' ? attribute.value.split(' ').filter(Boolean) : attribute.value;
  }
  return { type: 'element', tagName: node.name, properties, children: node.children as ElementContent[] };
}

export const staticHtml = defineHastPlugin({
  name: 'briefings-static-html',
  // Returning a node replaces the visited one; the Rust side filters by tag, so only these cross.
  mdxJsxFlowElement: { filter: TAGS, visit: jsxToElement },
  mdxJsxTextElement: { filter: TAGS, visit: jsxToElement },
});
