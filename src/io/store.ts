/**
 * A folder of entries, one file per key: where the incremental layer keeps what earlier builds
 * made (`src/incremental/`), and where the compiled-MDX plugin keeps compiled pages
 * (`src/astro/compiled-mdx.ts`).
 *
 * An entry is written in place, not to a temporary name renamed over it: every entry is text that
 * its reader checks, so one cut short by a build that stopped is a miss, made again, and on ext4 a
 * write-then-rename costs many times the write alone (docs/performance.md). `prune` removes every
 * entry this build did not use, so the folder holds one build's worth.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DiskStore {
  /** The entry, or undefined when there is none; marks it used. */
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Mark an entry as used without reading it, so that `prune` keeps it. */
  keep(key: string): void;
  /** Whether an entry is there, without reading it or marking it used. */
  has(key: string): boolean;
  /** Remove every entry not used since the store was opened; how many. */
  prune(): number;
}

export function openStore(dir: string): DiskStore {
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
