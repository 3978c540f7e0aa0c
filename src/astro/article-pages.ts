/**
 * Where an article page's rendered HTML waits between the loader that renders it
 * (`article-loader.ts`) and the page that shows it (`src/pages/articles/[slug].astro`): one file
 * per page in the generated folder, named by the digest of the page's MDX and the renderer, the
 * digest its content entry carries.
 *
 * Why not in the entry (`rendered.html`, as Astro keeps Markdown): Astro bundles its content
 * store into the build as one JavaScript string literal, and V8 compiles a literal in time that
 * grows faster than its length. At 5,000 articles the store was 43 MB, and importing it took
 * 21-34 s of every build (on this shared machine, at a load of 6-8); Astro's chunked store
 * (`experimental.collectionStorage`) cut the import to 2.3 s in 1 MiB chunks, but it measures
 * each character's UTF-8 length with a call of its own while it writes, which took 53 s. Read
 * from here, each page reads its own 8 KB when it is rendered.
 *
 * An entry is JSON, checked when read: one cut short by a build that stopped is rendered again,
 * never shown (as the memo's entries, `src/io/store.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDir } from '../config/paths.ts';

/** In the generated folder; the pipeline's writer leaves it alone (`build-content.ts`). */
export const ARTICLE_HTML_DIR = 'article-html';

export const articleHtmlDir = (root: string): string => join(generatedDir(root), ARTICLE_HTML_DIR);

export const encodeArticleHtml = (html: string): string => JSON.stringify({ html });

/** The HTML an entry holds, or undefined when it is not one this module wrote (cut short, say). */
export function decodeArticleHtml(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { html?: unknown };
    return typeof value?.html === 'string' ? value.html : undefined;
  } catch {
    return undefined;
  }
}

/** The HTML of the article page whose content entry has `digest`. */
export function articleHtml(digest: string, root: string = process.cwd()): string {
  const file = join(articleHtmlDir(root), `${digest}.json`);
  const html = decodeArticleHtml(readFileSync(file, 'utf8'));
  if (html === undefined) throw new Error(`${file} is not an article page the loader wrote: delete it and build again`);
  return html;
}
