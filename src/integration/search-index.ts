/**
 * The site's search index: Pagefind over the built pages, written to `<outDir>/pagefind/`. Run by
 * the integration when Astro has written the pages, or by `npm run build` once Astro's process
 * has ended (see `INDEX_LATER` in index.ts).
 */
import { join } from 'node:path';

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
