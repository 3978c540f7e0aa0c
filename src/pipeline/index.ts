/**
 * The Briefings pipeline, stage by stage:
 *
 *   read → clean → analyse → brief → emit
 *
 * Each stage is a pure function over typed records (see `types.ts`); this file only wires them.
 * Reading files from disk and writing the generated folder happen at the edges, in the Astro
 * integration, so the whole pipeline can be tested without touching the file system.
 */
import type { ArticleMeta, EntityConfig, SiteConfig } from '../config/schema.ts';
import { analyseArticle, relinkAnalysis } from './analyse/index.ts';
import { duplicateSignals, searchNearDuplicates, type DuplicateSignals } from './analyse/duplicates.ts';
import { compileGazetteer, consolidateEntities, subjectAliases } from './analyse/entities.ts';
import { buildBriefing, storyRepresentatives } from './brief/index.ts';
import {
  articleKey,
  briefingKey,
  decodeBriefing,
  decodeEntry,
  decodeSignals,
  decodeTree,
  encodeEntry,
  encodeSignals,
  encodeTree,
  pageKey,
  pipelineVersion,
  recordKey,
  treeKey,
  type CacheStore,
  type CachedArticle,
  type EncodedSignals,
} from '../incremental/keys.ts';
import { assignSlugs, cleanArticle } from './clean/index.ts';
import { emitFiles, type EmittedFile, type OutputFile } from './emit/index.ts';
import { articleToMdx, type FigureMark } from './emit/mdx.ts';
import { withCompilingPage } from './emit/page-check.ts';
import { normaliseBase } from '../core/urls.ts';
import { readArticle } from './read/index.ts';
import type { Root } from 'mdast';
import type { AnalysedArticle, Article, Diagnostic, Duplicate, RawDoc, Slug, Topic, TopicBriefing } from '../core/types.ts';

export type Stage = 'read' | 'clean' | 'analyse' | 'brief' | 'emit';

export interface PipelineInput {
  /** Article files: path under `content/articles/` and bytes. */
  files: { file: string; bytes: Uint8Array }[];
  manifest: Record<string, ArticleMeta>;
  topics: Topic[];
  entities: EntityConfig[];
  site: SiteConfig;
  /** The site's base path, `/` or `/briefs/`. */
  base?: string;
  /**
   * Reuse per-article results from earlier runs (see `cache.ts`): `code` is a digest of the
   * pipeline's code, which every key carries. Without it every article is read and analysed.
   */
  cache?: { store: CacheStore; code: string };
  /** Called as articles pass through each per-article stage, for progress on long builds. */
  onProgress?: (stage: Stage, done: number, total: number) => void;
  /**
   * Takes each output file as soon as it is made (the integration writes it to disk), so the
   * output of a large corpus is never in memory at once; `files` is then empty.
   */
  write?: (file: EmittedFile) => void;
}

export interface CacheStats {
  /** Articles whose read, clean and analysis came from the cache, and those computed. */
  hits: number;
  misses: number;
  /**
   * Article pages (MDX) not made, because the writer kept them under their key (see
   * `KeyedOutputFile`), and pages made.
   */
  pageHits: number;
  pageMisses: number;
  /** Topic briefings read back from the last build (see `briefingKey`), and those made. */
  briefingHits: number;
  briefingMisses: number;
  /** Entries that could not be read back (ignored, and rebuilt). */
  corrupt: number;
}

export interface PipelineOutput {
  articles: AnalysedArticle[];
  duplicates: Map<Slug, Duplicate[]>;
  briefings: TopicBriefing[];
  /** The output files; empty when `input.write` took them. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, for the build summary and the benchmark. */
  timings: Record<Stage, number>;
  /** How much the cache saved; null when the run had none. */
  cache: CacheStats | null;
}

/** Time `run` under `stage`, adding to what the stage already took. */
function timed<T>(timings: Partial<PipelineOutput['timings']>, stage: Stage, run: () => T): T {
  const start = performance.now();
  const result = run();
  timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
  return result;
}

/**
 * Source positions serve the reader's line numbers in diagnostics; nothing after cleaning reads
 * them, and they are half of a tree's size in memory and in the cache.
 */
function dropPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  if (node.children) for (const child of node.children) dropPositions(child as { position?: unknown; children?: unknown[] });
}

/**
 * `article.tree`, loaded when asked for instead of kept: with a cache, only an article page that
 * must be made again reads its tree (trees are half the pipeline's memory: 2 GB at 20,000
 * articles). Not enumerable, so copying the article's fields leaves it behind.
 */
function withLazyTree<T extends object>(article: T, load: () => Root): T & { tree: Root } {
  return Object.defineProperty(article, 'tree', { get: load, enumerable: false, configurable: true }) as T & { tree: Root };
}

/**
 * Cleaning, then the proof that the article's page compiles (`withCompilingPage`): the article
 * with a page that does, or null; the cleaning's warnings and what the check found.
 */
function cleanedWithPage(doc: RawDoc, manifest: ArticleMeta | undefined): { article: Article | null; diagnostics: Diagnostic[] } {
  const cleaned = cleanArticle(doc, manifest);
  const { article, diagnostics } = withCompilingPage(cleaned);
  return { article, diagnostics: [...cleaned.warnings, ...diagnostics] };
}

/** One article file on its way through the per-article stages. */
interface Entry {
  file: string;
  key: string | null;
  cached: CachedArticle | null;
  readDiagnostics: Diagnostic[];
  doc: RawDoc | null;
  cleanDiagnostics: Diagnostic[];
  article: Article | null;
  /** The slug cleaning gave, before slugs were made unique across the corpus. */
  provisional: Slug | null;
  /** A freshly cleaned article's tree, until it is stored in the cache. */
  tree: Root | null;
}

/** What the per-article stages leave for the corpus-wide ones. */
interface ArticleStages {
  base: string;
  /** The cache's version of this run (see `pipelineVersion`). */
  version: string;
  analysed: AnalysedArticle[];
  /** Each analysed article's cache key, by its final slug. */
  keyOf: Map<Slug, string>;
  /** Each article's near-duplicate signals, as made or as the cache keeps them (with a cache). */
  signalsOf: Map<Slug, DuplicateSignals | EncodedSignals>;
  gazetteer: ReturnType<typeof compileGazetteer>;
  diagnostics: Diagnostic[];
  timings: Partial<PipelineOutput['timings']>;
  stats: CacheStats;
}

/** Progress every 250 articles and at the end of a stage. */
const progressOf = (input: PipelineInput) => (stage: Stage, done: number, total: number) => {
  if (input.onProgress && (done % 250 === 0 || done === total)) input.onProgress(stage, done, total);
};

const cacheVersion = (input: PipelineInput, base: string): string =>
  input.cache ? pipelineVersion({ code: input.cache.code, topics: input.topics, entities: input.entities, base }) : '';

/**
 * Each article file's cache key, in the order of `input.files`, as the per-article stages look
 * it up; null without a cache. The integration uses it to find which articles are new.
 */
export function articleKeys(input: PipelineInput): (string | null)[] {
  const version = cacheVersion(input, normaliseBase(input.base));
  return input.files.map(({ file, bytes }) => (input.cache ? articleKey(version, file, bytes, input.manifest[file]) : null));
}

/**
 * Read, clean and analyse every article: the stages where an article depends on nothing but
 * itself (and on the other articles only for a unique slug), each result kept in the cache.
 */
function runArticleStages(input: PipelineInput): ArticleStages {
  const base = normaliseBase(input.base);
  const timings: Partial<PipelineOutput['timings']> = {};
  const diagnostics: Diagnostic[] = [];
  const store = input.cache?.store;
  const version = cacheVersion(input, base);
  const stats: CacheStats = { hits: 0, misses: 0, pageHits: 0, pageMisses: 0, briefingHits: 0, briefingMisses: 0, corrupt: 0 };
  const progress = progressOf(input);
  const files = [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bytesOf = new Map(files.map(({ file, bytes }) => [file, bytes]));

  /**
   * An article's tree: in memory until it is stored, then from its cache entry; when that entry
   * is missing or broken, from the file again (a damaged cache costs time, never a page).
   */
  const treeOf = (entry: Entry): Root => {
    if (entry.tree) return entry.tree;
    const key = treeKey(entry.key as string);
    const stored = store?.get(key);
    const tree = stored === undefined ? undefined : decodeTree(stored);
    if (tree) return tree;
    if (stored !== undefined) stats.corrupt++;
    const again = (cleanedWithPage(readArticle(entry.file, bytesOf.get(entry.file) as Uint8Array).doc as RawDoc, input.manifest[entry.file]).article as Article).tree;
    dropPositions(again);
    store?.set(key, encodeTree(again));
    return again;
  };

  const entries = timed(timings, 'read', () =>
    files.map(({ file, bytes }, i): Entry => {
      progress('read', i + 1, files.length);
      const key = store ? articleKey(version, file, bytes, input.manifest[file]) : null;
      const stored = key ? store?.get(key) : undefined;
      const cached = stored === undefined ? null : (decodeEntry(stored) ?? null);
      if (stored !== undefined && !cached) stats.corrupt++;
      const entry: Entry = { file, key, cached, readDiagnostics: [], doc: null, cleanDiagnostics: [], article: null, provisional: null, tree: null };
      if (cached) {
        entry.readDiagnostics = cached.readDiagnostics;
        if (cached.article && key) store?.keep?.(treeKey(key));
      } else {
        const result = readArticle(file, bytes);
        entry.readDiagnostics = result.diagnostics;
        entry.doc = result.doc;
      }
      diagnostics.push(...entry.readDiagnostics);
      return entry;
    }),
  );

  const articles = timed(timings, 'clean', () => {
    const cleaned: Article[] = [];
    entries.forEach((entry, i) => {
      progress('clean', i + 1, entries.length);
      if (entry.cached) {
        entry.article = entry.cached.article && withLazyTree(entry.cached.article, () => treeOf(entry));
        entry.cleanDiagnostics = entry.cached.cleanDiagnostics;
      } else if (entry.doc) {
        try {
          const { article, diagnostics: cleanDiagnostics } = cleanedWithPage(entry.doc, input.manifest[entry.doc.file]);
          entry.cleanDiagnostics = cleanDiagnostics;
          if (article) {
            dropPositions(article.tree);
            if (store) {
              const { tree, ...fields } = article;
              entry.tree = tree;
              entry.article = withLazyTree(fields, () => treeOf(entry));
            } else entry.article = article;
          }
        } catch (error) {
          entry.cleanDiagnostics = [{ file: entry.doc.file, severity: 'error', message: `could not be cleaned: ${(error as Error).message}` }];
        }
        entry.doc = null;
      }
      diagnostics.push(...entry.cleanDiagnostics);
      if (entry.article) {
        entry.provisional = entry.article.slug;
        cleaned.push(entry.article);
      }
    });
    return assignSlugs(cleaned);
  });

  const gazetteer = compileGazetteer(input.entities);
  const aliases = new Map(input.entities.map((e) => [e.name, e.aliases]));
  const places = input.entities.filter((e) => e.type === 'place').map((e) => [e.name, ...e.aliases]);
  const context = { gazetteer, subjects: subjectAliases(gazetteer), topics: input.topics, aliases, places };
  const keyOf = new Map<Slug, string>();
  const signalsOf = new Map<Slug, DuplicateSignals | EncodedSignals>();
  const analysed = timed(timings, 'analyse', () => {
    const analysed: AnalysedArticle[] = [];
    entries.forEach((entry, i) => {
      progress('analyse', i + 1, entries.length);
      const { article, cached, key } = entry;
      if (cached && !article) {
        // A file the cache says was refused: its diagnostics are already reported.
        stats.hits++;
        return;
      }
      const { analysis } = cached ?? {};
      const reusable = analysis && article ? (analysis.slug === article.slug ? analysis : relinkAnalysis(analysis, article.slug)) : null;
      // With a cache, articles carry their tree lazily (`withLazyTree`): copying their fields
      // leaves it behind, and it is attached again to the analysed article.
      if (article && reusable) {
        const { figures, entities, quotes, events, topics, terms } = reusable;
        analysed.push(withLazyTree({ ...article, figures, entities, quotes, events, topics, terms }, () => treeOf(entry)));
        if (cached?.signals) signalsOf.set(article.slug, cached.signals);
        stats.hits++;
      } else {
        const result = article ? analyseArticle(article, context) : null;
        stats.misses++;
        if (store && key) {
          const analysis = result && { slug: result.slug, figures: result.figures, entities: result.entities, quotes: result.quotes, events: result.events, topics: result.topics, terms: result.terms };
          const signals = article && duplicateSignals(article);
          if (article && signals) signalsOf.set(article.slug, signals);
          store.set(
            key,
            encodeEntry({ readDiagnostics: entry.readDiagnostics, cleanDiagnostics: entry.cleanDiagnostics, article: article && { ...article, slug: entry.provisional as Slug }, analysis, signals: signals && encodeSignals(signals) }),
          );
          if (entry.tree) store.set(treeKey(key), encodeTree(entry.tree));
          entry.tree = null;
          if (result) analysed.push(withLazyTree(result, () => treeOf(entry)));
        } else if (result) analysed.push(result);
      }
      if (article && key) keyOf.set(article.slug, key);
    });
    return analysed;
  });
  return { base, version, analysed, keyOf, signalsOf, gazetteer, diagnostics, timings, stats };
}

/**
 * Fill the cache with the per-article stages' results for `input.files`, and nothing else: the
 * integration runs it over shares of the new articles in parallel before `runPipeline`, which
 * then finds them in the cache.
 */
export function fillCache(input: PipelineInput & { cache: NonNullable<PipelineInput['cache']> }): void {
  runArticleStages(input);
}

/**
 * Near-duplicates over the whole corpus, each article's shingles taken from the cache where it
 * has them (made when the article was analysed) rather than made again.
 */
function findDuplicates(analysed: AnalysedArticle[], cached: { signalsOf: Map<Slug, DuplicateSignals | EncodedSignals>; stats: CacheStats } | undefined): Map<Slug, Duplicate[]> {
  if (!cached) return searchNearDuplicates(analysed).duplicates;
  const { signalsOf, stats } = cached;
  return searchNearDuplicates(analysed, undefined, {
    signals: (i): DuplicateSignals => {
      const article = analysed[i] as AnalysedArticle;
      const kept = signalsOf.get(article.slug);
      if (kept && typeof kept.shingles !== 'string') return kept as DuplicateSignals;
      const signals = kept && decodeSignals(kept);
      if (kept && !signals) stats.corrupt++;
      return signals ?? duplicateSignals(article);
    },
  }).duplicates;
}

export function runPipeline(input: PipelineInput): PipelineOutput {
  const { base, version, analysed, keyOf, signalsOf, gazetteer, diagnostics, timings, stats } = runArticleStages(input);
  const store = input.cache?.store;
  // One entity per name across the corpus: an article whose analysis this changes is keyed by
  // the change too, so its page, record and topics are made again when another article's name
  // changes what it says.
  const { changed } = timed(timings, 'analyse', () => consolidateEntities(analysed, gazetteer));
  for (const [slug, digest] of changed) {
    const key = keyOf.get(slug);
    if (key) keyOf.set(slug, `${key}-${digest}`);
  }
  const progress = progressOf(input);
  const duplicates = timed(timings, 'analyse', () => findDuplicates(analysed, store && { signalsOf, stats }));

  const briefingKeys = new Map<string, string>();
  const briefings = timed(timings, 'brief', () => {
    const representatives = storyRepresentatives(analysed, duplicates);
    const entityNames = new Map(input.entities.map((e) => [e.name, e.aliases]));
    /** A briefing from the last build, when its topic's articles are the same (see `briefingKey`). */
    const lastBriefing = (topic: Topic): TopicBriefing | undefined => {
      if (!store) return undefined;
      const members = analysed
        .filter((article) => article.topics.some((match) => match.topic === topic.slug))
        .map((article) => [keyOf.get(article.slug) as string, article.slug, representatives.get(article.slug) ?? article.slug] as const);
      const key = briefingKey(version, topic.slug, members);
      briefingKeys.set(topic.slug, key);
      const text = store.get(`briefing-${key}`);
      const briefing = text === undefined ? undefined : decodeBriefing(text, topic.slug);
      if (text !== undefined && !briefing) stats.corrupt++;
      return briefing;
    };
    // One topic is a long step at scale: progress is shown as each begins and at the end.
    return input.topics.map((topic, i) => {
      input.onProgress?.('brief', i, input.topics.length);
      const last = lastBriefing(topic);
      if (last) stats.briefingHits++;
      else stats.briefingMisses++;
      const briefing = last ?? buildBriefing(topic, analysed, { representatives, aliases: entityNames });
      const key = briefingKeys.get(topic.slug);
      if (!last && store && key) store.set(`briefing-${key}`, JSON.stringify(briefing));
      if (i === input.topics.length - 1) input.onProgress?.('brief', i + 1, input.topics.length);
      return briefing;
    });
  });

  const toMdx = (article: AnalysedArticle, marks: Map<string, FigureMark[]>): string => {
    stats.pageMisses++;
    return articleToMdx(article, marks);
  };
  // With a cache, an article's page and record, and a topic's files, are handed to the writer
  // under keys of what they are made from (an article page: the article and the facts its figures
  // link to; a topic's: its briefing's key), so an unchanged one is not even made: the file the
  // writer wrote last time is its cache.
  const keys = store && {
    page: (article: AnalysedArticle, marks: Map<string, FigureMark[]>) => {
      const articleEntry = keyOf.get(article.slug);
      return articleEntry && pageKey(articleEntry, article.slug, marks);
    },
    record: (article: AnalysedArticle, own: Duplicate[]) => {
      const articleEntry = keyOf.get(article.slug);
      return articleEntry && recordKey(articleEntry, article.slug, own, base);
    },
    briefing: (topic: string) => briefingKeys.get(topic),
  };
  const output = timed(timings, 'emit', () =>
    emitFiles(
      {
        base,
        articles: analysed,
        duplicates,
        topics: input.topics,
        briefings,
        diagnostics,
        toMdx,
        entityAliases: new Map(gazetteer.entities.map((e) => [e.slug, e.aliases])),
        ...(keys ? { keys } : {}),
        onArticle: (done, total) => progress('emit', done, total),
      },
      input.write,
    ),
  );
  // A page the writer found unchanged under its key was not made: it counts as a page reused.
  stats.pageHits = analysed.length - stats.pageMisses;

  return {
    articles: analysed,
    duplicates,
    briefings,
    files: output,
    diagnostics,
    timings: timings as PipelineOutput['timings'],
    cache: store ? stats : null,
  };
}
