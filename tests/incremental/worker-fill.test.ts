import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, manifestOf, renderArticle } from '../../scripts/bench/corpus.ts';
import { runIncremental } from '../../src/incremental/index.ts';
import { fillInParallel, type FillInput } from '../../src/incremental/worker-fill.ts';
import { openStore } from '../../src/io/store.ts';
import { runPipeline } from '../../src/pipeline/index.ts';
import { sampleConfig } from '../helpers/samples.ts';

const synthetic = generateCorpus(60, 11);
const encode = (text: string) => new TextEncoder().encode(text);
const story = '# One title for two files\n\nApple shipped 10 million iPhones in China in the fourth quarter, Canalys said.\n';
/**
 * Sixty synthetic articles, a file the reader refuses, and two files with one title side by side:
 * each goes to its own worker, where both are analysed under the title's slug, and the whole
 * corpus gives the second one its file name.
 */
const files = [
  { file: 'a-same-title.md', bytes: encode(story) },
  { file: 'b-same-title.md', bytes: encode(story) },
  ...synthetic.map((a) => ({ file: a.file, bytes: encode(renderArticle(a)) })),
  { file: 'empty.txt', bytes: encode('  \n') },
];
const fill: FillInput = { files, manifest: manifestOf(synthetic), topics: sampleConfig.topics, entities: sampleConfig.entities, code: 'test' };
const input = { ...fill, site: sampleConfig.site };
const incremental = (dir: string) => runIncremental({ ...input, memo: { store: openStore(dir), code: 'test' } });

describe('filling the memo in parallel', () => {
  const root = mkdtempSync(join(tmpdir(), 'briefings-fill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads, cleans and analyses the new articles in worker threads; the pipeline then reads none itself, and gives the same output', async () => {
    const dir = join(root, 'memo');
    const progress: number[] = [];
    expect(await fillInParallel(fill, dir, { minShare: 10, onProgress: (done) => progress.push(done) })).toMatchObject({ articles: files.length, workers: 2 });
    expect(progress.at(-1)).toBe(files.length);
    const warm = incremental(dir);
    expect(warm.reuse).toMatchObject({ articles: { reused: files.length, made: 0 }, unreadable: 0 });
    expect(warm.files).toEqual(runPipeline(input).files);
    expect(warm.articles.map((a) => a.slug)).toEqual(expect.arrayContaining(['one-title-for-two-files', 'one-title-for-two-files-b-same-title']));
  });

  it('starts no thread for fewer new articles than a share, nor for articles already in the memo', async () => {
    const dir = join(root, 'few');
    expect(await fillInParallel(fill, dir, { minShare: files.length })).toEqual({ articles: 0, workers: 0, ms: 0 });
    expect(readdirSync(root)).not.toContain('few');
    incremental(dir);
    expect(await fillInParallel(fill, dir, { minShare: 1 })).toMatchObject({ articles: 0, workers: 0 });
  });
});
