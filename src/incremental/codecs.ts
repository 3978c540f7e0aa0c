/**
 * What the memo keeps, as text and back. A reader returns `undefined` for text that is not what
 * it reads (cut short by a crash, edited by hand, written by another version): a broken entry is
 * a miss, made again, never a broken build.
 */
import type { Root } from 'mdast';
import type { AnalysedArticle, Diagnostic, TopicBriefing } from '../core/types.ts';
import type { DuplicateSignals } from '../pipeline/analyse/duplicates.ts';

/** One article file's read, clean and analysis. */
export interface ArticleEntry {
  /** Why the file was refused (then `article` is null), and the cleaning's warnings. */
  diagnostics: Diagnostic[];
  /**
   * The analysed article under the slug its title gives, before slugs are made unique, and
   * without its tree: that is an entry of its own (`treeKey`), read only when the page is made again.
   */
  article: Omit<AnalysedArticle, 'tree'> | null;
  /** What the near-duplicate search needs of the article: here, in the entry every build reads anyway. */
  signals: EncodedSignals | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const encodeEntry = (entry: ArticleEntry): string => JSON.stringify(entry);

export function decodeEntry(text: string): ArticleEntry | undefined {
  const value = parse(text);
  if (!isObject(value) || !Array.isArray(value.diagnostics)) return undefined;
  const { article } = value;
  const lists = ['sentences', 'figures', 'entities', 'quotes', 'events', 'topics', 'terms'];
  if (article !== null && !(isObject(article) && typeof article.slug === 'string' && lists.every((list) => Array.isArray(article[list])))) return undefined;
  // Signals are checked when they are read (`decodeSignals`): a bad one is made again.
  if (value.signals !== null && !isObject(value.signals)) return undefined;
  return value as unknown as ArticleEntry;
}

export const encodeTree = (tree: Root): string => JSON.stringify(tree);

export function decodeTree(text: string): Root | undefined {
  const value = parse(text);
  return isObject(value) && value.type === 'root' && Array.isArray(value.children) ? (value as unknown as Root) : undefined;
}

export const encodeBriefing = (briefing: TopicBriefing): string => JSON.stringify(briefing);

/** A briefing, or undefined when the text is not this topic's briefing. */
export function decodeBriefing(text: string, topic: string): TopicBriefing | undefined {
  const value = parse(text);
  if (!isObject(value) || value.slug !== topic) return undefined;
  const lists = ['articles', 'points', 'facts', 'figures', 'conflicts', 'timeline', 'quotes', 'charts', 'sources', 'updates'];
  return lists.every((list) => Array.isArray(value[list])) ? (value as unknown as TopicBriefing) : undefined;
}

const base64 = (array: Float64Array | Uint32Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
/** A typed array from base64, copied so that it is aligned; undefined when the bytes do not fit. */
function fromBase64<T extends Float64Array | Uint32Array>(text: unknown, type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % type.BYTES_PER_ELEMENT !== 0) return undefined;
  return new type(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
}

/** Near-duplicate signals with their typed arrays as base64: a third of the size of JSON lists. */
export interface EncodedSignals {
  shingles: string;
  words: string;
  ends: string;
  runs: string;
  runEnds: string;
  lengths: string;
}

export function encodeSignals(signals: DuplicateSignals): EncodedSignals {
  const { words, ends, runs, runEnds, lengths } = signals.sentences;
  return { shingles: base64(signals.shingles), words: base64(words), ends: base64(ends), runs: base64(runs), runEnds: base64(runEnds), lengths: base64(lengths) };
}

/** The signals, or undefined when the value is not encoded signals (or its sentences do not fit their words). */
export function decodeSignals(value: unknown): DuplicateSignals | undefined {
  if (!isObject(value)) return undefined;
  const shingles = fromBase64(value.shingles, Float64Array);
  const words = fromBase64(value.words, Uint32Array);
  const ends = fromBase64(value.ends, Uint32Array);
  const runs = fromBase64(value.runs, Uint32Array);
  const runEnds = fromBase64(value.runEnds, Uint32Array);
  const lengths = fromBase64(value.lengths, Uint32Array);
  if (!shingles || !words || !ends || !runs || !runEnds || !lengths) return undefined;
  // Each list of ends rises to its list's length; each sentence has its runs, and no more runs than words.
  const fits = (list: Uint32Array, size: number) => {
    let last = 0;
    for (const end of list) {
      if (end < last || end > size) return false;
      last = end;
    }
    return last === size;
  };
  if (!fits(ends, words.length) || !fits(runEnds, runs.length) || runEnds.length !== ends.length || lengths.length !== ends.length) return undefined;
  if (!Array.from(runEnds).every((end, i) => end - (i === 0 ? 0 : (runEnds[i - 1] as number)) <= (lengths[i] as number))) return undefined;
  return { shingles, sentences: { words, ends, runs, runEnds, lengths } };
}
