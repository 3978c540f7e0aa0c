/**
 * Output files kept from the last build: each file emit makes from one article or one topic
 * (`LazyFile`) goes to the writer under a key of what it is made from (`outputKey`), and a writer
 * that wrote the file under that key last time, untouched since, does not make it again
 * (`src/io/generated-writer.ts`): a rebuild after one new article makes the pages and records of
 * the articles it touches, not of all of them.
 *
 * From the same keys come the article pages' keys for Astro's incremental build, which restores
 * a page whose key is unchanged instead of rendering it (`ARTICLE_PAGE_KEYS_FILE`).
 */
import { articleDataFile } from '../core/generated.ts';
import type { AnalysedArticle, Duplicate } from '../core/types.ts';
import type { EmittedFile, OutputFile } from '../pipeline/emit/index.ts';
import { articlePageKey, outputKey } from './keys.ts';
import type { Reuse } from './memo.ts';

/** A file as the writer takes it: its contents, or a key and a way to make them. */
export type KeyedFile = OutputFile | { path: string; key: string; make: () => string };

export interface OutputKeys {
  version: string;
  base: string;
  /** An article's key, by its file. */
  articleKey(file: string): string;
  /** A topic's briefing key. */
  topicKey(topic: string): string;
  /** The corpus's articles, with their final slugs, by file and by slug. */
  article(file: string): AnalysedArticle | undefined;
  title(slug: string): string | undefined;
}

export interface KeyedOutputs {
  /** Hands each emitted file to `write`, keyed when it is made from one article or one topic. */
  write(file: EmittedFile): void;
  /** Each article page's key for Astro, by slug: its record's key and its near-duplicates' titles. */
  pageKeys: Record<string, string>;
}

export function keyedOutputs(write: (file: KeyedFile) => void, keys: OutputKeys, reuse: Reuse): KeyedOutputs {
  const pageKeys: Record<string, string> = {};
  return {
    pageKeys,
    write(file) {
      if (!('from' in file)) return write(file);
      const { from } = file;
      let key: string;
      if ('topic' in from) key = outputKey(keys.version, keys.base, file.path, keys.topicKey(from.topic), null);
      else {
        key = outputKey(keys.version, keys.base, file.path, keys.articleKey(from.article), from.with);
        const article = keys.article(from.article);
        // An article page shows its record, and its near-duplicates by title.
        if (article && file.path === articleDataFile(article.slug)) {
          pageKeys[article.slug] = articlePageKey(key, (from.with as Duplicate[]).map((d) => keys.title(d.slug) ?? null));
        }
      }
      reuse.outputs.kept++;
      write({
        path: file.path,
        key,
        make: () => {
          reuse.outputs.kept--;
          reuse.outputs.made++;
          return file.make();
        },
      });
    },
  };
}
