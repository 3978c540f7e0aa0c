/**
 * File writes on a thread of their own, so the pipeline makes the next page while this disk
 * takes the last one: a cold emit at 5,000 articles spent 7 of its 18 s blocked in
 * `writeFileSync` (profiled), with the machine's second core idle.
 *
 * The pipeline is synchronous, so this is too, from the caller's side: `write` hands a file to
 * the thread and returns; it waits only when more than `MAX_QUEUED` characters are queued, so a
 * corpus of 20,000 articles never holds its output in memory. `finish` waits for the last write
 * and returns each file's size and time on disk (the writer's record), or throws the first
 * error. Waiting uses `Atomics.wait` on memory shared with the thread, and the thread's answer
 * is read with `receiveMessageOnPort`, both synchronous.
 */
import { statSync, writeFileSync } from 'node:fs';
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

/** Characters handed to the thread and not yet written, beyond which `write` waits. */
const MAX_QUEUED = 32 * 1024 * 1024;
/** How long `finish` waits without the thread writing anything before it gives up. */
const STALLED_MS = 120_000;

/** Shared counters: characters queued, and whether the thread has answered `finish`. */
const QUEUED = 0;
const DONE = 1;

export type WrittenStats = Map<string, { size: number; mtimeMs: number }>;

export interface BackgroundWrites {
  /** Write `contents` to `target` (an absolute path whose folder exists), in the background. */
  write(target: string, contents: string): void;
  /** Wait for every write; each file's size and modification time. Throws the first failure. */
  finish(): WrittenStats;
}

interface Answer {
  stats: [string, number, number][];
  error: string | null;
}

export function backgroundWrites(): BackgroundWrites {
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL(import.meta.url), { workerData: { state, port: port1, writer: true }, transferList: [port1] });
  // The process may end without `finish` (a failed build): the thread must not keep it alive.
  worker.unref();
  let finished = false;
  /** Wait while `index` holds `value`, giving up if nothing changes for `STALLED_MS`. */
  const waitWhile = (index: number, value: number) => {
    if (Atomics.wait(state, index, value, STALLED_MS) === 'timed-out' && Atomics.load(state, index) === value) {
      throw new Error(`the generated folder's file writer stopped answering (${(Atomics.load(state, QUEUED) / 1e6).toFixed(1)} M characters left unwritten)`);
    }
  };
  return {
    write(target, contents) {
      if (finished) throw new Error(`a file written after the writer finished: ${target}`);
      for (let queued = Atomics.load(state, QUEUED); queued > MAX_QUEUED; queued = Atomics.load(state, QUEUED)) waitWhile(QUEUED, queued);
      Atomics.add(state, QUEUED, contents.length);
      worker.postMessage([target, contents]);
    },
    finish() {
      finished = true;
      worker.postMessage(null);
      while (Atomics.load(state, DONE) === 0) waitWhile(DONE, 0);
      const answer = receiveMessageOnPort(port2)?.message as Answer | undefined;
      port2.close();
      void worker.terminate();
      if (!answer) throw new Error("the generated folder's file writer finished without an answer");
      if (answer.error) throw new Error(answer.error);
      return new Map(answer.stats.map(([path, size, mtimeMs]) => [path, { size, mtimeMs }]));
    },
  };
}

if (!isMainThread && parentPort && (workerData as { writer?: boolean } | undefined)?.writer) {
  const { state, port } = workerData as { state: Int32Array; port: MessagePort };
  const thread = parentPort;
  const stats: Answer['stats'] = [];
  let error: string | null = null;
  thread.on('message', (message: [string, string] | null) => {
    if (message === null) {
      port.postMessage({ stats, error } satisfies Answer);
      Atomics.store(state, DONE, 1);
      Atomics.notify(state, DONE);
      thread.close();
      return;
    }
    const [target, contents] = message;
    // After a failure the rest is not written: the build fails at `finish` with the first error.
    if (error === null) {
      try {
        writeFileSync(target, contents);
        const { size, mtimeMs } = statSync(target);
        stats.push([target, size, mtimeMs]);
      } catch (cause) {
        error = `could not write ${target}: ${(cause as Error).message}`;
      }
    }
    Atomics.sub(state, QUEUED, contents.length);
    Atomics.notify(state, QUEUED);
  });
}
