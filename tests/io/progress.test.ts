import { afterEach, describe, expect, test, vi } from 'vitest';
import { elapsedLine, interactive, progressLine, type ProgressStream } from '../../src/io/progress.ts';

/** A stream that keeps what is written to it. */
const stream = (isTTY: boolean): ProgressStream & { text: string } => {
  const out = { isTTY, text: '', write: (chunk: string) => (out.text += chunk) };
  return out;
};

afterEach(() => vi.useRealTimers());

describe('build progress', () => {
  test('is shown on a terminal, and never in CI or into a file', () => {
    expect(interactive(stream(true), {})).toBe(true);
    expect(interactive(stream(true), { CI: '1' })).toBe(false);
    expect(interactive(stream(false), {})).toBe(false);
    expect(progressLine(stream(false), {})).toBeUndefined();
    const quiet = stream(true);
    elapsedLine('search index', quiet, { CI: 'true' })();
    expect(quiet.text).toBe('');
  });

  test('a stage and its count, on one line rewritten in place and cleared at the end', () => {
    const out = stream(true);
    const show = progressLine(out, {});
    show?.('emit', 250, 500);
    show?.('emit', 500, 500);
    expect(out.text).toBe('\r\x1b[K  briefings: emit 250/500\r\x1b[K  briefings: emit 500/500\r\x1b[K');
  });

  test('a step that cannot count shows the seconds it has run, until it ends', () => {
    vi.useFakeTimers();
    const out = stream(true);
    const end = elapsedLine('search index', out, {});
    vi.advanceTimersByTime(2_000);
    end();
    vi.advanceTimersByTime(5_000);
    expect(out.text.split('\r\x1b[K').filter(Boolean)).toEqual(['  search index… 0 s', '  search index… 1 s', '  search index… 2 s']);
    expect(out.text.endsWith('\r\x1b[K')).toBe(true);
  });
});
