/**
 * The site's search index: Pagefind over the built pages, written to `<outDir>/pagefind/`. Run by
 * the integration when Astro has written the pages, or by `npm run build` once Astro's process
 * has ended (see `INDEX_LATER` in index.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Set (to `1`) by `npm run build` (scripts/build.ts), which indexes the site itself once Astro's
 * process has ended: Pagefind then never runs beside Astro's heap (at 5,000 articles the two
 * together were the build's peak memory).
 */
export const INDEX_LATER = 'BRIEFINGS_INDEX_LATER';

/**
 * Pagefind's own search interfaces, which it writes beside the index: the site has its own
 * (`src/site/client/search-page.ts`, on Pagefind's JS API), so these ~420 KB are never requested.
 */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/**
 * The pages that carry `data-pagefind-body` (`indexed` in Base.astro): each article, topic and
 * entity, at `<section>/<slug>/index.html`. Pagefind reads and parses every page it is given,
 * even one it then skips for having no body, and the skipped ones are the biggest (a topic's
 * figures and quotes, page by page): given these alone, adding 5,000 articles' pages took 5 s
 * instead of 10, and the index written is the same file for file.
 */
export const INDEXED_PAGES = '{articles,topics,entities}/*/index.html';

export async function indexSite(outDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    for (const name of UNUSED) rmSync(join(outDir, 'pagefind', name), { force: true });
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
