/**
 * Metadata lines: what a saved article carries between its title and its text — "date
 * 2025-02-12", "Date: February 12, 2025", "By Jane Doe", "Updated 3:15 PM ET, Thu February 13,
 * 2025", "Published: 12 Feb 2025", "Reuters | February 13, 2025", "作者：张三", "发布时间：2025年2月12日".
 * They are read as the article's date and author and removed from its text, so that they never
 * become a sentence, a timeline event or a key point.
 *
 * Only the blocks before the running text are looked at (a line such as "By 2026 …" inside the
 * text is a sentence), and a line is metadata only when every part of it is: a labelled date, a
 * date, a by-line, a time, a reading time, or a short outlet name beside one of those.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { resolveDate } from '../analyse/dates.ts';

export interface Metadata {
  /** `YYYY-MM-DD`: a publication date ("Date", "Published", a bare date) before an update date. */
  date: string | null;
  author: string | null;
  /** The lines removed, as written. */
  removed: string[];
}

/** Metadata lines sit under the title: only this many leading blocks are looked at. */
const MAX_LEADING_BLOCKS = 6;

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?`;
/** A calendar date as news pages write it; group `iso`, `mdy`, `dmy` or `zh` says which form. */
const DATE = String.raw`(?:${WEEKDAY}\s+)?(?:(?<iso>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})|(?<mdy>${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?<dmy>\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4})|(?<zh>\d{4}年\d{1,2}月\d{1,2}日))`;
const TIME = String.raw`(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?`;
const DATE_LABEL = String.raw`(?:date[d]?|published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?|modified|日期|时间|发布时间|发布日期|发表时间|更新时间|更新于|发布于)`;
/** Case spelled out: the name after it must start with a capital, which an `i` flag would not test. */
const AUTHOR_LABEL = String.raw`(?:[Bb]y|BY|[Ww]ritten\s+[Bb]y|[Aa]uthors?|[Rr]eporting\s+[Bb]y|作者|记者|编辑|责任编辑)`;

const DATE_PART = new RegExp(String.raw`^(?:(?<label>${DATE_LABEL})\s*[:：]?\s*)?(?:${TIME}\s*,?\s*)?${DATE}(?:\s*,?\s*${TIME})?$`, 'iu');
const LABELLED_TIME = new RegExp(String.raw`^(?:${DATE_LABEL})\s*[:：]?\s*${TIME}$`, 'iu');
/** A person's or a desk's name: up to six words, each capitalised or a joining word, or a CJK name. */
const NAME = String.raw`(?:[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|and|de|van|von|der|da|al|bin|in))*|\p{Script=Han}{2,4})`;
const AUTHOR_PART = new RegExp(String.raw`^(?<label>${AUTHOR_LABEL})\s*[:：]?\s*(?<name>${NAME}(?:\s*(?:,|and|&|、)\s*${NAME}){0,3})$`, 'u');
const READING_TIME = /^\d{1,3}\s*(?:min(?:ute)?s?|分钟)(?:\s+read|阅读)?$/iu;
/** An outlet beside a date or by-line: a few capitalised words, no sentence punctuation. */
const OUTLET_PART = /^(?:来源[:：]\s*\S{1,20}|[\p{Lu}\d][\p{L}\d&'’.-]*(?:\s+[\p{Lu}\d&][\p{L}\d&'’.-]*){0,3})$/u;
/** Between the parts of a line: a bar or a dot, or in Chinese pages a space before a labelled part ("2026年1月14日 15:32 来源：财经快讯"). */
const SEPARATOR = /\s+[|·•—–-]\s+|\s*[|｜·•]\s*|\s+(?=(?:来源|作者|编辑|记者|责任编辑|责编)[:：])/u;

type Part = { kind: 'date'; date: string | null; updated: boolean } | { kind: 'author'; name: string } | { kind: 'other' };

/** `YYYY-MM-DD` for the date a DATE match holds, or null when it is no real day. */
function isoOf(groups: Record<string, string | undefined>): string | null {
  if (groups.iso) {
    const [year, month, day] = groups.iso.split(/[-/.]/).map(Number);
    return resolveDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, null)?.date ?? null;
  }
  if (groups.zh) {
    const [, year, month, day] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(groups.zh) ?? [];
    return resolveDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, null)?.date ?? null;
  }
  const written = (groups.mdy ?? groups.dmy ?? '').replace(/(\d)(?:st|nd|rd|th)/, '$1');
  // resolveDate reads full month names and the usual abbreviations ("Feb.", "Sept").
  const resolved = resolveDate(written, null);
  return resolved?.precision === 'day' ? resolved.date : null;
}

function readPart(part: string, outletAllowed: boolean): Part | null {
  const text = part.trim();
  const date = DATE_PART.exec(text);
  if (date?.groups) return { kind: 'date', date: isoOf(date.groups), updated: /update|modified|更新/i.test(date.groups.label ?? '') };
  if (LABELLED_TIME.test(text) || READING_TIME.test(text)) return { kind: 'other' };
  const author = AUTHOR_PART.exec(text);
  if (author?.groups?.name) return { kind: 'author', name: author.groups.name.trim() };
  if (outletAllowed && OUTLET_PART.test(text)) return { kind: 'other' };
  return null;
}

/**
 * The metadata one line holds, or null when the line is text. A line of several parts ("Reuters
 * | By Jane Doe | February 13, 2025") is metadata when each part is and one of them is a date or
 * a by-line; a short outlet name alone is metadata only when it is the article's known outlet.
 */
export function readMetadataLine(line: string, source: string | null = null): Part[] | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 160) return null;
  if (source && text.toLowerCase() === source.toLowerCase()) return [{ kind: 'other' }];
  const pieces = text.split(SEPARATOR).filter((piece) => piece.trim() !== '');
  const parts = pieces.map((piece) => readPart(piece, pieces.length > 1));
  if (parts.some((part) => part === null)) return null;
  const read = parts as Part[];
  return read.some((part) => part.kind !== 'other') ? read : null;
}

/**
 * Read and remove the metadata lines among the leading blocks of a cleaned tree: paragraphs (and
 * headings, which plain-text structuring may have made of a short line) up to the first block of
 * running text that is not metadata.
 */
export function takeMetadata(tree: Root, source: string | null = null): Metadata {
  const removed: string[] = [];
  let date: string | null = null;
  let updated: string | null = null;
  let author: string | null = null;
  const kept = [];
  let looking = true;
  for (const [index, node] of tree.children.entries()) {
    const isLine = node.type === 'paragraph' || node.type === 'heading';
    const text = isLine && looking && index < MAX_LEADING_BLOCKS ? toString(node) : '';
    const parts = text.includes('\n') ? null : text && readMetadataLine(text, source);
    if (!parts) {
      // Headings (a section title such as "Introduction") may come before the running text.
      if (node.type !== 'heading') looking = false;
      kept.push(node);
      continue;
    }
    removed.push(text.trim());
    for (const part of parts) {
      if (part.kind === 'author') author ??= part.name;
      else if (part.kind === 'date' && part.date) {
        if (part.updated) updated ??= part.date;
        else date ??= part.date;
      }
    }
  }
  tree.children = kept;
  return { date: date ?? updated, author, removed };
}
