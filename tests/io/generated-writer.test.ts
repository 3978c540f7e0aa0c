import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedWriter, type WrittenFile } from '../../src/io/generated-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefings-generated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let folders = 0;
/** A folder of its own, with the writer's record kept in it. */
function folderWithRecord() {
  const folder = join(dir, `run-${folders++}`);
  mkdirSync(folder);
  const record = join(folder, 'written.json');
  /** One run: every file written, then finished. */
  const run = (files: WrittenFile[], options = {}) => {
    const writer = generatedWriter(folder, new Set(['written.json']), record, options);
    for (const file of files) writer.write(file);
    writer.finish();
  };
  return { folder, record, run };
}
const read = (folder: string, path: string) => readFileSync(join(folder, path), 'utf8');
const mtime = (folder: string, path: string) => statSync(join(folder, path)).mtimeMs;
/** Set a file's time in the past, so that a rewrite would show. */
const age = (folder: string, path: string) => utimesSync(join(folder, path), 1000, 1000);

describe('the generated folder', () => {
  it('writes files as they come, rewrites only changed ones, removes stale ones and leaves what it keeps', () => {
    const folder = join(dir, 'plain');
    const first = generatedWriter(folder, new Set(['memo']));
    for (const path of ['a.json', 'articles/b.mdx', 'articles/c.mdx']) first.write({ path, contents: `${path}\n` });
    first.finish();
    writeFileSync(join(folder, 'memo.json'), 'not kept: only the folder named memo is');
    mkdirSync(join(folder, 'memo'));
    writeFileSync(join(folder, 'memo', 'k.json'), 'v');
    age(folder, 'a.json');

    const second = generatedWriter(folder, new Set(['memo']));
    second.write({ path: 'a.json', contents: 'a.json\n' });
    second.write({ path: 'articles/b.mdx', contents: 'B, changed\n' });
    second.finish();
    expect(mtime(folder, 'a.json')).toBe(1_000_000);
    expect(read(folder, 'articles/b.mdx')).toBe('B, changed\n');
    expect(existsSync(join(folder, 'articles/c.mdx'))).toBe(false);
    expect(existsSync(join(folder, 'memo.json'))).toBe(false);
    expect(existsSync(join(folder, 'memo', 'k.json'))).toBe(true);
  });

  it('with a record of what it wrote, rewrites a file changed on disk since, even to the same size, and takes a broken record for none', () => {
    const { folder, record, run } = folderWithRecord();
    run([{ path: 'a.mdx', contents: 'A\n' }, { path: 'b.mdx', contents: 'B\n' }]);
    writeFileSync(join(folder, 'b.mdx'), 'X\n');
    utimesSync(join(folder, 'b.mdx'), 1, 1);
    run([{ path: 'a.mdx', contents: 'A\n' }, { path: 'b.mdx', contents: 'B\n' }]);
    expect(read(folder, 'b.mdx')).toBe('B\n');
    writeFileSync(record, '{not json');
    run([{ path: 'a.mdx', contents: 'A, changed\n' }]);
    expect(read(folder, 'a.mdx')).toBe('A, changed\n');
    expect(existsSync(join(folder, 'b.mdx'))).toBe(false);
  });

  it('does not make a keyed file written under the same key and untouched since, and makes it when either changed', () => {
    const { folder, run } = folderWithRecord();
    const made: string[] = [];
    const keyed = (path: string, key: string, contents: string): WrittenFile => ({ path, key, make: () => (made.push(path), contents) });
    run(['a.mdx', 'b.mdx', 'c.mdx'].map((path) => keyed(path, 'k1', `${path}\n`)));
    made.length = 0;
    writeFileSync(join(folder, 'c.mdx'), 'edited by hand\n');
    run([keyed('a.mdx', 'k1', 'a.mdx\n'), keyed('b.mdx', 'k2', 'b.mdx, new\n'), keyed('c.mdx', 'k1', 'c.mdx\n')]);
    expect(made).toEqual(['b.mdx', 'c.mdx']);
    expect(read(folder, 'b.mdx')).toBe('b.mdx, new\n');
    expect(read(folder, 'c.mdx')).toBe('c.mdx\n');
    // The record carries the keys on, including the key of a file it did not make.
    made.length = 0;
    run([keyed('a.mdx', 'k1', 'a.mdx\n'), keyed('b.mdx', 'k2', 'b.mdx, new\n'), keyed('c.mdx', 'k1', 'c.mdx\n')]);
    expect(made).toEqual([]);
  });

  it('writing in the background, writes the same files and the same record, waits at finish, and the next run rewrites nothing', () => {
    const { folder, record, run } = folderWithRecord();
    const files = Array.from({ length: 300 }, (_, i) => ({ path: `pages/${i % 7}/${i}.json`, contents: `${JSON.stringify({ i, text: 'x'.repeat(i * 97) })}\n` }));
    run(files, { background: true });
    for (const file of files) expect(read(folder, file.path)).toBe(file.contents);
    const recorded = Object.entries(JSON.parse(readFileSync(record, 'utf8')) as Record<string, [string, number, number]>);
    expect(recorded.map(([path, [, size, time]]) => [path, size, time])).toEqual(files.map((file) => [file.path, Buffer.byteLength(file.contents), mtime(folder, file.path)]));
    for (const file of files) age(folder, file.path);
    // Aged by hand, the files no longer match the record: each is read and compared, and none rewritten.
    run(files, { background: true });
    expect(files.filter((file) => mtime(folder, file.path) !== 1_000_000)).toEqual([]);
  });

  it('writing in the background, a failed write fails the run at finish with the file named', () => {
    const folder = mkdtempSync(join(dir, 'background-fail-'));
    // A folder where the file should go: the write fails (EISDIR).
    mkdirSync(join(folder, 'a.json'));
    const writer = generatedWriter(folder, new Set(), undefined, { background: true });
    writer.write({ path: 'b.json', contents: '{}\n' });
    writer.write({ path: 'a.json', contents: '{}\n' });
    expect(() => writer.finish()).toThrow(/could not write .*a\.json: EISDIR/);
  });

  it('refuses a path outside the folder', () => {
    expect(() => generatedWriter(dir).write({ path: '../outside.json', contents: '' })).toThrow(/refusing a path outside/);
  });
});
