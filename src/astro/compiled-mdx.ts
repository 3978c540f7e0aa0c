/**
 * Compiled MDX pages kept from one build to the next.
 *
 * Astro's incremental build restores unchanged pages instead of rendering them, but Vite still
 * compiles every MDX page before bundling, in every rebuild, for pages that did not change. This
 * integration keeps each page's compiled module in a store in Astro's cache folder
 * (`COMPILED_MDX_DIR`) under a digest of its MDX, its path and the compiler, and hands it back
 * instead of compiling again.
 *
 * The compiler is `@astrojs/mdx`'s Vite plugin; this wraps its `transform` rather than replacing
 * it, so every page still goes through it when it is not in the store, and Astro's own steps
 * after it (the postprocess plugin) run on every page, kept or not. The compiler's digest covers
 * what its output depends on besides the page: the locked package versions, the installed
 * versions of the MDX packages, `astro.config.mjs` (the Markdown processor and its plugins) and
 * this folder's code (the plugins themselves). Entries a build did not use are removed when it
 * ends, so the store holds one build's pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { codeDigest } from '../io/code-digest.ts';
import { openStore, type DiskStore } from '../io/store.ts';

/** The plugin of `@astrojs/mdx` that compiles `.mdx` modules. */
export const MDX_COMPILER = '@mdx-js/rolldown';
/** The store's folder, in Astro's cache folder. */
export const COMPILED_MDX_DIR = 'briefings-compiled-mdx';
const COMPILER_PACKAGES = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri'];

/** What the compiler's `transform` returns for a page. */
interface Compiled {
  code: string;
  map: unknown;
  meta?: unknown;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<Compiled | null | undefined>;

/** A digest of everything but the page that the compiled page depends on. */
export function compilerDigest(root: string): string {
  const hash = createHash('sha256').update(codeDigest(root, [import.meta.dirname]));
  for (const name of COMPILER_PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    hash.update(name).update('\0').update(existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : '-');
  }
  const config = join(root, 'astro.config.mjs');
  if (existsSync(config)) hash.update(readFileSync(config));
  return hash.digest('hex').slice(0, 16);
}

const entryKey = (compiler: string, id: string, code: string): string => createHash('sha256').update(compiler).update('\0').update(id).update('\0').update(code).digest('hex').slice(0, 40);

/** A page from the store, or nothing when the entry is missing or not one this wrote. */
function decode(text: string | undefined): Compiled | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Compiled;
    return typeof value?.code === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wrap the compiler plugin's `transform` with `store`. Exported for the tests; `compiledMdx` is
 * what a site uses.
 */
export function keepCompiled(plugin: Plugin, store: DiskStore, compiler: string): void {
  const transform = plugin.transform as { filter?: unknown; handler: TransformHandler } | undefined;
  if (!transform || typeof transform.handler !== 'function') throw new Error(`${MDX_COMPILER} has no transform handler to wrap: update src/astro/compiled-mdx.ts for this @astrojs/mdx`);
  const compile = transform.handler;
  transform.handler = async function (this: unknown, code, id, ...rest) {
    const key = entryKey(compiler, id, code);
    const kept = decode(store.get(key));
    if (kept) return kept;
    const compiled = await compile.call(this, code, id, ...rest);
    if (compiled && typeof compiled.code === 'string') store.set(key, JSON.stringify({ code: compiled.code, map: compiled.map ?? null, meta: compiled.meta }));
    return compiled;
  };
}

export function compiledMdx(): AstroIntegration {
  let store: DiskStore | undefined;
  return {
    name: 'briefings-compiled-mdx',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        // `astro dev` compiles a page when it is asked for, one at a time: nothing to save there.
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const compiler = compilerDigest(root);
        const opened = openStore(join(fileURLToPath(config.cacheDir), COMPILED_MDX_DIR));
        store = opened;
        const wrapped = new WeakSet<Plugin>();
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'briefings:compiled-mdx',
                configResolved(resolved) {
                  const plugin = resolved.plugins.find((p) => p.name === MDX_COMPILER);
                  if (!plugin || wrapped.has(plugin)) return;
                  wrapped.add(plugin);
                  keepCompiled(plugin, opened, compiler);
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        store?.prune();
      },
    },
  };
}
