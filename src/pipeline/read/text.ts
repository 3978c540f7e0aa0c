/**
 * The plain-text reader. News text saved as `.txt` has no markup: every non-empty line is a
 * block (a paragraph until cleaning says it is a heading or a list item), and the first line is
 * the title when it reads like a headline. No Markdown parsing: `*`, `#` and `<` stay literal.
 */
import type { Paragraph, Root } from 'mdast';

export interface TextDoc {
  tree: Root;
  titleLine?: string;
}

/** A headline: short, not a full sentence ending in a period, and not the only line. */
export function looksLikeTitle(line: string): boolean {
  const words = line.trim().split(/\s+/).length;
  return line.length <= 160 && words <= 25 && !/[.!?;,:]["”’)]?$/.test(line.trim());
}

export function readText(text: string, firstLine = 1): TextDoc {
  const lines = text.split('\n');
  const paragraphs: Paragraph[] = [];
  let titleLine: string | undefined;
  lines.forEach((raw, index) => {
    const value = raw.trim();
    if (value === '') return;
    const line = firstLine + index;
    if (titleLine === undefined && paragraphs.length === 0 && looksLikeTitle(value) && lines.length > 1) {
      titleLine = value;
      return;
    }
    const position = {
      start: { line, column: 1 + raw.indexOf(value.charAt(0)) },
      end: { line, column: 1 + raw.length },
    };
    paragraphs.push({ type: 'paragraph', children: [{ type: 'text', value, position }], position });
  });
  const tree: Root = { type: 'root', children: paragraphs };
  return titleLine === undefined ? { tree } : { tree, titleLine };
}
