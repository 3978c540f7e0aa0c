/**
 * The plain-text reader. News text saved as `.txt` has no markup: every non-empty line is a
 * block (a paragraph until cleaning says it is a heading or a list item), and the first line is
 * the title when it reads like a headline. No Markdown parsing: `*`, `#` and `<` stay literal.
 *
 * Text hard-wrapped at a fixed width (e-mail, `fmt`, wire copy at 72 columns) is the exception:
 * there a line is not a block, so the lines of each blank-line-separated block are joined back.
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

/** Lines wider than this are written by a person, not wrapped by a program. */
const MAX_WRAP_WIDTH = 100;
const sentenceEnd = /[.!?…:;。！？]["”’)\]]*$/u;
/** A list item keeps its own line even in wrapped text. */
const bullet = /^(?:[-–—•●▪■◦·*+]|\d{1,3}[.)])\s|^\p{Extended_Pictographic}/u;

/** The next line's first word would (nearly) not have fitted after this line: the wrapper broke it. */
function isFull(line: string, next: string, width: number): boolean {
  return line.trimEnd().length + 1 + (next.trim().split(/\s/)[0] ?? '').length > width * 0.8;
}

/**
 * Whether the text was hard-wrapped by a program: nearly every line that runs on into the next
 * is full, that is, the next line's first word would not have fitted after it (within a fifth of
 * the width, since `fmt` balances its lines rather than filling each), and most of those lines
 * stop in the middle of a sentence. Text written one sentence per line may have lines of even
 * length, but each ends a sentence. Needs three line pairs to judge.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  let width = 0;
  for (const line of lines) width = Math.max(width, line.trimEnd().length);
  if (width > MAX_WRAP_WIDTH) return false;
  let pairs = 0;
  let full = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (line.trim() === '' || next.trim() === '' || bullet.test(next.trim())) continue;
    pairs++;
    if (isFull(line, next, width)) full++;
    if (!sentenceEnd.test(line.trimEnd())) midSentence++;
  }
  return pairs >= 3 && full >= pairs * 0.8 && midSentence >= pairs * 0.5;
}

/** Join wrapped lines; a line ending in a hyphen or dash after a letter runs straight on. */
function joinWrapped(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    text += text === '' || /\p{L}[-—]$/u.test(text) ? line : ` ${line}`;
  }
  return text;
}

export function readText(text: string, firstLine = 1): TextDoc {
  const lines = text.split('\n');
  const wrapped = isHardWrapped(lines);
  let width = 0;
  if (wrapped) for (const line of lines) width = Math.max(width, line.trimEnd().length);
  // Blocks of [first line index, last line index]: each line, or when wrapped, each run of lines
  // in which every line but the last is full (a short line ends a paragraph or is a heading).
  const blocks: [number, number][] = [];
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const last = blocks.at(-1);
    const runsOn = wrapped && last && last[1] === index - 1 && !bullet.test(raw.trim()) && isFull(lines[index - 1] ?? '', raw, width);
    if (last && runsOn) last[1] = index;
    else blocks.push([index, index]);
  });
  const paragraphs: Paragraph[] = [];
  let titleLine: string | undefined;
  for (const [from, to] of blocks) {
    const value = joinWrapped(lines.slice(from, to + 1));
    if (titleLine === undefined && paragraphs.length === 0 && looksLikeTitle(value) && blocks.length > 1) {
      titleLine = value;
      continue;
    }
    const first = lines[from] ?? '';
    const position = {
      start: { line: firstLine + from, column: 1 + first.indexOf(value.charAt(0)) },
      end: { line: firstLine + to, column: 1 + (lines[to] ?? '').length },
    };
    paragraphs.push({ type: 'paragraph', children: [{ type: 'text', value, position }], position });
  }
  const tree: Root = { type: 'root', children: paragraphs };
  return titleLine === undefined ? { tree } : { tree, titleLine };
}
