import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, manifestOf, renderArticle } from '../../scripts/bench/corpus.ts';
import { contentPaths, loadConfig } from '../../src/config/load.ts';
import { fillCacheInParallel } from '../../src/incremental/worker-fill.ts';
import { openCache } from '../../src/io/generated-writer.ts';
import { runPipeline, type PipelineInput } from '../../src/pipeline/index.ts';
import { ARTICLE_PAGE_KEYS_FILE } from '../../src/core/generated.ts';

const config = loadConfig(contentPaths(join(import.meta.dirname, '..', '..')));
const synthetic = generateCorpus(60, 11);
const encode = (text: string) => new TextEncoder().encode(text);
const story = '# One title for two files\n\nApple shipped 10 million iPhones in China in the fourth quarter, Canalys said.\n';
/**
 * Sixty synthetic articles, a file the reader refuses, and two files with one title side by side:
 * each goes to its own worker, where both take the title's slug, and the whole corpus gives the
 * second one its file name.
 */
const files = [
  { file: 'a-same-title.md', bytes: encode(story) },
  { file: 'b-same-title.md', bytes: encode(story) },
  ...synthetic.map((a) => ({ file: a.file, bytes: encode(renderArticle(a)) })),
  { file: 'empty.txt', bytes: encode('  \n') },
];
const input = (cacheDir?: string): PipelineInput => ({
  files,
  manifest: manifestOf(synthetic),
  topics: config.topics,
  entities: config.entities,
  site: config.site,
  ...(cacheDir ? { cache: { store: openCache(cacheDir), code: 'test' } } : {}),
});
/**
 * Every file a run gives, but the article page keys: with a cache they digest each record's key,
 * which carries the pipeline's version, and without one the record itself (see `emitFiles`).
 */
const contents = (output: ReturnType<typeof runPipeline>) => Object.fromEntries(output.files.filter((f) => f.path !== ARTICLE_PAGE_KEYS_FILE).map((f) => [f.path, f.contents]));

describe('filling the cache in parallel', () => {
  const root = mkdtempSync(join(tmpdir(), 'briefings-fill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads, cleans and analyses the new articles in worker threads, and the pipeline then gives the same files', async () => {
    const dir = join(root, 'cache');
    const progress: number[] = [];
    const fill = await fillCacheInParallel(input(dir) as Required<PipelineInput>, dir, { minShare: 10, onProgress: (done) => progress.push(done) });
    expect(fill).toMatchObject({ articles: files.length, workers: 2 });
    expect(progress.at(-1)).toBe(files.length);
    // An entry and a tree for each article, an entry for the refused file.
    expect(readdirSync(dir)).toHaveLength(2 * (files.length - 1) + 1);

    const warm = runPipeline(input(dir));
    expect(contents(warm)).toEqual(contents(runPipeline(input())));
    // None is analysed again: the article whose slug the whole corpus changed is re-linked.
    expect(warm.cache).toMatchObject({ hits: files.length, misses: 0, corrupt: 0 });
    expect(warm.articles.map((a) => a.slug)).toEqual(expect.arrayContaining(['one-title-for-two-files', 'one-title-for-two-files-b-same-title']));
  });

  it('starts no thread for fewer new articles than a share, nor for articles already in the cache', async () => {
    const dir = join(root, 'few');
    expect(await fillCacheInParallel(input(dir) as Required<PipelineInput>, dir, { minShare: files.length })).toEqual({ articles: 0, workers: 0, ms: 0 });
    expect(readdirSync(root)).not.toContain('few');
    runPipeline(input(dir));
    expect(await fillCacheInParallel(input(dir) as Required<PipelineInput>, dir, { minShare: 1 })).toMatchObject({ articles: 0, workers: 0 });
  });
});
