/**
 * The `articles` content collection: each article page the pipeline wrote as MDX
 * (`<generated>/articles/<slug>.mdx`), rendered to HTML here (`article-html.ts`), so that no
 * article is a Vite module: Vite bundles only the site's templates, and the page shows the HTML
 * (`articleHtml`). An entry holds the page's front matter and a digest of the page and the
 * renderer (its code, the compiler's version, astro.config.mjs: `compilerDigest`); its HTML is
 * kept under that digest (`ARTICLE_HTML_DIR` in `src/core/generated.ts`).
 *
 * A page is rendered only when no HTML is kept under its digest: a rebuild renders the pages
 * the pipeline changed, and `astro dev` starts from what the last build rendered. In `astro
 * dev` the folder is watched, and a page the pipeline writes again is rendered at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { generatedDir } from '../config/paths.ts';
import { ARTICLE_HTML_DIR, decodeArticleHtml, encodeArticleHtml } from '../core/generated.ts';
import { renderArticleHtml, splitPage } from './article-html.ts';
import { openStore } from '../io/store.ts';
import { compilerDigest } from './compiled-mdx.ts';

const PAGE = /^[a-z0-9-]+\.mdx$/;

export function articleLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'briefings-articles',
    load: async (context: LoaderContext) => {
      const { store, watcher, logger } = context;
      const root = fileURLToPath(context.config.root);
      const renderer = compilerDigest(root);
      const kept = openStore(join(generatedDir(root), ARTICLE_HTML_DIR));
      const counts = { rendered: 0, unchanged: 0 };

      const sync = async (name: string) => {
        const id = name.slice(0, -'.mdx'.length);
        const page = readFileSync(join(dir, name), 'utf8');
        const digest = context.generateDigest(`${renderer}\0${page}`);
        if (store.get(id)?.digest === digest && kept.has(digest)) {
          kept.keep(digest);
          counts.unchanged++;
          return;
        }
        const { frontMatter, body } = splitPage(page);
        const data = await context.parseData({ id, data: (parseYaml(frontMatter) ?? {}) as Record<string, unknown> });
        if (decodeArticleHtml(kept.get(digest)) === undefined) {
          kept.set(digest, encodeArticleHtml(renderArticleHtml(body).html));
          counts.rendered++;
        } else counts.unchanged++;
        store.set({ id, data, digest });
      };

      const names = listPages(dir);
      const present = new Set(names.map((name) => name.slice(0, -'.mdx'.length)));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      for (const name of names) await sync(name);
      // The folder keeps the pages of this build and no other.
      kept.prune();
      logger.info(`${names.length} article pages: ${counts.rendered} rendered, ${counts.unchanged} unchanged`);

      if (!watcher) return;
      watcher.add(dir);
      const pageOf = (path: string) => (path.startsWith(`${dir}/`) && PAGE.test(basename(path)) && !path.slice(dir.length + 1).includes('/') ? basename(path) : undefined);
      const changed = async (path: string) => {
        const name = pageOf(path);
        if (!name) return;
        try {
          await sync(name);
        } catch (error) {
          logger.error(`could not render ${name}: ${(error as Error).message}`);
        }
      };
      watcher.on('add', changed).on('change', changed);
      watcher.on('unlink', (path) => {
        const name = pageOf(path);
        if (name) store.delete(name.slice(0, -'.mdx'.length));
      });
    },
  };
}

/** The folder's article pages, sorted; none when the pipeline has not written it yet. */
function listPages(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => PAGE.test(name))
      .sort();
  } catch {
    return [];
  }
}
