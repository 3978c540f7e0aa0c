/**
 * The Markdown reader: remark-parse with GFM to mdast. Two kinds of input are refused before
 * parsing, with the line that broke the limit, rather than taking the build down:
 *
 * - nesting: thousands of `>` or list markers on a line overflow the parser's stack, and lists
 *   nested by indentation cost time per level on every line;
 * - markup density: micromark's inline parsing slows down sharply (quadratically within one
 *   paragraph) on runs of `*`, `_`, `~`, `[`, `]`, `(`, `)` and backticks, so that a file of
 *   `[a](` takes minutes. A news paragraph has a few dozen of these characters; the limits below
 *   are an order of magnitude above real articles and keep the worst file short of that
 *   (docs/performance.md).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const MAX_NESTING = 24;
/** Columns of indentation: lists nested by indenting them deeper cost micromark time per level. */
export const MAX_INDENT = 100;
/** Inline markup characters allowed in one paragraph (a run of lines without a blank line). */
export const MAX_MARKUP_PER_PARAGRAPH = 400;
/** Inline markup characters allowed in one file. */
export const MAX_MARKUP_PER_FILE = 10_000;

/** Markdown as the reader parses it (also timed alone by the benchmark, `scripts/bench/floor.ts`). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** A Markdown file over one of the reader's limits; `line` is where it went over. */
export class MarkdownLimitError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const nestingMarkers = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const markup = /[*_~`[\]()]/g;
const fence = /^[ \t]{0,3}(?:`{3,}|~{3,})/;

function checkLimits(text: string, firstLine: number): void {
  const lines = text.split('\n');
  let inFence = false;
  let inFile = 0;
  let inParagraph = 0;
  let paragraphLine = firstLine;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const markers = nestingMarkers.exec(line);
    if (markers && (markers[0].match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length > MAX_NESTING) {
      throw new MarkdownLimitError(`nesting deeper than ${MAX_NESTING} levels (block quotes or lists): flatten it`, firstLine + i);
    }
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > MAX_INDENT) {
      throw new MarkdownLimitError(`indented more than ${MAX_INDENT} columns (lists nested inside each other): flatten it`, firstLine + i);
    }
    // Code is parsed in linear time and may be dense with symbols: it does not count.
    if (fence.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (line.trim() === '') {
      inParagraph = 0;
      paragraphLine = firstLine + i + 1;
      continue;
    }
    const count = line.match(markup)?.length ?? 0;
    inParagraph += count;
    inFile += count;
    if (inParagraph > MAX_MARKUP_PER_PARAGRAPH) {
      throw new MarkdownLimitError(
        `the paragraph starting here has more than ${MAX_MARKUP_PER_PARAGRAPH} Markdown markup characters (* _ ~ \` [ ] ( )), far more than any article: split it, or save the file as .txt`,
        paragraphLine,
      );
    }
    if (inFile > MAX_MARKUP_PER_FILE) {
      throw new MarkdownLimitError(
        `more than ${MAX_MARKUP_PER_FILE} Markdown markup characters (* _ ~ \` [ ] ( )) by this line, far more than any article: save the file as .txt`,
        firstLine + i,
      );
    }
  }
}

export function readMarkdown(text: string, firstLine = 1): Root {
  checkLimits(text, firstLine);
  const tree = markdownParser.parse(text);
  if (firstLine > 1) {
    // Positions count from the body; shift them so messages name the file's own lines.
    type Positioned = { position?: { start: { line: number }; end: { line: number } }; children?: Positioned[] };
    const stack: Positioned[] = [tree as Positioned];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.position) {
        node.position.start.line += firstLine - 1;
        node.position.end.line += firstLine - 1;
      }
      if (node.children) stack.push(...node.children);
    }
  }
  return tree;
}
