/**
 * The Markdown reader: remark-parse with GFM to mdast. Nesting is bounded before parsing, since
 * thousands of `>` or list markers on a line overflow the parser's stack; a file over the bound is
 * refused with the line that broke it rather than taking the build down.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const MAX_NESTING = 24;

const parser = unified().use(remarkParse).use(remarkGfm);

export class NestingError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`nesting deeper than ${MAX_NESTING} levels (block quotes or lists): flatten it`);
    this.line = line;
  }
}

function checkNesting(text: string, firstLine: number): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const markers = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/.exec(line);
    if (!markers) continue;
    const depth = (markers[0].match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    if (depth > MAX_NESTING) throw new NestingError(firstLine + i);
  }
}

export function readMarkdown(text: string, firstLine = 1): Root {
  checkNesting(text, firstLine);
  const tree = parser.parse(text);
  if (firstLine > 1) {
    // Positions count from the body; shift them so messages name the file's own lines.
    const shift = firstLine - 1;
    const visit = (node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }) => {
      if (node.position) {
        node.position.start.line += shift;
        node.position.end.line += shift;
      }
      node.children?.forEach((child) => visit(child as typeof node));
    };
    visit(tree as never);
  }
  return tree;
}
