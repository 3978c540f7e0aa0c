/**
 * The incremental layer: the only code that remembers builds. `runIncremental` runs the pipeline
 * (`runPipeline`) with some of its steps taken from a memo of earlier builds rather than made —
 * every article whose file is unchanged (`articles.ts`), every briefing whose articles are
 * unchanged (`briefings.ts`) — and hands the writer each output file under a key of what it is
 * made from, so that the writer need not make a file it already has (`outputs.ts`). A result is
 * reused only under the key of everything it is made from (`keys.ts`), so the output is what
 * `runPipeline` gives, whatever the memo holds (tests/incremental/).
 */
import type { AnalysedArticle } from '../core/types.ts';
import { normaliseBase } from '../core/urls.ts';
import type { OutputFile } from '../pipeline/emit/index.ts';
import { runPipeline, steps, type PipelineInput, type PipelineOutput, type Steps } from '../pipeline/index.ts';
import { memoisedArticles } from './articles.ts';
import { memoisedBriefings } from './briefings.ts';
import { memoVersion } from './keys.ts';
import { noReuse, type MemoStore, type Reuse } from './memo.ts';
import { keyedOutputs, type KeyedFile } from './outputs.ts';

export type { MemoStore, Reuse } from './memo.ts';
export type { KeyedFile } from './outputs.ts';

export interface IncrementalInput extends Omit<PipelineInput, 'write'> {
  /** Where earlier builds' results are kept, and a digest of the code that made them. */
  memo: { store: MemoStore; code: string };
  /** Takes each output file (see `PipelineInput.write`); a keyed one need not be made when the writer has it under its key. */
  write?: (file: KeyedFile) => void;
}

export interface IncrementalOutput extends PipelineOutput {
  reuse: Reuse;
  /** Each article page's key for Astro's incremental build, by slug (`ARTICLE_PAGE_KEYS_FILE`). */
  pageKeys: Record<string, string>;
}

export function runIncremental(input: IncrementalInput): IncrementalOutput {
  const { store, code } = input.memo;
  const version = memoVersion({ code, topics: input.topics, entities: input.entities });
  const reuse = noReuse();
  const articles = memoisedArticles(store, version, reuse);

  // Consolidating entity names over the corpus may change an article whatever its file: from there
  // on its key carries the change, so its page, record and briefings are made again.
  const changedIn = new Map<string, string>();
  let byFile = new Map<string, AnalysedArticle>();
  let bySlug = new Map<string, AnalysedArticle>();
  const consolidate: Steps['consolidate'] = (corpus, gazetteer) => {
    byFile = new Map(corpus.map((article) => [article.file, article]));
    bySlug = new Map(corpus.map((article) => [article.slug as string, article]));
    const consolidation = steps.consolidate(corpus, gazetteer);
    for (const [slug, digest] of consolidation.changed) changedIn.set(bySlug.get(slug)?.file ?? '', digest);
    return consolidation;
  };
  const articleKey = (file: string) => `${articles.keyOf.get(file) ?? ''}${changedIn.has(file) ? `-${changedIn.get(file)}` : ''}`;
  const briefings = memoisedBriefings(store, version, (article) => articleKey(article.file), reuse);

  const files: OutputFile[] = [];
  const write = input.write ?? ((file: KeyedFile) => void files.push('make' in file ? { path: file.path, contents: file.make() } : file));
  const outputs = keyedOutputs(
    write,
    {
      version,
      base: normaliseBase(input.base),
      articleKey,
      topicKey: (topic) => briefings.keyOf.get(topic) ?? '',
      article: (file) => byFile.get(file),
      title: (slug) => bySlug.get(slug)?.title,
    },
    reuse,
  );
  const output = runPipeline({ ...input, write: outputs.write }, { article: articles.article, signals: articles.signals, consolidate, briefing: briefings.briefing });
  return { ...output, files, reuse, pageKeys: outputs.pageKeys };
}
