/**
 * The per-article stages (read, clean, analyse) of the articles the cache does not hold yet, on
 * every core: each article depends only on itself, and the pipeline is otherwise one thread on a
 * machine that has more. Worker threads fill the cache; `runPipeline` then runs as always and
 * finds them there, so its output is the same whether or not the workers ran (the cache's own
 * promise, see `src/pipeline/cache.ts`), and a worker that fails costs time, never an article.
 *
 * Each worker takes its share in batches, so it never holds more than a batch's articles. An
 * article whose final slug differs from the one its batch gave it (a title shared across
 * batches) has its analysis re-linked to that slug by `runPipeline` (`relinkAnalysis`).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { articleKeys, fillCache, type PipelineInput } from '../pipeline/index.ts';
import { openCache } from '../io/generated-writer.ts';

/** Fewer new articles than this per worker are not worth starting threads (each loads the pipeline's code, ~0.5 s). */
const MIN_SHARE = 200;
/** Articles a worker reads, cleans and analyses at a time. */
const BATCH = 500;

export interface CacheFillOptions {
  /** Hears the articles done so far. */
  onProgress?: (done: number, total: number) => void;
  /** The fewest new articles per worker (default 200); tests lower it. */
  minShare?: number;
}

type CachedInput = PipelineInput & { cache: NonNullable<PipelineInput['cache']> };

interface Job {
  input: Omit<CachedInput, 'cache' | 'onProgress' | 'write'> & { code: string };
  cacheDir: string;
}

export interface CacheFill {
  /** Articles read, cleaned and analysed by the workers, and how many workers. */
  articles: number;
  workers: number;
  ms: number;
}

/**
 * Fill `cacheDir` with the per-article results of every file of `input` it lacks, in as many
 * worker threads as there are cores (none when there are too few new articles to gain).
 */
export async function fillCacheInParallel(input: CachedInput, cacheDir: string, { onProgress, minShare = MIN_SHARE }: CacheFillOptions = {}): Promise<CacheFill> {
  const start = performance.now();
  const keys = articleKeys(input);
  const cache = openCache(cacheDir);
  const missing = input.files.filter((_, i) => !cache.has(keys[i] as string));
  const workers = Math.min(availableParallelism(), Math.floor(missing.length / minShare));
  if (workers < 2) return { articles: 0, workers: 0, ms: 0 };

  const { cache: { code }, onProgress: _progress, write: _write, ...data } = input;
  let done = 0;
  // Interleaved shares, so that each worker gets a like mix of long and short articles.
  const shares = Array.from({ length: workers }, (_, w) => missing.filter((_, i) => i % workers === w));
  await Promise.all(
    shares.map(
      (files) =>
        new Promise<void>((resolve) => {
          const job: Job = { input: { ...data, files, code }, cacheDir };
          const worker = new Worker(new URL(import.meta.url), { workerData: job });
          worker.on('message', (count: number) => {
            done += count;
            onProgress?.(done, missing.length);
          });
          // A worker that fails leaves its articles to `runPipeline`: slower, same output.
          worker.on('error', (error: Error) => process.stderr.write(`briefings: a cache-filling worker stopped (${error.message}); the pipeline reads its articles itself\n`));
          worker.on('exit', () => resolve());
        }),
    ),
  );
  return { articles: missing.length, workers, ms: performance.now() - start };
}

if (!isMainThread && parentPort && (workerData as Job | undefined)?.cacheDir) {
  const { input, cacheDir } = workerData as Job;
  const { code, files, ...rest } = input;
  const store = openCache(cacheDir);
  for (let from = 0; from < files.length; from += BATCH) {
    const batch = files.slice(from, from + BATCH);
    fillCache({ ...rest, files: batch, cache: { store, code } });
    parentPort.postMessage(batch.length);
  }
}
