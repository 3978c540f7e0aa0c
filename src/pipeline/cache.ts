/**
 * The content-hash cache of the per-article stages. Reading, cleaning and analysing an article
 * depend only on its file (name and bytes), its manifest entry, and the pipeline's code and
 * configuration — never on other articles — so their result can be kept under a key made of
 * exactly those, and a rebuild re-reads only the files whose key changed (Astro's content layer
 * skips unchanged entries by digest the same way).
 *
 * Slugs are corpus-wide (a new article may take an old one's title), and so is everything
 * after analysis. The near-duplicate search starts from each article's shingles, kept in its
 * entry, and runs over the whole corpus. A topic's briefing is keyed by its articles
 * (`briefingKey`) and kept as the data file it is written to. An entry therefore holds
 * the cleaned article with the slug it had before slugs were made unique, and its analysis
 * with the slug it was made under; under another slug, the analysis's source links, all of it
 * that carries the slug, are re-linked (`relinkAnalysis`).
 *
 * The tree, half an entry's size, is stored apart and read back only when the article's page
 * must be made again; the pipeline does not keep trees in memory once it has a cache.
 *
 * This module is pure: where entries live is the caller's `CacheStore` (a folder on disk in the
 * integration, a Map in tests). A cached result is the same value the stages would compute, so
 * output never depends on whether the cache was warm.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { ArticleMeta } from '../config/schema.ts';
import type { DuplicateSignals } from './analyse/duplicates.ts';
import type { Analysis } from './analyse/index.ts';
import type { Article, Diagnostic, Duplicate, Slug, Topic, TopicBriefing } from './types.ts';
import type { EntityConfig } from '../config/schema.ts';

/** Where entries are kept. `get` returns undefined for a missing entry. */
export interface CacheStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Mark an entry as used without reading it, so a store that prunes unused entries keeps it. */
  keep?(key: string): void;
}

/** Bumped when the shape of an entry changes; part of every key. */
const ENTRY_FORMAT = 7;

export interface CachedArticle {
  /** Why the file was refused by the reader (then `article` is null). */
  readDiagnostics: Diagnostic[];
  /** The cleaning stage's warnings, or its error when cleaning failed (then `article` is null). */
  cleanDiagnostics: Diagnostic[];
  /**
   * The cleaned article, with the slug its title gives before slugs are made unique, and
   * without its tree: that is its own entry (`treeKey`), read only when the page is made again.
   */
  article: Omit<Article, 'tree'> | null;
  /** The analysis and the slug it was made under. */
  analysis: (Analysis & { slug: Slug }) | null;
  /**
   * What the near-duplicate search needs of the article (`encodeSignals`): in the entry, which
   * every build reads anyway, rather than in a file of its own (file creation is most of the
   * cache's cost on ext4).
   */
  signals: EncodedSignals | null;
}

/** A digest of the parts, each ended by a NUL so that no two lists of parts run together. */
export const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * The version every key carries: the pipeline's code (a digest of its sources and locked
 * dependencies, computed by the caller) and the configuration every analysis reads: topics,
 * gazetteer, base path.
 */
export function pipelineVersion(input: { code: string; topics: Topic[]; entities: EntityConfig[]; base: string }): string {
  return sha256(String(ENTRY_FORMAT), input.code, JSON.stringify(input.topics), JSON.stringify(input.entities), input.base).slice(0, 16);
}

/** An article's key: the version, its file name, its manifest entry and its bytes. */
export function articleKey(version: string, file: string, bytes: Uint8Array, manifest: ArticleMeta | undefined): string {
  return sha256(version, file, JSON.stringify(manifest ?? null), bytes).slice(0, 32);
}

export function encodeEntry(entry: CachedArticle): string {
  return JSON.stringify(entry);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The entry, or `undefined` when the text is not one (cut short by a crash, edited by hand):
 * a broken entry is a cache miss, never a broken build.
 */
export function decodeEntry(text: string): CachedArticle | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !Array.isArray(value.readDiagnostics) || !Array.isArray(value.cleanDiagnostics)) return undefined;
  const { article, analysis } = value;
  if (article !== null && !(isObject(article) && typeof article.slug === 'string' && Array.isArray(article.sentences))) return undefined;
  if (analysis !== null && !(isObject(analysis) && typeof analysis.slug === 'string' && Array.isArray(analysis.figures) && Array.isArray(analysis.topics) && Array.isArray(analysis.terms))) return undefined;
  // Signals are checked when they are read (`decodeSignals`): a bad one is made again.
  if (value.signals !== null && !isObject(value.signals)) return undefined;
  return value as unknown as CachedArticle;
}

/** Where an article's tree is kept: beside its entry. */
export const treeKey = (articleEntryKey: string): string => `${articleEntryKey}-tree`;

export function encodeTree(tree: Root): string {
  return JSON.stringify(tree);
}

export function decodeTree(text: string): Root | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) && value.type === 'root' && Array.isArray(value.children) ? (value as unknown as Root) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An article page's key, under which the generated folder's writer keeps it: its article's key,
 * its final slug, and the figure links it carries (which change when a fact moves to another
 * topic page, whatever the article).
 */
export function pageKey(articleEntryKey: string, slug: string, marks: ReadonlyMap<string, unknown>): string {
  return sha256('page', articleEntryKey, slug, JSON.stringify([...marks])).slice(0, 32);
}

/**
 * An article record's key (`data/articles/<slug>.json`): its article's key, its final slug, its
 * near-duplicates and the base path its links carry — everything `articleRecord` reads.
 */
export function recordKey(articleEntryKey: string, slug: string, duplicates: readonly Duplicate[], base: string): string {
  return sha256('record', articleEntryKey, slug, JSON.stringify(duplicates), base).slice(0, 32);
}

/**
 * A topic briefing's key: the topic and, for each of its articles in corpus order, the article's
 * key, final slug and story (the representative of its near-duplicates) — everything
 * `buildBriefing` reads but the topic's configuration and the base path, which `version` holds.
 * A rebuild reuses the briefing of a topic none of whose articles changed, joined or left.
 */
export function briefingKey(version: string, topic: string, members: readonly (readonly [articleEntryKey: string, slug: string, story: string])[]): string {
  return sha256('briefing', version, topic, JSON.stringify(members)).slice(0, 32);
}

/** A briefing read back from its data file, or undefined when the text is not this topic's briefing. */
export function decodeBriefing(text: string, topic: string): TopicBriefing | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || value.slug !== topic) return undefined;
    const lists = ['articles', 'points', 'facts', 'figures', 'conflicts', 'timeline', 'quotes', 'charts', 'sources', 'updates'];
    return lists.every((list) => Array.isArray(value[list])) ? (value as unknown as TopicBriefing) : undefined;
  } catch {
    return undefined;
  }
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
