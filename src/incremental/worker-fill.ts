/**
 * The per-article steps (read, clean, analyse) of the articles the memo does not hold yet, on
 * every core: each article depends only on itself, and the pipeline is otherwise one thread on a
 * machine that has more. Worker threads fill the memo; `runIncremental` then runs as always and
 * finds them there, so its output is the same whether or not the workers ran, and a worker that
 * fails costs time, never an article. Each worker takes its share in batches, so it never holds
 * more than a batch's articles.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openStore } from '../io/store.ts';
import { analyseContext } from '../pipeline/article.ts';
import { memoisedArticles } from './articles.ts';
import type { IncrementalInput } from './index.ts';
import { articleKey, memoVersion } from './keys.ts';
import { noReuse } from './memo.ts';

/** Fewer new articles than this per worker are not worth starting threads (each loads the pipeline's code first). */
const MIN_SHARE = 200;
/** Articles a worker reads, cleans and analyses at a time. */
const BATCH = 500;

/** What the per-article steps read: the files and the configuration. */
export type FillInput = Pick<IncrementalInput, 'files' | 'manifest' | 'topics' | 'entities'> & { code: string };

export interface FillOptions {
  /** Hears the articles done so far. */
  onProgress?: (done: number, total: number) => void;
  /** The fewest new articles per worker (default 200); tests lower it. */
  minShare?: number;
}

export interface WorkerFill {
  /** Articles read, cleaned and analysed by the workers, and how many workers. */
  articles: number;
  workers: number;
  ms: number;
}

interface Job {
  input: FillInput;
  storeDir: string;
}

/**
 * Fill the memo in `storeDir` with the per-article results of every file of `input` it lacks, in
 * as many worker threads as there are cores (none when there are too few new articles to gain).
 */
export async function fillInParallel(input: FillInput, storeDir: string, { onProgress, minShare = MIN_SHARE }: FillOptions = {}): Promise<WorkerFill> {
  const start = performance.now();
  const version = memoVersion(input);
  const store = openStore(storeDir);
  const missing = input.files.filter(({ file, bytes }) => !store.has(articleKey(version, file, bytes, input.manifest[file])));
  const workers = Math.min(availableParallelism(), Math.floor(missing.length / minShare));
  if (workers < 2) return { articles: 0, workers: 0, ms: 0 };

  let done = 0;
  // Interleaved shares, so that each worker gets a like mix of long and short articles.
  const shares = Array.from({ length: workers }, (_, w) => missing.filter((_, i) => i % workers === w));
  await Promise.all(
    shares.map(
      (files) =>
        new Promise<void>((resolve) => {
          const job: Job = { input: { ...input, files }, storeDir };
          const worker = new Worker(new URL(import.meta.url), { workerData: job });
          worker.on('message', (count: number) => {
            done += count;
            onProgress?.(done, missing.length);
          });
          // A worker that fails leaves its articles to the pipeline: slower, same output.
          worker.on('error', (error: Error) => process.stderr.write(`briefings: a worker filling the memo stopped (${error.message}); the pipeline reads its articles itself\n`));
          worker.on('exit', () => resolve());
        }),
    ),
  );
  return { articles: missing.length, workers, ms: performance.now() - start };
}

if (!isMainThread && parentPort && (workerData as Job | undefined)?.storeDir) {
  const { input, storeDir } = workerData as Job;
  const { article } = memoisedArticles(openStore(storeDir), memoVersion(input), noReuse());
  const context = analyseContext(input.topics, input.entities);
  for (let from = 0; from < input.files.length; from += BATCH) {
    const batch = input.files.slice(from, from + BATCH);
    for (const file of batch) article(file, input.manifest[file.file], context, (_, run) => run());
    parentPort.postMessage(batch.length);
  }
}
