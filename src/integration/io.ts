/**
 * The pipeline's edges on disk: read the article files, write the generated folder. Writes only
 * files whose contents changed (so `astro dev` reloads only what changed) and removes files no
 * longer produced. Every path written is checked to stay inside the generated folder.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { OutputFile } from '../pipeline/emit/index.ts';

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

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Write `files` under `outDir`; return how many were written and removed. */
export function writeGenerated(outDir: string, files: OutputFile[]): { written: number; removed: number } {
  const root = resolve(outDir);
  let written = 0;
  const keep = new Set<string>();
  for (const file of files) {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${outDir}: ${file.path}`);
    keep.add(relative(root, target).split(sep).join('/'));
    if (existsSync(target) && statSync(target).isFile() && readFileSync(target, 'utf8') === file.contents) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
    written++;
  }
  let removed = 0;
  for (const stale of listFiles(root)) {
    if (keep.has(stale)) continue;
    rmSync(join(root, stale));
    removed++;
  }
  return { written, removed };
}
