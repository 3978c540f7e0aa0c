/**
 * The generated folder's writer (`.briefings/`): it writes files one at a time as the pipeline
 * makes them, writes only files whose contents changed (so `astro dev` reloads only what changed),
 * and removes files no longer produced. Every path written is checked to stay inside the folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { backgroundWrites } from './background-writes.ts';

/**
 * A file to write: its contents, or a key of everything its contents are made from and a way to
 * make them, which the writer calls only when it does not have the file under that key already.
 */
export type WrittenFile = { path: string; contents: string } | { path: string; key: string; make: () => string };

function listFiles(dir: string, skip: ReadonlySet<string>): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((top) => !skip.has(top.name))
    .flatMap((top) => {
      if (top.isFile()) return [top.name];
      if (!top.isDirectory()) return [];
      return readdirSync(join(dir, top.name), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
    });
}

export interface GeneratedWriter {
  /**
   * Write one file, unless it already holds these contents. A keyed file is not even made when
   * the last run wrote it under the same key and it is untouched since.
   */
  write(file: WrittenFile): void;
  /** Wait for the writes, and remove every file not written in this run. */
  finish(): void;
}

/**
 * What the writer knows of a file it wrote: a digest of its contents, its size and time on
 * disk, and the key it was made under (empty for a file given with its contents).
 */
type Written = [digest: string, size: number, mtimeMs: number, key?: string];

/**
 * Write files under `outDir` one at a time, as the pipeline makes them, then remove the ones no
 * longer produced. Top-level entries named in `keep` (the memo, the build report) are left alone.
 *
 * With `record` (a file path), the writer keeps what it wrote there, and a later run skips a file
 * whose contents hash the same while the file on disk still has the size and time it was written
 * with: a rebuild after adding one article compares digests instead of reading every file. A file
 * changed or rewritten since (by hand, by a run that stopped midway) is compared as it is, so the
 * record can only save work, never keep a stale file.
 *
 * With `background`, the writes themselves happen on a thread of their own (`background-writes.ts`)
 * while the caller goes on making files; `finish` waits for them, and throws if one failed.
 */
export function generatedWriter(outDir: string, keep: ReadonlySet<string> = new Set(), record?: string, { background = false } = {}): GeneratedWriter {
  const root = resolve(outDir);
  const produced = new Set<string>();
  const made = new Set<string>();
  const before = record ? readRecord(record) : new Map<string, Written>();
  const after = new Map<string, Written>();
  const writes = background ? backgroundWrites() : undefined;
  /**
   * The files there when the writer opened (outside `keep`), listed in one walk: a file not
   * among them is written without a `stat` first, which would wait on the folder the background
   * thread is creating files in.
   */
  const present = new Set(listFiles(root, keep));
  const mayExist = (path: string) => present.has(path) || keep.has(path.split('/', 1)[0] as string);
  /** Files written in the background: their record's size and time come when they are written. */
  const pending: string[] = [];
  const place = (given: string) => {
    const target = resolve(root, given);
    if (!target.startsWith(root + sep)) throw new Error(`refusing a path outside ${outDir}: ${given}`);
    return { target, path: relative(root, target).split(sep).join('/') };
  };
  /** Whether the last run wrote the file (`known`, its record) under `key` and it is untouched since. */
  const keptUnder = (known: Written | undefined, key: string | undefined, stat: Stats | undefined): known is Written =>
    key !== undefined && known?.[3] === key && stat?.isFile() === true && known[1] === stat.size && known[2] === stat.mtimeMs;
  return {
    write(emitted) {
      const { target, path } = place(emitted.path);
      produced.add(path);
      const stat = mayExist(path) ? statSync(target, { throwIfNoEntry: false }) : undefined;
      const known = before.get(path);
      const key = 'key' in emitted ? emitted.key : undefined;
      if (keptUnder(known, key, stat)) {
        after.set(path, known);
        return;
      }
      const file = 'make' in emitted ? { path: emitted.path, contents: emitted.make() } : emitted;
      const digest = record ? createHash('sha1').update(file.contents).digest('base64url') : '';
      const unchanged =
        stat?.isFile() &&
        (known && known[0] === digest && known[1] === stat.size && known[2] === stat.mtimeMs
          ? true
          : // A file of another size differs: only a file of the same size is read and compared.
            stat.size === Buffer.byteLength(file.contents) && readFileSync(target, 'utf8') === file.contents);
      if (!unchanged) {
        const folder = dirname(target);
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
        if (writes) writes.write(target, file.contents);
        else writeFileSync(target, file.contents);
      }
      if (record) {
        // A file still being written gets its size and time in `finish`.
        const later = writes !== undefined && !unchanged;
        if (later) pending.push(path);
        const now = later ? { size: -1, mtimeMs: -1 } : unchanged && stat ? stat : statSync(target);
        after.set(path, key === undefined ? [digest, now.size, now.mtimeMs] : [digest, now.size, now.mtimeMs, key]);
      }
    },
    finish() {
      const stats = writes?.finish();
      for (const path of pending) {
        const entry = after.get(path) as Written;
        const { size, mtimeMs } = stats?.get(resolve(root, path)) ?? { size: -1, mtimeMs: -1 };
        entry[1] = size;
        entry[2] = mtimeMs;
      }
      for (const stale of listFiles(root, keep)) if (!produced.has(stale)) rmSync(join(root, stale));
      if (record) {
        mkdirSync(dirname(record), { recursive: true });
        writeFileSync(record, JSON.stringify(Object.fromEntries(after)));
      }
    },
  };
}

/** The record of an earlier run; empty when there is none or it cannot be read. */
function readRecord(path: string): Map<string, Written> {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Written>;
    return new Map(Object.entries(value).filter(([, w]) => Array.isArray(w) && (w.length === 3 || (w.length === 4 && typeof w[3] === 'string'))));
  } catch {
    return new Map();
  }
}
