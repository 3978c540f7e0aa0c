/** The article files of a content folder, read from disk as the pipeline takes them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ArticleFile } from '../core/types.ts';

/** Every file under `dir` but the manifest and hidden files, by path (with `/`) in name order. */
export function listArticleFiles(dir: string): ArticleFile[] {
  if (!existsSync(dir)) return [];
  const out: ArticleFile[] = [];
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
