/**
 * The `articles` content collection: each article page the pipeline wrote as MDX
 * (`<generated>/articles/<slug>.mdx`), stored in Astro's content layer with its HTML already
 * rendered (`article-html.ts`), the way Astro stores a Markdown entry. `render(entry)` then shows
 * that HTML, and no article is a Vite module: Vite bundles only the site's templates.
 *
 * Each entry keeps a digest of its page and of the renderer (its code, the compiler's version,
 * astro.config.mjs: `compilerDigest`); Astro keeps the store from build to build, so an entry
 * whose digest is unchanged is neither read into a new entry nor rendered again. In `astro dev`
 * the folder is watched: a page the pipeline writes again is rendered again, at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { renderArticleHtml, splitPage } from './article-html.ts';
import { compilerDigest } from './mdx-cache.ts';

const PAGE = /^[a-z0-9-]+\.mdx$/;

export function articleLoader({ dir }: { dir: string }): Loader {
  return {
    name: 'briefings-articles',
    load: async (context: LoaderContext) => {
      const { store, watcher, logger } = context;
      const renderer = compilerDigest(fileURLToPath(context.config.root));
      const sync = async (name: string): Promise<'kept' | 'rendered'> => {
        const id = name.slice(0, -'.mdx'.length);
        const page = readFileSync(join(dir, name), 'utf8');
        const digest = context.generateDigest(`${renderer}\0${page}`);
        if (store.get(id)?.digest === digest) return 'kept';
        const { frontMatter, body } = splitPage(page);
        const frontmatter = (parseYaml(frontMatter) ?? {}) as Record<string, unknown>;
        const data = await context.parseData({ id, data: frontmatter });
        const { html, headings } = renderArticleHtml(body);
        store.set({ id, data, digest, rendered: { html, metadata: { headings, frontmatter } } });
        return 'rendered';
      };

      const names = listPages(dir);
      const present = new Set(names.map((name) => name.slice(0, -'.mdx'.length)));
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      let rendered = 0;
      for (const name of names) if ((await sync(name)) === 'rendered') rendered++;
      logger.info(`${names.length} article pages, ${rendered} rendered, ${names.length - rendered} unchanged`);

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
