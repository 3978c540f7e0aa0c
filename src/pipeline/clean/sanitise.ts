/**
 * Keep only what an article page may show: no raw HTML (it could carry script), no images (their
 * alt text is noise once the picture is gone), no link whose URL is not http(s) or mailto, no
 * link definitions pointing elsewhere, no footnotes. Text inside dropped inline HTML stays as text.
 */
import type { Link, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { phrasingOnlyBlocks } from './blocks.ts';

export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) && !/[\u0000-\u001f\s]/.test(url.trim());
}

/** Inline HTML whose content is code or markup, never text: `<script>alert(1)</script>` in a sentence. */
const rawContent = /^<(script|style|template|noscript|iframe|textarea|title)\b[^>]*>$/i;

function sanitiseChildren(parent: Parent): void {
  const next: RootContent[] = [];
  let skipUntil: RegExp | undefined;
  for (const child of parent.children) {
    if (skipUntil) {
      if (child.type === 'html' && skipUntil.test(child.value)) skipUntil = undefined;
      continue;
    }
    switch (child.type) {
      case 'html': {
        const open = rawContent.exec(child.value.trim());
        if (open) skipUntil = new RegExp(`^</${open[1]}\\s*>$`, 'i');
        continue;
      }
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'footnoteDefinition':
      // Its definition is dropped above, so the marker would point nowhere.
      case 'footnoteReference':
      case 'yaml' as never:
        continue;
      case 'link': {
        const link = child as Link;
        sanitiseChildren(link as unknown as Parent);
        if (isSafeUrl(link.url)) {
          link.url = link.url.trim();
          link.title = null;
          next.push(link);
        } else next.push(...(link.children as RootContent[]));
        continue;
      }
      case 'linkReference':
        sanitiseChildren(child as unknown as Parent);
        next.push(...(child.children as RootContent[]));
        continue;
      case 'code':
        // Code blocks in news text are almost always pasted embeds; keep their text, never as code.
        next.push({ type: 'paragraph', children: [{ type: 'text', value: child.value }] } as RootContent);
        continue;
      default:
        if ('children' in child) sanitiseChildren(child as Parent);
        next.push(child);
    }
  }
  // Text on both sides of a dropped node is one run of text again ("A <b>x</b> b" → "A x b").
  // Two pieces of code side by side are one: written one after the other, their backticks
  // would read as one code span holding backticks (two formulas in a row did).
  const merged: RootContent[] = [];
  for (const node of next) {
    const previous = merged.at(-1);
    if ((node.type === 'text' || node.type === 'inlineCode') && previous?.type === node.type) merged[merged.length - 1] = { ...previous, value: previous.value + node.value };
    else merged.push(node);
  }
  parent.children = merged as never;
}

const isBlank = (node: PhrasingContent | undefined) => node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '');

/**
 * Remove paragraphs and list items left empty by sanitising, and line breaks and white space at
 * either end of a paragraph or heading ("Apple  \n<Foo />" leaves a hard break with nothing
 * after it): they show nothing, and a break at the end of a paragraph is written as a line
 * ending before its closing `</p>`, which MDX cannot parse.
 */
function pruneEmpty(parent: Parent): void {
  parent.children = parent.children.filter((child: Nodes) => {
    if ('children' in child) pruneEmpty(child as Parent);
    if (child.type === 'paragraph' || child.type === 'heading') {
      const phrasing = child.children as PhrasingContent[];
      while (isBlank(phrasing[0])) phrasing.shift();
      while (isBlank(phrasing.at(-1))) phrasing.pop();
      return phrasing.length > 0;
    }
    if (child.type === 'listItem' || child.type === 'list' || child.type === 'blockquote') return child.children.length > 0;
    return true;
  }) as never;
}

/**
 * A heading or table row is one line of MDX, and every sentence in it a tag on that line, which
 * Astro's MDX compiler reads in quadratic time: a "heading" longer than any headline is text, and
 * a table with a row longer than this is read as one paragraph per cell.
 */
const MAX_LINE_TEXT = 300;
const MAX_ROW_TEXT = 2_000;

function unlineOversized(parent: Parent): void {
  parent.children = parent.children.flatMap((child: Nodes): Nodes[] => {
    if (child.type === 'heading' && toString(child).length > MAX_LINE_TEXT) {
      return [{ type: 'paragraph', children: child.children, ...(child.position ? { position: child.position } : {}) }];
    }
    if (child.type === 'table' && child.children.some((row) => toString(row).length > MAX_ROW_TEXT)) {
      return child.children.flatMap((row) => row.children.map((cell): Paragraph => ({ type: 'paragraph', children: cell.children })));
    }
    if ('children' in child) unlineOversized(child as Parent);
    return [child];
  }) as never;
}

export function sanitiseTree(tree: Root): Root {
  sanitiseChildren(tree);
  phrasingOnlyBlocks(tree);
  pruneEmpty(tree);
  unlineOversized(tree);
  return tree;
}
