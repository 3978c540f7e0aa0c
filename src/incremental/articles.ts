/**
 * The per-article steps, memoised: an article file's read, clean and analysis are kept under its
 * key (its name, bytes and manifest entry, and the code and configuration: `articleKey`), so a
 * rebuild reads back every article whose key it has instead of reading, cleaning and analysing it
 * again. Its near-duplicate signals are kept in the same entry.
 *
 * The tree, half an entry's size, is kept apart and read back only when the article's page is
 * made again: articles carry it lazily (`withLazyTree`), so no tree stays in memory once stored.
 */
import type { ArticleMeta } from '../config/schema.ts';
import type { AnalysedArticle, ArticleFile } from '../core/types.ts';
import { duplicateSignals, type DuplicateSignals } from '../pipeline/analyse/duplicates.ts';
import { prepareArticle } from '../pipeline/article.ts';
import { steps, type Steps } from '../pipeline/index.ts';
import { decodeEntry, decodeSignals, decodeTree, encodeEntry, encodeSignals, encodeTree, type EncodedSignals } from './codecs.ts';
import { articleKey, treeKey } from './keys.ts';
import type { MemoStore, Reuse } from './memo.ts';

/**
 * `article.tree`, read when asked for instead of kept. Not enumerable, so that copying the
 * article's fields leaves it behind.
 */
function withLazyTree<T extends object>(article: T, load: () => AnalysedArticle['tree']): T & Pick<AnalysedArticle, 'tree'> {
  return Object.defineProperty(article, 'tree', { get: load, enumerable: false, configurable: true }) as T & Pick<AnalysedArticle, 'tree'>;
}

export interface MemoisedArticles extends Pick<Steps, 'article' | 'signals'> {
  /** Each article file's key, by its name, once the step has seen it. */
  keyOf: ReadonlyMap<string, string>;
}

export function memoisedArticles(store: MemoStore, version: string, reuse: Reuse): MemoisedArticles {
  const keyOf = new Map<string, string>();
  /** Signals as kept (encoded) or as made, by article file. */
  const signalsOf = new Map<string, EncodedSignals | DuplicateSignals>();

  /**
   * An article's tree from its entry; when that is missing or broken, from the file again (a
   * damaged memo costs time, never a page).
   */
  const treeOf = (key: string, file: ArticleFile, meta: ArticleMeta | undefined) => () => {
    const stored = store.get(treeKey(key));
    const tree = stored === undefined ? undefined : decodeTree(stored);
    if (tree) return tree;
    if (stored !== undefined) reuse.unreadable++;
    const again = (prepareArticle(file, meta).article as AnalysedArticle).tree;
    store.set(treeKey(key), encodeTree(again));
    return again;
  };

  const article: Steps['article'] = (file, meta, context, time) => {
    const key = articleKey(version, file.file, file.bytes, meta);
    keyOf.set(file.file, key);
    const stored = time('read', () => store.get(key));
    const entry = stored === undefined ? undefined : decodeEntry(stored);
    if (stored !== undefined && !entry) reuse.unreadable++;
    if (entry) {
      reuse.articles.reused++;
      if (entry.signals) signalsOf.set(file.file, entry.signals);
      if (entry.article) store.keep?.(treeKey(key));
      return { diagnostics: entry.diagnostics, article: entry.article && withLazyTree(entry.article, treeOf(key, file, meta)) };
    }
    reuse.articles.made++;
    const made = steps.article(file, meta, context, time);
    if (!made.article) {
      store.set(key, encodeEntry({ diagnostics: made.diagnostics, article: null, signals: null }));
      return made;
    }
    const { tree, ...fields } = made.article;
    const signals = duplicateSignals(made.article);
    signalsOf.set(file.file, signals);
    store.set(key, encodeEntry({ diagnostics: made.diagnostics, article: fields, signals: encodeSignals(signals) }));
    store.set(treeKey(key), encodeTree(tree));
    return { diagnostics: made.diagnostics, article: withLazyTree(fields, treeOf(key, file, meta)) };
  };

  const signals: Steps['signals'] = (analysed) => {
    const kept = signalsOf.get(analysed.file);
    if (kept && typeof kept.shingles !== 'string') return kept as DuplicateSignals;
    const decoded = kept && decodeSignals(kept);
    if (kept && !decoded) reuse.unreadable++;
    return decoded ?? steps.signals(analysed);
  };

  return { article, signals, keyOf };
}
