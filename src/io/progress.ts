/**
 * Progress of a long build, for a person watching a terminal: one line, rewritten in place. In
 * CI, or when the output goes to a file, nothing: a line per update would bury the log.
 */

/** Where progress goes: standard error by default; tests give a stream of their own. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

type Env = Record<string, string | undefined>;

/** Whether progress is shown: on a terminal, outside CI. */
export const interactive = (stream: ProgressStream = process.stderr, env: Env = process.env): boolean => stream.isTTY === true && !env.CI;

/** A stage and its count ("briefings: emit 250/5000"), cleared when the stage is done; undefined where progress is not shown. */
export function progressLine(stream: ProgressStream = process.stderr, env: Env = process.env): ((stage: string, done: number, total: number) => void) | undefined {
  if (!interactive(stream, env)) return undefined;
  return (stage, done, total) => void stream.write(`\r\x1b[K  briefings: ${stage} ${done}/${total}${done === total ? '\r\x1b[K' : ''}`);
}

/**
 * A step that cannot count its work (Pagefind indexes a folder in one call): its name and the
 * seconds it has run, every second until the returned function ends it.
 */
export function elapsedLine(label: string, stream: ProgressStream = process.stderr, env: Env = process.env): () => void {
  if (!interactive(stream, env)) return () => {};
  const start = performance.now();
  const show = () => void stream.write(`\r\x1b[K  ${label}… ${Math.floor((performance.now() - start) / 1000)} s`);
  show();
  const timer = setInterval(show, 1000);
  return () => {
    clearInterval(timer);
    stream.write('\r\x1b[K');
  };
}
