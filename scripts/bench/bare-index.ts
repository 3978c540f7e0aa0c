/**
 * The floor's search index: Pagefind over the bare baseline's built site with Pagefind's own
 * defaults (every HTML page, each page's whole body), as any Astro site adds search. The
 * benchmark runs this as a process of its own after the bare build, so that its time, processor
 * time and memory are measured like the builds' (`measure.ts`).
 *
 * `node scripts/bench/bare-index.ts <site folder>`: writes `<site folder>/pagefind/` and prints
 * the pages indexed.
 */
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

export async function indexBareSite(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  const [siteDir] = process.argv.slice(2);
  if (!siteDir) throw new Error('usage: bare-index.ts <site folder>');
  console.log(`search index: ${await indexBareSite(resolve(siteDir))} pages`);
}
