/**
 * The pipeline's edges on disk: read the article files, write the generated folder, keep the
 * pipeline's cache. Writes only files whose contents changed (so `astro dev` reloads only what
 * changed) and removes files no longer produced. Every path written is checked to stay inside
 * the generated folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CacheStore } from '../incremental/keys.ts';
import { backgroundWrites } from './background-writes.ts';
import type { EmittedFile, OutputFile } from '../pipeline/emit/index.ts';

export function listArticleFiles(dir: string): { file: string; bytes: Uint8Array }[] {
  if (!existsSync(dir)) return [];
  const out: { file: string; bytes: Uint8Array }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      const file = relative(dir, path).split(sep).join('/');
      if (entry.name.startsWith('.') || file === 'manifest.json') continue;
      if (entry.isDirectory()) walk(path);
      // Symbolic links are not followed: an article folder must not reach outside itself.
      else if (entry.isFile()) out.push({ file, bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

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
   * Write one file, unless it already holds these contents. A keyed file (`KeyedOutputFile`)
   * is not even made when it was written under the same key and is untouched since.
   */
  write(file: EmittedFile): void;
  /**
   * The contents of a file when the last run wrote it under `key` and it is untouched since
   * (the same test `write` makes before skipping a keyed file); undefined otherwise.
   */
  read(path: string, key: string): string | undefined;
  /** Remove every file not written in this run; how many were written and removed. */
  finish(): { written: number; removed: number };
}

/**
 * What the writer knows of a file it wrote: a digest of its contents, its size and time on
 * disk, and the key it was made under (empty for a file given with its contents).
 */
type Written = [digest: string, size: number, mtimeMs: number, key?: string];

/**
 * Write files under `outDir` one at a time, as the pipeline makes them, then remove the ones no
 * longer produced. Top-level entries named in `keep` (the cache, the build report) are left alone.
 *
 * With `record` (a file path), the writer keeps what it wrote there, and a later run skips a file
 * whose contents hash the same while the file on disk still has the size and time it was written
 * with: a rebuild after adding one article compares 10,000 digests instead of reading 10,000
 * files. A file changed or rewritten since (by hand, by a run that stopped midway) is compared as
 * it is, so the record can only save work, never keep a stale file.
 *
 * With `background`, the writes themselves happen on a thread of their own (`background-writes.ts`)
 * while the caller goes on making files; `finish` waits for them, and throws if one failed.
 */
export function generatedWriter(outDir: string, keep: ReadonlySet<string> = new Set(), record?: string, { background = false } = {}): GeneratedWriter {
  const root = resolve(outDir);
  let written = 0;
  const produced = new Set<string>();
  const made = new Set<string>();
  const before = record ? readRecord(record) : new Map<string, Written>();
  const after = new Map<string, Written>();
  const writes = background ? backgroundWrites() : undefined;
  /**
   * The files there when the writer opened (outside `keep`), listed in one walk: a file not
   * among them is written without a `stat` first. A cold build at 5,000 articles spent 2 s in
   * 11,000 such calls, each waiting on the folder the background thread was creating files in.
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
    read(given, key) {
      const { target, path } = place(given);
      return keptUnder(before.get(path), key, statSync(target, { throwIfNoEntry: false })) ? readFileSync(target, 'utf8') : undefined;
    },
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
      const file: OutputFile = 'make' in emitted ? { path: emitted.path, contents: emitted.make() } : emitted;
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
        written++;
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
      let removed = 0;
      for (const stale of listFiles(root, keep)) {
        if (produced.has(stale)) continue;
        rmSync(join(root, stale));
        removed++;
      }
      if (record) {
        mkdirSync(dirname(record), { recursive: true });
        writeFileSync(record, JSON.stringify(Object.fromEntries(after)));
      }
      return { written, removed };
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

/** Write `files` under `outDir` (see `generatedWriter`); return how many were written and removed. */
export function writeGenerated(outDir: string, files: OutputFile[], keep: ReadonlySet<string> = new Set()): { written: number; removed: number } {
  const writer = generatedWriter(outDir, keep);
  for (const file of files) writer.write(file);
  return writer.finish();
}

/**
 * The pipeline's cache on disk: one file per entry, named by its key. An entry is written in
 * place, not to a temporary name renamed over it: every entry is JSON that its decoder checks
 * (`src/pipeline/cache.ts`), so one cut short by a build that stopped is a miss, rebuilt, and
 * ext4 makes a write-then-rename ten times slower than the write alone (10,000 entries of 18 KB:
 * 4.9 s against 0.46 s), which was a tenth of a cold build's pipeline. `prune` removes every
 * entry this build did not use, so the cache holds one build's worth.
 */
export interface DiskCache extends CacheStore {
  /** Whether an entry is there, without reading it or marking it used. */
  has(key: string): boolean;
  prune(): number;
}

export function openCache(dir: string): DiskCache {
  const used = new Set<string>();
  let made = false;
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    get(key) {
      used.add(key);
      try {
        return readFileSync(path(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    has(key) {
      return existsSync(path(key));
    },
    keep(key) {
      used.add(key);
    },
    set(key, value) {
      used.add(key);
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      writeFileSync(path(key), value);
    },
    prune() {
      if (!existsSync(dir)) return 0;
      let removed = 0;
      for (const name of readdirSync(dir)) {
        if (used.has(name.replace(/\.json$/, ''))) continue;
        rmSync(join(dir, name), { force: true });
        removed++;
      }
      return removed;
    },
  };
}

/**
 * A digest of the code that produces cached results: every source file of the pipeline and
 * the configuration loader, and the locked versions of the libraries they call. Any edit to
 * them makes every cache key new.
 */
export function codeDigest(projectRoot: string, sourceDirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of sourceDirs) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}
